"""The demo as it was in November 2021, for tests that look at it with a clock set before its December meeting.

The demo keeps the 2021 meetings as history (held, their tasks done) and adds a coming meeting relative to today.
Seen from November 2021, the December meeting was still ahead: open for registration, its tasks open, its access
link not yet sent, nobody had attended, and the coming meeting was not yet planned.
"""

from __future__ import annotations

from sqlalchemy import select

from odn_desktop.services.events import delete_event, list_event_rows, resolve_event, update_event
from odn_desktop.store.database import transaction
from odn_desktop.store.models import Registration
from odn_desktop.store.open import Database


def as_in_november_2021(db: Database) -> None:
    with transaction(db.sessions) as s:
        december = resolve_event(s, "2021-12-02")
        update_event(s, december.id, status="open")
        for task in december.tasks:
            task.done_at = None
        december.access_link_sent_at = None
        for reg in s.scalars(select(Registration).where(Registration.event_id == december.id)):
            reg.attended, reg.attended_minutes = False, None
        for row in list_event_rows(s):
            if row.starts_at > december.ends_at:
                delete_event(s, row.id)
