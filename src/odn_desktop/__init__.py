"""odn-desktop: plan, run and follow up the Open-Data-Netzwerktreffen from one desktop program."""

#: The single source of the version (pyproject.toml reads it); a constant, because asking
#: importlib.metadata at start-up costs ~30 ms.
__version__ = "0.1.0"

APP_NAME = "odn-desktop"
APP_AUTHOR = "odn"

# PySide6 loaded before this package (the test suite, a tool embedding it): its per-import source check made cheap
# from here on (``source_checks``; the program itself does this in ``odn_desktop.ui`` once it loads Qt)
from . import source_checks  # noqa: E402

source_checks.install()
