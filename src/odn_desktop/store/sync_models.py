"""Sync bookkeeping tables (migration 0002). None of them is synced itself, so none uses ``SyncedMixin``.

Both the laptop's file and the shared database carry the same schema (one set of migrations); each side uses
only its part:

* on the laptop: ``sync_state`` (key/value: remembered server, last sequence seen, this install's id),
  ``sync_shadow`` (each synced row as it was when last synced: the base of the three-way field merge) and
  ``sync_conflict`` (same field changed on both sides, kept until the coordinator chooses);
* on the shared database: ``sync_server_state`` (one row: the server's id and its sequence counter; updating it
  serialises pushes) and ``sync_push`` (one row per accepted push: its sequence, the pushing install, server time).

Every synced table also gets an index on ``server_seq``: the server answers "everything after N" with it (of the
rows that have one: ``models.server_seq_index``).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, Index, Integer, String, Text, Uuid
from sqlalchemy.orm import Mapped, mapped_column

from .models import CORE_SYNCED_MODELS, Base, server_seq_index
from .types import UTCDateTime


class SyncState(Base):
    """Laptop: small key/value facts about the sync (never secrets: the password lives in the OS keyring)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SyncShadow(Base):
    """Laptop: the last synced values of one row, as JSON of the stored column values."""

    __tablename__ = "sync_shadow"

    table_name: Mapped[str] = mapped_column(String(40), primary_key=True)
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True)
    data: Mapped[str] = mapped_column(Text)


class SyncConflict(Base):
    """Laptop: one field changed differently on both sides. The local value stays in the row meanwhile."""

    __tablename__ = "sync_conflict"
    __table_args__ = (Index("ix_sync_conflict_row", "table_name", "row_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    table_name: Mapped[str] = mapped_column(String(40))
    row_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    field: Mapped[str] = mapped_column(String(60))
    local_value: Mapped[str] = mapped_column(Text)  # JSON of the stored value
    remote_value: Mapped[str] = mapped_column(Text)
    base_value: Mapped[str | None] = mapped_column(Text, default=None)
    remote_seq: Mapped[int] = mapped_column(BigInteger)
    detected_at: Mapped[datetime] = mapped_column(UTCDateTime)
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    resolution: Mapped[str | None] = mapped_column(String(20), default=None)  # local | remote | converged | erased


class SyncServerState(Base):
    """Server: exactly one row (id 1). ``last_seq`` is the sequence of the newest accepted push."""

    __tablename__ = "sync_server_state"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    server_id: Mapped[uuid.UUID] = mapped_column(Uuid)
    last_seq: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class SyncPush(Base):
    """Server: one accepted push (one transaction); every row it wrote carries its ``seq`` as ``server_seq``."""

    __tablename__ = "sync_push"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    client_id: Mapped[uuid.UUID] = mapped_column(Uuid, index=True)
    pushed_at: Mapped[datetime] = mapped_column(UTCDateTime)
    row_count: Mapped[int] = mapped_column(Integer)


#: "everything after sequence N" on the server, per synced table of ``models`` (the mail and wish tables declare
#: theirs themselves)
SERVER_SEQ_INDEXES = tuple(
    server_seq_index(model.__table__.name, model.__table__.c.server_seq)  # type: ignore[attr-defined]
    for model in CORE_SYNCED_MODELS
)
