"""Every number a user can set has one allowed range (core/limits.py); out of it, a plain line before any work."""

import math

import pytest

from desktop_app.cli import main
from desktop_app.core.errors import UserError
from desktop_app.core.limits import EPOCHS, LEARNING_RATE, THRESHOLD
from desktop_app.core.training.trainer import TrainingConfig, train


@pytest.mark.parametrize("args, said", [
    (["--epochs", "0"], "Learning rounds (epochs) must be from 1 to 1000, not 0."),
    (["--epochs", "-1"], "Learning rounds (epochs) must be from 1 to 1000, not -1."),
    (["--learning-rate", "nan"], "The learning rate must be from 0.0001 to 1, not nan."),
    (["--learning-rate", "-0.1"], "The learning rate must be from 0.0001 to 1, not -0.1."),
    (["--fine-tune-epochs", "100000"], "Fine-tuning rounds must be from 1 to 200, not 100000."),
    (["--epochs", "ten"], "expected a number, not ten"),
])
def test_the_cli_refuses_a_setting_out_of_range_before_looking_at_the_photos(capsys, tmp_path, args, said):
    missing = tmp_path / "no such folder"  # never opened: the settings are refused first
    with pytest.raises(SystemExit) as stopped:
        main(["train", str(missing), "--out", str(tmp_path / "m.keras"), *args])
    err = capsys.readouterr().err
    assert stopped.value.code == 2 and said in err and "unexpected failure" not in err


@pytest.mark.parametrize("threshold", ["nan", "5", "-0.5"])
def test_predict_refuses_a_threshold_that_is_not_a_share(capsys, tmp_path, threshold):
    with pytest.raises(SystemExit) as stopped:
        main(["predict", str(tmp_path / "m.keras"), str(tmp_path), "--threshold", threshold])
    assert stopped.value.code == 2 and "threshold must be from 0 to 1" in capsys.readouterr().err


def test_train_itself_refuses_before_any_work(tmp_path):
    with pytest.raises(UserError, match="must be from 1 to 1000, not 0"):
        train(None, tmp_path / "m.keras", TrainingConfig(epochs=0))  # no dataset is even looked at
    assert not (tmp_path / "m.keras").exists()


def test_a_limit_refuses_nan_and_fractions_of_a_count():
    assert THRESHOLD.check(0.5) == 0.5 and LEARNING_RATE.check(1.0) == 1.0
    for bad in (math.nan, math.inf, -math.inf):
        with pytest.raises(UserError):
            THRESHOLD.check(bad)
    with pytest.raises(UserError):
        EPOCHS.check(2.5)


def test_the_window_offers_only_the_cores_range(qapp, tmp_path):
    from PySide6.QtCore import QSettings

    from desktop_app.gui.settings import Settings
    from desktop_app.gui.tabs.training_tab import TrainingTab

    tab = TrainingTab(Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)))
    assert (tab.epochs.minimum(), tab.epochs.maximum()) == (EPOCHS.low, EPOCHS.high)
    assert (tab.learning_rate.minimum(), tab.learning_rate.maximum()) == (LEARNING_RATE.low, LEARNING_RATE.high)
