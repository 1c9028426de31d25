"""Class names in Chinese (or any script) are drawn as letters in the charts, not as boxes."""

import warnings

import pytest

from desktop_app.core.models.plots import cjk_font, draw_confusion


def test_chinese_class_names_render_without_missing_glyphs():
    if cjk_font() is None:
        pytest.skip("no CJK font on this machine (on Debian/Ubuntu: apt-get install fonts-noto-cjk)")
    from matplotlib.figure import Figure

    figure = Figure()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        draw_confusion(figure, [[3, 1], [0, 4]], ["热狗", "不是热狗"])
        figure.canvas.draw()
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []
    assert [t.get_text() for t in figure.axes[0].get_yticklabels()] == ["热狗", "不是热狗"]

