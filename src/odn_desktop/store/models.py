"""The core of the schema: SQLAlchemy 2 typed models of DESIGN.md §2.

The tables of other concerns live beside it (``sync_models``, ``mail_models``, ``wish_models``) and import
this module, never the other way round; ``store.schema`` imports them all: what needs the whole metadata
(Alembic, the sync's table list) imports ``store.schema``.

Every synced table carries the same bookkeeping from the first migration on (``SyncedMixin``): a UUID key
that laptops can create offline without colliding, UTC ``created_at``/``updated_at``, a local change marker
(``dirty``), the server's sequence number (``server_seq``) and a tombstone (``deleted_at``) instead of hard
deletes, so that a deletion can travel to the shared database.

Enumerated values are stored as short strings, not database enums: adding a value then needs no migration.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    UniqueConstraint,
    Uuid,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from .types import UTCDateTime

#: Named constraints are required for SQLite batch migrations (they recreate tables by name).
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _now() -> datetime:
    return datetime.now(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def filled_rows_index(name: str, column: Any) -> Index:
    """An index on a column most rows leave empty, holding only the rows that fill it (partial since revision
    0007): ``server_seq`` (unset until the shared database numbers a row: every row a laptop makes, the 10,000 of
    an import too) and ``registration.round_id`` (set only with parallel rounds). The queries that use them name a
    value (``server_seq > :n``, ``round_id = :id``), which implies the column is set, so SQLite and PostgreSQL
    answer them through the index; an empty row costs no index entry when it is inserted."""
    where = text(f"{column if isinstance(column, str) else column.name} IS NOT NULL")
    return Index(name, column, sqlite_where=where, postgresql_where=where)


def server_seq_index(table_name: str, column: Any = "server_seq") -> Index:
    """"Everything after sequence N" on the server (``filled_rows_index``): ``column`` is the table's
    ``server_seq`` column, or its name inside a model's ``__table_args__``."""
    return filled_rows_index(f"ix_{table_name}_server_seq", column)


class SyncedMixin:
    """Identity and change tracking shared by every table that is synced with the team database."""

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=uuid.uuid4)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    dirty: Mapped[bool] = mapped_column(Boolean, default=True)
    server_seq: Mapped[int | None] = mapped_column(Integer, default=None)
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


class Series(SyncedMixin, Base):
    """Veranstaltungsreihe, e.g. "Open Data in Kommunen – Netzwerktreffen"."""

    __tablename__ = "series"

    title: Mapped[str] = mapped_column(String(300))
    hosts: Mapped[str] = mapped_column(Text, default="")  # one host per line
    description: Mapped[str] = mapped_column(Text, default="")

    events: Mapped[list[Event]] = relationship(back_populates="series")


class Event(SyncedMixin, Base):
    """One meeting. Times are stored in UTC and shown in Europe/Berlin."""

    __tablename__ = "event"

    series_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("series.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    format: Mapped[str] = mapped_column(String(20), default="online")  # online | in_person | hybrid
    venue: Mapped[str] = mapped_column(Text, default="")  # place, or the video tool ("Zoom")
    online_url: Mapped[str] = mapped_column(Text, default="")  # the private access link
    capacity: Mapped[int | None] = mapped_column(Integer, default=None)  # None = unlimited
    overbooking_percent: Mapped[int] = mapped_column(Integer, default=0)
    registration_opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    registration_deadline: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    allow_late_registration: Mapped[bool] = mapped_column(Boolean, default=False)
    access_link_dispatch_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    access_link_sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    status: Mapped[str] = mapped_column(String(20), default="open")  # draft|open|closed|held|cancelled
    #: the description was copied from the previous meeting and not edited since (the editor says so)
    description_copied: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    #: with rounds: whether someone may register without choosing one (counts against the event's seats only)
    rounds_optional: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    hosts: Mapped[str] = mapped_column(Text, default="")  # one host per line
    ics_uid: Mapped[str] = mapped_column(String(200), unique=True)
    ics_sequence: Mapped[int] = mapped_column(Integer, default=0)

    series: Mapped[Series | None] = relationship(back_populates="events")
    agenda_items: Mapped[list[AgendaItem]] = relationship(
        back_populates="event", order_by="AgendaItem.position"
    )
    registrations: Mapped[list[Registration]] = relationship(back_populates="event")
    rounds: Mapped[list[Round]] = relationship(back_populates="event", order_by="Round.position")
    speaker_links: Mapped[list[EventSpeaker]] = relationship(
        back_populates="event", order_by="EventSpeaker.position"
    )
    tasks: Mapped[list[Task]] = relationship(back_populates="event", order_by="Task.due_at")


class Round(SyncedMixin, Base):
    """A parallel round inside an event with its own capacity."""

    __tablename__ = "round"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    capacity: Mapped[int | None] = mapped_column(Integer, default=None)  # None = unlimited
    position: Mapped[int] = mapped_column(Integer, default=0)
    description: Mapped[str] = mapped_column(Text, default="", server_default="")

    event: Mapped[Event] = relationship(back_populates="rounds")


class Speaker(SyncedMixin, Base):
    """Referent:in, possibly speaking at many events."""

    __tablename__ = "speaker"

    salutation: Mapped[str] = mapped_column(String(40), default="")
    academic_title: Mapped[str] = mapped_column(String(40), default="")
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(Text, default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    bio: Mapped[str] = mapped_column(Text, default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    phone: Mapped[str] = mapped_column(String(80), default="")


class EventSpeaker(SyncedMixin, Base):
    """A speaker taking part in an event (the event's "Referent:innen" list, in announcement order)."""

    __tablename__ = "event_speaker"
    __table_args__ = (UniqueConstraint("event_id", "speaker_id"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    speaker_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("speaker.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    topic: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="speaker_links")
    speaker: Mapped[Speaker] = relationship()


class AgendaItem(SyncedMixin, Base):
    """One programme item; its start time is derived from the items before it."""

    __tablename__ = "agenda_item"

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    kind: Mapped[str] = mapped_column(String(20), default="talk")
    title: Mapped[str] = mapped_column(Text, default="")
    duration_minutes: Mapped[int] = mapped_column(Integer, default=15)
    speaker_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("speaker.id"), index=True)
    notes: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event] = relationship(back_populates="agenda_items")
    speaker: Mapped[Speaker | None] = relationship()


class Contact(SyncedMixin, Base):
    """A registrant as a person across events; one contact per email address."""

    __tablename__ = "contact"
    __table_args__ = (
        Index(
            "ux_contact_email_normalized_live",
            "email_normalized",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        # the people deleted under Art. 17 (tombstones: few), read after every pull (``sync.erasure``)
        Index("ix_contact_deleted", "deleted_at", sqlite_where=text("deleted_at IS NOT NULL"),
              postgresql_where=text("deleted_at IS NOT NULL")),
    )

    salutation: Mapped[str] = mapped_column(String(40), default="")
    academic_title: Mapped[str] = mapped_column(String(40), default="")
    first_name: Mapped[str] = mapped_column(String(200), default="")
    last_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str] = mapped_column(String(320), default="")
    email_normalized: Mapped[str] = mapped_column(String(320), default="")
    organisation: Mapped[str] = mapped_column(Text, default="")
    municipality: Mapped[str] = mapped_column(Text, default="")
    federal_state: Mapped[str] = mapped_column(String(80), default="")
    role: Mapped[str] = mapped_column(Text, default="")  # Funktion
    experience_level: Mapped[str] = mapped_column(String(40), default="")
    consent_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_given_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    registrations: Mapped[list[Registration]] = relationship(back_populates="contact")


class Registration(SyncedMixin, Base):
    """Contact x event: seat or waiting-list place, lateness and attendance."""

    __tablename__ = "registration"
    __table_args__ = (
        Index(
            "ux_registration_event_contact_live",
            "event_id",
            "contact_id",
            unique=True,
            sqlite_where=text("deleted_at IS NULL"),
            postgresql_where=text("deleted_at IS NULL"),
        ),
        Index("ix_registration_event_status", "event_id", "status"),
        filled_rows_index("ix_registration_round_id", "round_id"),
    )

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"))
    contact_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("contact.id"), index=True)
    round_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("round.id"))  # index: in __table_args__
    status: Mapped[str] = mapped_column(String(20), default="registered")  # registered|waiting|cancelled
    waitlist_position: Mapped[int | None] = mapped_column(Integer, default=None)  # derived: domain.allocation
    #: the place in the event's queue (synced, so laptops agree): who joined first gets the next free seat
    queue_order: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    #: a seat the coordinator gave beyond the limit by hand; no allocation takes it away
    forced_seat: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    source: Mapped[str] = mapped_column(Text, default="manual")  # "manual" or the import file's name
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=_now)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    attended: Mapped[bool] = mapped_column(Boolean, default=False)
    attended_minutes: Mapped[int | None] = mapped_column(Integer, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")
    #: Einsteiger:innen / Fortgeschrittene, as the person said in the registration form (empty: not asked)
    level: Mapped[str] = mapped_column(String(40), default="", server_default="")

    event: Mapped[Event] = relationship(back_populates="registrations")
    contact: Mapped[Contact] = relationship(back_populates="registrations")
    round: Mapped[Round | None] = relationship()


class Task(SyncedMixin, Base):
    """The coordinator's own dated to-do, usually for one event."""

    __tablename__ = "task"

    event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("event.id"), index=True)
    title: Mapped[str] = mapped_column(Text)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime)
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)
    notes: Mapped[str] = mapped_column(Text, default="")

    event: Mapped[Event | None] = relationship(back_populates="tasks")


#: The synced tables declared here, parents before children (the sync writes them in this order). The whole
#: list, with the mail and wish tables, is ``store.schema.SYNCED_MODELS``.
CORE_SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (
    Series,
    Event,
    Round,
    Speaker,
    EventSpeaker,
    AgendaItem,
    Contact,
    Registration,
    Task,
)


def dirty_index(model: type[SyncedMixin]) -> Index:
    """The rows carrying the change marker, and only those (a partial index, revision 0006): the sync asks
    "what changed here?" before every run, and scanning 100,000 registrations and 30,000 contacts for the few
    marked ones cost it ~20 ms of a 1,000-row sync. Kept small by the marker being cleared after each push (the
    shared database never sets it, so its index stays empty). Matches ``WHERE dirty = 1`` exactly, as the sync
    queries it."""
    table = model.__table__  # type: ignore[attr-defined]
    return Index(f"ix_{table.name}_dirty", table.c.dirty, sqlite_where=text("dirty = 1"),
                 postgresql_where=text("dirty"))

