"""End to end on real photos with the real bundled weights, through the CLI a power user would use."""

import json

import pytest

from helpers import HOTDOG
from desktop_app.cli import main

pytestmark = pytest.mark.e2e
# The seed tutorial reached 0.50 here; the defaults of version 0.1 (MobileNetV2, squashed photos) 0.88.
# Today's defaults ("Best for my photos", which keeps EfficientNet-Lite0 at 320 px here) measured 0.96;
# the bar is the one the product promises (one photo of 50 = 2 points).
ACCURACY_BAR = 0.94


def _json(capsys):
    out, err = capsys.readouterr()
    return json.loads(out.strip().splitlines()[-1]), err


def test_default_training_beats_the_bar_and_retraining_reuses_features(capsys, tmp_path):
    if not HOTDOG.is_dir():
        pytest.fail(f"the real photo set is missing: {HOTDOG}")
    model = tmp_path / "hotdog.keras"
    assert main(["train", str(HOTDOG / "train"), "--out", str(model), "--json"]) == 0
    trained, err = _json(capsys)
    assert trained["counts"] == {"hotdog": 100, "not-hotdog": 100} and trained["skipped"] == []
    choice = trained["network_choice"]
    assert choice["sample"] == 60 and [s["photos"] for s in choice["scores"]] == [60, 60]
    # The chosen network had looked at the 60 sampled photos already: only the other 140 are new.
    assert trained["embeddings_computed"] == 140 and "Note: Best for my photos: measured on 60 of your 200" in err

    assert main(["evaluate", str(model), str(HOTDOG / "test"), "--json"]) == 0
    evaluation, _ = _json(capsys)
    assert evaluation["n"] == 50
    assert evaluation["accuracy"] >= ACCURACY_BAR, evaluation

    assert main(["predict", str(model), str(HOTDOG / "test" / "hotdog"), "--json"]) == 0
    predictions, _ = _json(capsys)
    assert len(predictions) == 25 and sum(p["label"] == "hotdog" for p in predictions) >= 20

    again = tmp_path / "again.keras"
    assert main(["train", str(HOTDOG / "train"), "--out", str(again), "--fine-tune-layers", "0", "--json"]) == 0
    retrained, _ = _json(capsys)
    assert retrained["embeddings_computed"] == 0
