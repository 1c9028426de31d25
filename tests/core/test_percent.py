"""One rule for every percentage the app writes: rounded down, so no place claims more than another."""

from desktop_app.core.models.confidence import not_sure_words
import pytest

from desktop_app.core.i18n import set_language
from desktop_app.core.percent import percent, share_with_range, whole_percent, wilson_interval


def test_percentages_are_rounded_down_whatever_the_floating_point():
    assert [percent(p) for p in (0.996, 0.675, 0.5896, 1.0, 0.0)] == ["99%", "67%", "58%", "100%", "0%"]
    assert [percent(p, 1) for p in (0.5896, 0.905, 0.9999)] == ["58.9%", "90.5%", "99.9%"]
    assert [whole_percent(p) for p in (0.29, 0.57, 0.95)] == [29, 57, 95]  # 0.29 * 100 < 29 in floating point


def test_a_guess_reads_the_same_in_the_words_and_in_the_numbers():
    assert not_sure_words("hotdog", 0.675, 0.8) == "not sure — best guess hotdog at 67%, needs 80%"
    assert percent(0.675) == "67%"  # the bar beside it (was 68%)


def test_wilson_intervals_match_the_published_values():
    # Wilson (1927), as tabulated by Newcombe (1998, Table I): 0/10 -> 0.000-0.278, 1/10 -> 0.018-0.404,
    # 81/263 -> 0.255-0.366; and the example, 44 of 50 -> 76% to 94%.
    cases = {(0, 10): (0.0, 0.2775), (1, 10): (0.0179, 0.4042), (81, 263): (0.2553, 0.3662),
             (44, 50): (0.7620, 0.9438), (10, 10): (0.7225, 1.0)}
    for (right, n), expected in cases.items():
        assert wilson_interval(right, n) == pytest.approx(expected, abs=1e-4), (right, n)
    assert wilson_interval(0, 0) == (0.0, 1.0)  # nothing measured: anything is possible


def test_a_measured_share_is_written_with_its_range_in_either_language():
    assert share_with_range(0.88, 50) == "88% (likely between 76% and 94%)"
    assert share_with_range(1.0, 10) == "100% (likely between 72% and 100%)"
    assert share_with_range(0.9, 200, 1) == "90.0% (likely between 85% and 93%)"
    set_language("zh_CN")
    try:
        assert share_with_range(0.88, 50) == "88%（可能在 76% 到 94% 之间）"
    finally:
        set_language("en")
