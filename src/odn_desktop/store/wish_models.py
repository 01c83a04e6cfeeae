"""Topic wishes (migration 0005): what participants asked to hear about next, grouped by the coordinator.

* ``topic_group`` – a group of wishes about one topic within a series ("Ämter motivieren, Daten
  bereitzustellen"), with its state: ``open``, ``planned`` (for ``planned_event_id``, as ``agenda_item_id``) or
  ``treated`` (the meeting took place). The grouping is stored, so a merge or split by the coordinator stays.
* ``topic_wish`` – one wish as given: the free text, the person (``contact_id``, may be empty for an anonymous
  survey), the meeting where it was given (``event_id``), where it came from (``source``: form, survey, manual),
  its group, and whether the coordinator placed it by hand (``pinned``: a regrouping never moves it).

Both tables are synced; a wish belongs to a person, so data protection exports and deletes it with them.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Boolean, ForeignKey, String, Text, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import AgendaItem, Base, Contact, Event, Series, SyncedMixin, server_seq_index


class TopicGroup(SyncedMixin, Base):
    """A topic several wishes ask for; planned into a meeting as an agenda item."""

    __tablename__ = "topic_group"
    __table_args__ = (server_seq_index("topic_group"),)

    series_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("series.id"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(20), default="open")  # open | planned | treated
    planned_event_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("event.id"), index=True)
    agenda_item_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agenda_item.id"), index=True)

    series: Mapped[Series | None] = relationship()
    planned_event: Mapped[Event | None] = relationship()
    agenda_item: Mapped[AgendaItem | None] = relationship()


class TopicWish(SyncedMixin, Base):
    """One wish of one person, given at one meeting."""

    __tablename__ = "topic_wish"
    __table_args__ = (server_seq_index("topic_wish"),)

    event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("event.id"), index=True)
    contact_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("contact.id"), index=True)
    group_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("topic_group.id"), index=True)
    text: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str] = mapped_column(String(20), default="manual")  # form | survey | manual
    pinned: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

    event: Mapped[Event] = relationship()
    contact: Mapped[Contact | None] = relationship()
    group: Mapped[TopicGroup | None] = relationship()


WISH_SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (TopicGroup, TopicWish)
