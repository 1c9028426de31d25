"""The charts the window and the training report both show, drawn into a matplotlib Figure they own."""

import functools
import math
from pathlib import Path
from collections.abc import Sequence

import numpy as np

from .confidence import coverage_curve
from ..i18n import tr
from ..progress import EpochMetrics, Phase
from ..percent import percent

# Fonts with Chinese, Japanese and Korean glyphs, in order of preference: Linux (Noto, WenQuanYi), Windows,
# macOS. Matplotlib's default font has none, and class names in any script must not turn into boxes.
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
             "Microsoft YaHei", "SimHei", "PingFang SC", "Hiragino Sans GB", "Heiti SC", "Arial Unicode MS")
CJK_FILE_HINTS = ("cjk", "wqy", "msyh", "simhei", "pingfang", "hiragino", "sourcehan", "arialuni")


@functools.cache
def cjk_font() -> str | None:
    """The first installed CJK-capable font, which charts fall back to for glyphs the default font lacks."""
    import matplotlib
    from matplotlib import font_manager

    found = _first_installed(font_manager.fontManager)
    if found is None:
        # Matplotlib's font list is cached once; a font installed after that is only on disk.
        for file in font_manager.findSystemFonts():
            if any(hint in Path(file).name.lower() for hint in CJK_FILE_HINTS):
                font_manager.fontManager.addfont(file)
        found = _first_installed(font_manager.fontManager)
    if found is not None:
        # Matplotlib takes each glyph from the first family of font.family that has it (per-glyph fallback).
        families = matplotlib.rcParams["font.family"]
        matplotlib.rcParams["font.family"] = [*families, found]
    return found


def _first_installed(manager) -> str | None:
    installed = {f.name for f in manager.ttflist}
    return next((name for name in CJK_FONTS if name in installed), None)


def draw_confusion(figure, matrix: list[list[int]], classes: list[str]) -> None:
    """Counts and row percentages; rows are the true class, columns what the model said."""
    cjk_font()
    cm = np.asarray(matrix)
    rows = cm.sum(axis=1, keepdims=True)
    share = np.divide(cm, rows, out=np.zeros(cm.shape, float), where=rows > 0)
    _start(figure)
    axes = figure.add_subplot()
    axes.imshow(share, cmap="Blues", vmin=0, vmax=1)
    ticks = range(len(classes))
    axes.set_xticks(ticks, classes, rotation=30 if max(map(len, classes)) > 6 else 0, ha="right")
    axes.set_yticks(ticks, classes)
    axes.set_xlabel(tr("model said"))
    axes.set_ylabel(tr("true class"))
    for i in ticks:
        for j in ticks:
            axes.text(j, i, f"{cm[i, j]}\n{percent(share[i, j])}", ha="center", va="center", fontsize=9,
                      color="white" if share[i, j] > 0.6 else "black")


def _start(figure) -> None:
    """An empty figure whose layout is solved at every draw: a canvas the window resizes after drawing would
    otherwise cut off the axis labels that tight_layout made room for at the old size."""
    figure.clear()
    figure.set_layout_engine("constrained")


def history_words() -> dict[str, str]:
    """The learning-curve charts' words (the report's and the Train tab's live one), in the user's language."""
    return {"accuracy": tr("Right (share of pictures)"),
            # Not "error": a non-programmer reads that as 1 - right, and the loss starts well above 1.
            "loss": tr("Penalty for wrong or unsure answers (lower is better)"),
            "epoch": tr("learning round"), "training": tr("training pictures"), "validation": tr("held-out pictures"),
            "kept": tr("the round kept")}


def kept_round(history: Sequence[EpochMetrics], val_accuracy: float | None, val_loss: float | None,
               fine_tuned: bool) -> int | None:
    """The learning round (1-based) whose result the model keeps: the one whose held-out numbers it has."""
    phase = Phase.FINE_TUNE if fine_tuned else Phase.HEAD
    for i, m in enumerate(history, 1):
        if m.phase == phase and (m.val_accuracy, m.val_loss) == (val_accuracy, val_loss) and val_accuracy is not None:
            return i
    return None


def draw_history(figure, history: Sequence[EpochMetrics], kept: int | None = None, rounds: int | None = None,
                 loss_top: float = 1.0) -> None:
    """Accuracy and loss per learning round, training and held-out, a dotted line where fine-tuning starts;
    `kept`: the round the model keeps (kept_round), starred.

    For a run still going (the Train tab's live chart), `rounds` is how many it plans and `loss_top` the loss it
    expects at most: the axes are sized for the whole run, so they do not jump at every round, and the legend
    names every line the run can draw from the start, so none is a surprise."""
    from matplotlib.ticker import MaxNLocator

    cjk_font()
    _start(figure)
    acc, loss = figure.subplots(1, 2)
    x = np.arange(1, len(history) + 1)
    words = history_words()
    live = rounds is not None
    for axes, key in ((acc, "accuracy"), (loss, "loss")):
        axes.plot(x, [getattr(m, key) for m in history], color="#1f77b4", label=words["training"])
        val = [getattr(m, "val_" + key) for m in history]
        if live or any(v is not None for v in val):
            axes.plot(x, [np.nan if v is None else v for v in val], color="#ff7f0e", label=words["validation"])
        # Medium, not matplotlib's large: the long loss title must fit over its half of a 1024 px window.
        axes.set_title(words[key], fontsize="medium")
        axes.set_xlabel(words["epoch"])
        axes.xaxis.set_major_locator(MaxNLocator(6, integer=True))  # rounds are whole numbers
        axes.grid(alpha=0.3)
        for i in range(1, len(history)):
            if history[i].phase != history[i - 1].phase:
                axes.axvline(i + 0.5, color="grey", linestyle=":", linewidth=1)
        if rounds is not None:
            axes.set_xlim(0.5, max(10, rounds, len(history)) + 0.5)
    if kept is not None or live:
        star = ([kept], [history[kept - 1].val_accuracy]) if kept is not None else ([], [])
        # Whole on the last round too, and no part of the layout (an unclipped line took room from the axes).
        acc.plot(*star, linestyle="none", marker="*", markersize=13, color="#2ca02c", label=words["kept"],
                 clip_on=False, in_layout=False)
    acc.set_ylim(0, 1.02)
    if live:
        seen = [v for m in history for v in (m.loss, m.val_loss) if v is not None]
        loss.set_ylim(0, max(1.0, loss_top, *seen) * 1.15)
    legend_below(figure, acc)


def draw_coverage(figure, confidence: np.ndarray, correct: np.ndarray, threshold: float) -> None:
    """Share of pictures answered, and how often those answers are right, for every threshold from where the
    confidences start: the model is rarely less than 1/classes sure, so 0..1 would squeeze the curves into the
    right-hand tenth."""
    cjk_font()
    start = coverage_start(confidence, threshold)
    curve = coverage_curve(confidence, correct, start)
    t = [p.threshold for p in curve]
    _start(figure)
    axes = figure.add_subplot()
    axes.plot(t, [p.coverage for p in curve], label=tr("answered"))
    axes.plot(t, [np.nan if p.accuracy is None else p.accuracy for p in curve], label=tr("right, of those answered"))
    axes.axvline(threshold, color="grey", linestyle="--", linewidth=1)
    axes.set_xlabel(tr("confidence needed to answer"))
    axes.set_ylim(0, 1.02)
    axes.set_xlim(start, 1)
    axes.grid(alpha=0.3)
    legend_below(figure, axes)


def coverage_start(confidence: np.ndarray, threshold: float) -> float:
    """Where the coverage chart's threshold axis starts: a step of 0.05 below both the 5th percentile of the
    confidences (a stray doubtful picture must not stretch the axis) and the threshold in force."""
    low = min(float(np.quantile(confidence, 0.05)) if len(confidence) else 0.0, threshold)
    return max(0.0, math.floor(low * 20) / 20 - 0.05)


def legend_below(figure, axes) -> None:
    """The legend under the chart, outside the axes: inside, it hides whatever curve runs where it sits."""
    handles, labels = axes.get_legend_handles_labels()
    figure.legend(handles, labels, loc="outside lower center", ncol=len(labels), frameon=False, fontsize="small")
