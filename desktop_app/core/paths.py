"""Where the app keeps its files: never inside a user's dataset.

FINETUNE_STUDIO_CACHE_DIR and FINETUNE_STUDIO_DATA_DIR override the platform defaults (tests use them).
"""

import os
import shlex
import sys
from importlib.resources import files
from pathlib import Path

_APP_DIR = "FineTuneStudio" if sys.platform in ("win32", "darwin") else "finetune-studio"
# Package data (weights, icons, translations): installed as plain files by a wheel, an editable checkout and the
# PyInstaller bundle alike, so Keras, Qt and ElementTree can open them by path.
RESOURCES_DIR = Path(str(files("desktop_app") / "resources"))


def _home() -> Path:
    return Path(os.path.expanduser("~"))


def cache_dir() -> Path:
    """Recomputable data (embeddings): safe to delete."""
    if override := os.environ.get("FINETUNE_STUDIO_CACHE_DIR"):
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or _home() / "AppData" / "Local")
        return base / _APP_DIR / "Cache"
    if sys.platform == "darwin":
        return _home() / "Library" / "Caches" / _APP_DIR
    return Path(os.environ.get("XDG_CACHE_HOME") or _home() / ".cache") / _APP_DIR


def data_dir() -> Path:
    """What the user would miss: trained models and imported backbone weights."""
    if override := os.environ.get("FINETUNE_STUDIO_DATA_DIR"):
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("APPDATA") or _home() / "AppData" / "Roaming") / _APP_DIR
    if sys.platform == "darwin":
        return _home() / "Library" / "Application Support" / _APP_DIR
    return Path(os.environ.get("XDG_DATA_HOME") or _home() / ".local" / "share") / _APP_DIR


def models_dir() -> Path:
    return data_dir() / "models"


def imported_weights_dir() -> Path:
    return data_dir() / "weights"


def keras_models_dir() -> Path:
    """Where Keras keeps the weight files it downloaded (KERAS_HOME or ~/.keras)."""
    return Path(os.environ.get("KERAS_HOME") or _home() / ".keras") / "models"


def launcher_dirs() -> list[Path]:
    """Where a Linux desktop finds application entries: its menu's folder, and the desktop if there is one."""
    menu = Path(os.environ.get("XDG_DATA_HOME") or _home() / ".local" / "share") / "applications"
    return [menu] + [d for d in (_home() / "Desktop",) if d.is_dir()]


def command_line() -> str:
    """How the user types the command line, for messages that tell them to run it: in the standalone app it
    is the `finetune-studio` executable beside the window's."""
    if not getattr(sys, "frozen", False):
        return "python -m desktop_app.cli"
    executable = str(Path(sys.executable).with_name("finetune-studio" + (".exe" if os.name == "nt" else "")))
    return f'"{executable}"' if os.name == "nt" else shlex.quote(executable)
