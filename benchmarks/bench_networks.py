"""Which network, at which picture size: accuracy and cost of each, measured in one run on this machine.

    python benchmarks/bench_networks.py [--data DIR] [--only ID[@SIZE] ...] [--cli]

For "Best for my photos" (the default) and each bundled network at each size it allows, a cold training
run (empty feature cache) with the app's default settings, then an evaluation of the saved model on the
folder's test/ photos. Prints:
- held-out: how often the output layer was right on the photos its cross-validation fold held out (the
  number the app itself chooses by);
- test: the saved model on test/ (never used to choose anything);
- photos/s: the feature phase (read, decode, crop, both views through the network);
- train s: the whole training call, cold, and its ratio to the previous default (MobileNetV2 1.0 at 224).
With --cli, also the whole `finetune-studio train` command as a user runs it (Python and TensorFlow
starting included), today's default against the previous one, each cold, in the same run.
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
HOTDOG = REPO.parent / "shared" / "datasets" / "hotdog"
PREVIOUS_DEFAULT = ("mobilenet_v2_1.0", 224)
BEST = ("best", None)


class FeatureClock:
    """Times the feature phase of a training run from its progress reports."""

    def __init__(self):
        self.start = self.end = None
        self.total = 0

    def on_progress(self, phase, done, total):
        if phase.value == "features":
            now = time.perf_counter()
            if done == 0:
                self.start = now
            self.end, self.total = now, total

    def __getattr__(self, name):  # the other observer calls are not needed here
        return lambda *args, **kwargs: None

    @property
    def per_second(self) -> float:
        return self.total / (self.end - self.start) if self.total and self.end > self.start else float("nan")


def run(backbone_id: str, size: int, data: Path, out: Path) -> dict:
    from desktop_app.core.data.dataset import scan_dataset
    from desktop_app.core.models.evaluation import evaluate
    from desktop_app.core.training.trainer import TrainingConfig, train

    os.environ["FINETUNE_STUDIO_CACHE_DIR"] = tempfile.mkdtemp(prefix="ftbench-cache-")
    clock = FeatureClock()
    started = time.perf_counter()
    result = train(scan_dataset(data / "train"), out / f"{backbone_id}-{size}.keras",
                   TrainingConfig(backbone=backbone_id, image_size=size), clock)
    seconds = time.perf_counter() - started
    test = evaluate(result.model_path, data / "test")
    name = f"best: {result.network_choice.backbone}" if result.network_choice else backbone_id
    return {"id": backbone_id, "name": name, "size": size or _size(result.model_path),
            "held_out": result.val_accuracy, "test": test.accuracy, "n_test": test.n,
            "per_second": clock.per_second, "seconds": seconds}


def _size(model) -> int:
    from desktop_app.core.models.info import ModelInfo

    return ModelInfo.read(model).image_size


def cli_seconds(args: list[str], data: Path, out: Path) -> float:
    env = dict(os.environ, FINETUNE_STUDIO_CACHE_DIR=tempfile.mkdtemp(prefix="ftbench-cache-"))
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop_app.cli", "train", str(data / "train"), "--out", str(out), *args],
                   check=True, env=env, capture_output=True, cwd=REPO)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=HOTDOG, help="a folder with train/ and test/ class folders")
    ap.add_argument("--only", nargs="+", metavar="ID[@SIZE]", help="measure only these (default: every size of "
                                                                    "every bundled network)")
    ap.add_argument("--cli", action="store_true", help="also time the whole train command, today's default "
                                                       "against the previous one")
    args = ap.parse_args()

    from desktop_app.core.networks.backbones import BACKBONES, DEFAULT_BACKBONE, get_backbone

    if args.only:
        plan = []
        for item in args.only:
            name, _, size = item.partition("@")
            b = get_backbone(name)
            plan += [(b.id, int(size))] if size else [(b.id, s) for s in b.image_sizes]
    else:
        plan = [(b.id, s) for b in BACKBONES if b.bundled for s in b.image_sizes]
    for row in (BEST, PREVIOUS_DEFAULT):
        if row not in plan:
            plan.insert(0, row)
    run(*PREVIOUS_DEFAULT, args.data, Path(tempfile.mkdtemp()))  # warm-up: TensorFlow's first graphs
    print(f"{os.cpu_count()} CPU(s); {args.data}; default: Best for my photos, which keeps {DEFAULT_BACKBONE} at "
          f"{get_backbone(DEFAULT_BACKBONE).image_size} px unless another is clearly better\n")
    print(f"{'network':28} {'size':>5} {'held-out':>9} {'test':>6} {'photos/s':>9} {'train s':>8} {'x prev':>7}")
    out = Path(tempfile.mkdtemp(prefix="ftbench-models-"))
    rows = [run(b, s, args.data, out) for b, s in plan]
    previous = next(r for r in rows if (r["id"], r["size"]) == PREVIOUS_DEFAULT)
    for r in rows:
        print(f"{r['name']:28} {r['size']:5d} {r['held_out']:9.3f} {r['test']:6.3f} {r['per_second']:9.1f} "
              f"{r['seconds']:8.1f} {r['seconds'] / previous['seconds']:7.2f}")
    if args.cli:
        now = cli_seconds([], args.data, out / "cli-default.keras")
        before = cli_seconds(["--backbone", PREVIOUS_DEFAULT[0], "--image-size", str(PREVIOUS_DEFAULT[1])], args.data,
                             out / "cli-previous.keras")
        print(f"\nfinetune-studio train, cold, whole command: today's default {now:.1f} s, previous default "
              f"{before:.1f} s: {now / before:.2f} x")


if __name__ == "__main__":
    main()
