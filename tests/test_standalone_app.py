"""The standalone bundle (scripts/build_bundle.py): built here, then used with no Python of ours and no repository
on the path. Its window starts on an X server (Xvfb), trains on real photos when the user presses Ctrl+T (so the
training child process works in the frozen app), and its command line predicts with that model and trains too.

Not in the default run (-m bundle): building takes a few minutes and ~2 GB of disk."""

import json
import os
import subprocess
import sys
import time

import pytest

from helpers import HOTDOG, REPO, copy_hotdog_photos, private_x_server

pytestmark = pytest.mark.bundle
BUNDLE = REPO / "dist" / "FineTune Studio"


def _clean_env(home) -> dict:
    """No Python of the repository's or its virtual environment's: what a double-click gets."""
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("PYTHON", "VIRTUAL_ENV", "FINETUNE_STUDIO", "QT_", "TF_"))}
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"), XDG_DATA_HOME=str(home / "data"),
               XDG_CACHE_HOME=str(home / "cache"), FINETUNE_STUDIO_LANGUAGE="en")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p)
    return env


@pytest.fixture(scope="module")
def bundle():
    started = time.monotonic()
    subprocess.run([sys.executable, str(REPO / "scripts" / "build_bundle.py")], cwd=REPO, check=True, timeout=3600)
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    print(f"\nbundle built in {time.monotonic() - started:.0f} s, {size / 1e9:.2f} GB")
    return BUNDLE


def _wait(condition, timeout, what):
    deadline = time.monotonic() + timeout
    while not (found := condition()):
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.5)
    return found


def test_window_trains_and_command_line_predicts(bundle, tmp_path):
    photos = copy_hotdog_photos(tmp_path / "photos", per_class=30)
    home = tmp_path / "home"
    settings = home / "config" / "FineTuneStudio" / "FineTune Studio.conf"
    settings.parent.mkdir(parents=True)
    settings.write_text(f"[dataset]\nlast_folder={photos}\n")  # the window reopens the last dataset
    env = _clean_env(home)
    models = home / "data" / "finetune-studio" / "models"

    with private_x_server() as display:
        window = subprocess.Popen([bundle / "FineTune Studio"], env={**env, "DISPLAY": display}, cwd=tmp_path,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        try:
            xdo = lambda *args: subprocess.run(["xdotool", *args], env={**env, "DISPLAY": display},  # noqa: E731
                                               capture_output=True, text=True).stdout.split()
            [window_id] = _wait(lambda: xdo("search", "--onlyvisible", "--pid", str(window.pid)), 60, "the window")
            time.sleep(5)  # the dataset is scanned in the background
            xdo("windowfocus", "--sync", window_id)
            xdo("key", "ctrl+t")
            # Saves are atomic: a hidden .part file first, renamed when complete.
            model = _wait(lambda: next((m for m in models.glob("*.keras") if not m.name.startswith(".")), None),
                          300, "a model trained by the window")
            assert window.poll() is None, window.stdout.read()
        finally:
            window.terminate()
            output = window.communicate(timeout=60)[0]
    assert "Traceback" not in output, output

    command_line = bundle / "finetune-studio"
    photo = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[0]
    done = subprocess.run([command_line, "predict", model, photo, "--json"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    [prediction] = json.loads(done.stdout.strip().splitlines()[-1])
    assert prediction["label"] in ("hotdog", "not-hotdog")
    done = subprocess.run([command_line, "evaluate", model, HOTDOG / "test", "--json"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    evaluation = json.loads(done.stdout.strip().splitlines()[-1])
    assert evaluation["n"] == 50 and evaluation["accuracy"] >= 0.75, evaluation
    # No start-up chatter from TensorFlow on a machine without a GPU.
    assert "oneDNN" not in done.stderr and "cuInit" not in done.stderr, done.stderr

    # The application-menu entry starts this folder's window.
    done = subprocess.run([command_line, "install-launcher"], env=env, cwd=tmp_path, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    entry = (home / "data" / "applications" / "finetune-studio.desktop").read_text()
    assert f'Exec="{bundle / "FineTune Studio"}"' in entry and f"Icon={bundle}" in entry, entry
