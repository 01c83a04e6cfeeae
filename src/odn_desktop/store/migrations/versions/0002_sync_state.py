"""Sync bookkeeping: laptop-side state, shadow and conflicts; server-side sequence counter and push log;
an index on ``server_seq`` of every synced table.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 19:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from odn_desktop.store.types import UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

SYNCED_TABLES = ("series", "event", "round", "speaker", "event_speaker", "agenda_item", "contact", "registration",
                 "task")


def upgrade() -> None:
    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(length=60), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "sync_shadow",
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("data", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("table_name", "row_id", name=op.f("pk_sync_shadow")),
    )
    op.create_table(
        "sync_conflict",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("table_name", sa.String(length=40), nullable=False),
        sa.Column("row_id", sa.Uuid(), nullable=False),
        sa.Column("field", sa.String(length=60), nullable=False),
        sa.Column("local_value", sa.Text(), nullable=False),
        sa.Column("remote_value", sa.Text(), nullable=False),
        sa.Column("base_value", sa.Text(), nullable=True),
        sa.Column("remote_seq", sa.BigInteger(), nullable=False),
        sa.Column("detected_at", UTCDateTime(), nullable=False),
        sa.Column("resolved_at", UTCDateTime(), nullable=True),
        sa.Column("resolution", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflict")),
    )
    op.create_index("ix_sync_conflict_row", "sync_conflict", ["table_name", "row_id"], unique=False)
    op.create_table(
        "sync_server_state",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("server_id", sa.Uuid(), nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_server_state")),
    )
    op.create_table(
        "sync_push",
        sa.Column("seq", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("client_id", sa.Uuid(), nullable=False),
        sa.Column("pushed_at", UTCDateTime(), nullable=False),
        sa.Column("row_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_sync_push")),
    )
    op.create_index(op.f("ix_sync_push_client_id"), "sync_push", ["client_id"], unique=False)
    for table in SYNCED_TABLES:
        op.create_index(f"ix_{table}_server_seq", table, ["server_seq"], unique=False)


def downgrade() -> None:
    for table in SYNCED_TABLES:
        op.drop_index(f"ix_{table}_server_seq", table_name=table)
    op.drop_index(op.f("ix_sync_push_client_id"), table_name="sync_push")
    op.drop_table("sync_push")
    op.drop_table("sync_server_state")
    op.drop_index("ix_sync_conflict_row", table_name="sync_conflict")
    op.drop_table("sync_conflict")
    op.drop_table("sync_shadow")
    op.drop_table("sync_state")
