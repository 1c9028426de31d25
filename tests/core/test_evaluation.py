"""Metrics against values worked out by hand."""

import numpy as np
import pytest

from desktop_app.core.models.evaluation import confusion_matrix, per_class_metrics
from desktop_app.core.models.metadata import ModelMetadata


def test_confusion_matrix_and_per_class_metrics_by_hand():
    # true: a a a a b b c ; predicted: a a b c b b a
    y_true = np.array([0, 0, 0, 0, 1, 1, 2])
    y_pred = np.array([0, 0, 1, 2, 1, 1, 0])
    cm = confusion_matrix(y_true, y_pred, 3)
    assert cm.tolist() == [[2, 1, 1], [0, 2, 0], [1, 0, 0]]
    a, b, c = per_class_metrics(cm)
    assert (a.precision, a.recall, a.support) == (pytest.approx(2 / 3), 0.5, 4)
    assert a.f1 == pytest.approx(2 * (2 / 3) * 0.5 / (2 / 3 + 0.5))
    assert (b.precision, b.recall, b.f1) == (pytest.approx(2 / 3), 1.0, pytest.approx(0.8))
    assert (c.precision, c.recall, c.f1, c.support) == (0.0, 0.0, 0.0, 1)


def test_validation_answers_saved_in_the_model_make_an_evaluation():
    from desktop_app.core.models.evaluation import validation_evaluation

    meta = {"classes": ["cat", "dog"], "threshold": 0.7,
            "validation": {"paths": ["a", "b", "c", "d"], "labels": ["cat", "cat", "dog", "dog"],
                           "probabilities": [[0.9, 0.1], [0.4, 0.6], [0.35, 0.65], [0.05, 0.95]]}}
    ev = validation_evaluation(ModelMetadata.from_dict(meta))
    assert ev.n == 4 and ev.accuracy == 0.75 and ev.confusion_matrix == [[1, 1], [0, 2]]
    assert [(p.path, truth) for p, truth in ev.mistakes] == [("b", "cat")]
    assert [p.path for p in ev.barely_right] == ["c", "a", "d"]  # least confident first
    point = ev.at_threshold()  # 0.7: a (0.9) and d (0.95) answered, both right
    assert (point.coverage, point.accuracy) == (0.5, 1.0)
    assert ev.at_threshold(0.0).accuracy == 0.75
    assert validation_evaluation(ModelMetadata(("cat", "dog"))) is None
