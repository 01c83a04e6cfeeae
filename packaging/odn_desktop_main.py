"""Entry script of the frozen build (PyInstaller needs a file): the same as ``python -m odn_desktop``."""

from odn_desktop.__main__ import main

if __name__ == "__main__":
    main()
