"""The bundle's command-line executable (PyInstaller runs this file as __main__)."""

import sys

if __name__ == "__main__":
    from desktop_app.cli import main

    sys.exit(main())
