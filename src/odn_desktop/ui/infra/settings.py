"""The window's settings: the typed options of ``domain.settings`` over the user's ``QSettings`` (the registry on
Windows, an INI file elsewhere; organisation and application name from ``ui.shell.app.ensure_application``).

Every module of the window reads and writes its settings through ``app_settings()`` or a ``Settings`` handed to
it; a function that takes settings also takes a bare ``QSettings`` (tests give one on a file of their own) and
wraps it (``as_settings``). The upgrade from older keys runs once at start-up (``ui.shell.app.start_app``).
"""

from __future__ import annotations

from typing import TypeAlias

from PySide6.QtCore import QSettings

from odn_desktop.domain.settings import Settings, SettingsBackend

#: what a function that reads or writes settings takes: the typed object or a bare backend (a QSettings)
AnySettings: TypeAlias = Settings | SettingsBackend


def app_settings() -> Settings:
    """The user's settings of this program."""
    return Settings(QSettings())


def as_settings(settings: AnySettings | None = None) -> Settings:
    """``settings`` as a ``Settings``: as it is, a backend wrapped, or (``None``) the user's settings."""
    if settings is None:
        return app_settings()
    return settings if isinstance(settings, Settings) else Settings(settings)
