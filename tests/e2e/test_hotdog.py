"""End to end on real photos with the real bundled weights, through the CLI a power user would use."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import HOTDOG, REPO
from desktop_app.cli import main
from desktop_app.core.models.prediction import Predictor

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
    assert choice["sample"] == 60 and all(s["photos"] == 60 for s in choice["scores"])
    # EfficientNet-Lite0 errs on 2 of the 60 (measured): too few for another to be clearly better, so none is
    # measured, which is most of the time "Best for my photos" took.
    assert choice["scores"][0]["right"] > 60 - 5 and choice["not_measured"] == ["efficientnet_lite2"]
    # The chosen network had looked at the 60 sampled photos already: only the other 140 are new.
    assert trained["embeddings_computed"] == 140 and "Note: Best for my photos: measured on 60 of your 200" in err

    _the_advice_names_the_real_confusions(model)

    assert main(["evaluate", str(model), str(HOTDOG / "test"), "--json"]) == 0
    evaluation, err = _json(capsys)
    assert evaluation["n"] == 50
    assert evaluation["accuracy"] >= ACCURACY_BAR, evaluation
    assert "Keeping a quick copy of this model" in err  # it ran the Keras model; the next call need not

    assert main(["predict", str(model), str(HOTDOG / "test" / "hotdog"), "--json"]) == 0
    predictions, err = _json(capsys)
    assert len(predictions) == 25 and sum(p["label"] == "hotdog" for p in predictions) >= 20
    assert "quick copy" not in err
    _the_quick_copy_answers_as_the_model_does(model, predictions)

    again = tmp_path / "again.keras"
    assert main(["train", str(HOTDOG / "train"), "--out", str(again), "--fine-tune-layers", "0", "--json"]) == 0
    retrained, _ = _json(capsys)
    assert retrained["embeddings_computed"] == 0


def _the_advice_names_the_real_confusions(model: Path) -> None:
    """'To improve this model' on the held-out answers of the 200 training photos: its first piece is about
    the largest cell off the confusion matrix's diagonal, and the photos it shows are those very mistakes."""
    from desktop_app.core.models.advice import advise
    from desktop_app.core.models.bundle import read_metadata
    from desktop_app.core.models.evaluation import validation_evaluation

    meta = read_metadata(model)
    ev = validation_evaluation(meta)
    advice = advise(ev, meta.dataset.train_counts)
    cells = {(t, p): ev.confusion_matrix[i][j] for i, t in enumerate(ev.classes) for j, p in enumerate(ev.classes)
             if i != j}
    true, said = max(cells, key=cells.__getitem__)
    if not cells[(true, said)]:
        return  # no mistake at all: nothing to advise on confusions
    first = advice[0]
    assert first.label == true and f"look like “{said}”" in first.words
    wrong = {p.path: (p.label, truth) for p, truth in ev.mistakes}
    assert first.examples and all(wrong[path] == (said, true) for path in first.examples)


def _the_quick_copy_answers_as_the_model_does(model: Path, predictions: list[dict]) -> None:
    """The TFLite copy run by LiteRT gives the Keras model's answers on the 50 test photos, and a one-shot
    predict on it does not import TensorFlow."""
    photos = sorted(str(p) for p in (HOTDOG / "test").rglob("*.jpg"))
    quick, keras = Predictor(model, quick=True), Predictor(model)
    assert quick.quick and not keras.quick
    got, expected = quick.predict(photos), keras.predict(photos)
    assert len(got) == 50 and [p.label for p in got] == [p.label for p in expected]
    assert max(abs(a.probabilities[c] - b.probabilities[c]) for a, b in zip(got, expected, strict=True)
               for c in a.probabilities) < 1e-4
    by_path = {p.path: p.label for p in got}
    assert all(by_path[p["path"]] == p["label"] for p in predictions)  # what the command said came from it
    one_shot = ("import sys; from desktop_app.cli import main; main(['predict', sys.argv[1], sys.argv[2]]); "
                "print('TensorFlow imported:', 'tensorflow' in sys.modules)")
    run = subprocess.run([sys.executable, "-c", one_shot, str(model), photos[0]], capture_output=True, text=True,
                         cwd=REPO, timeout=120)
    assert run.returncode == 0 and run.stdout.splitlines()[-1] == "TensorFlow imported: False", run
