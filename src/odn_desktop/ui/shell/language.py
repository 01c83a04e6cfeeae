"""The interface language: German by default (the source strings), English as the second translation.

``install_translators`` loads Qt's own strings (button texts such as "Abbrechen") and ours for the chosen
language; it runs before the first window is built. The choice is the setting ``domain.settings.LANGUAGE``.
German needs its file too: the sources hold one form of each count (``tr("%n Entwürfe", "", n)``), the German
file the singular and plural ("1 Entwurf", "2 Entwürfe").
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from odn_desktop.domain.settings import LANGUAGE
from odn_desktop.ui.infra.resources import resource_path
from odn_desktop.ui.infra.settings import as_settings

if TYPE_CHECKING:
    from odn_desktop.ui.infra.settings import AnySettings

log = logging.getLogger(__name__)

_installed: list[QTranslator] = []  # translators must outlive the application's use of them


def current_language(settings: AnySettings | None = None) -> str:
    return as_settings(settings).get(LANGUAGE)


def install_translators(app: QCoreApplication, language: str | None = None) -> str:
    language = language or current_language()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(QLocale(QLocale.Language.German if language == "de" else QLocale.Language.English,
                               QLocale.Country.Germany if language == "de" else QLocale.Country.UnitedKingdom))
    qt_translator = QTranslator(app)
    if qt_translator.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt_translator)
        _installed.append(qt_translator)
    ours = QTranslator(app)
    try:
        path = resource_path("translations", f"odn_desktop_{language}.qm")
    except FileNotFoundError:
        log.warning("no translation file for %s", language)
    else:
        if ours.load(str(path)):
            app.installTranslator(ours)
            _installed.append(ours)
        else:
            log.warning("translation file %s could not be loaded", path)
    return language
