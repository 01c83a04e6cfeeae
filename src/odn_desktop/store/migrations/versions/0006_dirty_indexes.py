"""A partial index on the change marker of every synced table: the sync finds the laptop's changed rows without
scanning every row (``WHERE dirty = 1`` on SQLite, ``WHERE dirty`` on PostgreSQL, where it stays empty); one on
the contacts deleted under Art. 17 (tombstones), which every pull reads.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 21:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: the synced tables at this revision
SYNCED_TABLES = ("series", "event", "round", "speaker", "event_speaker", "agenda_item", "contact", "registration",
                 "task", "registration_message", "mail_template", "privacy_log", "topic_group", "topic_wish")


def upgrade() -> None:
    for table in SYNCED_TABLES:
        op.create_index(f"ix_{table}_dirty", table, ["dirty"], unique=False, sqlite_where=sa.text("dirty = 1"),
                        postgresql_where=sa.text("dirty"))
    op.create_index("ix_contact_deleted", "contact", ["deleted_at"], unique=False,
                    sqlite_where=sa.text("deleted_at IS NOT NULL"), postgresql_where=sa.text("deleted_at IS NOT NULL"))


def downgrade() -> None:
    op.drop_index("ix_contact_deleted", table_name="contact")
    for table in SYNCED_TABLES:
        op.drop_index(f"ix_{table}_dirty", table_name=table)
