"""The first start (scripts/bootstrap.py): what it says, in the user's language, and the installation window
a double-clicked launcher gets."""

import os
import shutil
import subprocess
import sys
import time

import pytest

from helpers import REPO, private_x_server

sys.path.insert(0, str(REPO / "scripts"))
import bootstrap  # noqa: E402


@pytest.mark.parametrize("variables, language", [
    ({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
    ({"LANG": "en_GB.UTF-8"}, "en"), ({"LANG": "de_DE.UTF-8"}, "en"), ({}, "en")])
def test_first_start_speaks_the_system_language(monkeypatch, variables, language):
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    assert bootstrap.words("installing") == bootstrap.WORDS[language]["installing"]
    assert set(bootstrap.WORDS[language]) == set(bootstrap.WORDS["en"])


WINDOW = """
import sys
sys.path.insert(0, sys.argv[1])
import bootstrap
from install_window import run_in_window
run_in_window([sys.executable, "-c", sys.argv[2]], ".", bootstrap.words)
"""


@pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")), reason="needs Xvfb to show a Tk window")
def test_installation_window_closes_when_pip_is_done_and_stays_when_it_failed():
    pytest.importorskip("tkinter")
    with private_x_server() as display:
        env = {**os.environ, "DISPLAY": display}
        done = subprocess.run([sys.executable, "-c", WINDOW, REPO / "scripts",
                               "import time; print('Collecting tensorflow'); time.sleep(1)"], env=env, timeout=60)
        assert done.returncode == 0
        failed = subprocess.Popen([sys.executable, "-c", WINDOW, REPO / "scripts",
                                   "import sys; print('ERROR: no matching distribution'); sys.exit(1)"], env=env)
        time.sleep(3)
        assert failed.poll() is None  # open, with pip's last lines, until the user closes it
        failed.terminate()
        failed.wait(timeout=30)
