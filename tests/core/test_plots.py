"""The learning-curve chart's words cannot be misread, and it marks the round the model keeps."""

import numpy as np

from desktop_app.core.models.plots import (coverage_start, draw_confusion, draw_coverage, draw_history, history_words,
                                           kept_round)
from desktop_app.core.progress import EpochMetrics, Phase


def rounds(*val_accuracies, phase=Phase.HEAD):
    return [EpochMetrics(phase, i, len(val_accuracies), 0.5, 0.8, 1.0 - a, a) for i, a in enumerate(val_accuracies, 1)]


def test_the_loss_is_not_called_an_error():
    assert history_words()["loss"] == "Penalty for wrong or unsure answers (lower is better)"


def test_the_kept_round_is_the_one_whose_held_out_numbers_the_model_has():
    head = rounds(0.6, 0.8, 0.7)
    assert kept_round(head, 0.8, 1.0 - 0.8, fine_tuned=False) == 2
    tuned = head + rounds(0.75, 0.85, phase=Phase.FINE_TUNE)
    assert kept_round(tuned, 0.85, 1.0 - 0.85, fine_tuned=True) == 5
    assert kept_round(tuned, 0.8, 1.0 - 0.8, fine_tuned=False) == 2  # fine-tuning ran but was not kept
    assert kept_round(head, None, None, fine_tuned=False) is None  # nothing was held out


def _drawn(figure):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure).draw()
    return figure.canvas.get_renderer()


def _inside(box, figure) -> bool:
    return box.x0 >= 0 and box.y0 >= 0 and box.x1 <= figure.bbox.x1 + 0.5 and box.y1 <= figure.bbox.y1 + 0.5


def test_the_confusion_matrix_keeps_both_axis_labels_when_its_canvas_is_resized_after_drawing():
    from matplotlib.figure import Figure

    figure = Figure(figsize=(4, 3.4), dpi=100)
    draw_confusion(figure, [[92, 8], [11, 89]], ["hotdog", "not-hotdog"])
    _drawn(figure)
    figure.set_size_inches(3.2, 2.6)  # the window gave the canvas less room than it was drawn for
    renderer = _drawn(figure)
    axes = figure.axes[0]
    for label in (axes.xaxis.label, axes.yaxis.label):
        assert label.get_text() and _inside(label.get_window_extent(renderer), figure), label.get_text()


def test_the_coverage_chart_shows_where_the_confidences_are_not_the_empty_range_below():
    from matplotlib.figure import Figure

    rng = np.random.default_rng(0)
    confidence = np.concatenate([rng.uniform(0.9, 1.0, 180), rng.uniform(0.55, 0.9, 20)])  # two classes
    correct = confidence > 0.7
    figure = Figure(figsize=(4, 2.6), dpi=100)
    draw_coverage(figure, confidence, correct, threshold=0.87)
    low, high = figure.axes[0].get_xlim()
    assert 0.5 <= low <= np.quantile(confidence, 0.05) and high == 1.0
    assert coverage_start(confidence, threshold=0.3) <= 0.25  # the threshold in force is always on the chart


def test_legends_sit_outside_the_curves():
    from matplotlib.figure import Figure

    for draw, args in ((draw_history, (rounds(0.6, 0.8, 0.7), 2)),
                       (draw_coverage, (np.linspace(0.5, 1, 50), np.ones(50, bool), 0.8))):
        figure = Figure(figsize=(6, 3.2), dpi=100)
        draw(figure, *args)
        renderer = _drawn(figure)
        assert all(axes.get_legend() is None for axes in figure.axes) and len(figure.legends) == 1
        legend = figure.legends[0].get_window_extent(renderer)
        assert not any(legend.overlaps(axes.get_window_extent(renderer)) for axes in figure.axes)
        assert _inside(legend, figure)


def test_a_run_still_going_has_axes_for_all_its_rounds_and_marks_where_fine_tuning_starts():
    from matplotlib.figure import Figure

    history = rounds(0.6, 0.8, 0.7) + rounds(0.75, phase=Phase.FINE_TUNE)
    figure = Figure(figsize=(8, 3.2), dpi=100)
    draw_history(figure, history, rounds=14, loss_top=1.5)
    acc, loss = figure.axes
    assert acc.get_xlim() == loss.get_xlim() == (0.5, 14.5)  # the axes do not jump at each round
    assert loss.get_ylim()[1] >= 1.5
    for axes in (acc, loss):
        assert [line.get_xdata()[0] for line in axes.lines if line.get_linestyle() == ":"] == [3.5]
    words = history_words()
    assert [t.get_text() for t in figure.legends[0].get_texts()] == [words["training"], words["validation"],
                                                                      words["kept"]]  # the star comes at the end
    _drawn(figure)
    assert acc.get_position().x0 < 0.1  # the star's room, not yet drawn, is not taken from the axes

    figure = Figure(figsize=(8, 3.2), dpi=100)
    draw_history(figure, history[:3], kept=2)  # the report's: sized to the rounds run
    assert figure.axes[0].get_xlim()[1] < 4 and not [line for line in figure.axes[0].lines
                                                       if line.get_linestyle() == ":"]
