"""Topic wishes and groups; a registration's level; an event's description marked as copied.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 14:05:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from odn_desktop.store.types import UTCDateTime

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def _sync_columns() -> list[sa.Column[object]]:
    return [
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_at", UTCDateTime(), nullable=False),
        sa.Column("dirty", sa.Boolean(), nullable=False),
        sa.Column("server_seq", sa.Integer(), nullable=True),
        sa.Column("deleted_at", UTCDateTime(), nullable=True),
    ]


def upgrade() -> None:
    op.create_table(
        "topic_group",
        sa.Column("series_id", sa.Uuid(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("planned_event_id", sa.Uuid(), nullable=True),
        sa.Column("agenda_item_id", sa.Uuid(), nullable=True),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["series_id"], ["series.id"], name=op.f("fk_topic_group_series_id_series")),
        sa.ForeignKeyConstraint(["planned_event_id"], ["event.id"],
                                name=op.f("fk_topic_group_planned_event_id_event")),
        sa.ForeignKeyConstraint(["agenda_item_id"], ["agenda_item.id"],
                                name=op.f("fk_topic_group_agenda_item_id_agenda_item")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_group")),
    )
    op.create_index(op.f("ix_topic_group_series_id"), "topic_group", ["series_id"])
    op.create_index(op.f("ix_topic_group_planned_event_id"), "topic_group", ["planned_event_id"])
    op.create_index(op.f("ix_topic_group_agenda_item_id"), "topic_group", ["agenda_item_id"])
    op.create_index("ix_topic_group_server_seq", "topic_group", ["server_seq"])
    op.create_table(
        "topic_wish",
        sa.Column("event_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=True),
        sa.Column("group_id", sa.Uuid(), nullable=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("pinned", sa.Boolean(), nullable=False, server_default=sa.false()),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], name=op.f("fk_topic_wish_event_id_event")),
        sa.ForeignKeyConstraint(["contact_id"], ["contact.id"], name=op.f("fk_topic_wish_contact_id_contact")),
        sa.ForeignKeyConstraint(["group_id"], ["topic_group.id"], name=op.f("fk_topic_wish_group_id_topic_group")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_topic_wish")),
    )
    op.create_index(op.f("ix_topic_wish_event_id"), "topic_wish", ["event_id"])
    op.create_index(op.f("ix_topic_wish_contact_id"), "topic_wish", ["contact_id"])
    op.create_index(op.f("ix_topic_wish_group_id"), "topic_wish", ["group_id"])
    op.create_index("ix_topic_wish_server_seq", "topic_wish", ["server_seq"])
    with op.batch_alter_table("registration") as batch:
        batch.add_column(sa.Column("level", sa.String(length=40), nullable=False, server_default=""))
    with op.batch_alter_table("event") as batch:
        batch.add_column(sa.Column("description_copied", sa.Boolean(), nullable=False, server_default=sa.false()))


def downgrade() -> None:
    with op.batch_alter_table("event") as batch:
        batch.drop_column("description_copied")
    with op.batch_alter_table("registration") as batch:
        batch.drop_column("level")
    op.drop_table("topic_wish")
    op.drop_table("topic_group")
