"""A writer killed with SIGKILL mid-transaction leaves a sound database holding every committed change."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from odn_desktop.store.migrate import migrate

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from odn_desktop.services.contacts import ContactInput, find_or_create_contact
    from odn_desktop.store.database import transaction
    from odn_desktop.store.open import open_database

    db = open_database(Path(sys.argv[1]))
    for i in range(int(sys.argv[2])):
        with transaction(db.sessions) as session:
            find_or_create_contact(session, ContactInput(email=f"committed{i}@example.org", last_name=f"C{i}"))
        print(f"committed {i}", flush=True)
    session = db.sessions()
    session.begin()
    for i in range(5000):
        find_or_create_contact(session, ContactInput(email=f"uncommitted{i}@example.org", last_name="U"))
        if i == 2500:
            print("inside transaction", flush=True)
    import time
    time.sleep(60)
    """
)


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_sigkill_mid_transaction_keeps_every_committed_change(db_path: Path, tmp_path: Path) -> None:
    migrate(db_path)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, str(script), str(db_path), "40"], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None
    committed = []
    for line in proc.stdout:
        if line.startswith("committed"):
            committed.append(int(line.split()[1]))
        if line.startswith("inside transaction"):
            break
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    proc.stdout.close()
    assert proc.returncode == -signal.SIGKILL
    assert committed == list(range(40))

    conn = sqlite3.connect(db_path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        emails = {r[0] for r in conn.execute("SELECT email FROM contact")}
    finally:
        conn.close()
    assert {f"committed{i}@example.org" for i in committed} <= emails
    assert not any(e.startswith("uncommitted") for e in emails)
