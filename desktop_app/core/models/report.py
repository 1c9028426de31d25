"""The training report a user keeps: one self-contained HTML file beside the model, opens in any browser.

Dataset, settings, the learning curves, the confusion matrix and the worst mistakes of the validation
(each held-out photo judged by an output layer that had not seen it), pictures embedded.
"""

import base64
import html
import io
import os
from pathlib import Path

from ..atomic import atomic_path
from .bundle import read_metadata
from .confidence import threshold_words
from ..errors import ImageError
from .advice import advise
from .evaluation import Evaluation, validation_evaluation
from ..i18n import QT_TR_NOOP, language, tr
from ..data.images import thumbnail
from .info import ModelInfo
from .plots import draw_confusion, draw_coverage, draw_history, kept_round
from ..percent import percent, share_with_range, whole_percent

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
        return "<div class=missing>" + tr("(file no longer readable)") + "</div>"
    buf = io.BytesIO()
    Image.fromarray(pixels).save(buf, "JPEG", quality=80)
    return f'<img alt="" src="data:image/jpeg;base64,{base64.b64encode(buf.getvalue()).decode()}">'


# The training settings by the names a person can read (the file keeps the exact keys).
SETTING_NAMES = {
    "backbone": QT_TR_NOOP("Pretrained network"),
    "image_size": QT_TR_NOOP("Picture size the network sees (pixels)"),
    "epochs": QT_TR_NOOP("Learning rounds for the new output layer"),
    "learning_rate": QT_TR_NOOP("Learning rate (step size) of the new output layer"),
    "l2": QT_TR_NOOP("Weight penalty that keeps the output layer simple"),
    "dropout": QT_TR_NOOP("Share of features dropped at random while fine-tuning"),
    "fine_tune_layers": QT_TR_NOOP("Layers of the network fine-tuned (empty: decided automatically)"),
    "fine_tune_epochs": QT_TR_NOOP("Fine-tuning rounds"),
    "fine_tune_learning_rate": QT_TR_NOOP("Learning rate (step size) while fine-tuning"),
    "augment": QT_TR_NOOP("Vary the pictures while fine-tuning (crops, mirror, lighting)"),
    "folds": QT_TR_NOOP("Groups the pictures are split into to check on held-out pictures"),
    "seed": QT_TR_NOOP("Random seed (the same seed repeats a run)"),
    "auto_fine_tune_min_validation": QT_TR_NOOP("Automatic fine-tuning needs at least this many held-out pictures"),
    "auto_fine_tune_max_images": QT_TR_NOOP("Automatic fine-tuning only up to this many pictures"),
}


def _setting_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    return str(value)


def write_report(model_path: str | os.PathLike, target: str | os.PathLike) -> Path:
    meta = read_metadata(model_path)
    info = ModelInfo.from_metadata(Path(model_path), meta)
    e = html.escape
    ev = validation_evaluation(meta)
    created = info.created.astimezone().strftime("%Y-%m-%d %H:%M") if info.created else "?"
    if info.skipped:
        skipped = (tr("{used} pictures used; %n file(s) could not be used:", "", len(info.skipped),
                      used=meta.dataset.images_used) + "</p><ul>"
                   + "".join(f"<li><code>{e(f.path)}</code>: {e(f.reason)}</li>" for f in info.skipped) + "</ul>")
    else:
        skipped = tr("{used} pictures used; every file could be used.", used=meta.dataset.images_used) + "</p>"
    # Words taken out of the f-strings: pyside6-lupdate does not look inside one (they stayed English).
    pictures, class_, settings, learning = tr("Pictures"), tr("Class"), tr("Settings"), tr("Learning")
    parts = [f"<h1>{e(info.name)}</h1>",
             "<p>" + tr("Trained {date} with FineTune Studio {version} on {folder}.", date=e(created),
                        version=e(info.app_version), folder=f"<code>{e(info.dataset_root or '?')}</code>") + "</p>",
             f"<h2>{pictures}</h2><table><tr><th>{class_}</th><th>{pictures}</th></tr>",
             *(f"<tr><td>{e(c)}</td><td>{n}</td></tr>" for c, n in info.counts.items()),
             "</table><p>" + skipped,
             f"<h2>{settings}</h2><table>",
             *(f"<tr><td>{e(tr(SETTING_NAMES.get(k, k)))}</td><td>{e(_setting_value(v))}</td></tr>"
               for k, v in meta.config.items()),
             "</table>",
             f"<h2>{learning}</h2>", _figure_png(draw_history, list(meta.history),
                                                                kept_round(meta.history, meta.val_accuracy,
                                                                           meta.val_loss, meta.fine_tuned),
                                                                size=(8, 3.2))]
    if meta.val_accuracy is not None:
        accuracy = (percent(meta.val_accuracy, 1) if meta.val_count is None
                    else share_with_range(meta.val_accuracy, meta.val_count, 1))
        if meta.val_count is None:  # a model file from before the count was kept
            held_out = tr("Right on held-out pictures: <b>{accuracy}</b>.", accuracy=accuracy)
        elif meta.fine_tuned:
            held_out = tr("Right on %n held-out pictures: <b>{accuracy}</b> (the top of the network was "
                          "fine-tuned).", "", meta.val_count, accuracy=accuracy)
        else:
            held_out = tr("Right on %n held-out pictures: <b>{accuracy}</b>.", "", meta.val_count, accuracy=accuracy)
        parts.append(f"<p>{held_out}</p>")
    if ev is not None:
        sure = ev.at_threshold()
        if sure.accuracy is not None:
            coverage = tr("The model {rule} (otherwise it says “not sure”); then {coverage} of pictures get an "
                          "answer, {accuracy} of those right.", rule=threshold_words(ev.threshold),
                          coverage=share_with_range(sure.coverage, ev.n),
                          accuracy=share_with_range(sure.accuracy, sure.answered, 1))
        else:
            coverage = tr("The model {rule} (otherwise it says “not sure”); then no picture gets an answer.",
                          rule=threshold_words(ev.threshold))
        where, precision, recall = tr("Held-out pictures: where it goes wrong"), tr("Precision"), tr("Recall")
        judged = share_with_range(ev.accuracy, ev.n, 1)
        parts += [f"<h2>{where}</h2>",
                  "<p>" + (tr("Each of {n} pictures judged, before fine-tuning, by a model that had not seen it: "
                              "{accuracy} right.", n=ev.n, accuracy=judged) if meta.fine_tuned else
                           tr("Each of {n} pictures judged by a model that had not seen it: {accuracy} right.",
                              n=ev.n, accuracy=judged)) + " " + coverage + "</p>",
                  '<div class=row>', _figure_png(draw_confusion, ev.confusion_matrix, ev.classes, size=(4.2, 3.6)),
                  _figure_png(draw_coverage, ev.confidence, ev.correct, ev.threshold, size=(4.8, 3.6)), "</div>",
                  f"<table><tr><th>{class_}</th><th>{precision}</th><th>{recall}</th>"
                  f"<th>F1</th><th>{pictures}</th></tr>",
                  *_per_class_rows(ev),
                  "</table>",
                  "<h3>" + tr("The {n} most confident mistakes", n=min(WORST, len(ev.mistakes))) + "</h3>",
                  "<div class=grid>"]
        for p, truth in ev.mistakes[:WORST]:
            caption = tr("is <b>{truth}</b>, said <b>{said}</b> ({confidence}%)", truth=e(truth), said=e(p.label),
                         confidence=whole_percent(p.confidence))
            parts.append(f"<figure>{_thumbnail_img(p.path)}<figcaption>{e(Path(p.path).name)}<br>{caption}"
                         "</figcaption></figure>")
        parts.append("</div>" if ev.mistakes else "<p>" + tr("None: every held-out picture was right.") + "</p></div>")
        advice = advise(ev, meta.dataset.train_counts, meta.learning_curve)
        parts += ["<h2>" + tr("To improve this model") + "</h2>",
                  "<ul>" + "".join(f"<li>{e(a.words)}</li>" for a in advice) + "</ul>" if advice else
                  "<p>" + tr("Nothing stands out; more varied photos of every class help most.") + "</p>"]
    title = tr("{model} — training report", model=Path(model_path).stem)
    page = (f"<!doctype html><html lang={language().replace('_', '-')}><head><meta charset=utf-8><title>" + e(title) +
            "</title><style>body{font-family:sans-serif;max-width:60em;margin:2em auto;"
            "color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 8px;text-align:left}"
            ".row,.grid{display:flex;flex-wrap:wrap;gap:8px}figure{margin:0;width:170px;font-size:80%}"
            "</style></head><body>" + "\n".join(parts) + "</body></html>")
    with atomic_path(target) as tmp:
        tmp.write_text(page, encoding="utf-8")
    return Path(target)


def _per_class_rows(ev: Evaluation) -> list[str]:
    """Precision and recall with their intervals: precision is a share of the pictures the model gave the class,
    recall a share of the class's own pictures."""
    rows = []
    for name, m in ev.per_class.items():
        said = ev.said(name)
        precision = share_with_range(m.precision, said) if said else "—"
        rows.append(f"<tr><td>{html.escape(name)}</td><td>{precision}</td><td>{share_with_range(m.recall, m.support)}"
                    f"</td><td>{m.f1:.2f}</td><td>{m.support}</td></tr>")
    return rows
