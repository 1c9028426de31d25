"""20,000 photos through the command line: memory stays bounded, features go to the disk cache as they
are computed, and the time-remaining estimate is honest."""

import json
import os
import re
import subprocess
import sys
import time

import pytest

from helpers import REPO

PEAK_LIMIT_KB = 3 * 1024 * 1024
# Runs the CLI and reports the process's own peak memory (decoding threads and TensorFlow included).
LAUNCH = ("import resource, sys; from desktop_app.cli import main; code = main(sys.argv[1:]); "
          "print('peak_kb', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr); sys.exit(code)")


@pytest.mark.scale
def test_twenty_thousand_photos_train_with_bounded_memory_and_an_honest_eta(twenty_thousand_images, tmp_path,
                                                                             isolated_app_dirs):
    model = tmp_path / "big.keras"
    cmd = [sys.executable, "-c", LAUNCH, "train", str(twenty_thousand_images), "--out", str(model),
           "--backbone", "mobilenet_v2_0.35", "--image-size", "160", "--epochs", "20", "--json"]
    env = dict(os.environ, PYTHONPATH=str(REPO))
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lines = [(time.monotonic(), line.rstrip()) for line in proc.stderr]  # timed as they arrive
    out = proc.stdout.read()
    assert proc.wait() == 0, "\n".join(text for _, text in lines[-20:])

    result = json.loads(out.strip().splitlines()[-1])
    assert result["counts"] == {"blue": 10_000, "red": 10_000} and result["embeddings_computed"] == 20_000
    assert result["val_accuracy"] > 0.95 and model.is_file()
    peak_kb = int(next(text.split()[1] for _, text in lines if text.startswith("peak_kb")))
    assert peak_kb < PEAK_LIMIT_KB, f"peak memory {peak_kb / 1024:.0f} MB"
    cached = list((isolated_app_dirs / "cache" / "features").rglob("*.npy"))
    assert len(cached) == 20_000

    # Every estimate made after the first tenth of feature extraction lands within half the time that was
    # actually left (plus a few seconds for the last batch): "about 40 s left" means 20 to 60 s.
    progress = [(t, int(m[1]), int(m[2]), _seconds(m[3])) for t, text in lines
                if (m := re.search(r"Photos looked at: (\d+)/(\d+) .*about (.+) left", text))]
    end = next(t for t, text in lines if re.search(r"Photos looked at: 20000/20000", text))
    checked = [(t, done, left) for t, done, total, left in progress if done >= total // 10]
    assert len(checked) >= 3, lines
    for t, done, left in checked:
        actual = end - t
        assert abs(left - actual) <= 0.5 * actual + 5, (done, left, actual)


def _seconds(words: str) -> int:
    """'40 s', '3 min 05 s' or '1 h 02 min' (core.progress.duration_words) in seconds."""
    units = {"h": 3600, "min": 60, "s": 1}
    return sum(int(n) * units[unit] for n, unit in re.findall(r"(\d+) (h|min|s)\b", words))
