"""Revision 0006: partial indexes on the change marker of every synced table and on the contacts deleted under
Art. 17; a file of revision 0005 gets them with its rows, and the sync's queries use them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from odn_desktop.store.migrate import current_revision, migrate
from odn_desktop.store.revision import HEAD_REVISION
from odn_desktop.sync.tables import SPECS

STAMP = "2030-01-01 00:00:00.000000"


def _plan(conn: sqlite3.Connection, sql: str) -> str:
    return " ".join(str(r[3]) for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}"))


def test_an_older_file_gets_the_indexes_and_its_marked_rows_are_found_through_them(db_path: Path) -> None:
    migrate(db_path, target="0005")
    conn = sqlite3.connect(db_path)
    for n, (dirty, deleted) in enumerate([(1, None), (0, None), (1, STAMP), (0, STAMP)]):
        conn.execute("INSERT INTO contact (id, salutation, academic_title, first_name, last_name, email, "
                     "email_normalized, organisation, municipality, federal_state, role, experience_level, "
                     "consent_contact, notes, created_at, updated_at, dirty, deleted_at) VALUES (?, '', '', '', ?, "
                     "?, ?, '', '', '', '', '', 0, '', ?, ?, ?, ?)",
                     (f"{n:032x}", f"N{n}", f"p{n}@x.example", f"p{n}@x.example", STAMP, STAMP, dirty, deleted))
    conn.commit()
    conn.close()
    migrate(db_path)
    assert current_revision(db_path) == HEAD_REVISION
    conn = sqlite3.connect(db_path)
    try:
        indexes = {r[0]: r[1] for r in conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'")}
        for spec in SPECS:
            assert "WHERE dirty = 1" in indexes[f"ix_{spec.name}_dirty"], spec.name
        assert "WHERE deleted_at IS NOT NULL" in indexes["ix_contact_deleted"]
        marked = "SELECT id FROM contact WHERE dirty = 1"
        assert "ix_contact_dirty" in _plan(conn, marked)
        assert sorted(r[0] for r in conn.execute(marked)) == [f"{0:032x}", f"{2:032x}"]
        deleted = "SELECT id FROM contact WHERE deleted_at IS NOT NULL"
        assert "ix_contact_deleted" in _plan(conn, deleted)
        assert sorted(r[0] for r in conn.execute(deleted)) == [f"{2:032x}", f"{3:032x}"]
        for spec in SPECS:  # the sync's queries of changed rows (has_pending, pending_count, dirty_rows)
            assert f"ix_{spec.name}_dirty" in _plan(conn, f"SELECT 1 FROM {spec.name} WHERE dirty = 1 LIMIT 1")
            assert f"ix_{spec.name}_dirty" in _plan(conn, f"SELECT count(*) FROM {spec.name} WHERE dirty = 1")
    finally:
        conn.close()
