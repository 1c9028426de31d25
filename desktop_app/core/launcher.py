"""FineTune Studio in the Linux application menu: a desktop entry (freedesktop.org) that starts this install.

The same entry serves each way the app is installed; only the command differs: a source checkout starts
scripts/bootstrap.py (which sets up .venv on the first start), a pip install its own Python with
`-m desktop_app`, the standalone app the window executable beside the running one.
"""

import sys
from pathlib import Path

from .atomic import atomic_path
from .paths import RESOURCES_DIR, launcher_dirs

FILE_NAME = "finetune-studio.desktop"
# Desktop entries carry every language's name at once; the menu picks the user's.
NAMES = {"": ("FineTune Studio", "Teach your computer to tell your own kinds of pictures apart"),
         "zh_CN": ("FineTune Studio 图像分类训练", "训练你自己的图片分类模型")}


def window_command() -> list[str]:
    """The command that opens the window of the app that is running now."""
    if getattr(sys, "frozen", False):
        return [str(Path(sys.executable).with_name("FineTune Studio"))]
    return [sys.executable, "-m", "desktop_app"]


def _quoted(argument: str) -> str:
    # The Exec key's own quoting: double quotes, with \ " ` $ escaped by a backslash; % starts a field code.
    argument = argument.replace("%", "%%")
    if not any(c in argument for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return argument
    return '"' + "".join("\\" + c if c in '"`$\\' else c for c in argument) + '"'


def desktop_entry(command: list[str]) -> str:
    lines = ["[Desktop Entry]", "Type=Application"]
    for language, (name, comment) in NAMES.items():
        key = f"[{language}]" if language else ""
        lines += [f"Name{key}={name}", f"Comment{key}={comment}"]
    # String values unescape \\ to \ before the Exec key's own unquoting, so every backslash is doubled.
    lines += ["Exec=" + " ".join(_quoted(a) for a in command).replace("\\", "\\\\"),
              f"Icon={RESOURCES_DIR / 'icons' / 'finetune-studio.png'}",
              "Terminal=false", "Categories=Graphics;Education;Science;"]
    return "\n".join(lines) + "\n"


def install_launcher(command: list[str]) -> Path:
    """Write the entry that runs `command` where the desktop finds it; returns the menu's copy."""
    targets = [folder / FILE_NAME for folder in launcher_dirs()]
    for target in targets:
        with atomic_path(target) as part:
            part.write_text(desktop_entry(command), encoding="utf-8")
        target.chmod(0o755)  # desktops start only entries marked executable
    return targets[0]
