"""Set up the project's virtual environment (.venv/) when needed, then start the app or run the tests.

    python3 scripts/bootstrap.py app      # the desktop app
    python3 scripts/bootstrap.py test     # the test suite (extra arguments go to pytest)
    python3 scripts/bootstrap.py cli ...  # the command line

Works on Linux, macOS and Windows with Python 3.10+; needs the package index only the first time.
"""

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
VENV = ROOT / ".venv"
PYTHON = VENV / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
STAMP = VENV / ".finetune-studio-installed"


def ensure_environment(extras: str) -> None:
    """Create .venv and install the project (with `extras`) unless pyproject.toml is unchanged since."""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    lines = STAMP.read_text().split() if STAMP.exists() else []
    installed = {line.split(":")[0] for line in lines if line.endswith(":" + digest)}  # extras, for this pyproject
    if extras in installed or (not extras and installed):  # any install includes what the app needs
        return
    if not PYTHON.exists():
        print("Creating the virtual environment in .venv/ (first run only)...", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    print("Installing FineTune Studio and its dependencies (first run takes a few minutes)...", flush=True)
    target = f".[{extras}]" if extras else "."
    subprocess.run([str(PYTHON), "-m", "pip", "install", "--quiet", "--disable-pip-version-check",
                    "-e", target], cwd=ROOT, check=True)
    STAMP.write_text("\n".join(f"{e}:{digest}" for e in sorted(installed | {extras})))


def main(argv: list[str]) -> int:
    what, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if what == "test":
        ensure_environment("test")
        # Seconds each, before the tests: style; the layering (the core never imports Qt, the command line
        # never the window); and every user-visible string translated.
        checks = {"ruff": ["-m", "ruff", "check", "desktop_app", "tests", "scripts", "benchmarks"],
                  "import-linter": ["-c", "import sys; from importlinter.cli import lint_imports_command as c; "
                                          "sys.exit(c())"],
                  "the translation check": ["scripts/translations.py", "check"]}
        for name, args in checks.items():
            if subprocess.call([str(PYTHON), *args], cwd=ROOT) != 0:
                print(f"{name} found problems (above): fix them first.", file=sys.stderr)
                return 1
        code = subprocess.call([str(PYTHON), "-m", "pytest", *rest], cwd=ROOT)
        if code == 5:
            print("pytest collected no tests: treating that as a failure.", file=sys.stderr)
            return 1
        return code
    ensure_environment("")
    module = {"app": "desktop_app", "cli": "desktop_app.cli"}.get(what)
    if module is None:
        print(__doc__, file=sys.stderr)
        return 2
    return subprocess.call([str(PYTHON), "-m", module, *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
