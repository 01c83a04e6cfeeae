"""Alembic environment: always run from code (store/migrate.py) with a connection handed in."""

from __future__ import annotations

from alembic import context

from odn_desktop.store.schema import METADATA

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # pragma: no cover - we never run alembic from the command line without one
    raise RuntimeError("odn-desktop migrations run through odn_desktop.store.migrate, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=METADATA,
    # SQLite cannot ALTER most things; batch mode recreates the table under its (named) constraints.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
