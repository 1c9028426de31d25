"""Stopping or closing at any moment of a run ends it cleanly: the thread ends, the training process is
gone, nothing half-written is left, earlier models are untouched; and many such runs leak nothing."""

import multiprocessing
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from actions import TIMEOUT, load, training_processes
from desktop_app.core import paths
from desktop_app.core.models.bundle import load_bundle
from desktop_app.core.progress import Phase, Stage
from desktop_app.core.training.process import Progressed, StageBegan

# The moment to interrupt: the first event of each stage the run reports.
STAGES = {
    "features": lambda e: isinstance(e, Progressed) and e.phase is Phase.FEATURES,
    "head": lambda e: isinstance(e, Progressed) and e.phase is Phase.HEAD,
    "fine-tune": lambda e: isinstance(e, Progressed) and e.phase is Phase.FINE_TUNE,
    "saving": lambda e: e == StageBegan(Stage.SAVING),
}


def _earlier_model():
    earlier = paths.models_dir() / "earlier.keras"
    earlier.parent.mkdir(parents=True, exist_ok=True)
    earlier.write_bytes(b"an earlier model")
    return earlier


def _start_and_wait_for(qtbot, window, photos, stage):
    load(qtbot, window, photos)
    tab = window.training_tab
    tab.fine_tune.setCurrentIndex(2)  # fine-tuning on, so every stage happens
    tab.epochs.setValue(20)
    tab.backbone.setCurrentIndex(tab.backbone.findData("mobilenet_v2_0.35"))
    tab.image_size.setCurrentIndex(0)  # the small network at 160 pixels: the same stages, sooner
    reached = []
    tab.training_event.connect(lambda event: reached.append(STAGES[stage](event)))
    tab.train_button.click()
    qtbot.waitUntil(lambda: any(reached) or not tab.is_running(), timeout=TIMEOUT)
    assert tab.is_running(), f"the run ended before reaching {stage}"
    return tab


def _left_clean(earlier, outcome_text):
    """Only complete models in the folder: the earlier one untouched, and a new one only if the run finished."""
    assert earlier.read_bytes() == b"an earlier model"
    names = sorted(p.name for p in paths.models_dir().iterdir())
    if "Stopped" in outcome_text:
        assert names == ["earlier.keras"]
    else:  # Stop came as the last bytes were written: the run finished and its model is whole
        assert len(names) == 2 and all(not n.startswith(".") for n in names)
        assert load_bundle(next(p for p in paths.models_dir().iterdir() if p != earlier)).classes
    assert training_processes() == []


@pytest.mark.parametrize("stage", STAGES)
def test_stop_in_each_stage(qtbot, window, small_photos, stage):
    earlier = _earlier_model()
    tab = _start_and_wait_for(qtbot, window, small_photos, stage)
    qtbot.mouseClick(tab.stop_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
    if stage != "saving":
        assert tab.stage.text() == "Stopped. Nothing was saved; earlier models are unchanged."
    _left_clean(earlier, tab.stage.text())
    assert tab.train_button.isEnabled() and not tab.stop_button.isEnabled()


# Closing stops the run the way Stop does (tested in every stage above); what closing adds is tested
# at the first stage and at the racy last one.
@pytest.mark.parametrize("stage", ["features", "saving"])
def test_close_the_window_while_training(qtbot, window, small_photos, monkeypatch, stage):
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.Yes)
    earlier = _earlier_model()
    tab = _start_and_wait_for(qtbot, window, small_photos, stage)
    assert window.close()
    # Closing waited for the run to end: its process is gone. (Not wait_until_idle(0): the job's thread
    # counts itself out a moment after its run has ended, and thumbnail jobs may still be finishing.)
    assert asked and tab._training.wait(0) and not multiprocessing.active_children()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=30000)
    _left_clean(earlier, "Stopped" if stage != "saving" else tab.stage.text())


def test_a_second_run_cannot_start_while_one_is_running(qtbot, window, small_photos):
    tab = _start_and_wait_for(qtbot, window, small_photos, "features")
    run = tab._training.job
    assert not tab.train_button.isEnabled()
    tab.start_training()  # as if a click got through anyway
    tab.set_dataset(window.project_session.index)  # the user reloads the folder meanwhile
    assert tab._training.job is run and not tab.train_button.isEnabled()
    assert len(training_processes()) == 1
    tab.stop_training()
    qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
    assert tab.train_button.isEnabled()


def _threads_and_memory() -> tuple[int, int]:
    """(operating-system threads of this process, resident memory in kB), all threads, Qt's included."""
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    return int(fields["Threads"]), int(fields["VmRSS"].split()[0])


@pytest.mark.soak
def test_twenty_train_stop_cycles_leak_no_threads_processes_or_memory(qtbot, window, small_photos):
    tab = window.training_tab
    load(qtbot, window, small_photos)
    seen = []
    for _ in range(20):
        tab.train_button.click()
        with qtbot.waitSignal(tab.training_event, timeout=TIMEOUT,
                              check_params_cb=lambda event: isinstance(event, Progressed)):
            pass
        tab.stop_button.click()
        qtbot.waitUntil(lambda: not tab.is_running(), timeout=60000)
        assert training_processes() == []
        assert tab.stage.text().startswith("Stopped")
        seen.append(_threads_and_memory())
    threads = [t for t, _ in seen]
    memory = [m for _, m in seen]
    print(f"\nafter each cycle: threads {threads}\nresident memory (kB) {memory}")  # seen with -s
    # After a few cycles every pool and cache is warm; from then on nothing may keep growing.
    assert max(threads[3:]) <= threads[2] + 4, threads
    assert memory[-1] - memory[2] < 80_000, memory  # kB
    assert threading.active_count() < 20
    assert not paths.models_dir().exists() or list(paths.models_dir().iterdir()) == []
