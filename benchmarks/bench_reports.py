"""Report benchmarks: the hosts' figures and the report of one series of 300 meetings with 100,000
registrations (issue 14).

Figures, each with a baseline measured in the same run on the same file:

- ``report_figures_page``: what the Auswertung page computes before it shows its key figures for the series
  (``report_figures.series_figures`` in a fresh session: every meeting's counts, rounds, organisations,
  municipalities, federal states, first-time/returning, the series' reach and the latest registration curves)
  ÷ bare SQL aggregates of the same counts with ``sqlite3`` (``BARE_QUERIES``: hand-written GROUP BY queries
  giving the same numbers, no ORM, no Python per row) — target ≤ 3. Also printed, for scale: the ratio to the
  single ``GROUP BY event_id, status`` that counts only the statuses (``status_counts_only``).
- ``report_pdf`` and ``report_xlsx``: the whole ``export report`` (figures, tables, charts, file) in seconds —
  target for the PDF: ≤ 5 s; the baseline is the figures alone.

    python benchmarks/run.py --only reports [--scale 0.1] [--runs 5]
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from odn_desktop.services import report_figures
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Series
from odn_desktop.store.open import open_database
from report import emit, median_of
from scale_data import ScaleSpec, build_database

BARE_COUNTS = ("SELECT event_id, status, count(*), sum(late), sum(attended) FROM registration "
               "WHERE deleted_at IS NULL GROUP BY event_id, status")
_LIVE = "r.deleted_at IS NULL AND r.event_id IN (SELECT id FROM event WHERE series_id = :s AND deleted_at IS NULL)"
#: the same figures as ``series_figures`` computes, as plain SQL
BARE_QUERIES = (
    f"""SELECT r.event_id, r.round_id, r.status, count(*), sum(r.late AND r.status != 'cancelled'),
        sum(r.attended), sum(CASE WHEN r.attended THEN r.attended_minutes END),
        count(CASE WHEN r.attended THEN r.attended_minutes END), sum(r.status = 'registered' AND NOT r.attended)
        FROM registration r WHERE {_LIVE} GROUP BY r.event_id, r.round_id, r.status""",
    f"""SELECT r.event_id, count(DISTINCT nullif(lower(trim(c.organisation)), '')),
        count(DISTINCT nullif(lower(trim(c.municipality)), ''))
        FROM registration r JOIN contact c ON c.id = r.contact_id
        WHERE {_LIVE} AND r.status = 'registered' GROUP BY r.event_id""",
    f"""SELECT r.event_id, c.federal_state, count(*) FROM registration r JOIN contact c ON c.id = r.contact_id
        WHERE {_LIVE} AND r.status = 'registered' GROUP BY r.event_id, c.federal_state""",
    f"""WITH w AS MATERIALIZED (SELECT r.event_id ev, r.contact_id cid, rank() OVER (PARTITION BY r.contact_id
        ORDER BY e.starts_at) place FROM registration r JOIN event e ON e.id = r.event_id
        WHERE {_LIVE} AND r.status != 'cancelled')
        SELECT ev, count(*), sum(place > 1), NULL, NULL FROM w GROUP BY ev
        UNION ALL SELECT NULL, NULL, NULL, count(DISTINCT cid), count(DISTINCT CASE WHEN place > 1 THEN cid END)
        FROM w""",
    f"""SELECT count(DISTINCT nullif(lower(trim(c.organisation)), '')),
        count(DISTINCT nullif(lower(trim(c.municipality)), ''))
        FROM registration r JOIN contact c ON c.id = r.contact_id WHERE {_LIVE} AND r.status = 'registered'""",
    f"""SELECT c.federal_state, count(DISTINCT r.contact_id) FROM registration r JOIN contact c
        ON c.id = r.contact_id WHERE {_LIVE} AND r.status = 'registered' GROUP BY c.federal_state""",
    # the latest six meetings' registration times (the curves)
    """SELECT r.event_id, r.registered_at FROM registration r WHERE r.deleted_at IS NULL AND r.event_id IN
        (SELECT id FROM event WHERE series_id = :s ORDER BY starts_at DESC LIMIT 6)""",
)


def bench_reports(workdir: Path, scale: float, runs: int) -> None:
    spec = ScaleSpec(events=max(3, int(300 * scale)), contacts=max(100, int(30_000 * scale)),
                     registrations=max(100, int(100_000 * scale)), series=1)
    path = workdir / "report-scale.sqlite"
    counts = build_database(path, spec)
    db = open_database(path)
    with transaction(db.sessions) as s:
        series_id = s.query(Series.id).scalar()

    def bare(queries: tuple[str, ...] = BARE_QUERIES) -> float:
        start = time.perf_counter()
        con = sqlite3.connect(path)
        with con:
            for sql in queries:
                con.execute(sql, {"s": series_id.hex}).fetchall()
        con.close()
        return time.perf_counter() - start

    def figures() -> float:
        start = time.perf_counter()
        with transaction(db.sessions) as s:
            report_figures.series_figures(s, series_id)
        return time.perf_counter() - start

    bare() and figures()  # warm the file cache for both
    baseline = median_of(bare, runs)
    status_only = median_of(lambda: bare((BARE_COUNTS,)), runs)
    page = median_of(figures, runs)
    emit("report_figures_page", page, "s", baseline, target=3.0, status_counts_only=round(status_only, 4),
         ratio_to_status_counts=round(page / status_only, 1), **counts)
    from odn_desktop.ui.pdf.participant_list import ensure_gui_application
    from odn_desktop.ui.pdf.report_export import export_report

    ensure_gui_application()  # the PDF paints through Qt (as the CLI does)
    figures_only = median_of(figures, runs)
    for suffix, target in ((".pdf", 5.0), (".xlsx", None)):
        out = workdir / f"bericht{suffix}"

        def export(out: Path = out) -> float:
            start = time.perf_counter()
            with transaction(db.sessions) as s:
                export_report(s, series_id, out)
            return time.perf_counter() - start

        seconds = median_of(export, min(runs, 3))
        emit(f"report{suffix.replace('.', '_')}", seconds, "s", figures_only, target_seconds=target)
    db.close()
