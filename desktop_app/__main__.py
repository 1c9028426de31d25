"""python -m desktop_app [PATH...]: the desktop window, opening what a file manager's "Open with" passes."""

import argparse
import sys


def parse(argv: list[str]) -> tuple[argparse.Namespace, list[str]]:
    """(what the window should open, the arguments left for Qt such as -platform)."""
    from .core.i18n import tr

    parser = argparse.ArgumentParser(
        prog="finetune-studio-gui",
        description=tr("FineTune Studio: teach the computer your own kinds of pictures. Opens the window; "
                       "for training without it, see finetune-studio --help."))
    parser.add_argument("paths", nargs="*", metavar="PATH",
                        help=tr("a folder of class folders or a project (.ftsproject) to open in the Dataset "
                                "tab, a model (.keras) to use, or photos to look at in the Predict tab"))
    return parser.parse_known_args(argv)


def main() -> int:
    args, qt_args = parse(sys.argv[1:])  # --help prints and exits here, before any window
    from .gui.app import main as gui_main

    return gui_main([sys.argv[0], *qt_args], args.paths)


if __name__ == "__main__":
    sys.exit(main())
