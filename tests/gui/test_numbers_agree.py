"""A photo's confidence reads the same in the Predict table's bars, its large view and the command line."""

import re

from PySide6.QtCore import Qt

from helpers import write_image
from desktop_app.core.models.prediction import Prediction
from desktop_app.core.percent import percent
from desktop_app.gui.widgets.prediction_table import NOT_SURE_COLOUR, bar_text


def test_the_table_bar_and_the_photos_dialog_show_one_number(qtbot, window, tmp_path):
    photo = write_image(tmp_path / "hotdog.png")
    sure = Prediction(str(photo), "hotdog", 0.996, {"hotdog": 0.996, "not-hotdog": 0.004}, True)
    tab = window.predict_tab
    tab.results.append([sure])
    tab.show_why(0)
    caption = tab.viewer.caption.text()
    tab.viewer.close()
    assert bar_text("hotdog", 0.996) == "hotdog  99%"  # was "hotdog  100%" beside "99% sure"
    assert re.search(r"(\d+)% sure", caption).group(1) == "99" == percent(0.996)[:-1]


def test_a_not_sure_row_looks_different_from_an_answer(window):
    table = window.predict_tab.results
    table.append([Prediction("/a.jpg", "hotdog", 0.97, {"hotdog": 0.97, "not-hotdog": 0.03}, True),
                  Prediction("/b.jpg", "hotdog", 0.55, {"hotdog": 0.55, "not-hotdog": 0.45}, False)])
    grey = [table.data(table.index(row, 1), Qt.ItemDataRole.ForegroundRole) for row in range(2)]
    italic = [table.data(table.index(row, 1), Qt.ItemDataRole.FontRole) for row in range(2)]
    assert grey[0] is None and grey[1] == NOT_SURE_COLOUR
    assert italic[0] is None and italic[1].italic()
