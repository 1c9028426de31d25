"""The training engine the window keeps ready (issue 20, point 1), with the real trainer: it loads TensorFlow
before it is given a run, runs one, and ends; an idle one ends at once when the window closes."""

import subprocess
import sys
import time

import pytest

from helpers import REPO
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.progress import Stage
from desktop_app.core.training.process import Engine, Finished, StageBegan
from desktop_app.core.training.trainer import TrainingConfig
from desktop_app.core.progress import drive


def _wait_ready(engine: Engine) -> None:
    deadline = time.monotonic() + 180
    while not engine.ready:
        assert engine.process.is_alive() and time.monotonic() < deadline
        time.sleep(0.1)


def test_a_ready_engine_trains_without_starting_then_writes_the_report_and_ends(two_class_folder, tmp_path):
    config = TrainingConfig(backbone="mobilenet_v2_0.35", image_size=96, epochs=5, fine_tune_layers=0)
    engine = Engine(network=(config.backbone, config.image_size))  # built while it waits
    _wait_ready(engine)
    events = []
    run = engine.run(scan_dataset(two_class_folder), tmp_path / "m.keras", config)
    outcome = drive(run, on_step=events.append)
    assert isinstance(outcome, Finished) and outcome.result.model_path.is_file()
    assert StageBegan(Stage.STARTING) not in events and events[0] == StageBegan(Stage.PREPARING)
    engine.process.join(60)  # the report is written after Done, then the engine ends by itself
    assert not engine.process.is_alive() and engine.process.exitcode == 0  # one run per engine: memory went back
    assert outcome.result.report_path == tmp_path / "m report.html" and outcome.result.report_path.is_file()


def test_an_idle_engine_closes_at_once():
    engine = Engine()
    _wait_ready(engine)
    started = time.monotonic()
    engine.close()
    assert not engine.process.is_alive() and time.monotonic() - started < 3


KILLED_APP = """
import os, sys, time
from desktop_app.core.training.process import Engine
engine = Engine()
while not engine.ready:
    time.sleep(0.1)
print(engine.process.pid, flush=True)
os.kill(os.getpid(), 9)  # as a task manager ends it: no exit code of ours runs
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_waiting_engine_ends_when_the_app_is_killed():
    app = subprocess.Popen([sys.executable, "-c", KILLED_APP], cwd=REPO, stdout=subprocess.PIPE, text=True)
    engine = int(app.stdout.readline())  # not communicate(): an engine left behind would hold the pipe open
    app.wait(60)
    app.stdout.close()
    deadline = time.monotonic() + 20
    while _running(engine) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not _running(engine)  # it held 700 MB, waiting forever for a run


def _running(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"  # a zombie has ended
    except FileNotFoundError:
        return False
