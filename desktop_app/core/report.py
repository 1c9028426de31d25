"""The training report a user keeps: one self-contained HTML file beside the model, opens in any browser.

Dataset, settings, the learning curves, the confusion matrix and the worst mistakes of the validation
(each held-out photo judged by an output layer that had not seen it), pictures embedded.
"""

import base64
import html
import io
import os
from pathlib import Path

from .atomic import atomic_path
from .bundle import read_metadata
from .confidence import threshold_words
from .errors import ImageError
from .evaluation import validation_evaluation
from .images import thumbnail
from .model_info import ModelInfo
from .plots import draw_confusion, draw_coverage, draw_history
from .progress import EpochMetrics, Phase

WORST = 12


def report_path(model_path: Path) -> Path:
    return model_path.with_name(model_path.stem + " report.html")


def _figure_png(draw, *args, size=(6.4, 3.6)) -> str:
    from matplotlib.figure import Figure  # no pyplot: no GUI backend, safe in any thread

    figure = Figure(figsize=size, dpi=100)
    draw(figure, *args)
    buf = io.BytesIO()
    figure.savefig(buf, format="png")
    return f'<img alt="" src="data:image/png;base64,{base64.b64encode(buf.getvalue()).decode()}">'


def _thumbnail_img(path: str) -> str:
    from PIL import Image

    try:
        pixels = thumbnail(path, 160)
    except ImageError:
        return "<div class=missing>(file no longer readable)</div>"
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "JPEG", quality=80)
    return f'<img alt="" src="data:image/jpeg;base64,{base64.b64encode(buf.getvalue()).decode()}">'


def write_report(model_path: str | os.PathLike, target: str | os.PathLike) -> Path:
    meta = read_metadata(model_path)
    info = ModelInfo.from_metadata(Path(model_path), meta)
    e = html.escape
    dataset, config, metrics = meta["dataset"], meta["config"], meta["metrics"]
    history = [EpochMetrics(**dict(m, phase=Phase(m["phase"]))) for m in meta["history"]]
    ev = validation_evaluation(meta)
    created = info.created.astimezone().strftime("%Y-%m-%d %H:%M") if info.created else "?"
    parts = [f"<h1>{e(info.name)}</h1>",
             f"<p>Trained {e(created)} with FineTune Studio {e(info.app_version)} on "
             f"<code>{e(info.dataset_root or '?')}</code>.</p>",
             "<h2>Pictures</h2><table><tr><th>class</th><th>pictures</th></tr>",
             *(f"<tr><td>{e(c)}</td><td>{n}</td></tr>" for c, n in info.counts.items()),
             f"</table><p>{dataset['images_used']} pictures used; {len(info.skipped)} file(s) could not be used"
             + (":</p><ul>" + "".join(f"<li><code>{e(f.path)}</code>: {e(f.reason)}</li>" for f in info.skipped)
                + "</ul>" if info.skipped else ".</p>"),
             "<h2>Settings</h2><table>",
             *(f"<tr><td>{e(k)}</td><td>{e(str(v))}</td></tr>" for k, v in config.items()),
             "</table>",
             "<h2>Learning</h2>", _figure_png(draw_history, history, size=(8, 3.2))]
    if metrics.get("val_accuracy") is not None:
        parts.append(f"<p>Validation accuracy <b>{metrics['val_accuracy']:.1%}</b>"
                     f"{' (fine-tuned)' if metrics.get('fine_tuned') else ''}.</p>")
    if ev is not None:
        sure = ev.at_threshold()
        parts += ["<h2>Validation: where it goes wrong</h2>",
                  f"<p>Each of {ev.n} pictures judged by a model that had not seen it: {ev.accuracy:.1%} right. "
                  f"The model {threshold_words(ev.threshold)} (otherwise it says “not sure”); then "
                  f"{sure.coverage:.0%} of pictures get an answer"
                  + (f", {sure.accuracy:.1%} of those right.</p>" if sure.accuracy is not None else ".</p>"),
                  '<div class=row>', _figure_png(draw_confusion, ev.confusion_matrix, ev.classes, size=(4.2, 3.6)),
                  _figure_png(draw_coverage, ev.confidence, ev.correct, ev.threshold, size=(4.8, 3.6)), "</div>",
                  "<table><tr><th>class</th><th>precision</th><th>recall</th><th>F1</th><th>pictures</th></tr>",
                  *(f"<tr><td>{e(c)}</td><td>{m.precision:.2f}</td><td>{m.recall:.2f}</td><td>{m.f1:.2f}</td>"
                    f"<td>{m.support}</td></tr>" for c, m in ev.per_class.items()),
                  "</table>",
                  f"<h3>The {min(WORST, len(ev.mistakes))} most confident mistakes</h3><div class=grid>"]
        for p, truth in ev.mistakes[:WORST]:
            parts.append(f"<figure>{_thumbnail_img(p.path)}<figcaption>{e(Path(p.path).name)}<br>is "
                         f"<b>{e(truth)}</b>, said <b>{e(p.label)}</b> ({p.confidence:.0%})</figcaption></figure>")
        parts.append("</div>" if ev.mistakes else "<p>None: every validation picture was right.</p></div>")
    page = ("<!doctype html><html><head><meta charset=utf-8><title>" + e(Path(model_path).stem) +
            " — training report</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
            "color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
            ".row,.grid{display:flex;flex-wrap:wrap;gap:8px}figure{margin:0;width:170px;font-size:80%}"
            "</style></head><body>" + "\n".join(parts) + "</body></html>")
    with atomic_path(target) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return Path(target)
