"""Set up the project's virtual environment (.venv/) when needed, then start the app or run the tests.

    python3 scripts/bootstrap.py app      # the desktop app
    python3 scripts/bootstrap.py test     # the test suite (extra arguments go to pytest)
    python3 scripts/bootstrap.py cli ...  # the command line
    python3 scripts/bootstrap.py launcher # Linux: add FineTune Studio to the application menu

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


# What the first start says, before the app (and its translations) exist: in the system's language.
WORDS = {
    "en": {"title": "FineTune Studio: first start",
           "installing": "Installing FineTune Studio and what it needs (TensorFlow, Qt and others): about 1 GB to "
                         "download, 3 GB on disk. This happens once and takes 2-10 minutes, depending on the "
                         "connection.",
           "failed": "The installation failed. The last lines pip wrote are below; run "
                     "`python3 scripts/bootstrap.py app` in a terminal to see everything.",
           "close": "Close"},
    "zh": {"title": "FineTune Studio：首次启动",
           "installing": "正在安装 FineTune Studio 及其所需组件（TensorFlow、Qt 等）：约需下载 1 GB，"
                         "占用 3 GB 磁盘空间。只在首次启动时进行，视网络情况需要 2-10 分钟。",
           "failed": "安装失败。下面是 pip 最后输出的几行；在终端中运行 `python3 scripts/bootstrap.py app` "
                     "可以看到全部内容。",
           "close": "关闭"},
}


def words(key: str) -> str:
    language = next((os.environ[v] for v in ("LC_ALL", "LC_MESSAGES", "LANG") if os.environ.get(v)), "")
    if not language and os.name == "nt":
        import locale

        language = locale.getlocale()[0] or ""
    return WORDS["zh" if language.lower().startswith(("zh", "chinese")) else "en"][key]


def _can_show_window() -> bool:
    """Started without a terminal (a double-clicked launcher): pip's progress goes to a small window, if Tk is
    there (some Linux systems leave it out) and so is a display."""
    try:
        import tkinter  # noqa: F401
    except ImportError:
        return False
    return os.name == "nt" or sys.platform == "darwin" or bool(os.environ.get("DISPLAY") or
                                                              os.environ.get("WAYLAND_DISPLAY"))


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
    target = f".[{extras}]" if extras else "."
    install = [str(PYTHON), "-m", "pip", "install", "--disable-pip-version-check", "-e", target]
    if sys.stdout.isatty() or not _can_show_window():
        print(words("installing"), flush=True)
        subprocess.run(install, cwd=ROOT, check=True)  # pip's own lines and progress bars
    else:
        from install_window import run_in_window

        run_in_window(install, ROOT, words)
    STAMP.write_text("\n".join(f"{e}:{digest}" for e in sorted(installed | {extras})))


def main(argv: list[str]) -> int:
    what, rest = (argv[0], argv[1:]) if argv else ("app", [])
    if what == "test":
        ensure_environment("test")
        # Seconds each, before the tests: style; types (pyproject's [tool.mypy]); the layering (the core never
        # imports Qt, the command line never the window); and every user-visible string translated.
        checks = {"ruff": ["-m", "ruff", "check", "desktop_app", "tests", "scripts", "benchmarks"],
                  "mypy": ["-m", "mypy"],
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
    if what == "launcher":
        # Needs nothing installed: the entry starts this script, which sets up .venv on the first start.
        sys.path.insert(0, str(ROOT))
        from desktop_app.core.launcher import install_launcher

        entry = install_launcher([sys.executable, str(ROOT / "scripts" / "bootstrap.py"), "app"])
        print(f"Added FineTune Studio to the application menu: {entry}")
        return 0
    ensure_environment("")
    module = {"app": "desktop_app", "cli": "desktop_app.cli"}.get(what)
    if module is None:
        print(__doc__, file=sys.stderr)
        return 2
    return subprocess.call([str(PYTHON), "-m", module, *rest], cwd=ROOT)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
