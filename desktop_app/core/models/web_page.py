"""A model as a web page: a folder whose index.html classifies a dropped photo in the browser.

The page runs an ONNX copy of the model with ONNX Runtime Web's WebGL runtime (the one that needs no
WebAssembly file), and it opens by double-click: the runtime, the model (base64 in model.js) and the
page's code are classic scripts beside it, which a browser loads from disk where it would refuse a fetch.
The browser cuts and resizes the photo (classifier.js), so the network inside takes the picture size it
was trained at, one photo at a time: WebGL runs fixed shapes only.
"""

import base64
import html
import json
import shutil
import warnings
from pathlib import Path

import numpy as np

from ..i18n import language, tr
from ..paths import RESOURCES_DIR
from .bundle import ModelBundle

MODEL_SCRIPT = "model.js"
_SHIPPED = ("classifier.js", "ort.webgl.min.js")  # copied as they are in resources/web
PAGE_FILES = ("index.html", MODEL_SCRIPT, *_SHIPPED)
_MODEL_PREFIX = "var MODEL = "


def make_web_page(bundle: ModelBundle, name: str, folder: Path, opset: int) -> Path:
    """Write the page for `bundle` (titled `name`) into `folder` (created); return the folder."""
    folder.mkdir()
    onnx_bytes = _fixed_size_onnx(bundle, folder / "network.onnx", opset)
    model = {"classes": list(bundle.classes), "size": bundle.image_size, "crops": bundle.crops,
             "threshold": bundle.metadata.threshold, "onnx": base64.b64encode(onnx_bytes).decode("ascii")}
    # "</" could end the script early in a browser that reads the file as HTML; JSON may escape the slash.
    (folder / MODEL_SCRIPT).write_text(_MODEL_PREFIX + json.dumps(model).replace("</", "<\\/") + ";\n",
                                       encoding="utf-8")
    for file in _SHIPPED:
        shutil.copyfile(RESOURCES_DIR / "web" / file, folder / file)
    page = (RESOURCES_DIR / "web" / "index.html").read_text(encoding="utf-8")
    for key, value in _page_fields(bundle, name).items():
        page = page.replace("{{" + key + "}}", value)
    (folder / "index.html").write_text(page, encoding="utf-8")
    return folder


def read_network(folder: Path) -> bytes:
    """The ONNX network a page's model.js carries, as another program would find it there."""
    text = (folder / MODEL_SCRIPT).read_text(encoding="utf-8")
    return base64.b64decode(json.loads(text.removeprefix(_MODEL_PREFIX).rstrip().rstrip(";"))["onnx"])


def _fixed_size_onnx(bundle: ModelBundle, scratch: Path, opset: int) -> bytes:
    """The model from its picture-size input on (its crop layer, if any, left to the browser), batch 1."""
    import keras
    import onnx

    model = bundle.model
    names = [layer.name for layer in model.layers]
    network = keras.Model(model.get_layer("crop_resize").output, model.output) if "crop_resize" in names else model
    network(np.zeros((1, bundle.image_size, bundle.image_size, 3), np.float32))  # Keras exports called models only
    with warnings.catch_warnings():  # Keras' tf2onnx shim asks numpy for `np.object`, which warns
        warnings.simplefilter("ignore", FutureWarning)
        network.export(str(scratch), format="onnx", verbose=False, opset_version=opset)
    graph = onnx.load(str(scratch))
    scratch.unlink()
    graph.graph.input[0].type.tensor_type.shape.dim[0].dim_value = 1
    return graph.SerializeToString()


def _page_fields(bundle: ModelBundle, name: str) -> dict[str, str]:
    words = {
        "loading": tr("Loading the model…"),
        "ready": tr("Ready: drop a photo."),
        "looking": tr("Looking…"),
        "answer": tr("{label} ({share} sure)"),
        "notSure": tr("Not sure. Most like {label} ({share})."),
        "notPicture": tr("That file is not a picture this browser can open."),
        "noRuntime": tr("This browser could not run the model ({problem}). It needs WebGL: a recent Chrome, Edge, "
                        "Firefox or Safari with hardware acceleration on."),
    }
    return {
        "lang": language().replace("_", "-"),
        "title": html.escape(name),
        "drop": html.escape(tr("Drop a photo here, or click to choose one.")),
        "private": html.escape(tr("The photo stays on this computer: the model runs in this browser.")),
        "made": html.escape(tr("Made with FineTune Studio. Classes: {classes}.", classes=", ".join(bundle.classes))),
        "words": json.dumps(words).replace("</", "<\\/"),
    }
