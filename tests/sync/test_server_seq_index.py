"""The shared database answers "everything after sequence N" through each table's ``server_seq`` index, which
since revision 0007 holds only the rows that have a sequence (``models.server_seq_index``): ``server_seq > N``
implies one, on PostgreSQL (also in a generic plan, where N is not known) and on an SQLite file alike."""

from __future__ import annotations

from sqlalchemy import text

from odn_desktop.sync.server import Server, parse_remote
from odn_desktop.sync.tables import SPECS


def test_changes_since_goes_through_the_partial_server_seq_index(remote: str) -> None:
    server = Server(parse_remote(remote))
    try:
        server.ensure_schema()
        with server.engine.connect() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text("SET enable_seqscan = off"))
                conn.execute(text("SET plan_cache_mode = force_generic_plan"))
            for spec in SPECS:
                index = f"ix_{spec.name}_server_seq"
                where = conn.execute(text(
                    "SELECT indexdef FROM pg_indexes WHERE indexname = :n" if conn.dialect.name == "postgresql"
                    else "SELECT sql FROM sqlite_master WHERE name = :n"), {"n": index}).scalar_one()
                assert "server_seq IS NOT NULL" in where, spec.name
                query = f"SELECT id, server_seq FROM {spec.name} WHERE server_seq > {{}} ORDER BY server_seq"
                if conn.dialect.name == "postgresql":
                    conn.execute(text(f"PREPARE after_n (bigint) AS {query.format('$1')}"))
                    plan = conn.execute(text("EXPLAIN EXECUTE after_n (5)")).scalars().all()
                    conn.execute(text("DEALLOCATE after_n"))
                else:
                    plan = [r[3] for r in conn.execute(text(f"EXPLAIN QUERY PLAN {query.format(':s')}"), {"s": 5})]
                assert index in " ".join(plan), (spec.name, plan)
    finally:
        server.close()
