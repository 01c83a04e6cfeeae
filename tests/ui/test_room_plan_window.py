"""The Raumplan tab driven as a coordinator would: the preview of mixed rooms, a new mix, the room size, speakers and
hosts left out, rooms by round, the Zoom file (read back with csv), the room list as PDF and printed.

A render at 1366×768 goes to ``RENDERS/room-plan.png`` for a human look.
"""

from __future__ import annotations

import csv
import os
import re
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from odn_desktop.domain.timezone import utcnow
from odn_desktop.services.contacts import ContactInput
from odn_desktop.services.events import create_event
from odn_desktop.services.registrations import register
from odn_desktop.services.rounds import add_round
from odn_desktop.services.speakers import add_speaker_to_event, create_speaker
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.dialogs import print_preview
from odn_desktop.ui.editors.event import room_plan_tab as tab_module
from odn_desktop.ui.editors.event.room_plan_model import PlanColumn
from odn_desktop.ui.editors.event.room_plan_tab import RoomPlanTab
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow

RENDERS = Path(os.environ.get("ODN_RENDERS", "/work/notes/renders"))
SIZE = (1366, 768)
A = "Offene Haushaltsdaten"
B = "Geodaten und Karten"
PEOPLE = [  # first, last, organisation, municipality, round
    ("Anna", "Müller", "Landeshauptstadt Kiel", "Kiel", A), ("Jürgen", "Groß", "Landeshauptstadt Kiel", "Kiel", B),
    ("Katrin", "Schäfer", "Landeshauptstadt Kiel", "Kiel", A), ("Mehmet", "Yılmaz", "Stadt Münster", "Münster", B),
    ("Sophie", "Wagner", "Stadt Münster", "Münster", A), ("Thomas", "Hoffmann", "Stadt Ulm", "Ulm", B),
    ("Özlem", "Kaya", "Stadt Ulm", "Ulm", A), ("Lukas", "Weiß", "Landkreis Görlitz", "Görlitz", B),
    ("Birgit", "Krüger", "Stadt Görlitz", "Görlitz", A), ("Jan", "Özdemir", "Stadt Jena", "Jena", ""),
    ("Svenja", "Schulte", "Freie Hansestadt Bremen", "Bremen", B), ("Matthias", "Lange", "Stadt Bonn", "Bonn", A),
    ("Ulrike", "Brandt", "Stadt Regensburg", "Regensburg", B), ("Nils", "Köhler", "Stadt Gießen", "Gießen", ""),
    ("Franziska", "Vogel", "Gemeinde Wennigsen", "Wennigsen", A), ("Dirk", "Dietrich", "Stadt Trier", "Trier", B),
    ("Lea", "Albers", "Hansestadt Rostock", "Rostock", A), ("Andreas", "Nowak", "Stadt Saarbrücken", "Saarbrücken", B),
    ("Marta", "Fuchs", "Stadt Halle (Saale)", "Halle (Saale)", A),
    ("Florian", "Peters", "Kreis Steinfurt", "Steinfurt", B),
    ("Heike", "Jäger", "Deutsches Institut für Urbanistik", "Berlin", ""),  # a host
    ("Claus", "Arndt", "Stadt Moers", "Moers", ""),  # a speaker who registered
]
WAITING = [("Timo", "Hahn", "Stadt Kassel", "Kassel", ""), ("Kim", "Lorenz", "Stadt Essen", "Essen", "")]


def email(first: str, last: str) -> str:
    folded = f"{first}.{last}".lower()
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss"), ("ı", "i")):
        folded = folded.replace(src, dst)
    return f"{folded}@kommune.example"


@pytest.fixture
def event_id(db: Database) -> uuid.UUID:
    starts = (utcnow() + timedelta(days=30)).replace(hour=9, minute=0, second=0, microsecond=0)
    with transaction(db.sessions) as s:
        event = create_event(s, title="Open-Data-Netzwerktreffen", starts_at=starts,
                             ends_at=starts + timedelta(hours=2),
                             capacity=len(PEOPLE), rounds_optional=True,
                             hosts="Deutsches Institut für Urbanistik (Difu)\nBertelsmann Stiftung")
        rounds = {A: add_round(s, event.id, title=A).id, B: add_round(s, event.id, title=B).id}
        for first, last, org, town, round_title in PEOPLE + WAITING:
            register(s, event.id, ContactInput(email=email(first, last), first_name=first, last_name=last,
                                               organisation=org, municipality=town),
                     round_id=rounds[round_title] if round_title else None)
        arndt = create_speaker(s, first_name="Claus", last_name="Arndt", organisation="Stadt Moers",
                               email=email("Claus", "Arndt"))
        manz = create_speaker(s, first_name="Sabine", last_name="Manz", organisation="Landeshauptstadt Düsseldorf",
                              email="sabine.manz@duesseldorf.example")
        add_speaker_to_event(s, event.id, arndt.id)
        add_speaker_to_event(s, event.id, manz.id)
        return event.id


@pytest.fixture
def window(qtbot: QtBot, db: Database, tmp_path: Path) -> Iterator[WorkspaceWindow]:
    ctx = AppContext(db)
    win = WorkspaceWindow(ctx, settings=QSettings(str(tmp_path / "ws.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.resize(*SIZE)
    win.show()
    qtbot.waitExposed(win)
    ctx.ready.emit()
    yield win
    ctx.undo_stack.clear()


def rooms_of(tab: RoomPlanTab) -> dict[str, list[str]]:
    """Room → names, as the table shows them."""
    found: dict[str, list[str]] = {}
    for row in range(tab.model.rowCount()):
        room = tab.model.index(row, PlanColumn.ROOM).data()
        found.setdefault(room, []).append(tab.model.index(row, PlanColumn.NAME).data())
    return found


def render(qtbot: QtBot, widget: QWidget, name: str) -> Path:
    qtbot.wait(30)
    RENDERS.mkdir(parents=True, exist_ok=True)
    target = RENDERS / name
    assert widget.grab().save(str(target))
    return target


def test_the_room_plan_from_preview_to_zoom_file_and_room_list(
    qtbot: QtBot, window: WorkspaceWindow, event_id: uuid.UUID, dialogs: Any, monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path, qtmodeltester: Any,
) -> None:
    window.open_event(event_id, "rooms")
    editor = window.events_page().editor  # type: ignore[attr-defined]
    tab: RoomPlanTab = editor.room_plan
    assert editor.current_tab_name() == "rooms" and tab.isVisible()
    assert editor.tabs.tabText(editor.tabs.currentIndex()) == "Raumplan"
    qtmodeltester.check(tab.model)

    # -- the preview: everyone registered once, the speaker who did not register added, nobody waiting -------------
    rooms = rooms_of(tab)
    names = [n for people in rooms.values() for n in people]
    expected = [f"{first} {last}" for first, last, *_ in PEOPLE] + ["Sabine Manz"]
    assert sorted(names) == sorted(expected)
    assert not {"Timo Hahn", "Kim Lorenz"} & set(names)
    assert list(rooms) == [f"Raum {n}" for n in range(1, 7)]  # 23 people, rooms of at most 4
    assert sorted(len(people) for people in rooms.values()) == [3, 4, 4, 4, 4, 4]
    assert tab.summary_label.text() == "23 Personen in 6 Räumen zu höchstens 4."
    for people in rooms.values():  # Kiel's three and Görlitz's two are apart
        assert sum(n in ("Anna Müller", "Jürgen Groß", "Katrin Schäfer") for n in people) <= 1
        assert sum(n in ("Lukas Weiß", "Birgit Krüger") for n in people) <= 1
    notes = {tab.model.index(r, PlanColumn.NAME).data(): tab.model.index(r, PlanColumn.NOTE).data()
             for r in range(tab.model.rowCount())}
    assert (notes["Claus Arndt"], notes["Sabine Manz"], notes["Heike Jäger"]) == (
        "Referent:in", "Referent:in", "Veranstaltende")
    staff = {"Claus Arndt", "Sabine Manz", "Heike Jäger"}
    assert sorted(len(staff & set(people)) for people in rooms.values()) == [0, 0, 0, 1, 1, 1]  # one per room
    assert tab.view.rowSpan(0, PlanColumn.ROOM) == len(rooms["Raum 1"])
    assert tab.seed_label.text() == "Mischung Nr. 1"
    render(qtbot, window, "room-plan.png")

    # -- a new mix, then rooms of five (typed) -----------------------------------------------------------------------
    first_mix = rooms_of(tab)
    qtbot.mouseClick(tab.shuffle_button, Qt.MouseButton.LeftButton)
    assert tab.seed_label.text() == "Mischung Nr. 2"
    assert rooms_of(tab) != first_mix
    assert sorted(n for people in rooms_of(tab).values() for n in people) == sorted(expected)
    tab.size_spin.setFocus()
    tab.size_spin.selectAll()
    qtbot.keyClicks(tab.size_spin, "5")
    assert sorted(len(people) for people in rooms_of(tab).values()) == [4, 4, 5, 5, 5]
    qtmodeltester.check(tab.model)

    # -- the Zoom file of the plan shown ----------------------------------------------------------------------------
    target = tmp_path / "Raumplan.csv"
    asked: list[str] = []

    def choose(_parent: Any, _kind: str, title: str, suggestion: str, _filter: str) -> Path:
        asked.append(suggestion)
        return target if suggestion.endswith(".csv") else tmp_path / "Raumliste.pdf"

    monkeypatch.setattr(tab_module, "choose_save_path", choose)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and re.fullmatch(r"\d{4}-\d\d-\d\d Raumplan Open-Data-Netzwerktreffen\.csv", asked[0])
    assert not dialogs.of("user_error") and not dialogs.of("information")
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == ["Pre-assign Room Name", "Email Address"]
    shown = rooms_of(tab)
    by_email = {email(*n.split(" ", 1)) if n != "Sabine Manz" else "sabine.manz@duesseldorf.example": room
                for room, people in shown.items() for n in people}
    assert sorted(map(tuple, rows[1:])) == sorted((room, address) for address, room in by_email.items())
    assert not {email("Timo", "Hahn"), email("Kim", "Lorenz")} & {address for _room, address in rows[1:]}

    # -- speakers and hosts stay in the main room -------------------------------------------------------------------
    tab.staff_combo.setCurrentIndex(1)
    rooms = rooms_of(tab)
    assert sorted(rooms["Hauptraum (nicht zugeteilt)"]) == ["Claus Arndt", "Heike Jäger"]
    assert "Sabine Manz" not in {n for people in rooms.values() for n in people}  # not registered: not placed
    assert "2 Referent:innen und Veranstaltende bleiben im Hauptraum" in tab.summary_label.text()

    # -- the room list as PDF and printed --------------------------------------------------------------------------
    qtbot.mouseClick(tab.pdf_button, Qt.MouseButton.LeftButton)
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "Raumliste.pdf").pages)
    assert "Raumplan – Open-Data-Netzwerktreffen" in text
    assert "Raum 1" in text and "Hauptraum (nicht zugeteilt)" in text and "Özlem Kaya" in text
    printed: list[str] = []

    def fake_exec(dialog: Any) -> int:
        printed.append(dialog.windowTitle())
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "gedruckt.pdf"))
        dialog.paintRequested.emit(printer)
        return 0

    monkeypatch.setattr(print_preview, "exec_dialog", fake_exec)
    qtbot.mouseClick(tab.print_button, Qt.MouseButton.LeftButton)
    assert printed == ["Raumliste drucken"]
    assert "Raum 2" in " ".join(" ".join(p.extract_text().split()) for p in PdfReader(tmp_path / "gedruckt.pdf").pages)

    # -- by round: one room per round, named as the round ------------------------------------------------------------
    qtbot.mouseClick(tab.by_round_check, Qt.MouseButton.LeftButton)
    assert tab.by_round_check.isChecked() and not tab.size_spin.isEnabled() and not tab.shuffle_button.isEnabled()
    rooms = rooms_of(tab)
    assert list(rooms) == [A, B, "Hauptraum (nicht zugeteilt)"]
    assert sorted(rooms[A]) == sorted(f"{f} {la}" for f, la, _o, _t, r in PEOPLE if r == A)
    assert sorted(rooms["Hauptraum (nicht zugeteilt)"]) == sorted(f"{f} {la}" for f, la, _o, _t, r in PEOPLE if not r)
    assert "4 Personen ohne Runde bleiben im Hauptraum" in tab.summary_label.text()
    qtmodeltester.check(tab.model)
    qtbot.mouseClick(tab.export_button, Qt.MouseButton.LeftButton)
    with target.open(encoding="utf-8", newline="") as fh:
        assert {room for room, _ in list(csv.reader(fh))[1:]} == {A, B}


def test_an_event_without_rounds_offers_no_by_round_plan(qtbot: QtBot, window: WorkspaceWindow, db: Database,
                                                         monkeypatch: pytest.MonkeyPatch, dialogs: Any) -> None:
    starts = (utcnow() + timedelta(days=30)).replace(microsecond=0)
    with transaction(db.sessions) as s:
        event_id = create_event(s, title="Ohne Runden", starts_at=starts, ends_at=starts + timedelta(hours=1)).id
    window.open_event(event_id, "rooms")
    tab: RoomPlanTab = window.events_page().editor.room_plan  # type: ignore[attr-defined]
    assert not tab.by_round_check.isEnabled()
    assert tab.by_round_check.toolTip() == "Diese Veranstaltung hat keine parallelen Runden."
    assert tab.summary_label.text() == "0 Personen in 0 Räumen."
    assert not tab.export_button.isEnabled()
    monkeypatch.setattr(tab_module, "choose_save_path", lambda *_a: pytest.fail("no file without people"))
    assert tab.export_csv() is False


def test_the_plan_follows_a_new_registration(qtbot: QtBot, window: WorkspaceWindow, db: Database,
                                             event_id: uuid.UUID) -> None:
    window.open_event(event_id, "rooms")
    tab: RoomPlanTab = window.events_page().editor.room_plan  # type: ignore[attr-defined]
    before = tab.model.rowCount()
    window.ctx.write(lambda s: register(s, event_id, ContactInput(email="neu@kiel.example", first_name="Neu",
                                                                  last_name="Person", organisation="Stadt Neu"),
                                        force=True), kinds=("registrations",))
    assert tab.model.rowCount() == before + 1
    assert "Neu Person" in {n for people in rooms_of(tab).values() for n in people}
