"""PySide6's question "does this module use PySide6?", answered without keeping every module's source in memory.

Once PySide6 is loaded, shiboken's import hook asks this of every module imported after it (for its
``__feature__`` switches, which this program does not use): ``PySide6.support.feature._mod_uses_pyside`` reads
the module's whole source with ``inspect.getsource``, and ``linecache`` keeps every line of every such file for
the rest of the run. Run from source, that was 19 MB for SQLAlchemy and our own modules (a tenth of the
program's peak memory with 100,000 registrations) and 30-70 ms of reading and splitting lines at start-up.
The frozen program has no sources, so there the answer is always "no" and nothing is kept.

``install`` replaces the check by one that gives the same answer (whether the module's source file mentions
``PySide6``) from the file's bytes, keeping nothing. Should a PySide6 version no longer have the hook, nothing
is changed. It is called twice: by ``odn_desktop/__init__`` (when PySide6 was loaded before this package, as
in the test suite or a tool that embeds it, every module of ours is checked cheaply from the start) and by
``odn_desktop.ui`` once it has loaded PySide6 itself (the program: the command line is parsed without Qt).
It imports no Qt (it only looks for PySide6's module), so it stands below every layer.
"""

from __future__ import annotations

import sys
from types import ModuleType

_FEATURE_MODULE = "PySide6.support.feature"


def mentions_pyside(module: ModuleType) -> bool:
    """What ``_mod_uses_pyside`` answers: whether the module's source mentions PySide6 (False without source)."""
    import inspect  # loaded by PySide6 already when this is called; not at start for the command line

    try:
        path = inspect.getsourcefile(module)
    except TypeError:  # a built-in module
        return False
    if not path:
        return False
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return False


def install() -> bool:
    """Put ``mentions_pyside`` in place of PySide6's check, if PySide6 is loaded; whether it was replaced."""
    feature = sys.modules.get(_FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "_mod_uses_pyside", None)):
        return False
    feature._mod_uses_pyside = mentions_pyside  # type: ignore[attr-defined]
    return True
