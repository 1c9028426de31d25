"""The bundle's window executable (PyInstaller runs this file as __main__)."""

import multiprocessing
import sys

if __name__ == "__main__":
    # Training runs in a spawned child process: in a frozen app the child is this executable again, and
    # freeze_support() turns it into the child instead of a second window.
    multiprocessing.freeze_support()
    from desktop_app.__main__ import main

    sys.exit(main())
