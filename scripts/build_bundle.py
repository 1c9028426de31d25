"""Build the standalone app: a folder that runs without Python and without a network.

    python3 scripts/build_bundle.py      # -> dist/FineTune Studio/

Run it on the system the bundle is for (PyInstaller does not cross-build): on Linux it makes
`dist/FineTune Studio/FineTune Studio` (the window) and `finetune-studio` (the command line) beside it;
on Windows the same two as .exe; on macOS also `dist/FineTune Studio.app`. Zip the folder to hand it on.
"""

import subprocess
import sys
import time

from bootstrap import PYTHON, ROOT, ensure_environment

SPEC = ROOT / "resources" / "bundle" / "finetune_studio.spec"
DIST = ROOT / "dist"


def main() -> int:
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
    return code


if __name__ == "__main__":
    sys.exit(main())
