"""The README.md written beside a model's exports: which file is for whom, and code to run each as written.

It covers every export of the model in the folder (written again after each export), so a folder made in
several goes still has one guide. The snippets are the app's own contract with the files, and the tests run
them as written against real exports.
"""

from collections.abc import Sequence
from pathlib import Path

from ..atomic import atomic_path
from ..i18n import tr
from .confidence import threshold_words
from .metadata import ModelMetadata

GUIDE = "README.md"

_READ_PHOTO = '''import numpy as np
from PIL import Image, ImageOps

PHOTO = "photo.jpg"  # the photo to look at
labels = open("labels.txt", encoding="utf-8").read().splitlines()
photo = Image.open(PHOTO)
photo.draft("RGB", ({double}, {double}))  # a JPEG is decoded at a reduced scale, as the app does
photo = ImageOps.exif_transpose(photo).convert("RGB")  # upright, as the camera held it
'''
_SQUARE = '''side = min(photo.size)  # the centred square, resized as the app does it
left, top = (photo.width - side) // 2, (photo.height - side) // 2
photo = photo.resize(({size}, {size}), Image.BILINEAR, box=(left, top, left + side, top + side), reducing_gap=2.0)
pixels = np.asarray(photo, dtype=np.float32)[None]  # 0..255, shape [1, {size}, {size}, 3]
'''
_SQUASHED = '''photo = photo.resize(({size}, {size}), Image.BILINEAR, reducing_gap=2.0)  # the whole photo, squashed
pixels = np.asarray(photo, dtype=np.float32)[None]  # 0..255, shape [1, {size}, {size}, 3]
'''
_RUN = {
    "keras": '''import keras

model = keras.saving.load_model("{file}", compile=False)
probabilities = model.predict(pixels, verbose=0)[0]
''',
    "savedmodel": '''import tensorflow as tf

model = tf.saved_model.load("{file}")
probabilities = model.serve(pixels).numpy()[0]
''',
    "tflite": '''from ai_edge_litert.interpreter import Interpreter  # pip install ai-edge-litert

interpreter = Interpreter("{file}")
image, output = interpreter.get_input_details()[0], interpreter.get_output_details()[0]
interpreter.resize_tensor_input(image["index"], pixels.shape)
interpreter.allocate_tensors()
interpreter.set_tensor(image["index"], pixels)
interpreter.invoke()
probabilities = interpreter.get_tensor(output["index"])[0]
''',
    "onnx": '''import onnxruntime  # pip install onnxruntime

session = onnxruntime.InferenceSession("{file}")
probabilities = session.run(None, {{"{input}": pixels}})[0][0]
''',
}
_RUN["tflite-quantized"] = _RUN["tflite"]
_ANSWER = '''
best = int(probabilities.argmax())
print(labels[best], round(float(probabilities[best]), 4))
'''
_WEB = '''<!doctype html>
<meta charset="utf-8">
<img id="photo" src="photo.jpg">
<script src="ort.webgl.min.js"></script>
<script src="model.js"></script>
<script src="classifier.js"></script>
<script>
  // classify() takes an <img>, a File (dropped, or from <input type="file">), a <canvas> or an ImageBitmap.
  FineTuneModel.classify(document.getElementById("photo")).then(function (answers) {
    var best = answers[0];  // {label, probability}, the likeliest first; "not sure" below FineTuneModel.threshold
    document.body.append(best.label + " " + best.probability.toFixed(4));
  });
</script>
'''


def write_guide(folder: Path, stem: str, metadata: ModelMetadata, formats: Sequence) -> Path:
    """Write folder/README.md for the exports of `stem` there (`formats`: the ExportFormats present, each
    with its file named stem + suffix)."""
    lines = [f"# {stem}", "",
             tr("Made with FineTune Studio. The model tells these classes apart, in the order of its outputs "
                "(also in labels.txt): {classes}.", classes=", ".join(metadata.classes)), ""]
    if metadata.crops:
        lines.append(tr("Each file takes a photo as its RGB pixels (0 to 255, float32), shaped [1, height, width, "
                        "3]. Prepared as below (upright, the centred square resized to {size} x {size} pixels), it "
                        "gives the app's answers. It also takes a whole photo of any size and cuts the square "
                        "itself, but resizes it more coarsely: a large photo's answers can then differ from the "
                        "app's by several percent.", size=metadata.image_size))
    else:
        lines.append(tr("Each file takes a photo resized to {size} x {size} pixels, as RGB values from 0 to 255 "
                        "(float32), shaped [1, {size}, {size}, 3].", size=metadata.image_size))
    lines += ["", tr("It returns one probability per class. In the app the model {threshold}.",
                     threshold=threshold_words(metadata.threshold)), ""]
    for fmt in formats:
        file = stem + fmt.suffix
        lines += [f"## {file} — {fmt.name}", "", fmt.for_whom, ""]
        if fmt.id == "web":
            lines += [tr("Open {page} in a browser (double-click it) and drop a photo on it: the browser prepares it "
                         "as the app does and runs the model on the graphics chip (WebGL), and the photo is not "
                         "uploaded. To put it on a website, copy the whole folder. In a page of your own, saved in "
                         "that folder and opened from a web server (a browser does not let a page opened from disk "
                         "read the pixels of a picture it names; for a try: python -m http.server):",
                         page=f"{file}/index.html"), "", "```html", _WEB.rstrip("\n"), "```", ""]
            continue
        input_name = ""
        if fmt.id == "onnx":
            opset, input_name = _onnx_facts(folder / file)
            lines += [tr("Opset {opset}; input “{input}”, output: the probabilities.", opset=opset,
                         input=input_name), ""]
        lines += ["```python", _snippet(fmt.id, file, metadata, input_name).rstrip("\n"), "```", ""]
    target = folder / GUIDE
    with atomic_path(target) as tmp:
        tmp.write_text("\n".join(lines), encoding="utf-8")
    return target


def snippets(guide: Path, language: str = "python") -> list[str]:
    """The code blocks of a guide in `language` (its Markdown name), as written."""
    blocks = guide.read_text(encoding="utf-8").split(f"```{language}\n")[1:]
    return [block.split("```")[0] for block in blocks]


def _snippet(format_id: str, file: str, metadata: ModelMetadata, input_name: str) -> str:
    size = metadata.image_size
    pixels = (_SQUARE if metadata.crops else _SQUASHED).format(size=size)
    run = _RUN[format_id].format(file=file, input=input_name)
    return _READ_PHOTO.format(double=2 * size) + pixels + "\n" + run + _ANSWER


def _onnx_facts(path: Path) -> tuple[int, str]:
    """(the ONNX opset, the name of the input a program feeds), read from the file once."""
    import onnx

    model = onnx.load(str(path), load_external_data=False)
    weights = {w.name for w in model.graph.initializer}  # older files list the weights as inputs too
    opset = next(o.version for o in model.opset_import if o.domain in ("", "ai.onnx"))
    return opset, next(i.name for i in model.graph.input if i.name not in weights)
