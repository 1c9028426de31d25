"""Two runs writing the same model (issue 19, point 8): both used to end well and the last save won."""

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from helpers import REPO
from desktop_app.cli import main
from desktop_app.core.atomic import claimed, is_claimed
from desktop_app.core.errors import SaveError
from desktop_app.core.models.library import free_model_path


def _holder(target) -> subprocess.Popen:
    """Another process that claims `target` and keeps it until it is ended (a second CLI run, say)."""
    code = textwrap.dedent(f"""
        import time
        from desktop_app.core.atomic import claimed
        with claimed({str(target)!r}):
            print("holding", flush=True)
            time.sleep(120)
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(REPO)})
    assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
    return holder


@pytest.mark.skipif(sys.platform == "win32", reason="the holder is ended with SIGKILL")
def test_a_second_training_of_the_same_model_is_refused_at_once_and_a_killed_one_holds_nothing(
        tmp_path, two_class_folder, capsys):
    target = tmp_path / "models" / "shared.keras"
    holder = _holder(target)
    try:
        assert is_claimed(target)
        code = main(["train", str(two_class_folder), "--out", str(target), "--backbone", "mobilenet_v2_0.35"])
        err = capsys.readouterr().err
        assert code == 2 and "another training is writing this model" in err
        # Refused before any photo was read: no health notes, no stage of the run, one line.
        assert len(err.strip().splitlines()) == 1 and not target.exists()
        # The window picks the next free name instead of one a run elsewhere is writing.
        assert free_model_path(target.parent, "shared") == target.parent / "shared (2).keras"
    finally:
        holder.send_signal(signal.SIGKILL)  # as a crash would end it: no clean-up ran
        holder.wait()
    assert not is_claimed(target)  # the operating system let go of the lock with the process
    assert free_model_path(target.parent, "shared") == target
    with claimed(target), pytest.raises(SaveError, match="another training is writing"), claimed(target):
        pass
    assert list(target.parent.iterdir()) == []  # no lock file left behind


def test_the_windows_training_process_holds_its_model_and_refuses_one_held_elsewhere(tmp_path, two_class_folder):
    import queue
    import threading

    from desktop_app.core.data.dataset import scan_dataset
    from desktop_app.core.training.process import Failed, train_in_process
    from desktop_app.core.training.trainer import TrainingConfig

    target = tmp_path / "shared.keras"
    events: queue.Queue = queue.Queue()
    with claimed(target):  # another window's run
        train_in_process(scan_dataset(two_class_folder), target, TrainingConfig(), events, threading.Event())
    outcome = events.get_nowait()
    assert isinstance(outcome, Failed) and "another training is writing this model" in outcome.failure.message
    assert events.empty() and not target.exists()  # not one stage of work began
