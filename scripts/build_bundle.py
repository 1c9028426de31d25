"""Build the standalone app: a folder that runs without Python and without a network.

    python3 scripts/build_bundle.py             # -> dist/FineTune Studio/
    python3 scripts/build_bundle.py --archive   # also dist/FineTune-Studio-VERSION-SYSTEM.zip (.tar.gz on Linux)

Run it on the system the bundle is for (PyInstaller does not cross-build): on Linux it makes
`dist/FineTune Studio/FineTune Studio` (the window) and `finetune-studio` (the command line) beside it;
on Windows the same two as .exe; on macOS also `dist/FineTune Studio.app`. The archive is what to hand on.
"""

import argparse
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

from bootstrap import PYTHON, ROOT, ensure_environment

sys.path.insert(0, str(ROOT))
from desktop_app import __version__  # noqa: E402

SPEC = ROOT / "resources" / "bundle" / "finetune_studio.spec"
DIST = ROOT / "dist"


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the standalone app with PyInstaller.")
    parser.add_argument("--archive", action="store_true", help="also pack the folder into one file to hand on")
    args = parser.parse_args()
    ensure_environment("bundle")
    started = time.monotonic()
    print("Building dist/FineTune Studio/ with PyInstaller (several minutes)...", flush=True)
    code = subprocess.call([str(PYTHON), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                            "--distpath", str(DIST), "--workpath", str(ROOT / "build" / "pyinstaller"), str(SPEC)],
                           cwd=ROOT)
    if code == 0:
        folder = DIST / "FineTune Studio"
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        print(f"Built {folder} ({size / 1e9:.1f} GB) in {time.monotonic() - started:.0f} s.")
        if args.archive:
            print("Packing it into one file (a minute or two)...", flush=True)
            name = DIST / f"FineTune-Studio-{__version__}-{platform.system().lower()}-{platform.machine().lower()}"
            archive = shutil.make_archive(str(name), "gztar" if sys.platform.startswith("linux") else "zip",
                                          root_dir=DIST, base_dir=folder.name)
            print(f"Packed {archive} ({Path(archive).stat().st_size / 1e9:.2f} GB).")
    return code


if __name__ == "__main__":
    sys.exit(main())
