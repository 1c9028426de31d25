"""Finding label mistakes on real photos: 10 swapped labels, listed by their held-out answers, then fixed.

The photos are a copy of the hot-dog training set with 10 labels deliberately swapped (5 each way). The
model's out-of-fold answers (each photo judged by an output layer that had not seen it) put the photos
that disagree with their class most confidently first; moving them back in a project (the copy is never
written) and retraining must raise the accuracy on the test photos.
"""

import random
import shutil

import pytest

from helpers import HOTDOG
from desktop_app.core.models.bundle import read_metadata
from desktop_app.core.models.evaluation import evaluate, validation_evaluation
from desktop_app.core.data.project import Project
from desktop_app.core.training.trainer import TrainingConfig, train

pytestmark = pytest.mark.e2e
SWAPPED = 10


def test_swapped_labels_are_found_and_fixing_them_helps(tmp_path):
    photos = tmp_path / "photos"
    shutil.copytree(HOTDOG / "train", photos)
    rng = random.Random(0)
    swapped = []
    for label, other in (("hotdog", "not-hotdog"), ("not-hotdog", "hotdog")):
        for src in rng.sample(sorted((photos / label).glob("*.jpg")), SWAPPED // 2):
            swapped.append(str(shutil.move(src, photos / other / src.name)))
    config = TrainingConfig(fine_tune_layers=0)

    project = Project.from_folder(photos)
    noisy = train(project.resolve(), tmp_path / "noisy", config)
    suspects = validation_evaluation(read_metadata(noisy.model_path)).mistakes
    first = [p.path for p, _truth in suspects[:15]]
    found = len(set(first) & set(swapped))
    print(f"\nswapped labels among the first 15 to check: {found} of {SWAPPED}")
    assert found >= 8

    for p, _truth in suspects[:15]:  # "Move to <predicted class>" for the ones that were swapped
        if p.path in swapped:
            project.move([p.path], p.label)
    fixed = train(project.resolve(), tmp_path / "fixed", config)
    before = evaluate(noisy.model_path, HOTDOG / "test").accuracy
    after = evaluate(fixed.model_path, HOTDOG / "test").accuracy
    print(f"test accuracy: {before:.2f} with the swapped labels, {after:.2f} after moving {found} back")
    assert after > before
