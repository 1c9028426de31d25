"""Exports load back and agree with the original model on real images, with labels.txt beside them."""

import warnings

import numpy as np
import pytest

from helpers import HOTDOG, copy_hotdog_photos
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.models.export import FORMATS, ExportError, ExportProgress, export_model
from desktop_app.core.training.trainer import TrainingConfig, train

REAL = [p for label in ("hotdog", "not-hotdog") for p in sorted((HOTDOG / "test" / label).glob("*.jpg"))[:8]]


@pytest.fixture(scope="module")
def model(snack_model):
    """A real model trained on 16 real hot-dog photos with the small bundled backbone (one for the session)."""
    return snack_model


@pytest.fixture(scope="module")
def exports(model, tmp_path_factory):
    """Every format, exported once into one folder."""
    folder = tmp_path_factory.mktemp("exports")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        steps: dict[str, list[ExportProgress]] = {fmt: [] for fmt in FORMATS}
        made = {fmt: export_model(model, fmt, folder, REAL, steps[fmt].append) for fmt in FORMATS}
    # TensorFlow's own TFLite interpreter warns that it is deprecated (for LiteRT), in the user's terminal.
    assert not [w for w in caught if "deprecated" in str(w.message) and "Interpreter" in str(w.message)]
    return folder, made, steps


def test_each_step_is_told_as_it_begins_with_the_time_left_once_one_is_timed(exports):
    for fmt, steps in exports[2].items():
        assert [s.words for s in steps] == ["Opening the model", "Reading the check photos",
                                            f"Making {FORMATS[fmt].name}", "Checking it on 16 photos against the model"]
        assert [s.step for s in steps] == [1, 2, 3, 4] and {s.steps for s in steps} == {4}
        assert steps[0].seconds_left is None and all(s.seconds_left > 0 for s in steps[1:])


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_loads_back_and_agrees(exports, fmt):
    folder, results, _ = exports
    result, spec = results[fmt], FORMATS[fmt]
    assert result.path == folder / f"snack{spec.suffix}" and result.path.exists()
    assert result.labels == folder / "labels.txt"
    assert result.images_checked == 16
    if fmt == "tflite-quantized":  # quantised weights: within the stated tolerance
        assert result.same_answer_share >= 0.9 and result.max_difference <= 0.15
    else:  # float32: the very same answers
        assert result.same_answer_share == 1.0 and result.max_difference <= 1e-4


def test_exports_sit_beside_one_labels_file_one_guide_and_nothing_else(exports):
    folder, results, _ = exports
    assert (folder / "labels.txt").read_text(encoding="utf-8") == "hotdog\nnot-hotdog\n"
    assert sorted(p.name for p in folder.iterdir()) == sorted([r.path.name for r in results.values()]
                                                              + ["labels.txt", "README.md"])
    assert results["tflite-quantized"].path.stat().st_size < 0.5 * results["tflite"].path.stat().st_size


def test_an_export_needs_readable_check_images(model, tmp_path):
    (tmp_path / "notes.txt").write_text("no pictures here")
    with pytest.raises(ExportError, match="none could be read"):
        export_model(model, "keras", tmp_path / "out", [tmp_path / "notes.txt"])
    assert not (tmp_path / "out" / "snack.keras").exists()


def test_unknown_format(model, tmp_path):
    with pytest.raises(ExportError, match="Unknown export format 'coreml'"):
        export_model(model, "coreml", tmp_path, REAL)


def test_the_guide_says_who_each_file_is_for_and_its_snippets_print_the_apps_answer(model, exports, tmp_path):
    """Every snippet of README.md, run as written (by a fresh Python) on a real photo beside the files."""
    import shutil
    import subprocess
    import sys

    from desktop_app.core.models.export_guide import snippets
    from desktop_app.core.models.prediction import Predictor

    folder, results, _ = exports
    guide = (folder / "README.md").read_text(encoding="utf-8")
    for fmt in FORMATS.values():
        assert f"## {results[fmt.id].path.name} — {fmt.name}\n\n{fmt.for_whom}" in guide
    assert "Opset 17; input “image”" in guide and "hotdog, not-hotdog" in guide
    in_python = [fmt for fmt in FORMATS.values() if fmt.id != "web"]  # the web page's snippet runs in a browser below
    codes = snippets(folder / "README.md")
    assert len(codes) == len(in_python)
    photo = sorted((HOTDOG / "test" / "not-hotdog").glob("*.jpg"))[3]
    shutil.copyfile(photo, folder / "photo.jpg")
    try:
        app = Predictor(model).predict([photo])[0]
        for fmt, code in zip(in_python, codes, strict=True):
            ran = subprocess.run([sys.executable, "-c", code], cwd=folder, capture_output=True, text=True, timeout=300)
            assert ran.returncode == 0, (fmt.id, ran.stderr[-2000:])
            label, probability = ran.stdout.split()
            assert label == app.label, fmt.id
            assert abs(float(probability) - app.confidence) <= max(fmt.max_difference, 1e-4), fmt.id
    finally:
        (folder / "photo.jpg").unlink()


@pytest.fixture(scope="module", params=["mobilenet_v2_0.35", "efficientnet_lite0"])
def any_network_exports(request, model, exports, tmp_path_factory):
    """A model of each bundled network family and its Keras, SavedModel, TFLite and ONNX exports (the MobileNetV2
    one is this module's own model, already exported)."""
    if request.param == "mobilenet_v2_0.35":
        return model, {fmt: exports[1][fmt].path for fmt in FORMATS}
    root = copy_hotdog_photos(tmp_path_factory.mktemp("photos"), 8)
    out = tmp_path_factory.mktemp("models") / f"{request.param}.keras"
    trained = train(scan_dataset(root), out, TrainingConfig(backbone=request.param, image_size=96, epochs=10,
                                                            fine_tune_layers=0)).model_path
    folder = tmp_path_factory.mktemp("exports")
    return trained, {fmt: export_model(trained, fmt, folder, REAL).path
                     for fmt in ("keras", "savedmodel", "tflite", "onnx")}


def test_exports_take_whole_photos_of_any_shape_and_answer_like_the_app(any_network_exports, tmp_path):
    """The crop is inside the model: an export handed the whole photo sees what the app sees."""
    from PIL import Image

    from desktop_app.core.models.export import _RUNNERS
    from desktop_app.core.data.images import load_image
    from desktop_app.core.models.prediction import Predictor

    trained, made = any_network_exports
    photo = Image.open(REAL[0]).convert("RGB")
    shapes = {"very wide": (96 * 4, 96), "very tall": (96, 96 * 3), "tiny": (17, 23)}
    odd = []
    for name, size in shapes.items():
        odd.append(tmp_path / f"{name}.png")
        photo.resize(size).save(odd[-1])
    app = np.array([[p.probabilities[c] for c in p.probabilities] for p in Predictor(trained).predict(odd)])
    for fmt in ("keras", "savedmodel", "tflite", "onnx"):
        whole = np.concatenate([_RUNNERS[fmt](made[fmt], load_image(p).astype(np.float32)[None]) for p in odd])
        assert (whole.argmax(axis=1) == app.argmax(axis=1)).all(), fmt
        # Cut to the model's size, the same pixels; the tiny photo, enlarged 4x, is resized by Pillow in the app
        # and by TensorFlow in the model, whose bilinear filters differ a little (measured: 0.025 at most).
        assert np.abs(whole[:2] - app[:2]).max() < 1e-4, fmt
        assert np.abs(whole[2] - app[2]).max() < 0.05, fmt


def test_an_export_onto_a_full_disk_says_so_and_keeps_the_earlier_one(model, tmp_path, monkeypatch):
    """Python's own file code (the Keras copy) on a full disk; TensorFlow's is tried on a real one below."""
    import errno
    import shutil

    from desktop_app.core.errors import SaveError

    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "snack.keras").write_bytes(b"an earlier export")

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(shutil, "copyfile", disk_full)
    with pytest.raises(SaveError, match="Could not save snack.keras: the disk is full. Nothing was overwritten."):
        export_model(model, "keras", folder, REAL)
    assert [p.name for p in folder.iterdir()] == ["snack.keras"]
    assert (folder / "snack.keras").read_bytes() == b"an earlier export"


@pytest.fixture
def full_disk(tmp_path):
    """A real 64 KB disk (tmpfs): a model export cannot fit on it."""
    import subprocess

    disk = tmp_path / "small disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)], capture_output=True).returncode:
        pytest.skip("this machine does not let the tests mount a small disk (needs root and a mount permission)")
    yield disk
    subprocess.run(["umount", str(disk)], check=True)


@pytest.mark.parametrize("fmt", ["savedmodel", "tflite"])
def test_tensorflows_own_writes_onto_a_full_disk_say_so_in_plain_words(model, full_disk, fmt):
    from desktop_app.core.errors import SaveError

    earlier = full_disk / f"snack{FORMATS[fmt].suffix}"
    earlier.write_bytes(b"an earlier export")
    with pytest.raises(SaveError, match=f"Could not save snack{FORMATS[fmt].suffix}: the disk is full. Nothing"):
        export_model(model, fmt, full_disk, REAL)
    assert [p.name for p in full_disk.iterdir()] == [earlier.name] and earlier.read_bytes() == b"an earlier export"


def test_the_web_page_is_a_folder_a_browser_opens_from_disk_with_a_fixed_size_network(exports):
    import onnx

    from desktop_app.core.models.web_page import PAGE_FILES, read_network
    from desktop_app.core.paths import RESOURCES_DIR

    folder = exports[1]["web"].path
    assert sorted(p.name for p in folder.iterdir()) == sorted(PAGE_FILES)
    runtime = (RESOURCES_DIR / "web" / "ort.webgl.min.js").read_bytes()
    assert (folder / "ort.webgl.min.js").read_bytes() == runtime and b"ONNX Runtime Web v1.31.1" in runtime[:200]
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert "{{" not in page and "<title>snack</title>" in page and '<html lang="en">' in page
    assert '"notSure": "Not sure. Most like {label} ({share})."' in page
    # WebGL runs fixed shapes only: one photo at the model's picture size, cut and resized by the browser.
    network = onnx.load_from_string(read_network(folder))
    dims = [d.dim_value for d in network.graph.input[0].type.tensor_type.shape.dim]
    assert dims == [1, 96, 96, 3] and "Resize" not in {node.op_type for node in network.graph.node}


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    from chromium import Chromium, chromium_or_skip

    chromium = Chromium(chromium_or_skip(), str(tmp_path_factory.mktemp("chromium-profile")))
    yield chromium
    chromium.close()


def test_the_web_page_answers_a_dropped_photo_as_the_app_does_in_a_browser(model, exports, browser):
    from chromium import file_in_page
    from desktop_app.core.models.prediction import Predictor

    browser.open((exports[1]["web"].path / "index.html").as_uri())
    browser.wait_for("document.getElementById('answer').textContent === 'Ready: drop a photo.'", 120)
    photos = [REAL[0], REAL[1], REAL[8], REAL[9]]  # two of each class
    for photo, app in zip(photos, Predictor(model).predict(photos), strict=True):
        browser.drop(photo)
        said = browser.wait_for("document.getElementById('bars').childElementCount === 2 && "
                                "document.getElementById('answer').textContent", 120)
        assert said.startswith(f"{app.label} (" if app.sure else f"Not sure. Most like {app.label} ("), (said, app)
        best = browser.evaluate(f"FineTuneModel.classify({file_in_page(photo)})")[0]
        # The page resizes as Pillow does, but the browser decodes the JPEG in full where the app lets it skip detail
        # (measured on 40 test photos with this 96-px model: median 0.001, largest 0.029; with Chrome's own resize
        # one photo was 0.12 away).
        assert best["label"] == app.label and abs(best["probability"] - app.confidence) < 0.05, (best, app)


def test_a_browser_without_webgl_is_told_what_the_page_needs_not_left_blank(exports, browser):
    # Chromium's --disable-webgl leaves OffscreenCanvas's WebGL on (ONNX Runtime Web still ran): take it away inside.
    no_webgl = ("for (const kind of [HTMLCanvasElement, OffscreenCanvas]) { const get = kind.prototype.getContext; "
                "kind.prototype.getContext = function (type, ...rest) { "
                "return /webgl/.test(type) ? null : get.call(this, type, ...rest); }; }")
    page = (exports[1]["web"].path / "index.html").as_uri()
    browser.open(page + "?without-webgl", first=no_webgl)
    said = browser.wait_for("document.getElementById('answer').className === 'problem' && "
                            "document.getElementById('answer').textContent", 60)
    assert said.startswith("This browser could not run the model (") and said.endswith(
        "It needs WebGL: a recent Chrome, Edge, Firefox or Safari with hardware acceleration on."), said


def test_the_guides_web_snippet_prints_the_apps_answer_from_a_web_server(model, exports, browser):
    import functools
    import http.server
    import shutil
    import threading

    from desktop_app.core.models.export_guide import snippets
    from desktop_app.core.models.prediction import Predictor

    folder = exports[1]["web"].path
    [code] = snippets(exports[0] / "README.md", "html")
    photo = sorted((HOTDOG / "test" / "not-hotdog").glob("*.jpg"))[3]
    shutil.copyfile(photo, folder / "photo.jpg")
    (folder / "mine.html").write_text(code, encoding="utf-8")
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(
        type("Quiet", (http.server.SimpleHTTPRequestHandler,), {"log_message": lambda *args: None}),
        directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        browser.open(f"http://127.0.0.1:{server.server_address[1]}/mine.html")
        label, probability = browser.wait_for("document.body.innerText.trim()", 120).split()
        app = Predictor(model).predict([photo])[0]
        assert label == app.label and abs(float(probability) - app.confidence) < 0.05
    finally:
        server.shutdown()
        (folder / "photo.jpg").unlink()
        (folder / "mine.html").unlink()


def test_the_web_page_speaks_the_language_the_app_exported_in_and_escapes_the_models_name(model, tmp_path):
    import json

    from desktop_app.core.i18n import set_language
    from desktop_app.core.models.bundle import load_bundle
    from desktop_app.core.models.web_page import make_web_page

    set_language("zh_CN")
    try:
        folder = make_web_page(load_bundle(model), "热狗 <b>识别</b>", tmp_path / "web", 17)
    finally:
        set_language("en")
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN">' in page and "<title>热狗 &lt;b&gt;识别&lt;/b&gt;</title>" in page
    assert "把照片拖到这里，或点击选择一张。" in page and "照片留在这台电脑上：模型在此浏览器中运行。" in page
    assert f'"notSure": {json.dumps("不确定。最像 {label}（{share}）。")}' in page
