"""Registrant tables at scale: open an event's tab (5,000 registrants), open "Alle Anmeldungen" (100,000),
type in its search field, and the peak memory of the application with that database open.

    python benchmarks/run.py --only registrants             # full scale, as part of the benchmark run
    python benchmarks/bench_registrants.py --scale 0.1      # on its own

Every figure has a baseline measured in the same run (``report.emit``):

- ``open_registrations_tab_5000``: creating the tab, reading the event (one Core select) and painting the
  first screen, first time in the process (caches cold); baseline: bare ``sqlite3`` fetching the same rows.
- ``open_all_registrations_first_rows``: from creating the page to its first rows painted (the newest events,
  about ``FIRST_CHUNK`` rows, read on a worker); the rest loads in the background (``..._complete``).
  Baselines: bare ``sqlite3`` fetching the same rows (the first rows, and all rows).
- ``search_keystroke_100000``: ``setText`` on the search field plus ``processEvents`` (filter, model reset,
  repaint) per character of realistic terms, typed one character at a time; median and 95th percentile.
  Baseline: a Python loop ``term in key`` over the same search keys, per keystroke.
- ``peak_memory_with_100000``: peak RSS of a process with the database open, every registration loaded, the
  5,000-registrant tab open and some searches done; baseline: the bare PySide6 window's peak RSS.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from report import emit  # noqa: E402

BIG_EVENT_REGISTRANTS = 5_000
BIG_EVENT_CAPACITY = 4_500
TERMS = ("müller", "kiel", "anna", "stadt bonn", "schröder", "jürgen", "becker.1", "groß", "düsseldorf", "özdemir",
         "lukas", "münster", "hoffmann", "weiß", "kaya", "sabine köhler", "freiburg", "zimmermann", "tobias", "erfurt")
TARGETS = {"open_ms": 300, "keystroke_p95_ms": 16, "memory_mb": 400}


# -- data --------------------------------------------------------------------------------------------------


def add_big_event(db_path: Path, registrants: int = BIG_EVENT_REGISTRANTS) -> uuid.UUID:
    """An event with ``registrants`` registrations (capacity 4,500, so 500 wait), through Core inserts."""
    from sqlalchemy import insert, select

    from odn_desktop.domain.names import normalize_email
    from odn_desktop.domain.timezone import BERLIN
    from odn_desktop.store.database import transaction
    from odn_desktop.store.models import Contact, Event, Registration
    from odn_desktop.store.open import open_database

    rng = random.Random(5000)
    db = open_database(db_path)
    now = datetime.now(UTC)
    start = datetime(2031, 6, 12, 10, 0, tzinfo=BERLIN)
    event_id = uuid.uuid4()
    with transaction(db.sessions) as s:
        s.execute(insert(Event), [{
            "id": event_id, "title": "Jahrestagung Open Data (5.000 Anmeldungen)", "description": "",
            "starts_at": start, "ends_at": start + timedelta(hours=6), "format": "hybrid", "venue": "Berlin",
            "online_url": "", "capacity": BIG_EVENT_CAPACITY, "overbooking_percent": 0,
            "registration_deadline": start - timedelta(days=2), "allow_late_registration": False, "status": "open",
            "hosts": "Difu", "ics_uid": f"{event_id}@odn-desktop", "ics_sequence": 0, "created_at": now,
            "updated_at": now, "dirty": True,
        }])
        contact_ids = list(s.scalars(select(Contact.id).where(Contact.deleted_at.is_(None))
                                     .limit(registrants)))
        extra = []
        for i in range(registrants - len(contact_ids)):  # small scales: not enough contacts yet
            email = f"tagung.{i}@kommune.example"
            extra.append({"id": uuid.uuid4(), "first_name": "Gast", "last_name": f"Tagung {i}", "email": email,
                          "email_normalized": normalize_email(email), "organisation": "Stadt Kiel",
                          "municipality": "Kiel", "created_at": now, "updated_at": now, "dirty": True})
        if extra:
            s.execute(insert(Contact), extra)
            contact_ids += [c["id"] for c in extra]
        times = sorted(start - timedelta(minutes=rng.randint(60 * 50, 60 * 24 * 60)) for _ in contact_ids)
        rows = []
        for k, (contact_id, at) in enumerate(zip(contact_ids, times, strict=True)):
            waiting = k >= BIG_EVENT_CAPACITY
            rows.append({"id": uuid.uuid4(), "event_id": event_id, "contact_id": contact_id,
                         "status": "waiting" if waiting else "registered",
                         "waitlist_position": k - BIG_EVENT_CAPACITY + 1 if waiting else None, "source": "benchmark",
                         "registered_at": at, "late": False, "attended": False, "notes": "", "created_at": now,
                         "updated_at": now, "dirty": True})
        s.execute(insert(Registration), rows)
    db.close()
    return event_id


def _bare_sql(event_filter: str = "") -> str:
    return (
        "SELECT r.id, r.event_id, r.contact_id, c.first_name, c.last_name, c.email, c.organisation, c.municipality,"
        " r.status, r.waitlist_position, r.late, r.registered_at, r.attended, r.attended_minutes, rd.title,"
        " e.title, e.starts_at FROM registration r JOIN contact c ON c.id = r.contact_id"
        " JOIN event e ON e.id = r.event_id LEFT JOIN round rd ON rd.id = r.round_id"
        f" WHERE r.deleted_at IS NULL AND e.deleted_at IS NULL {event_filter}"
    )


def bare_fetch(db_path: Path, event_ids: list[uuid.UUID] | None = None) -> float:
    """Seconds for plain sqlite3 to fetch the registrant rows (of some events, or all) as tuples."""
    condition = ""
    if event_ids is not None:
        condition = "AND r.event_id IN (" + ",".join(f"'{e.hex}'" for e in event_ids) + ")"
    conn = sqlite3.connect(db_path)
    start = time.perf_counter()
    conn.execute(_bare_sql(condition)).fetchall()
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


# -- Qt helpers --------------------------------------------------------------------------------------------


def _app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


class _PaintCounter:
    """Counts paint events of a widget (the table's viewport)."""

    def __init__(self, widget: Any) -> None:
        from PySide6.QtCore import QEvent, QObject

        counter = self

        class Filter(QObject):
            def eventFilter(self, obj: Any, event: Any) -> bool:
                if event.type() == QEvent.Type.Paint:
                    counter.count += 1
                return False

        self.count = 0
        self._filter = Filter()
        widget.installEventFilter(self._filter)


def _spin_until(condition: Any, timeout: float = 120.0) -> None:
    """Run the event loop until ``condition()`` holds (checked every millisecond). The GUI thread waits in Qt's
    event loop meanwhile, as in the application, so a worker is not slowed down by a busy polling loop."""
    from PySide6.QtCore import QEventLoop, QTimer

    if condition():
        return
    loop = QEventLoop()
    deadline = time.perf_counter() + timeout
    failed = []

    def check() -> None:
        if condition():
            loop.quit()
        elif time.perf_counter() > deadline:
            failed.append(True)
            loop.quit()

    timer = QTimer()
    timer.setInterval(1)
    timer.timeout.connect(check)
    timer.start()
    loop.exec()
    timer.stop()
    if failed:
        raise TimeoutError("condition not reached")


# -- figures -----------------------------------------------------------------------------------------------


def open_tab_times(db_path: Path, event_id: uuid.UUID, runs: int) -> list[float]:
    """Child process: open the event's tab ``runs`` times (the first with cold caches); seconds per opening."""
    from odn_desktop.services.events import list_event_rows
    from odn_desktop.store.open import open_database
    from odn_desktop.ui.pages.registrations_tab import RegistrationsTab

    try:
        from odn_desktop.ui.infra.context import AppContext
    except ImportError:  # the code before the ui was put in rooms (for a before/after pair)
        from odn_desktop.ui.context import AppContext  # type: ignore[import-not-found,no-redef]

    app = _app()
    db = open_database(db_path)
    ctx = AppContext(db)
    ctx.read(list_event_rows)  # what the window has done before an event is opened (SQLAlchemy set up)
    times = []
    for _ in range(max(2, runs)):
        start = time.perf_counter()
        tab = RegistrationsTab(ctx)
        tab.resize(1280, 800)
        tab.set_event(event_id)
        painted = _PaintCounter(tab.table.viewport())
        tab.show()
        _spin_until(lambda p=painted: p.count > 0)
        times.append(time.perf_counter() - start)
        assert tab.model.rowCount() == BIG_EVENT_REGISTRANTS
        tab.close()
        tab.deleteLater()
        app.processEvents()
    db.close()
    return times


def bench_open_tab(db_path: Path, event_id: uuid.UUID, runs: int) -> None:
    """The first opening in a process is one sample per process: it is taken in ``runs`` fresh processes (the
    median), each followed by the bare read, so machine noise hits both alike. Python's bytecode is cached
    as for the start-up figures (``run.py``): the modules the tab imports when it first opens an event are
    loaded, not compiled from source inside the measured time."""
    # as an installed program, with its bytecode cached: one probe first (not counted) writes it, so no run
    # compiles a module the tab imports on its first opening
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    probe = [sys.executable, __file__, "--open-tab-probe", str(db_path), str(event_id), "4"]
    subprocess.run(probe, env=env, capture_output=True, text=True, timeout=300, check=True)
    firsts, warm, bare = [], [], []
    for _ in range(max(3, runs)):
        done = subprocess.run(probe, env=env, capture_output=True, text=True, timeout=300, check=True)
        times = [float(t) for t in done.stdout.split()]
        firsts.append(times[0])
        warm.append(statistics.median(times[1:]))
        bare.append(bare_fetch(db_path, [event_id]))
    emit("open_registrations_tab_5000", statistics.median(firsts) * 1000, "ms", statistics.median(bare) * 1000,
         rows=BIG_EVENT_REGISTRANTS, target_ratio=4, processes=len(firsts),
         warm_median_ms=round(statistics.median(warm) * 1000, 1), target_ms=TARGETS["open_ms"],
         note="create the tab, read the event (Core select, 5,000 rows, order keys; search keys are made at the "
              "first keystroke), paint; the first tab opened in a process (after the events list was read, as in "
              "the app): registrant caches cold, bytecode cached; median over fresh processes; baseline: bare "
              "sqlite3 fetching the same rows")


def bench_open_all(db_path: Path) -> Any:
    """Returns the page with all rows loaded (for the keystroke figure)."""
    from odn_desktop.services import registration_views as views
    from odn_desktop.store.database import transaction
    from odn_desktop.store.open import open_database
    from odn_desktop.ui.infra.context import AppContext
    from odn_desktop.ui.pages.all_registrations_page import AllRegistrationsPage

    db = open_database(db_path)
    ctx = AppContext(db)
    start = time.perf_counter()
    page = AllRegistrationsPage(ctx)
    page.resize(1400, 800)
    painted = _PaintCounter(page.table.viewport())
    page.show()
    _spin_until(lambda: page.model.rowCount() > 0)
    seen = painted.count
    _spin_until(lambda: painted.count > seen)
    first = time.perf_counter() - start
    first_rows = page.model.total_count()
    _spin_until(lambda: page.is_complete)
    complete = time.perf_counter() - start
    with transaction(db.sessions) as s:
        first_events = list(dict.fromkeys(r.event_id for r in views.newest_registration_rows(s, views.FIRST_CHUNK)))
    bare_first = statistics.median(bare_fetch(db_path, first_events) for _ in range(3))
    bare_all = statistics.median(bare_fetch(db_path) for _ in range(3))
    emit("open_all_registrations_first_rows", first * 1000, "ms", bare_first * 1000, rows=first_rows,
         events=len(first_events), target_ms=TARGETS["open_ms"],
         note="page created and shown until its first rows are painted: the newest events' registrations, read "
              "on a worker; the remaining rows load in the background (next figure); baseline: bare sqlite3 "
              "fetching the same rows")
    emit("open_all_registrations_complete", complete * 1000, "ms", bare_all * 1000, rows=page.model.total_count(),
         target_ratio=2.5,
         note="until every registration is loaded and searchable (background, the window stays usable); "
              "baseline: bare sqlite3 fetching all rows")
    page._bench_db = db  # keep the database open with the page
    return page


def _keystrokes() -> list[str]:
    """What the search field holds after each typed character, over all terms."""
    return [term[:n] for term in TERMS for n in range(1, len(term) + 1)]


class _BareSearch:
    """The keystroke baseline: a plain ``QAbstractTableModel`` over the same rows (their cells' display texts
    computed in advance), filtered with a list comprehension over the same precomputed search keys, reset and
    repainted the same way (a ``QLineEdit`` above a ``QTableView`` of the page's size, rows and columns)."""

    def __init__(self, page: Any) -> None:
        from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
        from PySide6.QtWidgets import QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

        from odn_desktop.domain.names import fold_german

        source = page.model
        columns = source.columnCount()
        rows = source.all_rows()
        display = [source._by_role[int(Qt.ItemDataRole.DisplayRole)][c] for c in range(columns)]
        self.cells = [tuple(f(r) for f in display) for r in rows]
        self.keys = [r.search_key for r in rows]
        cells, keys = self.cells, self.keys
        display_role = int(Qt.ItemDataRole.DisplayRole)

        class Model(QAbstractTableModel):
            def __init__(self) -> None:
                super().__init__()
                self.visible = list(range(len(cells)))

            def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else len(self.visible)

            def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
                return 0 if parent.isValid() else columns

            def data(self, index: Any, role: int = display_role) -> Any:
                if role == display_role:
                    return cells[self.visible[index.row()]][index.column()]
                return None

            def filter(self, text: str) -> None:
                words = fold_german(text).split()
                self.beginResetModel()
                if not words:
                    self.visible = list(range(len(cells)))
                else:  # one list comprehension per word, each over the rows the words before it left
                    visible = [i for i, k in enumerate(keys) if words[0] in k]
                    for word in words[1:]:
                        visible = [i for i in visible if word in keys[i]]
                    self.visible = visible
                self.endResetModel()

        self.model = Model()
        self.widget = QWidget()
        self.edit = QLineEdit()
        self.table = QTableView()
        self.table.setModel(self.model)
        vertical = self.table.verticalHeader()
        vertical.hide()
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(page.table.verticalHeader().defaultSectionSize())
        for c in range(columns):
            self.table.horizontalHeader().resizeSection(c, page.table.horizontalHeader().sectionSize(c))
        self.table.horizontalHeader().setStretchLastSection(True)
        self.edit.textChanged.connect(self.model.filter)
        layout = QVBoxLayout(self.widget)
        layout.addWidget(self.edit)
        layout.addWidget(self.table, 1)
        self.widget.resize(page.size())
        self.widget.show()


def bench_keystroke(page: Any) -> None:
    """Per typed character: the page's search (setText + processEvents: filter, model reset, repaint) and the
    bare baseline doing the same, interleaved term by term so machine noise hits both alike."""
    app = _app()
    bare = _BareSearch(page)
    app.processEvents()
    typed, backspaces, bare_typed, bare_backspaces = [], [], [], []
    for term in TERMS:
        for edit, into, back in ((page.search_edit, typed, backspaces), (bare.edit, bare_typed, bare_backspaces)):
            for n in range(1, len(term) + 1):
                start = time.perf_counter()
                edit.setText(term[:n])
                app.processEvents()
                into.append(time.perf_counter() - start)
            for n in range(len(term) - 1, 0, -1):
                start = time.perf_counter()
                edit.setText(term[:n])
                app.processEvents()
                back.append(time.perf_counter() - start)
            edit.clear()
            app.processEvents()
    bare.widget.close()

    def p95(values: list[float]) -> float:
        return statistics.quantiles(values, n=20)[-1]

    both, bare_both = typed + backspaces, bare_typed + bare_backspaces
    rows = page.model.total_count()
    note = ("setText + processEvents (filter, model reset, repaint) per typed character; baseline: plain "
            "QAbstractTableModel over the same rows (display texts precomputed), list comprehension over the same "
            "search keys, reset and repainted the same way")
    emit("search_keystroke_100000_median", statistics.median(typed) * 1000, "ms",
         statistics.median(bare_typed) * 1000, rows=rows, keystrokes=len(typed), target_ms=TARGETS["keystroke_p95_ms"],
         note=note)
    emit("search_keystroke_100000_p95", p95(typed) * 1000, "ms", p95(bare_typed) * 1000, rows=rows,
         target_ratio=1.5, max_ms=round(max(typed) * 1000, 2), target_ms=TARGETS["keystroke_p95_ms"],
         with_backspaces_median_ms=round(statistics.median(both) * 1000, 2),
         with_backspaces_p95_ms=round(p95(both) * 1000, 2),
         bare_with_backspaces_p95_ms=round(p95(bare_both) * 1000, 2), note="95th percentile of the same keystrokes")


def bench_memory(db_path: Path, event_id: uuid.UUID) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as home:
        env.update(XDG_DATA_HOME=home, XDG_STATE_HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
        # both through the --measure-child launcher: a child forked from this (big) process would report this
        # process's size as its own peak (Linux keeps the larger of the two across fork and exec)
        app = subprocess.run([sys.executable, __file__, "--measure-child", sys.executable, __file__, "--memory-probe",
                              str(db_path), str(event_id)], env=env, capture_output=True, text=True, timeout=600,
                             check=True)
        bare = subprocess.run([sys.executable, __file__, "--measure-child", sys.executable,
                               str(HERE / "bare_window_probe.py")], env=env, capture_output=True, text=True,
                              timeout=600, check=True)
    sys.stdout.write("".join(line + "\n" for line in app.stderr.splitlines() if line.startswith("# memory")))
    app_kb = int(app.stdout.split()[-1])
    bare_kb = int(bare.stdout.split()[-1])
    emit("peak_memory_with_100000", app_kb / 1024, "MB", bare_kb / 1024, target_ratio=3,
         target_mb=TARGETS["memory_mb"],
         note="peak RSS (getrusage): database open, all registrations loaded, the 5,000-registrant tab open, "
              "searches typed; baseline: bare PySide6 window (bare_window_probe.py)")


def memory_probe(db_path: Path, event_id: uuid.UUID) -> int:
    """Child process: the registrant pages in a main window on the database; prints the peak RSS in KB."""
    from PySide6.QtWidgets import QMainWindow, QTabWidget

    from odn_desktop.store.open import open_database
    from odn_desktop.ui.infra.context import AppContext
    from odn_desktop.ui.pages.all_registrations_page import AllRegistrationsPage
    from odn_desktop.ui.pages.registrations_tab import RegistrationsTab

    def stage(name: str) -> None:
        status = Path("/proc/self/status")
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        if status.exists():  # the high-water mark of this process's own memory (Linux)
            peak = next(int(line.split()[1]) for line in status.read_text().splitlines()
                        if line.startswith("VmHWM:")) // 1024
        print(f"# memory probe: {name}: peak {peak} MB", file=sys.stderr, flush=True)

    app = _app()
    db = open_database(db_path)
    ctx = AppContext(db)
    stage("application and database open")
    window = QMainWindow()
    tabs = QTabWidget()
    page = AllRegistrationsPage(ctx)
    tab = RegistrationsTab(ctx)
    tabs.addTab(page, "Alle Anmeldungen")
    tabs.addTab(tab, "Anmeldungen")
    window.setCentralWidget(tabs)
    window.resize(1400, 800)
    window.show()
    _spin_until(lambda: page.model.total_count() > 0)
    stage("first rows")
    _spin_until(lambda: page.is_complete)
    stage("all rows")
    for text in _keystrokes()[:40]:
        page.search_edit.setText(text)
        app.processEvents()
    page.table.sortByColumn(2, page.table.horizontalHeader().sortIndicatorOrder())
    stage("searched and sorted")
    tab.set_event(event_id)
    tabs.setCurrentWidget(tab)
    app.processEvents()
    stage("5,000-registrant tab")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(page.model.total_count(), tab.model.total_count(), peak, flush=True)
    db.close()
    return 0


def measure_child(cmd: list[str]) -> int:
    """Run ``cmd`` and print its peak RSS in KB (getrusage of the children); its stderr is passed on."""
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    sys.stderr.write(done.stderr)
    print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, flush=True)
    return 0


# -- entry points ------------------------------------------------------------------------------------------


def bench_registrants(db_path: Path, runs: int = 7) -> None:
    """All figures on an existing scale database (adds the 5,000-registrant event to it)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    event_id = add_big_event(db_path)
    print(f"# targets: open <= {TARGETS['open_ms']} ms, keystroke p95 <= {TARGETS['keystroke_p95_ms']} ms, "
          f"memory <= {TARGETS['memory_mb']} MB", flush=True)
    bench_open_tab(db_path, event_id, runs)
    _app()
    page = bench_open_all(db_path)
    bench_keystroke(page)
    page.close()
    bench_memory(db_path, event_id)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--memory-probe":
        return memory_probe(Path(sys.argv[2]), uuid.UUID(sys.argv[3]))
    if len(sys.argv) > 1 and sys.argv[1] == "--open-tab-probe":
        _app()
        times = open_tab_times(Path(sys.argv[2]), uuid.UUID(sys.argv[3]), int(sys.argv[4]))
        print(" ".join(repr(t) for t in times), flush=True)
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "--measure-child":
        return measure_child(sys.argv[2:])
    from scale_data import ScaleSpec, build_database

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    spec = ScaleSpec(events=max(3, int(300 * args.scale)), contacts=max(100, int(30_000 * args.scale)),
                     registrations=max(100, int(100_000 * args.scale)))
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "scale.sqlite"
        build_database(db_path, spec)
        bench_registrants(db_path, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
