"""The learning-curve chart's words cannot be misread, and it marks the round the model keeps."""

from desktop_app.core.models.plots import history_words, kept_round
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
