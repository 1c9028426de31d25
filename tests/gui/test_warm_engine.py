"""A training engine waits, ready, so Train starts working at once (issue 20, point 1): one is started once
TensorFlow has loaded in the window, another after each run; one that died while it waited is replaced, and
the run says so; closing the window leaves no process behind."""

import multiprocessing
import shutil
from pathlib import Path

from PySide6.QtCore import QUrl

from actions import TIMEOUT, load, training_processes
from desktop_app.core.progress import Stage
from desktop_app.core.training.process import Progressed, StageBegan
from fake_training import fake_trainer


def _run(qtbot, tab) -> list:
    events = []
    tab.training_event.connect(events.append)
    with qtbot.waitSignal(tab.model_trained, timeout=TIMEOUT):
        tab.train_button.click()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=TIMEOUT)
    tab.training_event.disconnect(events.append)
    return events


def test_train_starts_at_once_on_the_waiting_engine_and_a_new_one_waits_after(qtbot, make_window, snack_model,
                                                                             small_photos):
    window = make_window(fake_trainer(snack_model), warm_engine=True)
    tab = window.training_tab
    qtbot.waitUntil(lambda: tab._engine is not None and tab._engine.ready, timeout=TIMEOUT)
    first = tab._engine.process.pid
    load(qtbot, window, small_photos)
    events = _run(qtbot, tab)
    assert StageBegan(Stage.STARTING) not in events and events[0] == StageBegan(Stage.PREPARING)
    assert tab.stage.text() == "Done."
    qtbot.waitUntil(lambda: tab._engine is not None and tab._engine.ready, timeout=TIMEOUT)
    assert tab._engine.process.pid != first  # one run per process: the next one is fresh, and ready
    assert StageBegan(Stage.STARTING) not in _run(qtbot, tab)  # the second run starts at once as well
    window.close()
    assert multiprocessing.active_children() == []


def test_an_engine_that_died_while_it_waited_is_replaced_and_the_run_says_so(qtbot, make_window, snack_model,
                                                                            small_photos):
    window = make_window(fake_trainer(snack_model), warm_engine=True)
    tab = window.training_tab
    qtbot.waitUntil(lambda: tab._engine is not None and tab._engine.ready, timeout=TIMEOUT)
    tab._engine.process.kill()  # as a crash, or the system short of memory, would end it
    tab._engine.process.join()
    load(qtbot, window, small_photos)
    events = _run(qtbot, tab)
    assert events[0] == StageBegan(Stage.RESTARTING)
    assert Stage.RESTARTING.words == "The training engine had stopped; starting a new one"
    assert tab.stage.text() == "Done."


def test_without_a_waiting_engine_the_run_starts_one_and_says_so(qtbot, make_window, snack_model, small_photos):
    window = make_window(fake_trainer(snack_model))  # Train clicked before any engine was ready
    load(qtbot, window, small_photos)
    assert _run(qtbot, window.training_tab)[0] == StageBegan(Stage.STARTING)
    assert window.training_tab._engine is None  # none is kept waiting unless asked for


def test_the_report_link_writes_the_report_when_the_engine_had_not(qtbot, window, snack_model, tmp_path,
                                                                  monkeypatch):
    """The engine writes the report after Done: a click before it has (or after it could not) writes it."""
    opened = []
    monkeypatch.setattr("desktop_app.gui.system.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    tab = window.training_tab
    tab.last_model = Path(shutil.copy(snack_model, tmp_path / "snack.keras"))
    report = tmp_path / "snack report.html"
    tab.result.linkActivated.emit(QUrl.fromLocalFile(str(report)).toString())
    qtbot.waitUntil(lambda: bool(opened), timeout=TIMEOUT)
    assert opened[0].toLocalFile() == str(report) and "snack" in report.read_text(encoding="utf-8")


def test_twenty_train_stop_cycles_leave_one_waiting_engine_and_none_once_closed(qtbot, make_window, snack_model,
                                                                               small_photos):
    window = make_window(fake_trainer(snack_model, epoch_seconds=1.0), warm_engine=True)
    tab = window.training_tab
    load(qtbot, window, small_photos)
    for _ in range(20):
        qtbot.waitUntil(lambda: tab._engine is not None and tab._engine.ready, timeout=TIMEOUT)
        with qtbot.waitSignal(tab.training_event, timeout=TIMEOUT,
                              check_params_cb=lambda event: isinstance(event, Progressed)):
            tab.train_button.click()
        tab.stop_button.click()
        qtbot.waitUntil(lambda: not tab.is_running(), timeout=TIMEOUT)
        assert tab.stage.text().startswith("Stopped")
        assert training_processes() == [tab._engine.process]  # the next run's, waiting
    window.close()
    assert multiprocessing.active_children() == []
