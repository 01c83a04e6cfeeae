"""Tables of mail and data protection (migration 0003), all synced with the team database.

* ``registration_message`` – every message drafted or sent to a registrant ("Zugangslink versendet am ..."):
  which template, which channel (``draft`` = an .eml file for Outlook, ``smtp`` = sent by the program), when,
  and the result (``drafted``, ``sent``, ``failed``; ``detail`` holds the server's answer for a failure). It
  keeps no copy of the message text: the text is personal data and can always be rebuilt from the template.
* ``mail_template`` – the coordinator's own wording of a template. One row per template name; its id is
  derived from the name (``template_row_id``), so two laptops that both edit "access_link" offline write the
  same row and the sync merges it field by field instead of creating two.
* ``privacy_log`` – what a retention run or an Art. 17 deletion did, in counts only (no personal data).

Imported by ``store.schema`` so that Alembic's comparison and the sync see these tables. Each table declares
its ``server_seq`` index itself (the sync asks the server for "everything after N" with it).
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .models import Base, Registration, SyncedMixin, server_seq_index
from .types import UTCDateTime

TEMPLATE_NAMESPACE = uuid.UUID("0f3c4f7e-3a51-4c55-9f0e-6a8d6b1d2c41")


def template_row_id(name: str) -> uuid.UUID:
    """The fixed id of the stored wording of template ``name`` (the same on every laptop)."""
    return uuid.uuid5(TEMPLATE_NAMESPACE, f"mail_template:{name}")


class RegistrationMessage(SyncedMixin, Base):
    """One message drafted or sent to the person of a registration."""

    __tablename__ = "registration_message"
    __table_args__ = (server_seq_index("registration_message"),)

    registration_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("registration.id"), index=True)
    template: Mapped[str] = mapped_column(String(40))  # confirmation | waitlist | promoted | access_link | ...
    channel: Mapped[str] = mapped_column(String(10))  # draft | smtp
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    result: Mapped[str] = mapped_column(String(20))  # drafted | sent | failed
    detail: Mapped[str] = mapped_column(Text, default="")

    registration: Mapped[Registration] = relationship()


class MailTemplate(SyncedMixin, Base):
    """The coordinator's wording of one template (the built-in German text applies while there is none)."""

    __tablename__ = "mail_template"
    __table_args__ = (server_seq_index("mail_template"),)

    name: Mapped[str] = mapped_column(String(40))
    subject: Mapped[str] = mapped_column(Text, default="")
    body: Mapped[str] = mapped_column(Text, default="")


class PrivacyLog(SyncedMixin, Base):
    """What one anonymisation run or deletion did: counts, never names or addresses."""

    __tablename__ = "privacy_log"
    __table_args__ = (server_seq_index("privacy_log"),)

    action: Mapped[str] = mapped_column(String(20))  # anonymize | delete
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    months: Mapped[int | None] = mapped_column(Integer, default=None)  # the retention period applied
    cutoff: Mapped[datetime | None] = mapped_column(UTCDateTime, default=None)  # last event before this
    contacts: Mapped[int] = mapped_column(Integer, default=0)
    registrations: Mapped[int] = mapped_column(Integer, default=0)
    messages: Mapped[int] = mapped_column(Integer, default=0)


#: synced like the tables of ``store.models`` (in foreign-key order)
MAIL_SYNCED_MODELS: tuple[type[SyncedMixin], ...] = (RegistrationMessage, MailTemplate, PrivacyLog)
