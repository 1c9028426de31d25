"""Where the time goes, measured in one run on this machine (ratios are what to compare across machines).

    python benchmarks/bench_pipeline.py [--images N] [--epochs E]

1. raw backbone forward throughput on already-decoded tensors;
2. our embedding pipeline (read, hash, decode in threads, forward, cache) as a ratio of (1);
3. head training time per epoch on cached features (1,000 images), one layer and 5-fold cross-validation;
4. end-to-end training (cold and warm cache) against the classic way: a loader that reads and decodes
   every image every epoch and feeds it through the frozen backbone, for the same number of epochs.
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
HOTDOG = REPO.parent / "shared" / "datasets" / "hotdog" / "train"

import numpy as np  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--images", type=int, default=200, help="photos used from the hot-dog train set")
    ap.add_argument("--epochs", type=int, default=20, help="epochs for the end-to-end comparison")
    ap.add_argument("--data", default=str(HOTDOG))
    args = ap.parse_args()
    os.environ["FINETUNE_STUDIO_CACHE_DIR"] = tempfile.mkdtemp(prefix="ftbench-cache-")

    from desktop_app.core.networks.backbones import DEFAULT_BACKBONE, build_network, get_backbone, locate_weights
    from desktop_app.core.data.dataset import DatasetIndex, scan_dataset
    from desktop_app.core.networks.features import BATCH_SIZE, compute_embeddings
    from desktop_app.core.training.head import HeadSettings, stratified_folds, train_heads
    from desktop_app.core.data.images import load_image
    from desktop_app.core.progress import CancelToken
    from desktop_app.core.tf_runtime import keras
    from desktop_app.core.training.trainer import TrainingConfig, train

    k = keras()
    backbone = get_backbone(DEFAULT_BACKBONE)
    size = 224
    index = scan_dataset(args.data)
    records = index.train[: args.images]
    print(f"machine: {os.cpu_count()} CPU(s); backbone {backbone.id} at {size}px; {len(records)} photos")

    model, _ = build_network(backbone, size, locate_weights(backbone))
    decoded = np.stack([load_image(r.path, size) for r in records]).astype(np.float32)
    model.predict_on_batch(decoded[:BATCH_SIZE])  # build and trace once
    t = time.perf_counter()
    for s in range(0, len(decoded), BATCH_SIZE):
        model.predict_on_batch(decoded[s:s + BATCH_SIZE])
    raw = len(decoded) / (time.perf_counter() - t)
    print(f"1. raw forward on decoded tensors:        {raw:7.1f} images/s")

    clock = ProgressClock()
    t = time.perf_counter()
    emb = compute_embeddings(records, backbone, size, clock)
    seconds = time.perf_counter() - t
    streaming = 2 * emb.computed / clock.seconds  # each photo is embedded as it is and mirrored
    print(f"2. embedding pipeline (cold cache):       {streaming:7.1f} forward passes/s = {streaming / raw:.2f} x raw "
          f"({emb.computed / clock.seconds:.1f} photos/s, two views each: read, hash, decode, forward, cache)")
    print(f"   including building the network once:  {2 * emb.computed / seconds:7.1f} forward passes/s "
          f"= {2 * emb.computed / seconds / raw:.2f} x raw")
    t = time.perf_counter()
    warm = compute_embeddings(records, backbone, size)
    print(f"   again (warm cache): {time.perf_counter() - t:.2f} s, {warm.computed} images computed")

    rng = np.random.default_rng(0)
    views = rng.uniform(0, 6, (1000, 2, emb.features.shape[-1])).astype(np.float32)  # 1,000 photos x 2 views
    labels = rng.integers(0, 5, 1000)
    for name, folds in (("one layer", np.full(1000, -1)), ("5-fold CV", stratified_folds(labels, 5, 0))):
        t = time.perf_counter()
        train_heads(views, labels, folds, 5, HeadSettings(epochs=100, learning_rate=2e-3, l2=1e-4,
                                                          batch_size=BATCH_SIZE, seed=0), CancelToken())
        per_epoch = (time.perf_counter() - t) / 100
        print(f"3. head training, 1,000 photos, {name}: {per_epoch * 1000:7.1f} ms/epoch "
              f"(100 epochs: {per_epoch * 100:.2f} s)")

    subset = DatasetIndex(index.root, index.classes, records)
    config = TrainingConfig(epochs=args.epochs, fine_tune_layers=0)
    os.environ["FINETUNE_STUDIO_CACHE_DIR"] = tempfile.mkdtemp(prefix="ftbench-cache-")
    out = Path(tempfile.mkdtemp()) / "m.keras"
    t = time.perf_counter()
    train(subset, out, config)
    ours_cold = time.perf_counter() - t
    t = time.perf_counter()
    train(subset, out, config)
    ours_warm = time.perf_counter() - t

    classic = _classic_seconds(k, backbone, size, records, index.classes, args.epochs)
    print(f"4. end to end, {args.epochs} epochs, output layer only (ours trains 5 cross-validated layers):")
    print(f"   classic per-epoch full forward:        {classic:7.1f} s")
    print(f"   ours, cold cache:                      {ours_cold:7.1f} s  -> {classic / ours_cold:5.1f} x faster")
    print(f"   ours, warm cache:                      {ours_warm:7.1f} s  -> {classic / ours_warm:5.1f} x faster")


class ProgressClock:
    """Times the extraction from its first progress report (network built) to its last."""

    def __init__(self):
        self.first = self.last = None

    @property
    def seconds(self) -> float:
        return self.last - self.first

    def on_stage(self, stage):
        pass

    def on_progress(self, phase, done, total):
        now = time.perf_counter()
        self.first = now if done == 0 else self.first
        self.last = now

    def on_epoch_end(self, metrics):
        pass


def _classic_seconds(k, backbone, size, records, classes, epochs) -> float:
    """The tutorial's shape: decode from disk every epoch and run the frozen backbone every epoch."""
    import math

    from desktop_app.core.data.images import load_image

    class DiskLoader(k.utils.PyDataset):  # what ImageDataGenerator.flow_from_directory did
        def __init__(self):
            super().__init__()
            self.order = np.random.default_rng(0).permutation(len(records))

        def __len__(self):
            return math.ceil(len(records) / 32)

        def __getitem__(self, n):
            idx = self.order[n * 32:(n + 1) * 32]
            x = np.stack([load_image(records[i].path, size) for i in idx]).astype(np.float32)
            y = np.array([classes.index(records[i].label) for i in idx])
            return k.applications.mobilenet_v2.preprocess_input(x), y

    from desktop_app.core.networks.backbones import locate_weights

    base = getattr(k.applications, backbone.application)(input_shape=(size, size, 3), include_top=False,
                                                          pooling="avg", weights=None, **dict(backbone.options))
    base.load_weights(str(locate_weights(backbone)))
    base.trainable = False
    model = k.Sequential([base, k.layers.Dense(len(classes), activation="softmax")])
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    t = time.perf_counter()
    model.fit(DiskLoader(), epochs=epochs, verbose=0)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
