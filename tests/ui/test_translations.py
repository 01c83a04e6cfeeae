"""The English translation: complete, placeholders intact, the committed .qm compiled from the .ts, and the window
switches language when the translators are installed. The German file gives every count (``%n``) its singular."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from external_programs import missing
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell.language import install_translators
from odn_desktop.ui.shell.workspace_window import PAGES, WorkspaceWindow

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
TS = TRANSLATIONS / "odn_desktop_en.ts"
QM = TRANSLATIONS / "odn_desktop_en.qm"
TS_DE = TRANSLATIONS / "odn_desktop_de.ts"  # the source language: only the counts, with singular and plural
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%n|%L?\d+")
TAG = re.compile(r"</?[a-zA-Z][^>]*>")
GERMAN_MENUS = ["Datei", "Bearbeiten", "Ansicht", "Extras", "Hilfe"]
ENGLISH_MENUS = ["File", "Edit", "View", "Tools", "Help"]
ENGLISH_PAGES = ["Overview", "Events", "Speakers", "Contacts", "All registrations", "Topic wishes", "Reports"]


def messages(ts: Path = TS) -> Iterator[tuple[str, str, list[str]]]:
    """(context, source, translations) of each live message; a numerus message has one translation per form."""
    root = ET.parse(ts).getroot()
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = translation.findall("numerusform")
            texts = [f.text or "" for f in forms] if forms else [translation.text or ""]
            yield name, message.findtext("source") or "", texts


def unfinished(ts: Path = TS) -> list[tuple[str, str]]:
    root = ET.parse(ts).getroot()
    return [(c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context")
            for m in c.iter("message") if (t := m.find("translation")) is not None and t.get("type") == "unfinished"]


def plain(text: str) -> str:
    """Menu text without its mnemonic marker."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def test_every_message_is_translated_with_the_same_placeholders() -> None:
    found = list(messages())
    assert len(found) > 500
    assert unfinished() == []
    for context, source, texts in found:
        for text in texts:
            where = f"{context}: {source!r} -> {text!r}"
            assert text.strip(), f"untranslated {where}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), f"placeholders {where}"
            assert sorted(TAG.findall(text)) == sorted(TAG.findall(source)), f"markup {where}"
            assert (plain(text) != text) == (plain(source) != source), f"mnemonic {where}"
            assert text.count("\n") == source.count("\n"), f"line breaks {where}"
            assert text.endswith(" …") == source.endswith(" …"), f"ellipsis {where}"


def numerus_messages(ts: Path) -> dict[tuple[str, str], list[str]]:
    root = ET.parse(ts).getroot()
    return {(c.findtext("name") or "", m.findtext("source") or ""): [f.text or "" for f in m.iter("numerusform")]
            for c in root.iter("context") for m in c.iter("message") if m.get("numerus") == "yes"}


def test_every_count_has_its_german_singular_and_plural() -> None:
    """The German sources hold one form ("%n Entwürfe"); without the German file a window would say "1 Entwürfe"."""
    german, english = numerus_messages(TS_DE), numerus_messages(TS)
    assert len(german) >= 20
    assert set(german) == set(english)
    assert unfinished(TS_DE) == []
    for (context, source), (one, many, *more) in german.items():
        where = f"{context}: {source!r}"
        assert more == [], where
        assert many == source, f"the plural is the source text: {where}"
        assert one != many and "%n" in one, f"no singular: {where} -> {one!r}"
        assert sorted(PLACEHOLDER.findall(one)) == sorted(PLACEHOLDER.findall(source)), where
    for (context, source), forms in english.items():
        assert len(forms) == 2 and forms[0] != forms[1], f"{context}: {source!r} -> {forms!r}"


@pytest.mark.parametrize(("ts", "language"), [(TS, "en"), (TS_DE, "de")])
def test_the_ts_holds_every_text_of_the_sources(tmp_path: Path, ts: Path, language: str) -> None:
    """A new or changed tr()/translate() text that nobody ran lupdate for fails here, not in an English window."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
    try:
        import build_ui  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    copy = tmp_path / ts.name
    shutil.copyfile(ts, copy)
    build_ui.update_ts(copy, language)
    before = {(c, s) for c, s, _texts in messages(ts)}
    root = ET.parse(copy).getroot()
    after = {(c.findtext("name") or "", m.findtext("source") or "") for c in root.iter("context")
             for m in c.iter("message")}
    assert after - before == set(), "new texts: run python scripts/build_ui.py --translations, then translate"
    assert before - after == set(), "texts no longer in the sources: run python scripts/build_ui.py --translations"


@pytest.mark.parametrize("ts", [TS, TS_DE])
def test_the_committed_qm_is_compiled_from_the_ts(tmp_path: Path, ts: Path) -> None:
    here = Path(sys.executable).parent
    lrelease = next((str(p) for p in (here / "pyside6-lrelease", here / "pyside6-lrelease.exe") if p.exists()),
                    shutil.which("pyside6-lrelease"))
    if lrelease is None:
        missing("pyside6-lrelease is not installed")
    fresh = tmp_path / "fresh.qm"
    done = subprocess.run([lrelease, str(ts), "-qm", str(fresh)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "0 unfinished" in done.stdout and "Ignored" not in done.stdout, done.stdout
    assert fresh.read_bytes() == ts.with_suffix(".qm").read_bytes(), "run: python scripts/build_ui.py --translations"


@pytest.mark.parametrize(("language", "texts"), [
    ("de", ["0 Konflikte", "1 Konflikt", "2 Konflikte", "1 ungesendete Änderung", "1 Empfänger:in", "1 Kontakt"]),
    ("en", ["0 conflicts", "1 conflict", "2 conflicts", "1 unsent change", "1 recipient", "1 contact"]),
])
def test_counts_take_the_form_of_the_number(qapp: QApplication, language: str, texts: list[str]) -> None:
    from PySide6.QtCore import QCoreApplication

    def tr(context: str, source: str, n: int) -> str:
        return QCoreApplication.translate(context, source, "", n)

    try:
        install_translators(qapp, language)
        assert [tr("SyncUi", "%n Konflikte", n) for n in (0, 1, 2)] + [
            tr("SyncUi", "%n ungesendete Änderungen", 1), tr("SendDialog", "%n Empfänger:innen", 1),
            tr("ContactsPage", "%n Kontakte", 1)] == texts
    finally:
        install_translators(qapp, "de")


def build_window(qtbot: QtBot, db: Database, settings_file: Path) -> WorkspaceWindow:
    window = WorkspaceWindow(AppContext(db), settings=QSettings(str(settings_file), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    return window


def menu_titles(window: WorkspaceWindow) -> list[str]:
    return [plain(a.text()) for a in window.menuBar().actions()]


def nav_titles(window: WorkspaceWindow) -> list[str]:
    return [item.text() for n in range(window.nav.count()) if (item := window.nav.item(n)) is not None]


def own_actions(window: WorkspaceWindow) -> list[QAction]:
    """The window's actions whose texts reach tr() through a variable (kept visible to lupdate by hand)."""
    return [window.new_event_action, window.save_action, window.quit_action, window.find_action,
            window.delete_action, *window.page_actions, window.settings_action, window.about_action,
            *window.export_actions, window.print_action, *window.import_actions, window.mail_action,
            window.privacy_action]


def test_the_window_speaks_english_after_switching(qtbot: QtBot, demo_db: Database, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    german_sources = {source for _c, source, texts in messages() if texts != [source]}
    try:
        assert install_translators(app, "en") == "en"
        window = build_window(qtbot, demo_db, tmp_path / "en.ini")
        window.resize(1500, 900)
        window.show()
        window.ctx.ready.emit()
        assert menu_titles(window) == ENGLISH_MENUS
        assert nav_titles(window) == ENGLISH_PAGES
        assert [a.text() for a in window.page_actions] == ENGLISH_PAGES
        untranslated = [a.text() for a in own_actions(window) if a.text() in german_sources]
        assert untranslated == [], "add them to _FOR_LUPDATE in workspace_window.py and translate"
        assert plain(window.undo_action.text()).startswith("Undo")

        window.page_actions[1].trigger()
        window.page("events").reload()  # type: ignore[attr-defined]
        qtbot.wait(50)
        model = window.events_page().model
        dates = [model.index(row, 0).data() for row in range(model.rowCount())]
        assert "Thu 02.12.2021" in dates  # the weekday speaks the UI's language, the date keeps its German order
        image = window.grab().toImage()
        assert image.save(str(tmp_path / "english.png"))
        image.save("/tmp/odn-english.png")  # to look at by hand, as the workspace tests do
        window.close()
    finally:
        install_translators(app, "de")
    german = build_window(qtbot, demo_db, tmp_path / "de.ini")
    assert menu_titles(german) == GERMAN_MENUS
    assert nav_titles(german) == [title for _key, title, _icon in PAGES]
