"""odn-desktop benchmarks: realistic data at scale, figures as ratios against a baseline from the same run.

    python benchmarks/run.py                 # full scale: 300 events, 30,000 contacts, 100,000 registrations
    python benchmarks/run.py --scale 0.1     # a quick look
    python benchmarks/run.py --only startup

Prints one JSON line per figure (``name, value, unit, baseline, ratio``). Targets are printed alongside
(``target`` on the ratio or on the value) but never asserted: figures are read, compared and written into
the issue notes.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from report import emit, timed  # noqa: E402
from scale_data import ScaleSpec, build_database  # noqa: E402


def bench_build(workdir: Path, spec: ScaleSpec) -> Path:
    """Creating the scale database, against bare sqlite3 executemany writing the same number of rows."""
    db = workdir / "scale.sqlite"
    seconds, counts = timed(lambda: build_database(db, spec))

    def bare() -> None:
        conn = sqlite3.connect(workdir / "bare.sqlite")
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("CREATE TABLE c (id TEXT PRIMARY KEY, a TEXT, b TEXT, e TEXT, o TEXT, t TEXT)")
        conn.execute("CREATE TABLE r (id TEXT PRIMARY KEY, ev TEXT, c TEXT, s TEXT, p INTEGER, t TEXT)")
        with conn:
            conn.executemany("INSERT INTO c VALUES (?,?,?,?,?,?)",
                             ((f"c{i}", "Anna", "Müller", f"a{i}@x.example", "Stadt Kiel", "2021-01-01")
                              for i in range(counts["contacts"])))
            conn.executemany("INSERT INTO r VALUES (?,?,?,?,?,?)",
                             ((f"r{i}", f"e{i % 300}", f"c{i % 30000}", "registered", None, "2021-01-01")
                              for i in range(counts["registrations"])))
        conn.close()

    baseline, _ = timed(bare)
    emit("build_scale_database", seconds, "s", baseline, **counts,
         note="baseline: bare sqlite3 executemany of the same number of contact and registration rows")
    return db


def _time_to_paint(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    elapsed = time.perf_counter() - start
    if "painted" not in done.stdout:
        raise RuntimeError(f"{cmd} did not paint: {done.stdout}\n{done.stderr}")
    return elapsed


def bench_startup(db: Path, runs: int) -> None:
    """Process start to the first paint of the main window on the scale database, vs a bare PySide6 window."""
    env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen")}
    with tempfile.TemporaryDirectory() as home:
        env.update(XDG_DATA_HOME=home, XDG_STATE_HOME=home, XDG_CONFIG_HOME=home, XDG_CACHE_HOME=home)
        app_cmd = [sys.executable, str(HERE / "app_start_probe.py"), str(db)]
        bare_cmd = [sys.executable, str(HERE / "bare_window_probe.py")]
        _time_to_paint(app_cmd, env)  # warm the file cache for both, once
        _time_to_paint(bare_cmd, env)
        app_times, bare_times = [], []
        for _ in range(runs):  # interleaved, so machine noise hits both alike
            bare_times.append(_time_to_paint(bare_cmd, env))
            app_times.append(_time_to_paint(app_cmd, env))
    emit("startup_to_painted_main_window", statistics.median(app_times), "s", statistics.median(bare_times),
         runs=runs, target_ratio=1.5, note="median; baseline: bare PySide6 QMainWindow+QTableView, same way")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=("build", "startup"), action="append")
    parser.add_argument("--keep", type=Path, help="keep the scale database at this path")
    args = parser.parse_args()
    spec = ScaleSpec(events=max(3, int(300 * args.scale)), contacts=max(100, int(30_000 * args.scale)),
                     registrations=max(100, int(100_000 * args.scale)))
    with tempfile.TemporaryDirectory() as tmp:
        db = bench_build(Path(tmp), spec)
        if not args.only or "startup" in args.only:
            bench_startup(db, args.runs)
        if args.keep:
            import shutil

            shutil.copy(db, args.keep)
    return 0


if __name__ == "__main__":
    sys.exit(main())
