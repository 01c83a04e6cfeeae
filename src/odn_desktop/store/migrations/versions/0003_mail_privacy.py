"""Mail and data protection: message log per registration, the coordinator's mail templates, privacy log.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from odn_desktop.store.types import UTCDateTime

revision = "0003"
down_revision = "0002"
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
        "registration_message",
        sa.Column("registration_id", sa.Uuid(), nullable=False),
        sa.Column("template", sa.String(length=40), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("result", sa.String(length=20), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.ForeignKeyConstraint(["registration_id"], ["registration.id"],
                                name=op.f("fk_registration_message_registration_id_registration")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_registration_message")),
    )
    op.create_index(op.f("ix_registration_message_registration_id"), "registration_message", ["registration_id"])
    op.create_index("ix_registration_message_server_seq", "registration_message", ["server_seq"])

    op.create_table(
        "mail_template",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("subject", sa.Text(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mail_template")),
    )
    op.create_index("ix_mail_template_server_seq", "mail_template", ["server_seq"])

    op.create_table(
        "privacy_log",
        sa.Column("action", sa.String(length=20), nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("months", sa.Integer(), nullable=True),
        sa.Column("cutoff", UTCDateTime(), nullable=True),
        sa.Column("contacts", sa.Integer(), nullable=False),
        sa.Column("registrations", sa.Integer(), nullable=False),
        sa.Column("messages", sa.Integer(), nullable=False),
        *_sync_columns(),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_privacy_log")),
    )
    op.create_index("ix_privacy_log_server_seq", "privacy_log", ["server_seq"])


def downgrade() -> None:
    op.drop_index("ix_privacy_log_server_seq", table_name="privacy_log")
    op.drop_table("privacy_log")
    op.drop_index("ix_mail_template_server_seq", table_name="mail_template")
    op.drop_table("mail_template")
    op.drop_index("ix_registration_message_server_seq", table_name="registration_message")
    op.drop_index(op.f("ix_registration_message_registration_id"), table_name="registration_message")
    op.drop_table("registration_message")
