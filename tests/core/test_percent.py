"""One rule for every percentage the app writes: rounded down, so no place claims more than another."""

from desktop_app.core.models.confidence import not_sure_words
from desktop_app.core.percent import percent, whole_percent


def test_percentages_are_rounded_down_whatever_the_floating_point():
    assert [percent(p) for p in (0.996, 0.675, 0.5896, 1.0, 0.0)] == ["99%", "67%", "58%", "100%", "0%"]
    assert [percent(p, 1) for p in (0.5896, 0.905, 0.9999)] == ["58.9%", "90.5%", "99.9%"]
    assert [whole_percent(p) for p in (0.29, 0.57, 0.95)] == [29, 57, 95]  # 0.29 * 100 < 29 in floating point


def test_a_guess_reads_the_same_in_the_words_and_in_the_numbers():
    assert not_sure_words("hotdog", 0.675, 0.8) == "not sure — best guess hotdog at 67%, needs 80%"
    assert percent(0.675) == "67%"  # the bar beside it (was 68%)
