"""Seats: an explicit, synced queue order and forced seats; rounds get a description; events say whether a
registration may go without a round.

The queue order is what the one seat allocation (``domain.allocation``) walks; before this revision the waiting
list was ordered by ``waitlist_position`` and registration time, so the backfill keeps exactly that order: seat
holders first (by registration time), then the waiting list by its place, then cancelled rows.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 13:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

#: the gap between two queue keys: someone can be moved to a given place without renumbering the queue
QUEUE_STEP = 1024


def upgrade() -> None:
    with op.batch_alter_table("registration") as batch:
        batch.add_column(sa.Column("queue_order", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("forced_seat", sa.Boolean(), nullable=False, server_default=sa.false()))
    with op.batch_alter_table("round") as batch:
        batch.add_column(sa.Column("description", sa.Text(), nullable=False, server_default=""))
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("rounds_optional", sa.Boolean(), nullable=False, server_default=sa.false()))
    op.execute(sa.text(f"""
        UPDATE registration SET queue_order = (
            SELECT ranked.n * {QUEUE_STEP} FROM (
                SELECT id, ROW_NUMBER() OVER (
                    PARTITION BY event_id
                    ORDER BY CASE status WHEN 'registered' THEN 0 WHEN 'waiting' THEN 1 ELSE 2 END,
                             CASE WHEN status = 'waiting' THEN COALESCE(waitlist_position, 0) ELSE 0 END,
                             registered_at, id
                ) AS n FROM registration
            ) AS ranked WHERE ranked.id = registration.id
        )
    """))
    op.execute(sa.text("UPDATE registration SET waitlist_position = NULL WHERE status <> 'waiting'"))


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.drop_column("rounds_optional")
    with op.batch_alter_table("round") as batch:
        batch.drop_column("description")
    with op.batch_alter_table("registration") as batch:
        batch.drop_column("forced_seat")
        batch.drop_column("queue_order")
