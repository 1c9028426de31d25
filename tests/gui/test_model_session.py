"""One model in use, shared by the Predict and Evaluate tabs; numbers that agree; honest evaluations."""

import shutil
import warnings
from pathlib import Path

import pytest

from actions import TIMEOUT, cell, chart_figure, drop, load
from fake_training import fake_trainer
from helpers import HOTDOG, copy_hotdog_photos, write_image
from desktop_app.core import paths
from desktop_app.core.models.confidence import threshold_words
from desktop_app.core.data.dataset import SkippedFile, scan_dataset
from desktop_app.core.models.info import ModelInfo
from desktop_app.core.models.plots import cjk_font
from desktop_app.core.training.trainer import TrainingConfig, train

RED, BLUE = "红色", "蓝色"


@pytest.fixture(scope="module")
def colour_model(tmp_path_factory):
    """A real model that knows two colours, with Chinese class names."""
    root = tmp_path_factory.mktemp("colours")
    for label, color in ((RED, (220, 20, 20)), (BLUE, (20, 20, 220))):
        for i in range(6):
            write_image(root / label / f"{i}.png", color=(color[0], color[1] + 5 * i, color[2]))
    config = TrainingConfig(backbone="mobilenet_v2_0.35", image_size=64, epochs=10, fine_tune_layers=0)
    return train(scan_dataset(root), tmp_path_factory.mktemp("models") / "colours.keras", config).model_path


def _open(qtbot, window, model) -> None:
    window.open_model(str(model))
    qtbot.waitUntil(lambda: window.session.ready and window.session.path == Path(model), timeout=60000)


def test_opening_another_model_looks_at_the_photos_again_and_never_shows_old_answers(
        qtbot, snack_model, colour_model, window, tmp_path):
    predict = window.predict_tab
    _open(qtbot, window, snack_model)
    photos = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[:2]
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, photos)
    assert {r.label for r in predict.results.results} <= {"hotdog", "not-hotdog"}
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        window.open_model(str(colour_model))
        # From the moment another model is asked for, the old answers are gone from the table.
        assert predict.results.rowCount() == 0 and "Opening colours" in predict.model_label.text()
        assert "2 photos will be looked at again by colours" in predict.hint.text()
    assert [r.path for r in predict.results.results] == [str(p) for p in photos]
    assert {r.label for r in predict.results.results} <= {RED, BLUE}
    assert "colours" in predict.model_label.text() and RED in predict.model_label.text()
    predict.export_csv(str(tmp_path / "out.csv"))
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").splitlines()[0].split(",")[4:6] == [RED, BLUE]


def test_predict_and_evaluate_share_one_model_loaded_once(qtbot, snack_model, window, monkeypatch):
    from desktop_app.gui.sessions import model_session

    loads = []
    real_load = model_session._load
    monkeypatch.setattr(model_session, "_load", lambda path: (loads.append(path), real_load(path))[1])
    window._on_model_trained(str(snack_model))  # as after a first training run
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    assert loads == [Path(snack_model)]
    assert window.predict_tab.session is window.evaluate_tab.session is window.session
    assert window.predict_tab.add_button.isEnabled() and window.evaluate_tab.folder_button.isEnabled()
    assert window.evaluate_tab.evaluation is not None and window.export_action.isEnabled()


def test_a_not_sure_answer_says_its_guess_and_the_confidence_it_needs(qtbot, snack_model, window):
    predict = window.predict_tab
    _open(qtbot, window, snack_model)
    window.session.set_threshold(0.99)
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        drop(predict, sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[:1])
    answer = cell(predict.results, 0, 1)
    assert answer.startswith("not sure — best guess ") and answer.endswith(", needs 99%")
    predict.show_why(0)
    caption = predict.viewer.caption.text()
    assert "not sure — best guess" in caption and "needs 99%" in caption and "sure." not in caption
    predict.viewer.close()


def test_the_threshold_reads_the_same_in_the_window_the_report_and_the_cli(qtbot, snack_model, window, capsys):
    from desktop_app import cli

    _open(qtbot, window, snack_model)
    words = threshold_words(ModelInfo.read(snack_model).threshold)
    assert words in window.predict_tab.model_label.text() and words in window.evaluate_tab.threshold_text.text()
    assert words in Path(snack_model).with_name("snack report.html").read_text(encoding="utf-8")
    assert cli.main(["evaluate", str(snack_model), str(HOTDOG)]) == 0
    assert words in capsys.readouterr().out


def test_evaluating_on_a_folder_with_other_class_names_says_which_differ(qtbot, snack_model, window, tmp_path):
    tab = window.evaluate_tab
    _open(qtbot, window, snack_model)
    folder = tmp_path / "other"
    for label, source in (("hotdog", "hotdog"), ("cats", "not-hotdog")):
        (folder / label).mkdir(parents=True)
        for src in sorted((HOTDOG / "test" / source).glob("*.jpg"))[:3]:
            shutil.copy(src, folder / label / src.name)
    with qtbot.waitSignal(tab.evaluated, timeout=120000):
        tab.evaluate_folder(str(folder))
    assert tab.evaluation.n == 3 and "right on 3 pictures" in tab.summary.text()
    assert "could not be read" not in tab.summary.text()
    warning = tab.warning.text()
    assert not tab.warning.isHidden() and "“cats”" in warning and "3 pictures in all" in warning
    assert "no pictures of “not-hotdog”" in warning

    shutil.move(folder / "hotdog", folder / "dogs")  # now no class is shared: refused, with both lists
    with qtbot.waitSignal(tab.failed, timeout=60000) as failed:
        tab.evaluate_folder(str(folder))
    assert "None of the folder's classes (cats, dogs) is one the model knows (hotdog, not-hotdog)" in \
        failed.args[0].message


def test_evaluating_on_the_photos_it_was_trained_on_warns(qtbot, snack_model, window):
    tab = window.evaluate_tab
    _open(qtbot, window, snack_model)
    with qtbot.waitSignal(tab.evaluated, timeout=120000):
        tab.evaluate_folder(ModelInfo.read(snack_model).dataset_root)
    assert tab.evaluation.overlap_with_training == 16
    assert "The model was trained on 16 of these pictures" in tab.warning.text()
    with qtbot.waitSignal(tab.evaluated, timeout=120000):
        tab.evaluate_folder(str(HOTDOG))  # its test/ photos: never seen
    assert tab.evaluation.overlap_with_training == 0 and tab.warning.isHidden()


def test_chinese_class_names_are_drawn_in_the_confusion_matrix(qtbot, colour_model, window):
    if cjk_font() is None:
        pytest.skip("no CJK font on this machine (on Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    tab = window.evaluate_tab
    window.tabs.setCurrentWidget(tab)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        with qtbot.waitSignal(tab.evaluated, timeout=30000):
            window.open_model(str(colour_model))
        labels = [t.get_text() for t in chart_figure(tab.confusion).axes[0].get_yticklabels()]
    assert labels == [RED, BLUE]
    assert [str(w.message) for w in caught if "missing from" in str(w.message)] == []


def test_one_list_of_skipped_files_in_the_train_and_dataset_tabs(qtbot, snack_model, make_window, small_photos):
    (small_photos / "hotdog" / "empty.jpg").write_bytes(b"")
    late = SkippedFile(str(small_photos / "not-hotdog" / "truncated.jpg"), "file is truncated or damaged")
    window = make_window(fake_trainer(snack_model, skipped=[late]))
    load(qtbot, window, small_photos)
    assert window.dataset_tab.skipped.list.count() == 1
    model_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Model")
    train = next(a for a in model_menu.actions() if a.text() == "&Train")
    assert train.shortcut().toString() == "Ctrl+T"
    with qtbot.waitSignal(window.training_tab.model_trained, timeout=TIMEOUT):
        train.trigger()
        assert window.tabs.currentWidget() is window.training_tab
    for listing in (window.training_tab.skipped, window.dataset_tab.skipped):
        names = [listing.list.item(i).text() for i in range(listing.list.count())]
        assert names == ["empty.jpg: empty file (0 bytes)", "truncated.jpg: file is truncated or damaged"]
        assert "2 files could not be used" in listing.heading.text()
    assert [f.path for f in ModelInfo.read(window.training_tab.last_model).skipped] == \
        [str(small_photos / "hotdog" / "empty.jpg"), late.path]


def test_a_new_run_never_silently_replaces_the_model_in_use(qtbot, snack_model, make_window, small_photos):
    window = make_window(fake_trainer(snack_model, val_accuracy=0.5))
    tab = window.training_tab
    _open(qtbot, window, snack_model)
    load(qtbot, window, small_photos)
    tab.model_name.setText("My snacks")
    with qtbot.waitSignal(tab.model_trained, timeout=TIMEOUT):
        tab.start_training()
    new = paths.models_dir() / "My snacks.keras"
    assert tab.last_model == new and new.is_file()
    assert window.session.path == Path(snack_model)  # still the model in use
    qtbot.waitUntil(lambda: not tab.choice.isHidden(), timeout=30000)  # compared off the GUI thread
    text = tab.choice_text.text()
    # The fake run copied the model in use: the same answers on the same photos, so no ranking by its
    # (made-up) 50 % against the other's number.
    assert not tab.choice.isHidden() and "The new model <b>My snacks</b> is ready." in text
    assert "No real difference: they answer 0 photos differently" in text and "worse" not in text
    assert tab.keep_button.text() == "Keep “snack”"
    tab.use_new_button.click()
    qtbot.waitUntil(lambda: window.session.ready and window.session.path == new, timeout=60000)
    assert tab.choice.isHidden()
    # A second run with the same name does not overwrite the first.
    tab.model_name.setText("My snacks")
    with qtbot.waitSignal(tab.model_trained, timeout=TIMEOUT):
        tab.start_training()
        qtbot.waitUntil(lambda: tab.chart.point_count() == 0, timeout=5000)  # no old curves
    assert tab.last_model == paths.models_dir() / "My snacks (2).keras" and new.is_file()


def test_choosing_another_dataset_clears_what_the_last_run_said(qtbot, snack_model, make_window, small_photos,
                                                               tmp_path):
    window = make_window(fake_trainer(snack_model))
    tab = window.training_tab
    load(qtbot, window, small_photos)
    with qtbot.waitSignal(tab.model_trained, timeout=TIMEOUT):
        tab.start_training()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    assert "Saved as" in tab.result.text() and tab.save_as_button.isEnabled() and tab.chart.point_count() == 5
    assert tab.chart.kept == 5  # the fake run's held-out numbers are its last round's
    load(qtbot, window, copy_hotdog_photos(tmp_path / "other photos", 4))
    assert tab.result.text() == "" and not tab.save_as_button.isEnabled() and tab.chart.point_count() == 0
    assert tab.model_name.placeholderText().startswith("other photos ")


def test_the_last_dataset_and_model_come_back_on_restart(qtbot, snack_model, make_window, small_photos):
    first = make_window()
    load(qtbot, first, small_photos)
    _open(qtbot, first, snack_model)
    first.close()
    again = make_window()
    qtbot.waitUntil(lambda: again.project_session.index is not None and again.session.ready, timeout=60000)
    assert again.project_session.index.root == str(small_photos) and again.session.path == Path(snack_model)
    assert again.training_tab.train_button.isEnabled()


def test_switching_models_while_a_folder_is_evaluated_never_shows_the_old_models_numbers(
        qtbot, snack_model, colour_model, window, tmp_path):
    from desktop_app.gui.jobs import wait_until_idle

    evaluate = window.evaluate_tab
    _open(qtbot, window, snack_model)
    folder = copy_hotdog_photos(tmp_path / "judge", 12)
    shown = []
    evaluate.evaluated.connect(lambda: shown.append((list(evaluate.evaluation.classes), evaluate.summary.text())))
    evaluate.evaluate_folder(str(folder))
    assert not evaluate.progress.isHidden()
    window.open_model(str(colour_model))  # while the snack model judges the folder
    _open(qtbot, window, colour_model)
    assert wait_until_idle(60)
    qtbot.wait(300)  # what the old evaluation sent would arrive now
    assert shown and all(classes == [RED, BLUE] for classes, _ in shown)
    assert not any(str(folder) in summary for _, summary in shown)
    assert evaluate.evaluation.classes == [RED, BLUE] and evaluate.progress.isHidden()
    assert evaluate.folder_button.isEnabled()


def test_answers_and_heatmap_are_prepared_while_the_model_opens(qtbot, window, snack_model):
    """TensorFlow prepares a computation on its first run: the first heatmap a user asked for waited 5-35 s,
    and each preparing froze the window ~50 ms."""
    _open(qtbot, window, snack_model)
    forward = window.session.predictor.forward
    assert window.session.maker is not None and forward is not None
    assert forward._function.experimental_get_tracing_count() == 1  # run once, on a blank picture
