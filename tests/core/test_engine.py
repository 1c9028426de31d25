"""The training engine the window keeps ready (issue 20, point 1), with the real trainer: it loads TensorFlow
before it is given a run, runs one, and ends; an idle one ends at once when the window closes."""

import time

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
