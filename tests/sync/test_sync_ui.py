"""The sync in the window: status-bar text, "Synchronisieren" on a worker thread, German message when the server
is unreachable, the settings dialog (password into the keyring) and the conflict dialog (mine / theirs)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog
from sync_helpers import Laptop, MemoryKeyring, future, seat_given_back_while_deleted

from odn_desktop.services.events import create_event, update_event
from odn_desktop.store.models import Event
from odn_desktop.sync import engine
from odn_desktop.ui.dialogs import sync_ui
from odn_desktop.ui.infra.context import AppContext

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"This plugin does not support propagateSizeHints\(\)"),
              pytest.mark.usefixtures("german_translators")]
Laptops = Callable[[str], Laptop]


@pytest.fixture
def messages(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    seen: list[tuple[str, str]] = []
    monkeypatch.setattr(sync_ui, "show_message", lambda _p, title, text: seen.append((title, text)))
    monkeypatch.setattr(sync_ui, "show_warning", lambda _p, text: seen.append(("warning", text)))
    monkeypatch.setattr(sync_ui, "ask_open_conflicts", lambda _p, _n: False)
    return seen


def test_status_text_formats() -> None:
    assert sync_ui.format_status(None, 0, 0) == "Noch nicht synchronisiert · 0 ungesendete Änderungen"
    when = datetime(2026, 11, 26, 18, 5, tzinfo=UTC)
    assert sync_ui.format_status(when, 1, 2) == (
        "Zuletzt synchronisiert: 26.11.2026 19:05 · 1 ungesendete Änderung · 2 Konflikte")
    assert sync_ui.format_status(when, 2, 1) == (
        "Zuletzt synchronisiert: 26.11.2026 19:05 · 2 ungesendete Änderungen · 1 Konflikt")
    assert sync_ui.format_status(when, 1, 0, "verschlüsselt (TLS)") == (
        "Zuletzt synchronisiert: 26.11.2026 19:05 · Verbindung: verschlüsselt (TLS) · 1 ungesendete Änderung")


def test_connection_text_says_whether_the_connection_is_encrypted(
        tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("ODN_SYNC_CA_FILE", "PGHOST", "PGHOSTADDR", "PGSERVICE"):
        monkeypatch.delenv(name, raising=False)
    assert sync_ui.connection_text(None) == ""
    assert sync_ui.connection_text(str(tmp_path / "team.sqlite")) == ""
    assert sync_ui.connection_text("postgresql://odn@127.0.0.1:5432/team") == "unverschlüsselt (nur lokal)"
    assert sync_ui.connection_text("postgresql://odn@db.team.example/team") == "verschlüsselt (TLS)"
    assert sync_ui.connection_text("postgresql://odn@db.team.example/team?sslmode=disable") == (
        "keine sichere Verbindung möglich")
    ca = tmp_path / "team-ca.pem"
    ca.write_text("", encoding="ascii")
    monkeypatch.setenv("ODN_SYNC_CA_FILE", str(ca))
    assert sync_ui.connection_text("postgresql://odn@db.team.example/team") == (
        "verschlüsselt (TLS, Zertifikat geprüft)")


def test_the_status_bar_shows_whether_the_connection_is_encrypted(
        qtbot: Any, db: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the remembered address is read: nothing connects."""
    monkeypatch.delenv("ODN_SYNC_CA_FILE", raising=False)
    engine.remember_remote(db, "postgresql://koordination@db.team.example/odn")
    ctx = AppContext(db=db)
    label = sync_ui.SyncStatusLabel(ctx)
    qtbot.addWidget(label)
    assert label.text() == "Noch nicht synchronisiert · Verbindung: verschlüsselt (TLS) · 0 ungesendete Änderungen"
    engine.remember_remote(db, "postgresql://odn@localhost/odn")
    ctx.changed.emit(())
    assert label.text() == (
        "Noch nicht synchronisiert · Verbindung: unverschlüsselt (nur lokal) · 0 ungesendete Änderungen")


def test_the_settings_dialog_shows_the_connection_while_the_address_is_typed(
        qtbot: Any, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("ODN_SYNC_CA_FILE", raising=False)
    dialog = sync_ui.SyncSettingsDialog("postgresql+psycopg://koordination@db.team.example/odn")
    qtbot.addWidget(dialog)
    assert dialog.connection_label.text() == "verschlüsselt (TLS)"
    dialog.url_edit.clear()
    assert dialog.connection_label.text() == ""
    qtbot.keyClicks(dialog.url_edit, "postgresql://127.0.0.1/odn")
    assert dialog.connection_label.text() == "unverschlüsselt (nur lokal)"
    dialog.url_edit.setText("postgresql://db.team.example/odn?sslmode=disable")
    assert dialog.connection_label.text().startswith(
        "Die gemeinsame Datenbank auf db.team.example liegt auf einem anderen Rechner; die Verbindung muss "
        "verschlüsselt sein.")
    dialog.url_edit.setText(str(tmp_path / "team.sqlite"))
    assert dialog.connection_label.text() == "gemeinsame Datei (die Verschlüsselung hängt vom Netzlaufwerk ab)"


@pytest.mark.parametrize("remote", ["sqlite"], indirect=True)
def test_sync_now_runs_in_the_background_and_updates_the_status(
        qtbot: Any, laptops: Laptops, remote: str, messages: list[tuple[str, str]]) -> None:
    a = laptops("a")
    a.do(lambda s: create_event(s, title="Treffen", starts_at=future(), ends_at=future(hour=12)))
    engine.remember_remote(a.db, remote)
    ctx = AppContext(db=a.db)
    label = sync_ui.SyncStatusLabel(ctx)
    assert label.text() == "Noch nicht synchronisiert · 1 ungesendete Änderung"
    with qtbot.waitSignal(ctx.status_message, timeout=30_000) as status:
        assert sync_ui.sync_now(None, ctx) is not None
    assert status.args == ["Synchronisiert: 1 gesendet, 0 empfangen."]
    assert label.text().startswith("Zuletzt synchronisiert: ") and label.text().endswith(
        "0 ungesendete Änderungen")
    assert messages == []


def test_unreachable_server_is_reported_and_work_goes_on(
        qtbot: Any, db: Any, messages: list[tuple[str, str]]) -> None:
    engine.remember_remote(db, "postgresql://odn@127.0.0.1:9/team")
    ctx = AppContext(db=db)
    with qtbot.waitSignal(ctx.status_message, timeout=30_000):
        sync_ui.sync_now(None, ctx)
    [(kind, text)] = messages
    assert kind == "warning" and text.startswith("Der Server ist nicht erreichbar – Sie arbeiten offline weiter.")


def test_settings_dialog_keeps_the_password_out_of_the_database(
        qtbot: Any, db: Any, monkeypatch: pytest.MonkeyPatch, messages: list[tuple[str, str]],
        memory_keyring: MemoryKeyring) -> None:

    def fill(dialog: QDialog) -> int:
        assert isinstance(dialog, sync_ui.SyncSettingsDialog)
        dialog.url_edit.setText("postgresql://db.team.example/odn")
        dialog.user_edit.setText("koordination")
        dialog.password_edit.setText("s3cret")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sync_ui, "exec_dialog", fill)
    assert sync_ui.show_sync_settings(None, AppContext(db=db))
    assert engine.remembered_remote(db) == "postgresql+psycopg://koordination@db.team.example/odn"
    assert list(memory_keyring.entries.values()) == ["s3cret"]
    assert b"s3cret" not in db.path.read_bytes()


@pytest.mark.parametrize("remote", ["sqlite"], indirect=True)
def test_conflict_dialog_shows_both_values_and_resolves(
        qtbot: Any, laptops: Laptops, remote: str, monkeypatch: pytest.MonkeyPatch,
        messages: list[tuple[str, str]]) -> None:
    a, b = laptops("a"), laptops("b")
    ev = a.do(lambda s: create_event(s, title="Treffen", starts_at=future(), ends_at=future(hour=12),
                                     capacity=10).id)
    a.sync()
    b.sync()
    a.do(lambda s: update_event(s, ev, title="Von A", capacity=20))
    b.do(lambda s: update_event(s, ev, title="Von B", capacity=30))
    a.sync()
    assert len(b.sync().conflicts) == 2
    ctx = AppContext(db=b.db)
    assert sync_ui.sync_status_text(ctx).endswith("· 2 Konflikte")
    shown: list[list[str]] = []

    def decide(dialog: QDialog) -> int:
        assert isinstance(dialog, sync_ui.ConflictDialog)
        qtbot.addWidget(dialog)
        for row in range(dialog.table.rowCount()):
            shown.append([dialog.table.item(row, col).text() for col in range(4)])
            dialog.choose(row, sync_ui.KEEP_LOCAL if shown[-1][1] == "Titel" else sync_ui.KEEP_REMOTE)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sync_ui, "exec_dialog", decide)
    assert sync_ui.show_conflicts_dialog(None, ctx) == 2
    assert sorted(shown) == [["Veranstaltung „Von B“", "Plätze", "30", "20"],
                             ["Veranstaltung „Von B“", "Titel", "Von B", "Von A"]]
    b.sync()
    a.sync()
    assert a.do(lambda s: (s.get(Event, ev).title, s.get(Event, ev).capacity)) == ("Von B", 20)
    assert sync_ui.show_conflicts_dialog(None, ctx) == 0
    assert messages[-1] == ("Konflikte", "Es gibt keine offenen Konflikte.")


@pytest.mark.parametrize("remote", ["sqlite"], indirect=True)
@pytest.mark.parametrize("keep", [sync_ui.KEEP_REMOTE, sync_ui.KEEP_LOCAL])
def test_deciding_conflicts_names_a_round_put_over_its_limit(
        qtbot: Any, laptops: Laptops, remote: str, monkeypatch: pytest.MonkeyPatch,
        messages: list[tuple[str, str]], keep: str) -> None:
    a, b = laptops("a"), laptops("b")
    seat_given_back_while_deleted(a, b)

    def decide(dialog: QDialog) -> int:
        assert isinstance(dialog, sync_ui.ConflictDialog)
        qtbot.addWidget(dialog)
        assert dialog.table.item(0, 0).text() == "Anmeldung p3 – Treffen"  # no gap for the missing first name
        dialog.choose_all(keep)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sync_ui, "exec_dialog", decide)
    assert sync_ui.show_conflicts_dialog(None, AppContext(db=b.db)) == 1
    if keep == sync_ui.KEEP_LOCAL:
        assert messages == []
        return
    assert messages == [("Konflikte", "Nach den Entscheidungen sind mehr Plätze vergeben als verfügbar – die Plätze "
                                      "bleiben, bis Stornierungen es ausgleichen:\n• „Treffen“, Runde „R“: 2 Plätze "
                                      "vergeben bei 1 verfügbaren – über der Grenze, bis Stornierungen sie wieder "
                                      "darunter bringen.")]


@pytest.mark.parametrize("remote", ["sqlite"], indirect=True)
def test_the_overview_keeps_its_tables_full_width_after_a_decision(
        qtbot: Any, laptops: Laptops, remote: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Any,
        messages: list[tuple[str, str]]) -> None:
    """Seen under Xvfb: after the decision (the pages reload behind the message, the over-limit note appears)
    the deadline and task tables' last columns kept their text's width, the rest of each table empty."""
    from window_helpers import shown_window

    a, b = laptops("a"), laptops("b")
    seat_given_back_while_deleted(a, b)
    ctx = AppContext(db=b.db)
    window = shown_window(qtbot, ctx, tmp_path)
    page = window.page("overview")

    def decide(dialog: QDialog) -> int:
        qtbot.addWidget(dialog)
        dialog.choose_all(sync_ui.KEEP_REMOTE)  # type: ignore[attr-defined]
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(sync_ui, "exec_dialog", decide)
    assert sync_ui.show_conflicts_dialog(window, ctx) == 1
    qtbot.wait(50)
    assert page.over_limit_label.isVisible()  # type: ignore[attr-defined]
    for view in (page.events_view, page.deadlines_view, page.tasks_view):  # type: ignore[attr-defined]
        header = view.horizontalHeader()
        last = header.count() - 1
        assert header.sectionViewportPosition(last) + header.sectionSize(last) >= view.viewport().width()


def test_every_conflict_field_name_is_offered_to_the_translators() -> None:
    """lupdate reads FIELD_LABELS_FOR_LUPDATE; a field added to sync.conflicts.FIELD_LABELS without it would stay
    German in the English conflict dialog."""
    from odn_desktop.sync.conflicts import FIELD_LABELS

    assert set(sync_ui.FIELD_LABELS_FOR_LUPDATE) == set(FIELD_LABELS.values())


def test_every_record_kind_is_offered_to_the_translators_and_replaces_the_german_prefix(qapp: Any) -> None:
    import uuid

    from odn_desktop.sync.conflicts import TABLE_LABELS, Conflict
    from odn_desktop.ui.shell.language import install_translators

    assert set(sync_ui.TABLE_LABELS_FOR_LUPDATE) == set(TABLE_LABELS.values())
    conflict = Conflict(1, "contact", uuid.uuid4(), "organisation", "A", "B", row_label="Kontakt Anna Becker <a@b.de>")
    assert sync_ui.record_label(conflict) == "Kontakt Anna Becker <a@b.de>"  # German UI: unchanged
    try:
        install_translators(qapp, "en")
        assert sync_ui.record_label(conflict) == "Contact Anna Becker <a@b.de>"
        assert sync_ui.field_label(conflict) == "Organisation"
    finally:
        install_translators(qapp, "de")
