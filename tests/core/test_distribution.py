"""Several devices (tf.distribute.MirroredStrategy), tested on this CPU split into two logical devices.

TensorFlow fixes its devices when it first starts, so each check runs in a fresh Python process."""

import json
import subprocess
import sys

from helpers import REPO, copy_hotdog_photos

SPLIT_CPU = """
import json, sys
import tensorflow as tf
cpu = tf.config.list_physical_devices("CPU")[0]
tf.config.set_logical_device_configuration(cpu, [tf.config.LogicalDeviceConfiguration()] * 2)
"""

TRAIN = SPLIT_CPU + """
import os
import numpy as np
from desktop_app.core.networks.backbones import get_backbone
from desktop_app.core.data.dataset import scan_dataset
from desktop_app.core.networks.features import compute_embeddings
from desktop_app.core.models.prediction import Predictor
from desktop_app.core.progress import Phase
from desktop_app.core.tf_runtime import mirrored_strategy
from desktop_app.core.training.trainer import TrainingConfig, train

data, out, cache = sys.argv[1:4]
strategy = mirrored_strategy(["/cpu:0", "/cpu:1"])
index = scan_dataset(data)
backbone = get_backbone("mobilenet_v2_1.0")
os.environ["FINETUNE_STUDIO_CACHE_DIR"] = cache + "/one device"
alone = compute_embeddings(index.train, backbone, 96).features
os.environ["FINETUNE_STUDIO_CACHE_DIR"] = cache + "/two devices"
config = TrainingConfig(image_size=96, fine_tune_layers=20, fine_tune_epochs=2, folds=3)
result = train(index, out, config, strategy=strategy)
split = compute_embeddings(index.train, backbone, 96).features  # from the cache the strategy's run filled
predictions = Predictor(out).predict([r.path for r in index.train])
print(json.dumps({"replicas": strategy.num_replicas_in_sync, "feature_difference": float(np.abs(alone - split).max()),
                  "fine_tune_epochs": sum(m.phase == Phase.FINE_TUNE for m in result.history),
                  "val_accuracy": result.val_accuracy,
                  "right": sum(p.label == r.label for p, r in zip(predictions, index.train)), "n": len(index.train)}))
"""


def _run(script: str, *args) -> dict:
    done = subprocess.run([sys.executable, "-c", script, *map(str, args)], cwd=REPO, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_two_devices_extract_the_same_features_and_fine_tune(tmp_path):
    data = copy_hotdog_photos(tmp_path / "photos", per_class=20)
    out = _run(TRAIN, data, tmp_path / "model.keras", tmp_path / "cache")
    assert out["replicas"] == 2
    # Each device gets half of every batch: the features are those of one device, not doubled or mixed up.
    assert out["feature_difference"] < 1e-3, out
    assert out["fine_tune_epochs"] == 2
    assert out["val_accuracy"] >= 0.7 and out["right"] >= 0.8 * out["n"], out
