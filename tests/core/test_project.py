"""Projects: the user's edits over their photo folders, which are never written."""

import json
import os
from pathlib import Path

import pytest

from helpers import tree_snapshot, write_image
from desktop_app.cli import main
from desktop_app.core.errors import Cancelled, DatasetError, UserError
from desktop_app.core.progress import CancelToken, drive
from desktop_app.core.data.project import Project, export_dataset, open_dataset


@pytest.fixture
def source(two_class_folder):
    """The user's folder (red/ and blue/, 6 photos each) and its snapshot before any edit."""
    return two_class_folder, tree_snapshot(two_class_folder)


def add_photos(project, files, label) -> list[str]:
    """What the window does in two steps (copying off its GUI thread, then one undoable edit), in one."""
    checked = drive(project.import_photos(files))
    project.adopt(checked, label)
    return list(checked)


def labels(index):
    return {p.rsplit("/", 1)[-1]: label for p, label in ((r.path, r.label) for r in index.train)}


def test_every_kind_of_edit_shows_in_the_resolved_view_and_never_touches_the_photos(source, tmp_path):
    folder, before = source
    project = Project.from_folder(folder)
    assert project.resolve().counts() == {"blue": 6, "red": 6}
    green = [write_image(tmp_path / "new" / f"g{i}.png", color=(20, 200 + 5 * i, 20)) for i in range(3)]
    project.add_class("green")
    copies = add_photos(project, [tmp_path / "new"], "green")
    assert len(copies) == 3 and all(str(project.photos_dir()) in c for c in copies)
    project.move([str(folder / "red" / "red0.png")], "blue")
    project.exclude([str(folder / "red" / "red1.png")])
    project.rename_class("blue", "navy")
    index = project.resolve()
    assert index.classes == ["navy", "red", "green"]
    assert index.counts() == {"navy": 7, "red": 4, "green": 3}
    assert labels(index)["red0.png"] == "navy" and "red1.png" not in labels(index)
    project.include([str(folder / "red" / "red1.png")])
    project.delete_class("green")
    assert project.resolve().counts() == {"navy": 7, "red": 5}
    assert tree_snapshot(folder) == before and all(p.exists() for p in green)  # originals only read

    with pytest.raises(UserError, match="already a class called “red”"):
        project.add_class("red")
    with pytest.raises(UserError, match="without slashes"):
        project.rename_class("red", "a/b")


def test_photos_are_imported_with_progress_unreadable_ones_listed_and_a_stop_changes_nothing(source, tmp_path):
    folder, _ = source
    project = Project.from_folder(folder)
    new = [write_image(tmp_path / "new" / f"g{i}.png", color=(20, 200 + 5 * i, 20)) for i in range(3)]
    (tmp_path / "new" / "broken.jpg").write_bytes(b"not a jpeg")
    steps = project.import_photos([tmp_path / "new"])
    assert [next(steps) for _ in range(4)] == [(1, 4), (2, 4), (3, 4), (4, 4)]
    with pytest.raises(StopIteration) as end:
        next(steps)
    checked = end.value.value
    assert project.added == {} and len(checked) == 4  # copied and checked, not yet in the project
    reasons = {Path(copy).suffix: reason for copy, (_sha, reason) in checked.items()}
    assert reasons[".png"] is None and reasons[".jpg"]  # the broken one says why
    project.adopt(checked, "red")
    index = project.read()
    assert index.counts()["red"] == 6 + 3 and len(index.skipped) == 1
    assert all(p.exists() for p in new)

    token = CancelToken()
    steps = project.import_photos([write_image(tmp_path / "more" / f"m{i}.png") for i in range(3)], token)
    next(steps)
    token.cancel()
    with pytest.raises(Cancelled):
        next(steps)
    assert project.read().counts()["red"] == 9  # a stopped import adds nothing


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a Unix kind of file")
def test_a_photo_that_cannot_be_read_is_listed_and_the_project_still_reopens(source, tmp_path):
    """Only copies join the project: an original that could not be read (a pipe named like a photo here) is
    listed while the app runs, and is not written into the file, which the app would then refuse to open."""
    folder, _ = source
    project = Project.from_folder(folder)
    pipe = tmp_path / "new" / "pipe.jpg"
    pipe.parent.mkdir()
    os.mkfifo(pipe)
    add_photos(project, [write_image(tmp_path / "new" / "fine.png"), pipe], "red")
    assert {Path(s.path).name: s.reason for s in project.read().skipped} == {
        "pipe.jpg": "not a regular file (a device, pipe or socket), so it is not read"}
    saved = project.save(tmp_path / "edited")
    reopened = Project.load(saved)
    assert reopened.added == project.added and len(reopened.added) == 1
    assert reopened.read().counts()["red"] == 7 and not reopened.read().skipped


def test_leaving_out_and_taking_back_twenty_thousand_photos_keeps_order_and_no_duplicates():
    project = Project()
    photos = [f"/p/{i}.jpg" for i in range(20_000)]
    project.exclude(photos)
    project.exclude(photos[:10] + ["/p/new.jpg"])
    assert project.excluded == [*photos, "/p/new.jpg"]
    project.include(photos[::2])
    assert project.excluded == [*photos[1::2], "/p/new.jpg"]


def test_a_saved_project_reopens_with_its_edits_and_undo_restores_a_snapshot(source, tmp_path):
    folder, before = source
    project = Project.from_folder(folder)
    project.add_class("green")
    add_photos(project, [write_image(tmp_path / "g.png", color=(20, 220, 20))], "green")
    state = project.snapshot()
    project.move([str(folder / "red" / "red0.png")], "green")
    assert project.resolve().counts()["green"] == 2
    project.restore(state)  # what the window's Undo does
    assert project.resolve().counts()["green"] == 1
    path = project.save(tmp_path / "我的项目")
    assert path.name == "我的项目.ftsproject"
    assert json.loads(path.read_text(encoding="utf-8"))["new_classes"] == ["green"]
    again = Project.load(path)
    assert again.snapshot() == project.snapshot() and again.resolve().counts() == project.resolve().counts()
    assert tree_snapshot(folder) == before


def test_a_project_needs_two_classes_to_train_and_says_what_is_wrong(source, tmp_path):
    folder, _ = source
    project = Project.from_folder(folder)
    project.delete_class("red")
    with pytest.raises(DatasetError, match="only 'blue'"):
        project.resolve()
    (tmp_path / "broken.ftsproject").write_text("{")
    with pytest.raises(UserError, match="not a FineTune Studio project"):
        Project.load(tmp_path / "broken.ftsproject")
    with pytest.raises(UserError, match="does not exist"):
        open_dataset(tmp_path / "nowhere.ftsproject")


def test_the_fixed_dataset_exports_as_folder_per_class(source, tmp_path):
    folder, before = source
    project = Project.from_folder(folder)
    project.move([str(folder / "red" / "red0.png")], "blue")
    out = export_dataset(project.resolve(), tmp_path / "fixed photos")
    assert sorted(p.name for p in (out / "blue").iterdir()) == sorted([f"blue{i}.png" for i in range(6)] + ["red0.png"])
    assert len(list((out / "red").iterdir())) == 5 and tree_snapshot(folder) == before
    with pytest.raises(UserError, match="already exists"):
        export_dataset(project.resolve(), out)


def test_the_command_line_trains_on_a_project_file(source, tmp_path, capsys):
    folder, _ = source
    project = Project.from_folder(folder)
    project.exclude([str(folder / "red" / "red0.png")])
    path = project.save(tmp_path / "colours")
    code = main(["train", str(path), "--out", str(tmp_path / "m.keras"), "--backbone", "mobilenet_v2_0.35",
                 "--image-size", "160", "--epochs", "5", "--fine-tune-layers", "0", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out.strip().splitlines()[-1])["counts"] == {"blue": 6, "red": 5}


def _hand_edited(tmp_path, **fields) -> Path:
    path = tmp_path / "edited.ftsproject"
    path.write_text(json.dumps({"format": "finetune-studio-project", "format_version": 1, **fields}),
                    encoding="utf-8")
    return path


@pytest.mark.parametrize("fields, said", [
    ({"sources": "/"}, "“sources” should be a list of texts"),  # once scanned the whole disk from /
    ({"sources": [1, 2]}, "“sources” should be a list of texts"),
    ({"excluded": {"a": 1}}, "“excluded” should be a list of texts"),
    ({"added": ["x.jpg"]}, "“added” should be a table of texts"),
    ({"relabelled": {"a.jpg": 3}}, "“relabelled” should be a table of texts"),
])
def test_a_hand_edited_project_file_is_checked_before_any_of_it_is_used(tmp_path, fields, said):
    with pytest.raises(UserError, match=said):
        Project.load(_hand_edited(tmp_path, **fields))


def test_relative_folders_are_read_from_the_project_files_folder_not_the_current_one(source, tmp_path,
                                                                                     monkeypatch):
    folder, _ = source
    path = _hand_edited(folder.parent, sources=[folder.name])
    monkeypatch.chdir(tmp_path)  # somewhere else entirely
    assert Project.load(path).sources == [str(folder)]


def test_a_project_cannot_pull_photos_from_outside_its_own_folder_into_training(source, tmp_path):
    outsider = write_image(tmp_path / "elsewhere" / "secret.png")
    path = _hand_edited(tmp_path, sources=[str(source[0])], added={str(outsider): "cat"})
    with pytest.raises(UserError, match="outside the app's project photo folders"):
        Project.load(path)
