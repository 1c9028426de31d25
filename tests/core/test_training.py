"""Training end to end on small generated pictures: phases, progress, repeatability, cancel, saving."""

import numpy as np
import pytest

from helpers import damaged_inside, write_image
from desktop_app.core.models.bundle import load_bundle, read_metadata
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.errors import Cancelled, DatasetError, UserError
from desktop_app.core.models.prediction import Prediction, PredictionError, Predictor
from desktop_app.core.progress import CancelToken, Phase, Stage
from desktop_app.core.networks import backbones
from desktop_app.core.training.trainer import TrainingConfig, get_ready, train

FAST = dict(backbone="mobilenet_v2_0.35", image_size=64, epochs=15)


class Recorder:
    def __init__(self, cancel_when=None, token=None):
        self.statuses, self.progress, self.epochs = [], [], []
        self.cancel_when, self.token = cancel_when, token

    def _maybe_cancel(self, event):
        if self.cancel_when and self.cancel_when(event):
            self.token.cancel()

    def on_stage(self, stage):
        self.statuses.append(stage)
        self._maybe_cancel(("status", stage))

    def on_progress(self, phase, done, total):
        self.progress.append((phase, done, total))
        self._maybe_cancel(("progress", phase, done))

    def on_epoch_end(self, metrics):
        self.epochs.append(metrics)
        self._maybe_cancel(("epoch", metrics.phase, metrics.epoch))


def test_head_only_training_learns_and_saves_everything(two_class_folder, tmp_path):
    rec = Recorder()
    config = TrainingConfig(**FAST, fine_tune_layers=0)
    result = train(scan_dataset(two_class_folder), tmp_path / "colours", config, rec)
    assert result.model_path == tmp_path / "colours.keras" and result.model_path.is_file()
    assert result.classes == ["blue", "red"] and result.counts == {"blue": 6, "red": 6}
    assert result.val_accuracy == 1.0 and not result.fine_tuned and result.embeddings_computed == 12
    assert [m.epoch for m in rec.epochs] == list(range(1, 16)) and all(m.val_accuracy is not None for m in rec.epochs)
    assert (Phase.FEATURES, 12, 12) in rec.progress and (Phase.HEAD, 15, 15) in rec.progress
    meta = read_metadata(result.model_path)
    assert meta.backbone == "mobilenet_v2_0.35" and meta.image_size == 64 and meta.crops
    assert meta.dataset.images_used == 12 and meta.dataset.folds == 5 and len(meta.history) == 15
    preds = Predictor(result.model_path).predict([two_class_folder / "red", two_class_folder / "blue" / "blue0.png"])
    assert [p.label for p in preds] == ["red"] * 6 + ["blue"]
    assert all(isinstance(p, Prediction) and abs(sum(p.probabilities.values()) - 1) < 1e-4 for p in preds)
    # The "not sure" threshold chosen on validation is saved; a caller may override it.
    assert meta.threshold == result.threshold and 0.0 <= result.threshold < 1.0
    assert all(p.sure == (p.confidence >= result.threshold) for p in preds)
    strict = Predictor(result.model_path, threshold=1.0).predict([two_class_folder / "red" / "red0.png"])[0]
    assert strict.label == "red" and strict.sure == (strict.confidence >= 1.0)
    with pytest.raises(UserError, match="threshold must be from 0 to 1"):
        Predictor(result.model_path, threshold=1.01)  # "needs 101%" is no threshold
    # The report beside the model: one HTML file with its charts and pictures inside.
    report = result.report_path.read_text(encoding="utf-8")
    assert result.report_path == tmp_path / "colours report.html"
    assert result.val_count == meta.val_count == 12  # every photo, each judged by a layer that had not seen it
    assert "Right on 12 held-out pictures: <b>100.0% (likely between 75% and 100%)</b>" in report
    assert report.count("data:image/png;base64") == 3
    assert "every held-out picture was right" in report and "<td>red</td><td>6</td>" in report
    # Per class, precision and recall with their intervals: 6 of 6 right.
    assert ("<tr><td>blue</td><td>100% (likely between 60% and 100%)</td><td>100% (likely between 60% and 100%)</td>"
            in report)


def test_fine_tune_phase_runs_with_batchnorm_frozen(two_class_folder, tmp_path):
    rec = Recorder()
    config = TrainingConfig(**FAST, fine_tune_layers=12, fine_tune_epochs=2)
    result = train(scan_dataset(two_class_folder), tmp_path / "m.keras", config, rec)
    fine = [m for m in rec.epochs if m.phase is Phase.FINE_TUNE]
    assert [m.epoch for m in fine] == [1, 2] and all(m.val_loss is not None for m in fine)
    assert rec.progress[-1][0] is Phase.FINE_TUNE and rec.progress[-1][1] == rec.progress[-1][2]
    base = next(layer for layer in load_bundle(result.model_path).model.layers if hasattr(layer, "layers"))
    bn = [layer for layer in base.layers if layer.__class__.__name__ == "BatchNormalization"]
    assert bn and not any(layer.trainable for layer in bn)


def test_same_seed_same_model(two_class_folder, tmp_path):
    config = TrainingConfig(**FAST, fine_tune_layers=0)
    a = train(scan_dataset(two_class_folder), tmp_path / "a.keras", config)
    b = train(scan_dataset(two_class_folder), tmp_path / "b.keras", config)
    assert b.embeddings_computed == 0
    wa = load_bundle(a.model_path).model.get_layer("classifier").get_weights()
    wb = load_bundle(b.model_path).model.get_layer("classifier").get_weights()
    assert all(np.array_equal(x, y) for x, y in zip(wa, wb, strict=True))


def test_a_moved_photo_needs_no_new_features(two_class_folder, tmp_path):
    config = TrainingConfig(**FAST, fine_tune_layers=0)
    train(scan_dataset(two_class_folder), tmp_path / "a.keras", config)
    (two_class_folder / "red" / "red0.png").rename(two_class_folder / "blue" / "red0.png")  # the user re-sorts it
    moved = train(scan_dataset(two_class_folder), tmp_path / "b.keras", config)
    assert moved.embeddings_computed == 0 and moved.counts == {"blue": 7, "red": 5}


def test_a_network_built_ahead_makes_the_model_a_cold_run_makes(two_class_folder, tmp_path):
    """The warm engine builds the network before its run is handed over (get_ready): same model, dropout
    and fine-tuning included, as a run that built it itself."""
    config = TrainingConfig(**FAST, fine_tune_layers=12, fine_tune_epochs=2)
    cold = train(scan_dataset(two_class_folder), tmp_path / "cold.keras", config)
    get_ready((config.backbone, config.image_size))
    assert len(backbones._spare) == 1
    warm = train(scan_dataset(two_class_folder), tmp_path / "warm.keras", config)
    assert not backbones._spare and cold.fine_tuned and warm.fine_tuned  # it was taken, and phase 2 was kept
    weights = [load_bundle(r.model_path).model.get_weights() for r in (cold, warm)]
    assert all(np.array_equal(x, y) for x, y in zip(*weights, strict=True))


@pytest.mark.parametrize("when", [
    lambda e: e[0] == "progress" and e[1] is Phase.FEATURES,
    lambda e: e[0] == "epoch" and e[1] is Phase.HEAD and e[2] == 3,
    lambda e: e[0] == "progress" and e[1] is Phase.FINE_TUNE and e[2] == 1,
    lambda e: e[0] == "status" and e[1] is Stage.SAVING,
], ids=["features", "head", "fine-tune", "saving"])
def test_cancel_in_any_phase_leaves_the_previous_model_untouched(two_class_folder, tmp_path, when):
    target = tmp_path / "models" / "model.keras"
    target.parent.mkdir()
    target.write_bytes(b"the user's previous model")
    token = CancelToken()
    config = TrainingConfig(**FAST, fine_tune_layers=5, fine_tune_epochs=2)
    with pytest.raises(Cancelled):
        train(scan_dataset(two_class_folder), target, config, Recorder(when, token), token)
    assert target.read_bytes() == b"the user's previous model"
    assert [p.name for p in target.parent.iterdir()] == ["model.keras"]


def test_classes_whose_every_file_is_broken_are_refused(tmp_path):
    write_image(tmp_path / "good" / "a.png")
    for i in range(2):
        path = write_image(tmp_path / "bad" / f"{i}.jpg", size=(300, 300), fmt="JPEG")
        path.write_bytes(damaged_inside(path.read_bytes()))  # looks whole to the scan; only decoding finds out
    with pytest.raises(DatasetError, match="Fewer than two classes"):
        train(scan_dataset(tmp_path), tmp_path / "m.keras", TrainingConfig(**FAST))


def test_prediction_reports_bad_files_and_keeps_order(two_class_folder, tmp_path):
    result = train(scan_dataset(two_class_folder), tmp_path / "m.keras", TrainingConfig(**FAST, fine_tune_layers=0))
    broken = tmp_path / "broken.jpg"
    broken.write_text("not a picture")
    preds = Predictor(result.model_path).predict([two_class_folder / "red" / "red1.png", broken, tmp_path / "gone.png"])
    assert isinstance(preds[0], Prediction) and preds[0].label == "red"
    assert isinstance(preds[1], PredictionError) and "not an image" in preds[1].error
    assert isinstance(preds[2], PredictionError) and "no longer exists" in preds[2].error


def test_prediction_needs_no_backbone_weights(two_class_folder, tmp_path, monkeypatch):
    """A model file is self-contained: it opens where its backbone is not installed (e.g. trained on a GPU box)."""
    from desktop_app.core.networks import backbones
    from desktop_app.core import paths
    from desktop_app.core.errors import BackboneUnavailable

    result = train(scan_dataset(two_class_folder), tmp_path / "m.keras", TrainingConfig(**FAST, fine_tune_layers=0))

    def not_installed(backbone):
        raise BackboneUnavailable(f"{backbone.label} is not installed.")

    monkeypatch.setattr(backbones, "locate_weights", not_installed)
    monkeypatch.setattr(paths, "RESOURCES_DIR", tmp_path / "nothing here")
    preds = Predictor(result.model_path).predict([two_class_folder / "blue" / "blue2.png"])
    assert preds[0].label == "blue"


def test_a_skipped_fine_tuning_names_the_pictures_it_would_be_judged_on_as_the_dataset_tab_does():
    from desktop_app.core.training.head import Score
    from desktop_app.core.training.trainer import _fine_tune_depth

    config = TrainingConfig(**FAST)  # "auto", 5 held-out groups
    depth, why = _fine_tune_depth(config, 200, 40, Score(0.4, 0.9), own_validation=False)
    assert depth == 0 and why.startswith("Fine-tuning skipped: it would be judged on the 40 pictures of one of "
                                         "the 5 held-out groups, too few to tell a real gain from luck (it needs 200)")
    _, why = _fine_tune_depth(config, 200, 30, Score(0.4, 0.9), own_validation=True)
    assert "judged on the 30 pictures of the validation folder" in why
