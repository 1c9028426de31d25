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


# A measured share of right answers, as the window writes one: "right on 90%", "90.0% … right", "it was right
# <b>90%": the number must be followed by the range it likely lies in.
RANGE = re.compile(r" \(likely between \d+% and \d+%\)")
RIGHT_SHARE = re.compile(r"right[^%\d]{0,30}?(\d+(?:\.\d)?%)|(\d+(?:\.\d)?%)(?:</b>)?[^%\d]{0,30}?right")


def test_every_accuracy_the_window_shows_comes_with_its_range(qtbot, make_window, small_photos, snack_model):
    from actions import load, texts
    from fake_training import fake_trainer

    window = make_window(train_function=fake_trainer(snack_model))
    load(qtbot, window, small_photos)
    tab = window.training_tab
    with qtbot.waitSignal(tab.model_trained, timeout=60000):
        tab.start_training()
    qtbot.waitUntil(lambda: window.evaluate_tab.evaluation is not None and window.session.ready, timeout=60000)
    library = window.show_model_library()
    seen = []
    for root, pages in ((window, window.tabs), (library, None)):
        for page in range(pages.count()) if pages is not None else [None]:
            if pages is not None:
                pages.setCurrentIndex(page)
            for text in texts(root):
                marked = RANGE.sub("<RANGE>", text)  # the range's own numbers are not shares to check
                for match in RIGHT_SHARE.finditer(marked):
                    end = match.end(1) if match.group(1) else match.end(2)
                    seen.append(match.group(1) or match.group(2))
                    assert marked[end:].startswith("<RANGE>"), text
    library.close()
    # The Train tab's result, the Predict tab's model line, the Evaluate tab's summary and its threshold line; the
    # library's accuracy column (no "right" beside it) is checked in test_model_library, and here the per-class
    # table's tooltips.
    assert len(seen) >= 4, seen
    per_class = window.evaluate_tab.per_class
    assert all("(likely between" in per_class.item(row, 1).toolTip() for row in range(per_class.rowCount()))
