"""A thousand photos dropped at once: results stream in with progress, bad files are listed, Stop works."""

import numpy as np
import pytest
from PIL import Image

from actions import cell, drop
from desktop_app.core.models.bundle import ModelBundle, save_bundle
from desktop_app.core.models.metadata import ModelMetadata
from desktop_app.core.tf_runtime import keras, model_lock


@pytest.fixture
def small_model(tmp_path):
    """A real (untrained) two-class model with a 32-pixel input: fast, so the tests are about the window.

    Built before the window exists (list this fixture first), so the test's own TensorFlow work does not
    overlap the window's background import of TensorFlow.
    """
    k = keras()
    with model_lock:
        inputs = k.Input((32, 32, 3))
        x = k.layers.GlobalAveragePooling2D()(k.layers.Rescaling(1 / 255)(inputs))
        model = k.Model(inputs, k.layers.Dense(2, activation="softmax")(x))
    return str(save_bundle(ModelBundle(model, ModelMetadata(("cat", "dog"), image_size=32)), tmp_path / "m.keras"))


def _photos(folder, n):
    folder.mkdir()
    rng = np.random.default_rng(0)
    for i in range(n):
        Image.fromarray(rng.integers(0, 255, (24, 24, 3), dtype=np.uint8)).save(folder / f"{i:04d}.png")
    return folder


def test_a_thousand_photos_and_some_non_images_stream_in_with_progress(qtbot, small_model, window, tmp_path):
    predict = window.predict_tab
    window.open_model(small_model)
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    folder = _photos(tmp_path / "many", 1000)
    (tmp_path / "notes.txt").write_text("a shopping list")
    (tmp_path / "song.mp3").write_bytes(b"ID3" + bytes(100))
    rows_seen, bars = [], []
    predict.results.rowsInserted.connect(lambda *a: rows_seen.append(predict.results.rowCount()))
    predict.results.rowsInserted.connect(lambda *a: bars.append((not predict.progress.isHidden(),
                                                                   predict.progress.value())))
    with qtbot.waitSignal(predict.predictions_shown, timeout=120000) as shown:
        drop(predict, [tmp_path / "notes.txt", folder, tmp_path / "song.mp3"])
    assert shown.args == [1002]
    table = predict.results
    assert table.rowCount() == 1002
    # Streamed: rows arrived in many steps while the bar showed how far it had got.
    assert len(rows_seen) >= 30 and rows_seen == sorted(rows_seen)
    assert all(visible for visible, _ in bars) and [v for _, v in bars] == sorted(v for _, v in bars)
    assert predict.progress.isHidden()
    assert cell(table, 0, 1) == "cannot read" and "not an image" in cell(table, 0, 2)
    assert cell(table, 1001, 1) == "cannot read" and "not an image" in cell(table, 1001, 2)
    assert {cell(table, r, 1) for r in range(1, 1001)} <= {"cat", "dog"}
    # Thumbnails are decoded for the rows on screen only.
    window.tabs.setCurrentWidget(predict)
    qtbot.waitUntil(lambda: table.has_thumbnail(1) and table.has_thumbnail(2), timeout=60000)
    assert not table.has_thumbnail(1000)
    predict.table.scrollToBottom()
    qtbot.waitUntil(lambda: table.has_thumbnail(1000), timeout=60000)


def test_stop_keeps_the_results_so_far_and_drops_the_rest(qtbot, small_model, window, tmp_path):
    predict = window.predict_tab
    window.open_model(small_model)
    qtbot.waitUntil(lambda: window.session.ready, timeout=60000)
    folder = _photos(tmp_path / "many", 1000)
    drop(predict, [folder])
    qtbot.waitUntil(lambda: predict.results.rowCount() >= 64, timeout=60000)
    predict.stop_button.click()
    with qtbot.waitSignal(predict.predictions_shown, timeout=60000):
        pass
    kept = predict.results.rowCount()
    assert 64 <= kept < 1000 and predict.progress.isHidden()
    qtbot.wait(300)
    assert predict.results.rowCount() == kept  # nothing arrives after Stop
