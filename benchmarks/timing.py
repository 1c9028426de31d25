"""What the benchmarks share: where things are, and the wall time of a command run as a fresh process."""

import os
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HOTDOG = REPO.parent / "shared" / "datasets" / "hotdog"


def seconds(command: list[str], env: dict | None = None) -> float:
    """Wall time of `command`, from the repository root, its output thrown away (it must succeed)."""
    started = time.perf_counter()
    subprocess.run(command, check=True, cwd=REPO, env=env or dict(os.environ), stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started
