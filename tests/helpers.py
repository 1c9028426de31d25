"""Helpers shared by the tests (conftest.py files cannot import each other by name) and the benchmarks."""

import contextlib
import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np
from PIL import Image

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
HOTDOG = SHARED / "datasets" / "hotdog"


def write_image(path: Path, color=(200, 30, 30), size=(64, 48), mode="RGB", fmt=None, **save_args) -> Path:
    """A small picture: a coloured square on a neutral background, so classes differ visibly."""
    path.parent.mkdir(parents=True, exist_ok=True)
    arr = np.full((size[1], size[0], 3), 120, np.uint8)
    h, w = size[1], size[0]
    arr[h // 4: 3 * h // 4, w // 8: w // 2] = color  # off-centre, so a mirrored copy differs
    img = Image.fromarray(arr, "RGB")
    if mode != "RGB":
        img = img.convert(mode)
    img.save(path, format=fmt, **save_args)
    return path


def damaged_inside(data: bytes) -> bytes:
    """An image file with 40 bytes in its middle flipped: its start and end look whole, decoding fails."""
    damaged = bytearray(data)
    middle = len(damaged) // 2
    damaged[middle:middle + 40] = bytes(b ^ 0xFF for b in damaged[middle:middle + 40])
    return bytes(damaged)


def deny_read(path: Path, monkeypatch) -> None:
    """Make `path` unreadable; as root (who reads anything) refuse it the way the OS would refuse others."""
    import builtins
    import os

    path.chmod(0)
    if os.access(path, os.R_OK):
        real_open = builtins.open

        def refusing_open(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, *args, **kwargs)

        real_os_open = os.open

        def refusing_os_open(file, *args, **kwargs):
            if str(file) == str(path):
                raise PermissionError(13, "Permission denied", str(file))
            return real_os_open(file, *args, **kwargs)

        monkeypatch.setattr(builtins, "open", refusing_open)
        monkeypatch.setattr(os, "open", refusing_os_open)


def deny_write(folder: Path, monkeypatch) -> None:
    """Make `folder` read-only; as root, refuse new files in it the way the OS would refuse others."""
    import os
    import tempfile

    folder.chmod(0o555)
    if os.access(folder, os.W_OK):
        real_mkstemp = tempfile.mkstemp

        def refusing_mkstemp(*args, dir=None, **kwargs):
            if dir is not None and Path(dir) == folder:
                raise PermissionError(13, "Permission denied", str(folder))
            return real_mkstemp(*args, dir=dir, **kwargs)

        monkeypatch.setattr(tempfile, "mkstemp", refusing_mkstemp)


def tree_snapshot(root: Path) -> dict[str, tuple]:
    """Every path below `root` with its size, modification time and content: equal snapshots, untouched tree."""
    import hashlib

    out = {}
    for p in sorted(root.rglob("*")):
        st = p.lstat()
        content = hashlib.sha256(p.read_bytes()).hexdigest() if p.is_file() and not p.is_symlink() else None
        out[str(p.relative_to(root))] = (st.st_mode, st.st_size, st.st_mtime_ns, content)
    return out


def copy_hotdog_photos(root: Path, per_class: int) -> Path:
    """The first `per_class` real training photos of each class, copied to root/<class>/."""
    import shutil

    for label in ("hotdog", "not-hotdog"):
        (root / label).mkdir(parents=True, exist_ok=True)
        for src in sorted((HOTDOG / "train" / label).glob("*.jpg"))[:per_class]:
            shutil.copy(src, root / label / src.name)
    return root


def write_coloured_photos(root: Path, per_class: int) -> Path:
    """Small generated photos in two classes (red-ish, blue-ish) with noise, so no two are identical."""
    rng = np.random.default_rng(0)
    for label, base in (("red", (200, 40, 40)), ("blue", (40, 40, 200))):
        (root / label).mkdir(parents=True)
        for i in range(per_class):
            pixels = np.clip(rng.normal(0, 30, (32, 32, 3)) + base, 0, 255).astype(np.uint8)
            Image.fromarray(pixels).save(root / label / f"{i:05d}.png")
    return root


@contextlib.contextmanager
def private_x_server() -> Iterator[str]:
    """An X server of its own (Xvfb) while the block runs; yields its DISPLAY. Needs Xvfb and xdotool."""
    for tool in ("Xvfb", "xdotool"):
        if not shutil.which(tool):
            raise RuntimeError(f"{tool} is missing (Linux: apt-get install xvfb xdotool)")
    number = next((n for n in range(90, 200) if not Path(f"/tmp/.X11-unix/X{n}").exists()), None)
    if number is None:
        raise RuntimeError("no free X display number")
    display = f":{number}"
    # -noreset: by default Xvfb resets when its last client leaves and refuses connections meanwhile, so a
    # second app started in the same block could fail with "could not connect to display"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp", "-noreset"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 10
        while subprocess.run(["xdotool", "getdisplaygeometry"], env={**os.environ, "DISPLAY": display},
                             capture_output=True).returncode != 0:  # until it accepts connections
            if time.monotonic() > deadline or server.poll() is not None:
                raise RuntimeError("Xvfb did not start")
            time.sleep(0.05)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=30)
