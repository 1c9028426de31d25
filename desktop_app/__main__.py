"""python -m desktop_app: the desktop window."""

import sys


def main() -> int:
    print("FineTune Studio: the desktop window arrives with the next release. "
          "Meanwhile use the command line: python -m desktop_app.cli --help", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
