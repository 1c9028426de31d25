"""A folder of 20,000 photos in the window: the classes list at once, and the picture grid decodes only
what is on screen, so memory stays bounded however far the user scrolls."""

import pytest

from actions import load
from desktop_app.gui.widgets.icons_on_demand import MAX_ICONS


@pytest.mark.scale
def test_twenty_thousand_photos_load_and_the_grid_stays_light(qtbot, window, twenty_thousand_images):
    load(qtbot, window, twenty_thousand_images)
    tab = window.dataset_tab
    assert [tab.classes.item(i).text() for i in range(2)] == ["blue — 10000 pictures", "red — 10000 pictures"]
    assert window.training_tab.train_button.isEnabled()
    grid = tab.grid
    assert grid.rowCount() == 10_000
    qtbot.waitUntil(lambda: grid.has_thumbnail(0), timeout=30000)
    qtbot.wait(500)
    on_screen = grid.loaded_count()
    assert 0 < on_screen < 200  # the first screenful, not ten thousand

    tab.thumbnails.scrollToBottom()
    qtbot.waitUntil(lambda: grid.has_thumbnail(9_999), timeout=30000)
    assert not grid.has_thumbnail(5_000)  # scrolled past, never shown: never decoded
    for row in range(0, 10_000, 100):  # the user drags through the whole class
        tab.thumbnails.scrollTo(grid.index(row))
        qtbot.waitUntil(lambda row=row: grid.has_thumbnail(row), timeout=30000)
    assert grid.loaded_count() <= MAX_ICONS

    tab.classes.setCurrentRow(1)
    assert grid.rowCount() == 10_000 and grid.loaded_count() == 0
    qtbot.waitUntil(lambda: grid.has_thumbnail(0), timeout=30000)
