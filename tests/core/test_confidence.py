"""The "not sure" threshold: coverage and accuracy at a threshold, and the default chosen from validation."""

import numpy as np
import pytest

from desktop_app.core.models.confidence import choose_threshold, coverage_at, coverage_curve

# Ten validation answers, by hand: confidence and whether the answer was right.
CONF = np.array([0.99, 0.97, 0.95, 0.90, 0.85, 0.80, 0.70, 0.65, 0.60, 0.55])
RIGHT = np.array([1, 1, 1, 1, 1, 0, 1, 0, 1, 0], bool)


@pytest.mark.parametrize("threshold, coverage, accuracy", [
    (0.0, 1.0, 0.7),  # all 10 answered, 7 right
    (0.62, 0.8, 6 / 8),  # 8 answered (0.65 and up), 6 right
    (0.80, 0.6, 5 / 6),
    (0.85, 0.5, 1.0),
    (0.995, 0.0, None),
])
def test_coverage_and_accuracy_at_a_threshold(threshold, coverage, accuracy):
    point = coverage_at(CONF, RIGHT, threshold)
    assert point.coverage == pytest.approx(coverage) and point.answered == round(coverage * 10)
    assert point.accuracy == (pytest.approx(accuracy) if accuracy is not None else None)


def test_curve_runs_from_everything_to_nothing():
    curve = coverage_curve(CONF, RIGHT)
    assert curve[0].coverage == 1.0 and curve[-1].coverage == 0.0 and len(curve) == 101
    assert [p.coverage for p in curve] == sorted((p.coverage for p in curve), reverse=True)


def test_default_is_the_lowest_threshold_reaching_95_percent_with_half_answered():
    assert choose_threshold(CONF, RIGHT) == 0.85  # answers 5 of 10, all right


def test_default_answers_everything_when_validation_was_always_right():
    assert choose_threshold(CONF, np.ones(10, bool)) == 0.0


def test_default_keeps_half_answered_when_95_percent_is_out_of_reach():
    right = np.array([1, 0] * 5, bool)
    assert coverage_at(CONF, right, choose_threshold(CONF, right)).coverage == 0.5


def test_no_validation_means_always_answer():
    assert choose_threshold(np.array([]), np.array([], bool)) == 0.0


def test_the_default_is_a_whole_percent_rounded_up_so_every_place_shows_the_same_number():
    from desktop_app.core.models.confidence import threshold_percent, threshold_words

    conf = np.array([0.9953, 0.99, 0.98, 0.97, 0.6, 0.55, 0.52, 0.51])
    right = np.array([1, 1, 1, 1, 0, 1, 0, 0], bool)
    t = choose_threshold(conf, right)
    assert t == 0.97 and threshold_percent(t) == 97
    assert choose_threshold(np.array([0.9953, 0.9952, 0.4]), np.array([1, 1, 0], bool)) == 0.99  # never 100%
    assert threshold_words(t) == "answers only when at least 97% sure"
    assert threshold_percent(0.9501) == 96 and threshold_percent(0.95) == 95


def test_a_not_sure_answer_names_its_guess_and_what_it_lacked():
    from desktop_app.core.models.confidence import not_sure_words
    from desktop_app.core.models.prediction import Prediction

    p = Prediction.from_probabilities("x.jpg", ["hotdog", "other"], np.array([0.0504, 0.9496]), 0.95)
    assert (p.label, p.sure) == ("other", False)
    # 94.96% is shown as 94%, never as "95%, needs 95%".
    assert not_sure_words(p.label, p.confidence, 0.95) == "not sure — best guess other at 94%, needs 95%"
    assert p.with_threshold(0.94).sure and not p.with_threshold(0.95).sure
