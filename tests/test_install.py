"""A normal install: the wheel alone, in a fresh virtual environment that cannot see this repository, trains
on real photos with the weights it carries and predicts; its translations and icon come with it.

Its libraries are the test environment's, seen through a path file rather than installed again: installing
TensorFlow and Qt from pip's cache took most of this test's 85 s, and `pip check` still proves that what the
wheel declares is there."""

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from helpers import REPO, copy_hotdog_photos, HOTDOG

pytestmark = pytest.mark.install


def _run(args, cwd, env, timeout=600):
    done = subprocess.run([str(a) for a in args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)
    assert done.returncode == 0, f"{args} exited {done.returncode}:\n{done.stdout}\n{done.stderr}"
    return done


def test_wheel_installed_in_a_fresh_venv_trains_and_predicts(tmp_path):
    wheels = tmp_path / "wheels"
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--disable-pip-version-check",
          "-w", wheels, REPO], cwd=tmp_path, env=os.environ)
    [wheel] = wheels.glob("finetune_studio-*.whl")

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bin_dir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    own_site = _run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp_path,
                    env=os.environ).stdout.strip()
    libraries = dict.fromkeys(sysconfig.get_paths()[key] for key in ("purelib", "platlib"))
    # Plain path lines: the test environment's own .pth files (its editable install of this repository) stay unread.
    (Path(own_site) / "test-libraries.pth").write_text("".join(f"{folder}\n" for folder in libraries))
    _run([python, "-m", "pip", "install", "--quiet", "--no-deps", "--disable-pip-version-check", wheel],
         cwd=tmp_path, env=os.environ)
    _run([python, "-m", "pip", "check", "--disable-pip-version-check"], cwd=tmp_path, env=os.environ)

    # Run from an empty folder with nothing of the repository or the test environment on the path.
    work = tmp_path / "work"
    work.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(HOME=str(tmp_path / "home"), FINETUNE_STUDIO_LANGUAGE="en", QT_QPA_PLATFORM="offscreen")
    where = _run([python, "-c", "import desktop_app.core.paths as p; print(p.__file__); print(p.RESOURCES_DIR)"],
                 cwd=work, env=env).stdout.split()
    assert all(str(env_dir) in line and str(REPO) not in line for line in where), where

    data = copy_hotdog_photos(tmp_path / "photos", per_class=30)
    model = work / "hotdog.keras"
    cli = bin_dir / "finetune-studio"
    _run([cli, "train", data, "--out", model, "--fine-tune-layers", "0", "--json"], cwd=work, env=env)
    evaluation = json.loads(_run([cli, "evaluate", model, HOTDOG / "test", "--json"], cwd=work, env=env)
                            .stdout.strip().splitlines()[-1])
    assert evaluation["n"] == 50 and evaluation["accuracy"] >= 0.75, evaluation
    photo = sorted((HOTDOG / "test" / "hotdog").glob("*.jpg"))[0]
    [prediction] = json.loads(_run([cli, "predict", model, photo, "--json"], cwd=work, env=env)
                              .stdout.strip().splitlines()[-1])
    assert prediction["label"] in ("hotdog", "not-hotdog") and 0.5 <= prediction["confidence"] <= 1

    # The application-menu entry (Linux) starts this installation's window.
    _run([cli, "install-launcher"], cwd=work, env={**env, "XDG_DATA_HOME": str(tmp_path / "data")})
    entry = (tmp_path / "data" / "applications" / "finetune-studio.desktop").read_text()
    assert f"Exec={python} -m desktop_app" in entry and f"Icon={env_dir}" in entry, entry

    chinese = subprocess.run([cli, "predict", work / "missing.keras", photo], cwd=work, capture_output=True,
                             text=True, env={**env, "FINETUNE_STUDIO_LANGUAGE": "zh_CN"})
    assert chinese.returncode == 2 and "不存在" in chinese.stderr, chinese.stderr
    window_files = ("from PySide6.QtCore import QTranslator; from PySide6.QtGui import QGuiApplication, QIcon\n"
                    "from desktop_app.core.paths import RESOURCES_DIR as r\n"
                    "app = QGuiApplication([])\n"
                    "assert QTranslator().load(str(r / 'translations' / 'finetune_studio_zh_CN.qm'))\n"
                    "assert not QIcon(str(r / 'icons' / 'finetune-studio.png')).isNull()\n")
    _run([python, "-c", window_files], cwd=work, env=env)
