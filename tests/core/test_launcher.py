"""The Linux application-menu entry: what it runs, how it quotes, where it goes."""

import os
import subprocess
import sys

from helpers import REPO
from desktop_app.core import paths
from desktop_app.core.launcher import desktop_entry, install_launcher, window_command


def _keys(text: str) -> dict[str, str]:
    return dict(line.split("=", 1) for line in text.splitlines()[1:])


def test_entry_names_the_app_in_every_language_and_quotes_its_command():
    keys = _keys(desktop_entry(["/opt/my apps/python", "-m", "desktop_app", 'say "hi" $HOME \\ `x`', "/100%/x"]))
    assert keys["Name"] == "FineTune Studio" and keys["Name[zh_CN]"] == "FineTune Studio 图像分类训练"
    # Exec quoting, then the string escape of every backslash (Desktop Entry Specification 1.5).
    # A % doubled: alone it would start a field code.
    assert keys["Exec"] == ('"/opt/my apps/python" -m desktop_app "say \\\\"hi\\\\" \\\\$HOME \\\\\\\\ \\\\`x\\\\`"'
                            " /100%%/x")
    assert keys["Icon"] == str(paths.RESOURCES_DIR / "icons" / "finetune-studio.png") and os.path.isfile(keys["Icon"])
    assert keys["Terminal"] == "false"


def test_installed_in_the_menu_and_on_the_desktop_executable(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    (tmp_path / "Desktop").mkdir()
    menu_entry = install_launcher(window_command())
    assert menu_entry == tmp_path / "data" / "applications" / "finetune-studio.desktop"
    for entry in (menu_entry, tmp_path / "Desktop" / "finetune-studio.desktop"):
        assert entry.stat().st_mode & 0o111
        assert _keys(entry.read_text())["Exec"] == f"{sys.executable} -m desktop_app"


def test_a_source_checkout_gets_an_entry_that_sets_itself_up(tmp_path):
    env = {**os.environ, "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "bootstrap.py"), "launcher"], env=env, cwd=tmp_path,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    entry = (tmp_path / "data" / "applications" / "finetune-studio.desktop").read_text()
    assert _keys(entry)["Exec"].endswith(f" {REPO / 'scripts' / 'bootstrap.py'} app")
