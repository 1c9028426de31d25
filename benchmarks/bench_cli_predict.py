"""A one-shot command-line predict of one photo against the floor of importing TensorFlow (issue 20).

    python benchmarks/bench_cli_predict.py [--runs 5]

With a throw-away cache folder, the first `predict` runs the Keras model and keeps the model's TFLite copy
(once per model); the timed ones after it run that copy with LiteRT. Measured in the same run, each a
fresh process: `predict MODEL PHOTO` and `python -c "import tensorflow"`. Prints both medians and their
ratio (goal: at most 0.5, and at most 3 s).
"""

import argparse
import os
import statistics
import sys
import tempfile

from timing import HOTDOG, REPO, seconds

MODEL = REPO / "tests" / "fixtures" / "model_v0.1.0.keras"  # a real model: MobileNetV2 on the hot-dog photos
PHOTO = HOTDOG / "test" / "hotdog" / "13355622.jpg"
GOAL_RATIO, GOAL_S = 0.5, 3.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    env = {**os.environ, "FINETUNE_STUDIO_CACHE_DIR": tempfile.mkdtemp(prefix="ftpredict-")}
    predict = [sys.executable, "-m", "desktop_app.cli", "predict", str(MODEL), str(PHOTO)]
    first = seconds(predict, env)
    quick, floor = [], []
    for _ in range(args.runs):  # alternated, so a machine that gets busier part-way affects both alike
        quick.append(seconds(predict, env))
        floor.append(seconds([sys.executable, "-c", "import tensorflow"], env))
    q, f = statistics.median(quick), statistics.median(floor)
    print(f"first predict (Keras, then keeps the TFLite copy): {first:.2f} s")
    print(f"predict one photo: {', '.join(f'{t:.2f}' for t in quick)} s; median {q:.2f} s")
    print(f"python -c 'import tensorflow': {', '.join(f'{t:.2f}' for t in floor)} s; median {f:.2f} s")
    print(f"predict / import tensorflow = {q / f:.2f} (goal at most {GOAL_RATIO}) -> "
          f"{'met' if q / f <= GOAL_RATIO and q <= GOAL_S else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
