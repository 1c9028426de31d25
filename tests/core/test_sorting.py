"""Sorting photos into one folder per class with a trained model, and undoing it."""

import csv
import shutil
from pathlib import Path

import pytest

from helpers import HOTDOG
from desktop_app.core.errors import UserError
from desktop_app.core.models.prediction import Prediction, PredictionError, Predictor
from desktop_app.core.models.sorting import RECORD, sort_photos, undo_sort
from desktop_app.core.progress import CancelToken, drive


@pytest.fixture(scope="module")
def model(snack_model):
    """A real model trained on 16 real hot-dog photos with the small bundled backbone (one for the session)."""
    return snack_model


@pytest.fixture
def pile(tmp_path):
    """A messy folder: real test photos in sub-folders, a name that appears twice, and a broken file."""
    pile = tmp_path / "pile"
    for i, label in enumerate(("hotdog", "not-hotdog")):
        for j, photo in enumerate(sorted((HOTDOG / "test" / label).glob("*.jpg"))[:6]):
            (pile / f"day {j % 2}").mkdir(parents=True, exist_ok=True)
            shutil.copy(photo, pile / f"day {j % 2}" / (f"IMG_{j}.jpg" if i == 0 else photo.name))
    (pile / "day 0" / "broken.jpg").write_bytes(b"not a photo")
    return pile


def rows_of(dest):
    with open(dest / RECORD, encoding="utf-8") as f:
        return list(csv.DictReader(f))


def tree(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_copies_land_by_class_with_not_sure_apart_and_nothing_overwritten(model, pile, tmp_path):
    predictor = Predictor(model, threshold=0.8)
    answers = predictor.predict([pile])
    before = tree(pile)
    dest = tmp_path / "sorted"
    (dest / "hotdog").mkdir(parents=True)
    (dest / "hotdog" / "IMG_0.jpg").write_bytes(b"the user's own file")
    result = drive(sort_photos(answers, dest))

    assert tree(pile) == before  # copied: the pile is as it was
    assert (dest / "hotdog" / "IMG_0.jpg").read_bytes() == b"the user's own file"
    rows = rows_of(dest)
    assert len(rows) == len(answers) == 13
    by_source = {row["source"]: row for row in rows}
    for answer in answers:
        row = by_source[answer.path]
        if isinstance(answer, PredictionError):
            assert row["action"] == "left" and row["destination"] == "" and "not an image" in row["error"]
            continue
        folder = answer.label if answer.sure else "not sure"
        assert row["class"] == folder and row["action"] == "copied"
        assert (dest / folder) == Path(row["destination"]).parent
        assert Path(row["destination"]).read_bytes() == Path(answer.path).read_bytes()
    # Two photos named IMG_0.jpg (both days) and the user's own: none overwritten.
    assert len({row["destination"] for row in rows if row["destination"]}) == 12
    assert result.placed == 12 and result.unreadable[0][0].endswith("broken.jpg")
    assert sum(result.per_folder.values()) == 12 and set(result.per_folder) <= {"hotdog", "not-hotdog", "not sure"}
    assert any(not a.sure for a in answers if isinstance(a, Prediction)), "the test wants a not-sure answer"

    with pytest.raises(UserError, match="already holds photos sorted before"):
        drive(sort_photos(answers, dest))
    undone = undo_sort(dest)
    assert undone.restored == 12 and tree(dest) == {"hotdog/IMG_0.jpg": b"the user's own file",
                                                    "sorted (undone).csv": (dest / "sorted (undone).csv").read_bytes()}


def test_move_then_undo_gives_back_the_very_same_tree(model, pile, tmp_path):
    answers = Predictor(model).predict([pile])
    before = tree(pile)
    dest = tmp_path / "sorted"
    result = drive(sort_photos(answers, dest, move=True))
    assert result.moved and result.placed == 12
    assert tree(pile) == {"day 0/broken.jpg": b"not a photo"}  # the unreadable file stays where it was
    undone = undo_sort(dest)
    assert undone.restored == 12 and not undone.kept
    assert tree(pile) == before
    assert [p.name for p in dest.iterdir()] == ["sorted (undone).csv"]  # the emptied class folders are gone


def test_stopping_half_way_leaves_a_record_of_exactly_what_was_done(model, pile, tmp_path):
    answers = Predictor(model).predict([pile])
    dest = tmp_path / "sorted"
    cancel = CancelToken()
    steps = sort_photos(answers, dest, move=True, cancel=cancel)
    for done, _total in steps:
        if done == 5:
            cancel.cancel()
    rows = rows_of(dest)
    assert len(rows) == 5
    placed = [row for row in rows if row["destination"]]
    assert all(Path(row["destination"]).is_file() for row in placed)
    assert sum(1 for p in dest.rglob("*.jpg")) == len(placed)
    undo_sort(dest)
    assert len(list(pile.rglob("*.jpg"))) == 13
