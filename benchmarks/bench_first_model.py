"""A first model from the hot-dog photos, end to end: the seed tutorial's pipeline against ours (issue 20).

    python benchmarks/bench_first_model.py [--seed-epochs 5]

Both run in the same run, each as a fresh process (TensorFlow's import included), on the 200 training
photos of ../shared/datasets/hotdog, with a throw-away cache (every photo's features computed):
- the seed: the tutorial's code path, literally: Keras ResNet50 with its 1000-way ImageNet softmax kept
  under a new 2-way layer, every layer trained, pixels scaled to 0..1, the test photos as validation after
  each epoch (ImageNet weights cannot be downloaded here; random ones cost the same time);
- ours: `python -m desktop_app.cli train` with its defaults ("Best for my photos" included).
Prints both times and the ratio (goal: at least 10x; aim 30x).
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

from timing import HOTDOG, seconds

GOAL, AIM = 10, 30


def seed_pipeline(epochs: int) -> None:
    import keras

    def photos(folder: Path):
        data = keras.utils.image_dataset_from_directory(folder, image_size=(224, 224), batch_size=32,
                                                        label_mode="categorical", seed=0)
        rescale = keras.layers.Rescaling(1 / 255)  # the tutorial's 0..1 pixels, not ResNet50's own preprocessing
        return data.map(lambda x, y: (rescale(x), y))

    base = keras.applications.ResNet50(weights=None)
    outputs = keras.layers.Dense(2, activation="softmax")(base.output)  # on top of the 1000-way softmax
    model = keras.Model(base.input, outputs)
    model.compile(optimizer=keras.optimizers.SGD(1e-3, momentum=0.9), loss="categorical_crossentropy",
                  metrics=["accuracy"])
    model.fit(photos(HOTDOG / "train"), validation_data=photos(HOTDOG / "test"), epochs=epochs, verbose=2)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed-epochs", type=int, default=5)
    ap.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)  # the seed's own process
    args = ap.parse_args()
    if args.seed_only:
        seed_pipeline(args.seed_epochs)
        return 0
    scratch = Path(tempfile.mkdtemp(prefix="ftfirst-"))
    env = {**os.environ, "FINETUNE_STUDIO_CACHE_DIR": str(scratch / "cache"),
           "FINETUNE_STUDIO_DATA_DIR": str(scratch / "data"), "TF_CPP_MIN_LOG_LEVEL": "2"}
    ours = seconds([sys.executable, "-m", "desktop_app.cli", "train", str(HOTDOG / "train"), "--out",
                    str(scratch / "hotdog.keras")], env)
    seed = seconds([sys.executable, __file__, "--seed-only", "--seed-epochs", str(args.seed_epochs)], env)
    print(f"seed pipeline (ResNet50, {args.seed_epochs} epochs): {seed:.1f} s")
    print(f"ours (CLI train, defaults, features computed): {ours:.1f} s")
    print(f"first model {seed / ours:.1f}x faster (goal {GOAL}x: {'met' if seed / ours >= GOAL else 'NOT met'}; "
          f"aim {AIM}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
