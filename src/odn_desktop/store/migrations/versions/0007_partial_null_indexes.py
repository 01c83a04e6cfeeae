"""The indexes on columns that most rows leave empty hold only the rows that fill them: ``server_seq`` of every
synced table (set once the shared database has numbered a row; the laptop's new rows, e.g. the 10,000 of an
import, have none) and ``registration.round_id`` (only events with parallel rounds set it). Every query that
uses them names a value (``server_seq > :n``, ``round_id = :id``), which implies the column is set, so SQLite
and PostgreSQL still answer them through the index; a row without a value no longer costs an index entry on
every insert (an import of 10,000 registrations: three index inserts fewer per person).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 06:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

#: the synced tables at this revision
SYNCED_TABLES = ("series", "event", "round", "speaker", "event_speaker", "agenda_item", "contact", "registration",
                 "task", "registration_message", "mail_template", "privacy_log", "topic_group", "topic_wish")
#: (index, table, column): the indexes made partial
INDEXES = (*((f"ix_{table}_server_seq", table, "server_seq") for table in SYNCED_TABLES),
           ("ix_registration_round_id", "registration", "round_id"))


def upgrade() -> None:
    for name, table, column in INDEXES:
        op.drop_index(name, table_name=table)
        where = sa.text(f"{column} IS NOT NULL")
        op.create_index(name, table, [column], unique=False, sqlite_where=where, postgresql_where=where)


def downgrade() -> None:
    for name, table, column in INDEXES:
        op.drop_index(name, table_name=table)
        op.create_index(name, table, [column], unique=False)
