"""The topic wishes and levels of a registration import ("Welche Themen wünschen Sie sich?", "Kenntnisstand").

Called by ``services.registration_import`` after the registrations are written, for every person of the file that
was not refused: each wish text becomes a ``TopicWish`` of the event (source ``form``) unless the person gave the
same text for this event before (importing a file again adds nothing), then the new wishes are grouped once
(``services.wishes.regroup``). A level fills an empty level of an existing registration (new registrations get it
with their insert). Everything written is returned for the import's undo record.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.names import fold_german
from odn_desktop.domain.plurals import plural
from odn_desktop.exchange.registration_import import ImportRow
from odn_desktop.store.models import Event, Registration
from odn_desktop.store.wish_models import TopicWish

from .import_undo import ChangedRow
from .wishes import add_wish, regroup


@dataclass(frozen=True)
class ImportedWishes:
    wish_ids: tuple[uuid.UUID, ...] = ()
    group_ids: tuple[uuid.UUID, ...] = ()
    levels: tuple[ChangedRow, ...] = ()

    def note(self) -> str | None:
        if not self.wish_ids:
            return None
        groups = plural(len(self.group_ids), "eine neue Gruppe", "{n} neue Gruppen") if self.group_ids else \
            "nur bestehende Gruppen"
        return f"Themenwünsche übernommen: {len(self.wish_ids)} (Seite „Themenwünsche“; dabei {groups})."


def write_wishes_and_levels(session: Session, event: Event, people: Iterable[ImportRow],
                            contact_ids: Mapping[str, uuid.UUID],
                            registrations: Mapping[uuid.UUID, Registration]) -> ImportedWishes:
    """``people``: the file's persons that were imported or left alone (not refused); ``contact_ids`` by e-mail key;
    ``registrations``: the event's registrations that existed before the import, by contact."""
    people = [p for p in people if p.email_key in contact_ids]
    known = {(w.contact_id, fold_german(w.text)) for w in session.scalars(
        select(TopicWish).where(TopicWish.event_id == event.id, TopicWish.deleted_at.is_(None)))}
    wish_ids = []
    for person in people:
        contact_id = contact_ids[person.email_key]
        for text in (person.wish, *person.more_wishes):
            key = (contact_id, fold_german(" ".join(text.split())))
            if not key[1] or key in known:
                continue
            known.add(key)
            wish_ids.append(add_wish(session, event.id, text=text, contact_id=contact_id, source="form",
                                     place=False).wish_id)
    groups = regroup(session, event.series_id).created_groups if wish_ids else frozenset()
    return ImportedWishes(tuple(wish_ids), tuple(sorted(groups)), _fill_levels(session, people, contact_ids,
                                                                              registrations))


def _fill_levels(session: Session, people: list[ImportRow], contact_ids: Mapping[str, uuid.UUID],
                 registrations: Mapping[uuid.UUID, Registration]) -> tuple[ChangedRow, ...]:
    pending = []
    for person in people:
        registration = registrations.get(contact_ids[person.email_key])
        if registration is None or not person.level or registration.level:
            continue
        pending.append((registration, registration.updated_at, registration.dirty, registration.server_seq))
        registration.level = person.level
    session.flush()
    return tuple(ChangedRow(reg.id, (("level", "", reg.level),), updated_at, dirty, reg.updated_at, seq)
                 for reg, updated_at, dirty, seq in pending)
