"""After a pull: merge duplicates into their survivors and recompute seats where both sides changed an event.

These are local changes made on the coordinator's behalf (they go through the ORM, so the change marker is set
and the same sync pushes them):

* a contact that lost its e-mail to the server's contact (the same person, registered on two laptops): the
  survivor's empty fields are filled from it, its registrations move over, and where both were registered for
  the same event the two registrations become one (the better status, the earlier registration time, attendance
  from either);
* a registration that lost to the server's registration of the same person for the same event: folded the same
  way;
* seats and the waiting list of every event whose registrations, rounds or own row came from the server (or were
  folded): the one seat rule (``services.seat_allocation.apply_allocation``) over the merged facts. Seat holders
  of both sides keep their seats (a seat once given is kept); a pool that the merge leaves above its limit (seats
  given on one laptop while another lowered the capacity or gave the same seats) is reported as ``overbooked``;
  the waiting list follows the synced queue order, so both laptops agree on it whatever the order of syncs.
  Every change in who holds a seat is reported;
* registrations and messages of a person erased or anonymised on the other side that the merge did not meet (a
  note added to a registration the erasing side had no reason to change, a registration added meanwhile) are
  anonymised as well, and tombstoned after an Art. 17 deletion (``erasure.erase_leftovers``); the event's seats
  are recomputed, so a freed seat goes to the waiting list.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from odn_desktop.services.seat_allocation import OverLimitPool, apply_to_events
from odn_desktop.store.batches import in_batches
from odn_desktop.store.models import Contact, Event, EventSpeaker, Registration
from odn_desktop.store.wish_models import TopicWish

from .apply import PullOutcome
from .erasure import ErasureOverride, erase_leftovers, erase_wish_leftovers, erased_people, leftovers

REGISTERED, WAITING, CANCELLED = "registered", "waiting", "cancelled"
_RANK = {REGISTERED: 0, WAITING: 1, CANCELLED: 2}
_CONTACT_FIELDS = ("salutation", "academic_title", "first_name", "last_name", "organisation", "municipality",
                   "federal_state", "role", "experience_level", "notes")


@dataclass(frozen=True)
class SeatChange:
    """Someone whose seat changed through the merge: tell them."""

    event_id: uuid.UUID
    event_title: str
    registration_id: uuid.UUID
    name: str
    email: str
    before: str  # registered | waiting | cancelled | "" (the registration came into being by the merge)
    after: str
    waitlist_position: int | None

    def to_json(self) -> dict[str, Any]:
        return {"event_id": str(self.event_id), "event_title": self.event_title,
                "registration_id": str(self.registration_id), "name": self.name, "email": self.email,
                "before": self.before, "after": self.after, "waitlist_position": self.waitlist_position}

    def message(self) -> str:
        if self.after == REGISTERED:
            return f"{self.name} ({self.email}) hat jetzt einen Platz bei „{self.event_title}“."
        if self.after == WAITING:
            return (f"{self.name} ({self.email}) steht jetzt auf der Warteliste von „{self.event_title}“ "
                    f"(Platz {self.waitlist_position}).")
        return f"{self.name} ({self.email}): Anmeldung zu „{self.event_title}“ ist jetzt {self.after}."


@dataclass(frozen=True)
class MergedContact:
    kept: uuid.UUID
    removed: uuid.UUID
    email: str

    def to_json(self) -> dict[str, Any]:
        return {"kept": str(self.kept), "removed": str(self.removed), "email": self.email}


__all__ = ["MergedContact", "OverLimitPool", "ReconcileOutcome", "SeatChange", "reconcile"]


@dataclass
class ReconcileOutcome:
    merged_contacts: list[MergedContact]
    seat_changes: list[SeatChange]
    erased_over_edits: list[ErasureOverride] = field(default_factory=list)
    #: pools the merge left above their limit (kept seats, reported until cancellations resolve it)
    overbooked: list[OverLimitPool] = field(default_factory=list)


def _uuid(value: str) -> uuid.UUID:
    return uuid.UUID(hex=value)


def reconcile(session: Session, pull: PullOutcome) -> ReconcileOutcome:
    """Fold duplicates, erase leftovers, then apply the seat rule to every event the pull touched."""
    affected = {_uuid(e) for e in pull.both_sides | pull.touched_events}
    merged: list[MergedContact] = []
    contact_pairs = [(_uuid(lo), _uuid(w)) for t, lo, w in pull.duplicates if t == "contact"]
    registration_pairs = [(_uuid(lo), _uuid(w)) for t, lo, w in pull.duplicates if t == "registration"]
    link_pairs = [(lo, _uuid(w)) for t, lo, w in pull.duplicates if t == "event_speaker"]
    for loser_id, _winner in contact_pairs:
        affected.update(session.scalars(select(Registration.event_id).where(
            Registration.contact_id == loser_id, Registration.deleted_at.is_(None))))
    for _loser, winner_id in registration_pairs:
        reg = session.get(Registration, winner_id)
        if reg is not None:
            affected.add(reg.event_id)
    people = erased_people(session, [_uuid(c) for c in pull.erased_contacts])
    left_over = leftovers(session, people)
    affected.update(r.event_id for r in left_over if r.deleted_at is None and r.contact.deleted_at is not None)
    # the events in one query, held until the seat rule has run (it gets each of them; one by one they cost a
    # first pull 300 queries)
    events = [event for chunk in in_batches(sorted(affected, key=lambda e: e.hex))
              for event in session.scalars(select(Event).where(Event.id.in_(chunk)))]
    before = _seat_snapshot(session, affected)
    erased = erase_leftovers(session, left_over)
    erased += erase_wish_leftovers(session, people)

    for loser_id, winner_id in registration_pairs:
        winner, loser = session.get(Registration, winner_id), session.get(Registration, loser_id)
        if winner is not None and loser is not None:
            _fold_registration(winner, loser)
    for loser_id, winner_id in contact_pairs:
        contact = _merge_contact(session, loser_id, winner_id)
        if contact is not None:
            merged.append(MergedContact(kept=winner_id, removed=loser_id, email=contact.email))
    for loser_hex, winner_id in link_pairs:
        link = session.get(EventSpeaker, winner_id)
        dropped = pull.dropped_links.get(loser_hex)
        if link is None or not dropped:
            continue
        if dropped.get("deleted_at") is None and link.deleted_at is not None:
            link.deleted_at = None  # added here while removed there: the newer intent on this laptop stands
        if not link.topic and dropped.get("topic"):
            link.topic = str(dropped["topic"])
    session.flush()

    reports = apply_to_events(session, affected)
    session.flush()
    del events
    overbooked = [pool for report in reports for pool in report.over_limit]
    return ReconcileOutcome(merged, _seat_changes(session, affected, before), erased, overbooked)


def _merge_contact(session: Session, loser_id: uuid.UUID, winner_id: uuid.UUID) -> Contact | None:
    winner, loser = session.get(Contact, winner_id), session.get(Contact, loser_id)
    if winner is None or loser is None:
        return None
    for name in _CONTACT_FIELDS:
        if not getattr(winner, name) and getattr(loser, name):
            setattr(winner, name, getattr(loser, name))
    if loser.consent_contact and not winner.consent_contact:
        winner.consent_contact = True
        winner.consent_given_at = winner.consent_given_at or loser.consent_given_at
    theirs = {
        r.event_id: r for r in session.scalars(select(Registration).where(
            Registration.contact_id == winner_id, Registration.deleted_at.is_(None)))
    }
    for reg in session.scalars(select(Registration).where(
            Registration.contact_id == loser_id, Registration.deleted_at.is_(None))).all():
        other = theirs.get(reg.event_id)
        if other is None:
            reg.contact_id = winner_id
        else:
            _fold_registration(other, reg)
            session.flush()  # the tombstone first: the unique index covers live rows only
    for wish in session.scalars(select(TopicWish).where(TopicWish.contact_id == loser_id)).all():
        wish.contact_id = winner_id
    return winner


def _fold_registration(winner: Registration, loser: Registration) -> None:
    """Two registrations of one person for one event become one: the server's row survives."""
    from odn_desktop.domain.timezone import utcnow

    if loser.deleted_at is None:
        loser.deleted_at = utcnow()
    if _RANK.get(loser.status, 3) < _RANK.get(winner.status, 3):
        winner.status = loser.status
        winner.cancelled_at = loser.cancelled_at
    if winner.status != CANCELLED:
        winner.cancelled_at = None
    winner.registered_at = min(winner.registered_at, loser.registered_at)
    winner.late = winner.late and loser.late
    winner.attended = winner.attended or loser.attended
    if loser.attended_minutes is not None:
        winner.attended_minutes = max(winner.attended_minutes or 0, loser.attended_minutes)
    if winner.round_id is None and loser.round_id is not None:
        winner.round_id = loser.round_id
    if loser.notes and loser.notes not in winner.notes:
        winner.notes = f"{winner.notes}\n{loser.notes}".strip()


def _live_statuses(session: Session, event_ids: set[uuid.UUID]) -> dict[str, str]:
    """Who holds what in these events: live registration id (stored hex) -> status, with one Core query (a
    first pull touches every event: 100,000 ORM objects twice had cost seconds)."""
    session.flush()
    stored_id = type_coerce(Registration.id, String)  # the stored hex, no UUID object per row
    found: dict[str, str] = {}
    for chunk in in_batches(sorted(event_ids, key=lambda e: e.hex)):
        found.update((str(i), str(s)) for i, s in session.execute(
            select(stored_id, Registration.status)
            .where(Registration.event_id.in_(chunk), Registration.deleted_at.is_(None))))
    return found


def _seat_snapshot(session: Session, event_ids: set[uuid.UUID]) -> dict[str, str]:
    return _live_statuses(session, event_ids) if event_ids else {}


def _seat_changes(session: Session, event_ids: set[uuid.UUID], before: dict[str, str]) -> list[SeatChange]:
    if not event_ids:
        return []
    moved = [_uuid(i) for i, status in _live_statuses(session, event_ids).items()
             if before.get(i, "") != status and REGISTERED in (before.get(i, ""), status)]
    changes = []  # only who holds a seat matters here (waiting-list renumbering is no news)
    for chunk in in_batches(moved):
        for reg, title in session.execute(
                select(Registration, Event.title).join(Event, Event.id == Registration.event_id)
                .where(Registration.id.in_(chunk))):
            contact = reg.contact
            changes.append(SeatChange(
                event_id=reg.event_id, event_title=title, registration_id=reg.id,
                name=f"{contact.first_name} {contact.last_name}".strip(), email=contact.email,
                before=before.get(reg.id.hex, ""), after=reg.status, waitlist_position=reg.waitlist_position,
            ))
    changes.sort(key=lambda c: (c.event_title, c.after, c.name))
    return changes
