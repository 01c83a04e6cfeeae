"""Importing a 10,000-row registration CSV into an event, against csv + bare sqlite3.executemany of the same rows.

The file looks like a German Excel export of the registration form (Windows-1252, semicolons, a quoted field
with an embedded semicolon, German dates). The import runs the whole path the coordinator's click runs:
decode, detect the delimiter and the mapping, validate every address, place seats in registration-time order,
write contacts and registrations in one transaction (``synchronous=FULL``, as in the app). The baseline parses
the same bytes with ``csv`` and inserts one contact-like and one registration-like row per line with
``executemany`` into bare tables, also in one transaction on a WAL database with ``synchronous=FULL``.

    python benchmarks/bench_import.py [--rows 10000] [--runs 3]
"""

from __future__ import annotations

import argparse
import csv
import io
import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from report import emit  # noqa: E402

FIRST = ("Anna", "Jürgen", "Katrin", "Mehmet", "Sophie", "Thomas", "Özlem", "Lukas", "Birgit", "Jan")
LAST = ("Becker", "Groß", "Schäfer", "Yilmaz", "Wagner", "Hoffmann", "Kaya", "Weiß", "Müller", "Krüger")
TOWNS = ("Kiel", "Münster", "Potsdam", "Ulm", "Jena", "Bremen", "Bonn", "Görlitz", "Regensburg", "Gießen")
HEADER = ("Anrede", "Titel", "Vorname", "Nachname", "E-Mail-Adresse", "Organisation", "Funktion", "Bundesland",
          "Erfahrung", "Anmeldedatum")


def make_csv(rows: int) -> bytes:
    """A German Excel export (Windows-1252, ``;``) with ``rows`` distinct registrants."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    start = datetime(2021, 10, 1, 8, 0)
    for i in range(rows):
        first, last, town = FIRST[i % 10], LAST[(i // 10) % 10], TOWNS[(i // 100) % 10]
        when = start + timedelta(minutes=7 * i)
        writer.writerow((
            "Frau" if i % 2 else "Herr", "Dr." if i % 17 == 0 else "", first, last,
            f"{first.lower()}.{last.lower()}.{i}@stadt-{town.lower()}.example".replace("ü", "ue").replace("ö", "oe")
            .replace("ß", "ss"),
            f"Stadt {town}", "Open Data; Statistik" if i % 5 == 0 else "Digitalisierung", "Niedersachsen",
            "Einsteiger:in", f"{when:%d.%m.%Y %H:%M}",
        ))
    return out.getvalue().encode("cp1252")


def run_import(data: bytes, workdir: Path) -> tuple[float, dict[str, int]]:
    from odn_desktop.domain.timezone import BERLIN
    from odn_desktop.services.events import create_event
    from odn_desktop.services.registration_import import import_registrations_file
    from odn_desktop.store.database import transaction
    from odn_desktop.store.open import open_database

    db_path = workdir / f"import-{uuid.uuid4().hex}.sqlite"
    csv_path = workdir / "anmeldungen.csv"
    csv_path.write_bytes(data)
    db = open_database(db_path)
    try:
        with transaction(db.sessions) as session:
            start = datetime(2021, 12, 2, 10, 0, tzinfo=BERLIN)
            event_id = create_event(session, title="Netzwerktreffen", starts_at=start,
                                    ends_at=start + timedelta(minutes=90), capacity=8000).id
        began = time.perf_counter()
        with transaction(db.sessions) as session:
            report = import_registrations_file(session, event_id, csv_path)
        elapsed = time.perf_counter() - began
    finally:
        db.close()
    return elapsed, {"created": report.created, "waiting": report.waiting, "rejected": len(report.rejected)}


def run_baseline(data: bytes, workdir: Path) -> float:
    path = workdir / f"bare-{uuid.uuid4().hex}.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE contact (id TEXT PRIMARY KEY, salutation TEXT, title TEXT, first TEXT, last TEXT, "
                 "email TEXT, email_normalized TEXT UNIQUE, organisation TEXT, role TEXT, state TEXT, level TEXT)")
    conn.execute("CREATE TABLE registration (id TEXT PRIMARY KEY, event TEXT, contact TEXT, status TEXT, "
                 "registered_at TEXT)")
    conn.commit()
    began = time.perf_counter()
    records = list(csv.reader(io.StringIO(data.decode("cp1252"), newline=""), delimiter=";"))[1:]
    ids = [uuid.uuid4().hex for _ in records]
    with conn:
        conn.executemany("INSERT INTO contact VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                         ((i, r[0], r[1], r[2], r[3], r[4], r[4].lower(), r[5], r[6], r[7], r[8])
                          for i, r in zip(ids, records, strict=True)))
        conn.executemany("INSERT INTO registration VALUES (?,?,?,?,?)",
                         ((uuid.uuid4().hex, "event", i, "registered", r[9])
                          for i, r in zip(ids, records, strict=True)))
    elapsed = time.perf_counter() - began
    conn.close()
    return elapsed


def run_baseline_same_schema(data: bytes, workdir: Path) -> float:
    """For the record (not the figure's baseline): csv + executemany of the same rows into the app's migrated
    contact and registration tables (their indexes; sqlite3's defaults, so no foreign key checks), without any of
    the import's checks: what the bare writing costs in the schema the import writes."""
    from odn_desktop.store.open import open_database

    path = workdir / f"bare-schema-{uuid.uuid4().hex}.sqlite"
    open_database(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA synchronous=FULL")
    stamp = "2021-11-30 10:00:00.000000"
    event = uuid.uuid4().hex
    began = time.perf_counter()
    records = list(csv.reader(io.StringIO(data.decode("cp1252"), newline=""), delimiter=";"))[1:]
    ids = [uuid.uuid4().hex for _ in records]
    with conn:
        conn.executemany(
            "INSERT INTO contact (id, salutation, academic_title, first_name, last_name, email, email_normalized, "
            "organisation, role, federal_state, experience_level, municipality, consent_contact, notes, created_at, "
            "updated_at, dirty) VALUES (?,?,?,?,?,?,?,?,?,?,?,'',0,'',?,?,1)",
            ((i, r[0], r[1], r[2], r[3], r[4], r[4].lower(), r[5], r[6], r[7], r[8], stamp, stamp)
             for i, r in zip(ids, records, strict=True)))
        conn.executemany(
            "INSERT INTO registration (id, event_id, contact_id, status, source, registered_at, late, attended, "
            "notes, queue_order, forced_seat, level, created_at, updated_at, dirty) "
            "VALUES (?,?,?,'registered','anmeldungen.csv',?,0,0,'',?,0,'',?,?,1)",
            ((uuid.uuid4().hex, event, i, r[9], 1024 * n, stamp, stamp)
             for n, (i, r) in enumerate(zip(ids, records, strict=True))))
    elapsed = time.perf_counter() - began
    conn.close()
    return elapsed


def bench_import(workdir: Path, rows: int = 10_000, runs: int = 3) -> dict[str, object]:
    data = make_csv(rows)
    run_import(make_csv(200), workdir)  # warm-up: imports, regex compilation, file cache
    run_baseline(data, workdir)
    imports, baselines, same_schema = [], [], []
    counts: dict[str, int] = {}
    for _ in range(runs):  # interleaved, so machine noise hits all alike
        baselines.append(run_baseline(data, workdir))
        seconds, counts = run_import(data, workdir)
        imports.append(seconds)
        same_schema.append(run_baseline_same_schema(data, workdir))
    value, schema = statistics.median(imports), statistics.median(same_schema)
    return emit("import_registrations_csv", value, "s", statistics.median(baselines),
                rows=rows, runs=runs, target_ratio=3, **counts, baseline_same_schema=round(schema, 4),
                ratio_same_schema=round(value / schema, 3),
                note="median; baseline: csv.reader + sqlite3.executemany of the same rows into two bare tables; "
                     "baseline_same_schema (for the record): the same into the app's contact and registration "
                     "tables")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bench_import(Path(tmp), args.rows, args.runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
