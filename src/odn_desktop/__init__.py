"""odn-desktop: plan, run and follow up the Open-Data-Netzwerktreffen from one desktop program."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("odn-desktop")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"

APP_NAME = "odn-desktop"
APP_AUTHOR = "odn"
