"""odn-desktop: plan, run and follow up the Open-Data-Netzwerktreffen from one desktop program."""

#: The single source of the version (pyproject.toml reads it); a constant, because asking
#: importlib.metadata at start-up costs ~30 ms.
__version__ = "0.1.0"

APP_NAME = "odn-desktop"
APP_AUTHOR = "odn"
