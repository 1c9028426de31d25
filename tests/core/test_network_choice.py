""""Best for my photos": every bundled network measured on the same sample, the choice paired and cautious."""

import shutil
from pathlib import Path

import numpy as np

from helpers import HOTDOG, write_coloured_photos
from desktop_app.core.networks.backbones import get_backbone
from desktop_app.core.models.bundle import read_metadata
from desktop_app.core.data.dataset import ImageRecord, scan_dataset
from desktop_app.core.networks.network_choice import (BEST, CANDIDATES, FEWEST_CLEAR_WINS, clearly_better, decide,
                                                      stratified_sample)
from desktop_app.core.progress import Phase, Stage
from desktop_app.core.training.trainer import TrainingConfig, train


def test_another_network_must_be_right_on_clearly_more_of_the_same_photos():
    def answers(wins: int, losses: int, both: int = 20) -> tuple[np.ndarray, np.ndarray]:
        """(candidate, reference): each right where the other is wrong `wins`/`losses` times, both right `both`."""
        candidate = np.array([True] * wins + [False] * losses + [True] * both)
        reference = np.array([False] * wins + [True] * losses + [True] * both)
        return candidate, reference

    assert clearly_better(*answers(5, 0))  # p = 1/32
    assert not clearly_better(*answers(4, 0))  # p = 1/16: could be luck
    assert not clearly_better(*answers(7, 3))  # p = 0.17
    assert not clearly_better(*answers(0, 6))


def test_the_reference_is_kept_unless_another_is_clearly_better():
    photos = [f"p{i}" for i in range(40)]
    reference = {p: i >= 6 for i, p in enumerate(photos)}  # wrong on the first six
    close = {p: i >= 3 for i, p in enumerate(photos)}  # 3 more right: not enough
    clear = {p: True for p in photos}  # 6 more right, none fewer
    assert decide({"a": reference, "b": close}) == "a"
    assert decide({"a": reference, "b": close, "c": clear}) == "c"
    assert decide({"a": reference}) == "a"


def test_the_sample_keeps_the_classes_in_proportion():
    records = [ImageRecord(f"{c}{i}.jpg", c, f"{c}{i}") for c, n in (("a", 150), ("b", 45), ("c", 5))
               for i in range(n)]
    sample = stratified_sample(records, 60, seed=0)
    counts = {c: sum(r.label == c for r in sample) for c in "abc"}
    assert counts == {"a": 45, "b": 14, "c": 2} and len({r.path for r in sample}) == len(sample)
    assert stratified_sample(records[:30], 60, seed=0) == records[:30]


class Recorder:
    def __init__(self):
        self.statuses, self.progress = [], []

    def on_stage(self, stage):
        self.statuses.append(stage)

    def on_progress(self, phase, done, total):
        self.progress.append((phase, done, total))

    def on_epoch_end(self, metrics):
        pass


def _mixed_photos(root: Path, per_class: int) -> Path:
    """Real photos whose folders mean nothing (hot dogs and others in both): every network errs often."""
    for label in ("hotdog", "not-hotdog"):
        for i, src in enumerate(sorted((HOTDOG / "train" / label).glob("*.jpg"))[:per_class]):
            (root / "ab"[i % 2]).mkdir(parents=True, exist_ok=True)
            shutil.copy(src, root / "ab"[i % 2] / src.name)
    return root


def test_training_with_best_measures_each_network_says_so_and_reuses_the_chosen_ones_features(tmp_path):
    root = _mixed_photos(tmp_path / "photos", 12)  # 24 real photos: all of them are the sample
    rec = Recorder()
    result = train(scan_dataset(root), tmp_path / "m.keras", TrainingConfig(backbone=BEST, image_size=96, epochs=20,
                                                                            fine_tune_layers=0), rec)
    choice = result.network_choice
    assert choice.scores[0].photos - choice.scores[0].right >= FEWEST_CLEAR_WINS and choice.unmeasured == ()
    assert [s.backbone for s in choice.scores] == list(CANDIDATES) and choice.backbone in CANDIDATES
    assert choice.sample == choice.photos == 24 and all(s.photos == 24 and 0 <= s.right <= 24 for s in choice.scores)
    assert rec.statuses[0] == Stage.CHOOSING and rec.progress[0][0] == Phase.CHOOSING
    assert (Phase.CHOOSING, 24 * len(CANDIDATES), 24 * len(CANDIDATES)) in rec.progress
    assert result.embeddings_computed == 0  # the chosen network had looked at every photo already
    note = result.notes[0]
    assert note.startswith("Best for my photos: measured on 24 of your 24 photos — EfficientNet-Lite0: ")
    assert note.endswith(f"Chose {get_backbone(choice.backbone).label}.")
    meta = read_metadata(result.model_path)
    assert meta.backbone == choice.backbone and meta.network_choice == choice.as_dict()


def test_the_others_are_not_measured_when_the_recommended_network_errs_too_rarely_to_be_beaten(tmp_path):
    root = write_coloured_photos(tmp_path / "photos", 12)  # red and blue: easy for any network
    rec = Recorder()
    result = train(scan_dataset(root), tmp_path / "m.keras", TrainingConfig(backbone=BEST, image_size=96, epochs=20,
                                                                            fine_tune_layers=0), rec)
    choice = result.network_choice
    reference, *others = CANDIDATES
    assert [s.backbone for s in choice.scores] == [reference] and choice.unmeasured == tuple(others)
    assert choice.backbone == reference and choice.scores[0].right > 24 - FEWEST_CLEAR_WINS
    assert (Phase.CHOOSING, 24 * len(CANDIDATES), 24 * len(CANDIDATES)) in rec.progress
    assert result.embeddings_computed == 0
    assert result.notes[0].endswith(f"{get_backbone(others[0]).label} not measured: with only "
                                    f"{24 - choice.scores[0].right} of 24 wrong, no network could be clearly better "
                                    "on these photos.")
    assert read_metadata(result.model_path).network_choice["not_measured"] == list(others)
