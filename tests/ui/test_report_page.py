"""The Auswertung page over the demo series: key figures counted again with plain SQL, a meeting's figures, stale
results dropped, the chart tables checked by qtmodeltester, the charts in the palette's colours (light and dark),
Ctrl+7 in the window, and the page rendered at 1366×768 in light and dark (LOOK at the PNGs)."""

from __future__ import annotations

import time
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from conftest import DialogRecorder
from odn_desktop.services.demo import DEMO_SERIES_ID
from odn_desktop.services.events import create_series
from odn_desktop.services.report_figures import (
    Counts,
    EventFigures,
    RoundFigures,
    SeriesFigures,
    series_figures,
)
from odn_desktop.services.report_tables import ChartTable, format_cell
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Contact, Event, Registration
from odn_desktop.store.open import Database
from odn_desktop.ui.infra.context import AppContext
from odn_desktop.ui.pages import report_page
from odn_desktop.ui.pages.report_models import (
    ChartTableModel,
    event_key_figures,
    key_texts,
    series_key_figures,
)
from odn_desktop.ui.pages.report_page import ReportPage, chart_style, report_file_name
from odn_desktop.ui.shell.workspace_window import WorkspaceWindow
from window_helpers import shown_window

RENDERS = Path("/work/notes/renders")
Role = QPalette.ColorRole
DARK_WINDOW = "#202020"
LIGHT_WINDOW = "#f0f0f0"


def _palette(window: str, base: str, text: str, highlight: str) -> QPalette:
    palette = QPalette(QColor(window))
    for role, colour in ((Role.Window, window), (Role.Button, window), (Role.Base, base),
                         (Role.AlternateBase, base), (Role.Text, text), (Role.WindowText, text),
                         (Role.ButtonText, text), (Role.Highlight, highlight)):
        palette.setColor(role, QColor(colour))
    return palette


def dark_palette() -> QPalette:
    """Close to the Windows 11 dark mode."""
    return _palette(DARK_WINDOW, "#2b2b2b", "#ffffff", "#4cc2ff")


def light_palette() -> QPalette:
    return _palette(LIGHT_WINDOW, "#ffffff", "#000000", "#0078d4")


@pytest.fixture
def app_palette(qapp: QApplication) -> Iterator[type[QApplication]]:
    original = QPalette(QApplication.palette())
    QApplication.setPalette(light_palette())
    yield QApplication
    QApplication.setPalette(original)


# -- hand-made figures ---------------------------------------------------------------------------------------


def _event(title: str, day: int, counts: Counts, *, status: str = "held", organisations: int = 0,
           returning: int = 0, rounds: tuple[RoundFigures, ...] = ()) -> EventFigures:
    start = datetime(2022, 3, day, 9, tzinfo=UTC)
    return EventFigures(event_id=uuid.uuid4(), title=title, starts_at=start, ends_at=start.replace(hour=11),
                        status=status, deadline=None, counts=counts, organisations=organisations,
                        municipalities=organisations, federal_states=(("Hessen", counts.registered),),
                        first_time=counts.registered - returning, returning=returning, rounds=rounds)


def _series(*events: EventFigures) -> SeriesFigures:
    return SeriesFigures(series_id=uuid.uuid4(), title="Reihe", hosts=(), events=events, distinct_organisations=1234,
                         distinct_municipalities=9, distinct_participants=2000, returning_participants=7,
                         federal_states=())


def test_series_key_figures_add_up_the_meetings_and_rate_only_those_with_attendance() -> None:
    held = _event("A", 1, Counts(registered=1000, waiting=3, late=2, attended=842, no_show=160))
    not_recorded_yet = _event("B", 2, Counts(registered=600, waiting=1), status="open")
    held_nobody_came = _event("C", 3, Counts(registered=10, attended=0, no_show=10))
    key = series_key_figures(_series(held, not_recorded_yet, held_nobody_came))
    assert (key.registered, key.attended, key.waiting, key.late) == (1610, 842, 4, 2)
    assert key.attendance_rate == pytest.approx(842 / 1010)  # B has no Teilnahmedaten yet
    assert key.no_show == 160 + 10  # counted, not derived: two from the waiting list came to A
    assert (key.organisations, key.returning, key.meetings, key.meetings_with_attendance) == (1234, 7, 3, 2)
    assert key_texts(key) == {"registered": "1.610", "attended": "842", "attendance_rate": "83,4 %",
                              "no_show": "170", "waiting": "4", "late": "2", "organisations": "1.234",
                              "returning": "7"}


def test_a_meeting_without_attendance_has_no_rate_yet() -> None:
    coming = _event("B", 2, Counts(registered=18, waiting=3), status="open", organisations=12, returning=4)
    key = event_key_figures(coming)
    assert (key.attendance_rate, key.no_show, key.organisations, key.returning) == (None, None, 12, 4)
    assert key_texts(key)["attendance_rate"] == "–" and key_texts(key)["no_show"] == "–"
    nothing = series_key_figures(_series(coming))
    assert nothing.attendance_rate is None and nothing.meetings_with_attendance == 0


SAMPLE_TABLE = ChartTable(
    key="attendance_per_meeting", title="Je Treffen", headers=("Treffen", "Angemeldet", "Quote", "Tag"),
    rows=(("02.12.2021 Netzwerktreffen", 1234, 0.5, date(2021, 12, 2)), ("Auftakt", 7, None, None)),
)


def test_chart_table_model_formats_german_and_aligns_numbers_right(qtmodeltester: ModelTester) -> None:
    model = ChartTableModel(SAMPLE_TABLE)
    qtmodeltester.check(model, force_py=True)
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    texts = [[model.index(r, c).data() for c in range(4)] for r in range(2)]
    assert texts == [["02.12.2021 Netzwerktreffen", "1.234", "0,5", "02.12.2021"], ["Auftakt", "7", "", ""]]
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    aligned = [model.index(0, c).data(Qt.ItemDataRole.TextAlignmentRole) == right for c in range(4)]
    assert aligned == [False, True, True, False]
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Angemeldet"
    assert model.index(1, 2).data(Qt.ItemDataRole.AccessibleTextRole) == "Quote: –"
    model.set_table(ChartTable("federal_states", "Länder", ("Bundesland", "Personen"), ()))
    assert (model.rowCount(), model.columnCount()) == (0, 2)


# -- the page over the demo ----------------------------------------------------------------------------------


@pytest.fixture
def ctx(demo_db: Database) -> AppContext:
    with transaction(demo_db.sessions) as s:  # a second series, first in the selector: the demo is chosen by hand
        create_series(s, "Agile Verwaltung – Austausch")
    return AppContext(demo_db)


@pytest.fixture
def page(qtbot: QtBot, ctx: AppContext, app_palette: type[QApplication]) -> Iterator[ReportPage]:
    widget = ReportPage(ctx)
    qtbot.addWidget(widget)
    widget.resize(1180, 700)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: widget.content is not None and not widget.is_busy, timeout=20_000)
    yield widget
    assert QThreadPool.globalInstance().waitForDone(20_000)  # no worker left reading a closed database


def _meetings(db: Database) -> dict[str, uuid.UUID]:
    with transaction(db.sessions) as s:
        rows = s.execute(select(Event.title, Event.id).where(Event.series_id == DEMO_SERIES_ID)).all()
    named = {title: event_id for title, event_id in rows}
    return {"kickoff": named["Open-Data-Netzwerktreffen: Auftaktveranstaltung"],
            "december": named["Open-Data-Netzwerktreffen"],
            "coming": named["Open-Data-Netzwerktreffen: Portal und Datenqualität"]}


def _sql_counts(db: Database, event_ids: list[uuid.UUID]) -> dict[str, int]:
    """The key counts again, as bare SQL aggregates (independent of report_figures)."""
    r = Registration
    live = (r.deleted_at.is_(None), r.event_id.in_(event_ids))
    with transaction(db.sessions) as s:
        def count(*where: object) -> int:
            return int(s.scalar(select(func.count()).select_from(r).where(*live, *where)) or 0)  # type: ignore[arg-type]

        organisations = s.scalar(
            select(func.count(func.distinct(func.lower(func.trim(Contact.organisation)))))
            .select_from(r).join(Contact, Contact.id == r.contact_id)
            .where(*live, r.status == "registered", func.trim(Contact.organisation) != ""))
        return {"registered": count(r.status == "registered"), "attended": count(r.attended.is_(True)),
                "no_show": count(r.status == "registered", r.attended.is_not(True)),
                "waiting": count(r.status == "waiting"), "late": count(r.late.is_(True), r.status != "cancelled"),
                "organisations": int(organisations or 0)}


def _rated(db: Database, event_ids: list[uuid.UUID]) -> list[uuid.UUID]:
    """The meetings with attendance data: held, or someone marked as attended."""
    with transaction(db.sessions) as s:
        held = set(s.scalars(select(Event.id).where(Event.id.in_(event_ids), Event.status == "held")))
        came = set(s.scalars(select(Registration.event_id).where(Registration.event_id.in_(event_ids),
                                                                Registration.attended.is_(True),
                                                                Registration.deleted_at.is_(None))))
    return [e for e in event_ids if e in held | came]


def _expected_key(db: Database, event_ids: list[uuid.UUID]) -> dict[str, str]:
    every, rated = _sql_counts(db, event_ids), _rated(db, event_ids)
    counted = _sql_counts(db, rated)
    rate = counted["attended"] / counted["registered"] if counted["registered"] else 0.0
    return {"registered": format_cell(every["registered"]), "attended": format_cell(every["attended"]),
            "attendance_rate": format_cell(rate, percent=True) if rated else "–",
            "no_show": format_cell(counted["no_show"]) if rated else "–", "waiting": format_cell(every["waiting"]),
            "late": format_cell(every["late"]), "organisations": format_cell(every["organisations"])}


def _shown(page: ReportPage) -> dict[str, str]:
    return {key: page.key_text(key) for key in page.key_figures}


def test_the_page_fills_after_selecting_the_demo_series(qtbot: QtBot, page: ReportPage, demo_db: Database) -> None:
    assert page.series_combo.currentText() == "Agile Verwaltung – Austausch"  # no meetings: zeros, empty charts
    assert page.key_text("registered") == "0" and page.key_text("attendance_rate") == "–"

    position = page.series_combo.findText("Open Data in Kommunen – Netzwerktreffen")
    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.series_combo.setCurrentIndex(position)
    assert page.series_id() == DEMO_SERIES_ID and page.event_id() is None
    assert page.last_shown_ms is not None and page.last_shown_ms < 5_000

    meetings = _meetings(demo_db)
    expected = _expected_key(demo_db, list(meetings.values()))
    # the demo by hand: the kick-off 25 seats and 4 waiting, December 28 seats, the coming meeting 18 seats and 3
    # waiting (its attendance not known yet: it does not count for the rate)
    assert (expected["registered"], expected["waiting"]) == ("71", "7")
    assert _rated(demo_db, list(meetings.values())) == [meetings["kickoff"], meetings["december"]]
    with transaction(demo_db.sessions) as s:
        returning = series_figures(s, DEMO_SERIES_ID).returning_participants
    assert returning > 0
    assert _shown(page) == {**expected, "returning": format_cell(returning)}

    # the meetings, latest first, after "all meetings"
    items = [page.meeting_combo.itemText(n) for n in range(page.meeting_combo.count())]
    assert items[0] == "Alle Treffen der Reihe"
    assert [page.meeting_combo.itemData(n) for n in range(1, 4)] == [
        str(meetings["coming"]), str(meetings["december"]), str(meetings["kickoff"])]
    assert items[3] == "14.10.2021 – Open-Data-Netzwerktreffen: Auftaktveranstaltung"

    qtbot.waitUntil(lambda: not page.is_busy, timeout=20_000)
    assert list(page.sections) == ["registrations_over_time", "attendance_per_meeting", "federal_states",
                                   "first_time_returning"]
    for section in page.sections.values():
        assert section.chart.svg().startswith(b"<?xml")
        assert section.table.accessibleName().startswith("Tabelle: ")
        assert section.chart.accessibleName().startswith("Diagramm: ")
    attendance = page.table_model("attendance_per_meeting")
    assert [attendance.index(r, 1).data() for r in range(attendance.rowCount())] == ["25", "28", "18"]


def test_switching_to_a_meeting_shows_its_figures(qtbot: QtBot, page: ReportPage, demo_db: Database) -> None:
    page.select_series(DEMO_SERIES_ID)
    qtbot.waitUntil(lambda: page.key_text("registered") == "71", timeout=20_000)
    meetings = _meetings(demo_db)

    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.select_meeting(meetings["kickoff"])
    assert _shown(page) == {**_expected_key(demo_db, [meetings["kickoff"]]), "returning": "0"}  # the first one
    assert (page.key_text("registered"), page.key_text("waiting")) == ("25", "4")
    assert list(page.sections) == ["registrations_over_time", "federal_states"]

    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.select_meeting(meetings["coming"])
    assert page.key_text("registered") == "18" and page.key_text("waiting") == "3"
    assert page.key_text("attendance_rate") == "–" and page.key_text("no_show") == "–"  # not held yet
    assert list(page.sections) == ["registrations_over_time", "attendance_per_round", "federal_states"]
    rounds = page.table_model("attendance_per_round")
    assert [rounds.index(r, 0).data() for r in range(rounds.rowCount())] == ["Einsteiger:innen", "Fortgeschrittene"]
    assert [rounds.index(r, 1).data() for r in range(rounds.rowCount())] == ["8", "10"]
    assert page.meeting_combo.count() == 4  # the selector keeps the series' meetings

    with qtbot.waitSignal(page.figures_shown, timeout=20_000):
        page.select_meeting(None)
    assert page.key_text("registered") == "71"


def test_a_result_for_an_earlier_selection_is_dropped(qtbot: QtBot, page: ReportPage, demo_db: Database) -> None:
    page.select_series(DEMO_SERIES_ID)
    qtbot.waitUntil(lambda: page.meeting_combo.count() == 4 and not page.is_busy, timeout=20_000)
    meetings = _meetings(demo_db)
    shown: list[uuid.UUID | None] = []
    page.figures_shown.connect(lambda: shown.append(page.content.event_id if page.content else None))
    page.select_meeting(meetings["kickoff"])  # computing starts ...
    assert page.is_busy and page.busy_label.isVisible()
    page.select_meeting(meetings["december"])  # ... and the selection changes before it is done
    qtbot.waitUntil(lambda: not page.is_busy, timeout=20_000)
    assert shown == [meetings["december"]]  # the kick-off's figures never appeared
    assert page.key_text("registered") == "28" and not page.busy_label.isVisible()


def test_an_error_for_an_earlier_selection_is_dropped(qtbot: QtBot, page: ReportPage, demo_db: Database,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      dialogs: DialogRecorder) -> None:
    from odn_desktop.domain.errors import UserError
    from odn_desktop.ui.pages import report_models

    page.select_series(DEMO_SERIES_ID)
    qtbot.waitUntil(lambda: page.meeting_combo.count() == 4 and not page.is_busy, timeout=20_000)
    meetings = _meetings(demo_db)
    real = report_models.compute_figures

    def compute(db: Database, series_id: uuid.UUID, event_id: uuid.UUID | None) -> report_models.ReportContent:
        if event_id == meetings["kickoff"]:
            raise UserError("Die Veranstaltung wurde inzwischen gelöscht.")
        return real(db, series_id, event_id)

    monkeypatch.setattr(report_models, "compute_figures", compute)
    page.select_meeting(meetings["kickoff"])  # fails on the worker ...
    page.select_meeting(meetings["december"])  # ... but the selection moved on: the error is no news
    qtbot.waitUntil(lambda: page.content is not None and page.content.event_id == meetings["december"]
                    and not page.is_busy, timeout=20_000)
    assert dialogs.of("user_error") == [] and page.key_text("registered") == "28"
    page.select_meeting(meetings["kickoff"])  # the current selection's error is shown
    qtbot.waitUntil(lambda: bool(dialogs.of("user_error")), timeout=20_000)
    assert dialogs.of("user_error")[0][1] == "Die Veranstaltung wurde inzwischen gelöscht."
    assert not page.is_busy and not page.busy_label.isVisible()


def test_the_tables_pass_the_model_tester(qtbot: QtBot, qtmodeltester: ModelTester, page: ReportPage) -> None:
    page.select_series(DEMO_SERIES_ID)
    qtbot.waitUntil(lambda: page.key_text("registered") == "71" and not page.is_busy, timeout=20_000)
    for key, section in page.sections.items():
        assert section.table.model() is section.model, key
        qtmodeltester.check(section.model, force_py=True)


def test_the_charts_follow_the_palette(qtbot: QtBot, page: ReportPage, app_palette: type[QApplication]) -> None:
    light_style, dark_style = chart_style(light_palette()), chart_style(dark_palette())
    assert (light_style.background, dark_style.background) == (LIGHT_WINDOW, DARK_WINDOW)
    assert (light_style.series[0], dark_style.series[0]) == ("#0078d4", "#4cc2ff")  # Highlight leads the series
    page.select_series(DEMO_SERIES_ID)
    qtbot.waitUntil(lambda: page.key_text("registered") == "71" and not page.is_busy, timeout=20_000)
    light = page.chart_svg("attendance_per_meeting")
    assert LIGHT_WINDOW.encode() in light and DARK_WINDOW.encode() not in light

    with qtbot.waitSignal(page.charts_shown, timeout=20_000):
        app_palette.setPalette(dark_palette())  # the system switched to dark mode
    dark = page.chart_svg("attendance_per_meeting")
    assert DARK_WINDOW.encode() in dark and LIGHT_WINDOW.encode() not in dark
    assert page.sections["attendance_per_meeting"].chart.svg() == dark
    assert page.key_text("registered") == "71"  # only drawn again, the figures stay


def test_keyboard_and_accessible_names(page: ReportPage) -> None:
    assert page.series_combo.accessibleName() == "Veranstaltungsreihe"
    assert page.meeting_combo.accessibleName() == "Treffen"
    assert page.key_figures["attendance_rate"].accessibleName().startswith("Quote: ")
    assert "Teilgenommen ÷ Angemeldet" in page.key_figures["attendance_rate"].toolTip()
    chain: list[QWidget] = []
    widget: QWidget | None = page.series_combo
    for _ in range(12):
        widget = widget.nextInFocusChain() if widget is not None else None
        if widget is not None:
            chain.append(widget)
    assert page.meeting_combo in chain and page.export_button in chain
    first_table = next(iter(page.sections.values())).table
    assert chain.index(page.meeting_combo) < chain.index(page.export_button) < chain.index(first_table)
    assert first_table.focusPolicy() & Qt.FocusPolicy.TabFocus


@pytest.mark.parametrize("ending", [".pdf", ".xlsx"])
def test_export_saves_the_series_report(qtbot: QtBot, page: ReportPage, ctx: AppContext, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch, ending: str) -> None:
    page.select_series(DEMO_SERIES_ID)
    qtbot.waitUntil(lambda: page.key_text("registered") == "71" and not page.is_busy, timeout=20_000)
    asked: list[str] = []

    def choose(_parent: object, suggestion: str) -> Path:
        asked.append(suggestion)
        return tmp_path / f"Bericht{ending}"

    monkeypatch.setattr(report_page, "choose_report_path", choose)
    messages: list[str] = []
    ctx.status_message.connect(messages.append)
    with qtbot.waitSignal(page.exported, timeout=30_000) as saved:
        page.export_button.click()
        assert not page.export_button.isEnabled()  # written on a worker; one export at a time
    assert asked == [report_file_name("Open Data in Kommunen – Netzwerktreffen")]  # dated: see the test below
    path = Path(saved.args[0])
    assert path == tmp_path / f"Bericht{ending}" and page.export_button.isEnabled()
    assert messages[-1].startswith("Auswertung „Open Data in Kommunen – Netzwerktreffen“") and str(path) in messages[-1]
    if ending == ".pdf":
        from pypdf import PdfReader

        text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(path).pages)
        assert "Open Data in Kommunen" in text and "Teilnahmequote" in text
    else:
        from openpyxl import load_workbook

        book = load_workbook(path)
        assert len(book.sheetnames) >= 4


def test_export_cancelled_or_refused(page: ReportPage, monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                     dialogs: DialogRecorder) -> None:
    monkeypatch.setattr(report_page, "choose_report_path", lambda _p, _s: None)
    page.export_report()
    assert page.export_button.isEnabled() and dialogs.calls == []
    monkeypatch.setattr(report_page, "choose_report_path", lambda _p, _s: tmp_path / "Bericht.docx")
    page.export_report()
    assert "nicht als „.docx“" in dialogs.of("user_error")[0][1]
    assert not (tmp_path / "Bericht.docx").exists()


def test_report_file_name_is_safe_on_windows() -> None:
    day = date(2022, 3, 1)
    assert report_file_name('Reihe: "A/B" <2021>?', day) == "2022-03-01 Auswertung Reihe A B 2021.pdf"
    assert report_file_name("  ", day) == "2022-03-01 Auswertung.pdf"


# -- the window ----------------------------------------------------------------------------------------------


def _window(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> WorkspaceWindow:
    return shown_window(qtbot, ctx, tmp_path)


def test_ctrl_7_opens_the_page(qtbot: QtBot, ctx: AppContext, tmp_path: Path) -> None:
    window = _window(qtbot, ctx, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_7, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "report"
    page = window.page("report")
    assert isinstance(page, ReportPage) and window.stack.currentWidget() is page
    qtbot.waitUntil(lambda: page.content is not None and not page.is_busy, timeout=20_000)
    assert QThreadPool.globalInstance().waitForDone(20_000)


@pytest.mark.parametrize("palette_name", ["light", "dark"])
def test_rendered_page(qtbot: QtBot, demo_db: Database, tmp_path: Path, app_palette: type[QApplication],
                       palette_name: str) -> None:
    """The page in the window as the coordinator sees it at 1366×768, the demo series chosen: LOOK at the PNGs."""
    if palette_name == "dark":
        app_palette.setPalette(dark_palette())
    window = _window(qtbot, AppContext(demo_db), tmp_path)
    started = time.perf_counter()
    window.show_page("report")
    page = window.page("report")
    assert isinstance(page, ReportPage)
    qtbot.waitUntil(lambda: page.content is not None and page.key_text("registered") == "71", timeout=20_000)
    figures_ms = (time.perf_counter() - started) * 1000
    qtbot.waitUntil(lambda: not page.is_busy, timeout=20_000)
    charts_ms = (time.perf_counter() - started) * 1000
    qtbot.wait(300)  # a redraw at the final width, if the first one was drawn before the layout settled
    qtbot.waitUntil(lambda: not page.is_busy, timeout=20_000)
    print(f"{palette_name}: key figures after {figures_ms:.0f} ms, charts after {charts_ms:.0f} ms")
    RENDERS.mkdir(parents=True, exist_ok=True)
    assert window.grab().save(str(RENDERS / f"report_page_{palette_name}.png"))
    page.scroll_area.verticalScrollBar().setValue(page.sections["attendance_per_meeting"].y())
    assert window.grab().save(str(RENDERS / f"report_page_{palette_name}_scrolled.png"))
    assert QThreadPool.globalInstance().waitForDone(20_000)
