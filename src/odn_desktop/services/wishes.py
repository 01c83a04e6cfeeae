"""Topic wishes: what participants want to hear about next, grouped into topics the coordinator plans into a meeting.

A wish belongs to a person (by e-mail; empty for an anonymous survey answer) and to the meeting where it was given.
Each new wish is placed into a group of its series at once (``domain.wish_grouping``: the most similar group, or a
new one). The grouping is stored: a regrouping only places wishes that have no group yet, so what the coordinator
merged, split out or renamed stays as it is. A group is ``open``, ``planned`` for a meeting (as an agenda item
there, added through ``services.agenda``) or ``treated``.

Every change returns what its undo needs (``remove_wish``, ``unmerge_groups``, ``unsplit_wish``, ``rename_group``
with the old title, ``unplan_group``, ``restore_group_state``). Data protection empties (and for Art. 17 tombstones)
a person's wishes through ``anonymize_wishes`` (``services.privacy``, ``sync.erasure``).
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.wish_grouping import WishText, group_wishes
from odn_desktop.store.database import soft_delete
from odn_desktop.store.models import AgendaItem, Event
from odn_desktop.store.wish_models import TopicGroup, TopicWish

from .contacts import find_contact_by_email, get_contact
from .events import get_event

WISH_SOURCES = ("form", "survey", "manual")
GROUP_STATES = ("open", "planned", "treated")
PLAN_KINDS = ("discussion", "talk")
TITLE_LENGTH = 80
ANONYMISED_TITLE = "(Themenwunsch einer gelöschten oder anonymisierten Person)"


def group_title(text: str) -> str:
    """A new group's title from its first wish: whitespace collapsed, cut at a word after ``TITLE_LENGTH`` letters."""
    text = " ".join(text.split())
    if len(text) <= TITLE_LENGTH:
        return text
    cut = text[:TITLE_LENGTH].rsplit(" ", 1)[0] or text[:TITLE_LENGTH]
    return cut.rstrip(" ,;:.–-") + " …"


# -- lookup ------------------------------------------------------------------------------------------------


def get_wish(session: Session, wish_id: uuid.UUID) -> TopicWish:
    wish = session.get(TopicWish, wish_id)
    if wish is None or wish.deleted_at is not None:
        raise UserError("Diesen Themenwunsch gibt es nicht (mehr).")
    return wish


def get_group(session: Session, group_id: uuid.UUID) -> TopicGroup:
    group = session.get(TopicGroup, group_id)
    if group is None or group.deleted_at is not None:
        raise UserError("Diese Gruppe von Themenwünschen gibt es nicht (mehr).")
    return group


def find_wish(session: Session, ref: str) -> TopicWish:
    """``--wish ID``: a wish's id, or the first characters of it (at least 6) when they name exactly one wish."""
    text = ref.strip().lower()
    try:
        return get_wish(session, uuid.UUID(text))
    except ValueError:
        pass
    if len(text) < 6 or any(c not in "0123456789abcdef-" for c in text):
        raise UserError(f"„{ref}“ ist keine Kennung eines Themenwunschs (mindestens 6 Zeichen der Kennung).")
    live = session.scalars(select(TopicWish).where(TopicWish.deleted_at.is_(None))).all()
    found = [w for w in live if str(w.id).startswith(text)]
    if not found:
        raise UserError(f"Einen Themenwunsch mit der Kennung „{ref}“ gibt es nicht.")
    if len(found) > 1:
        raise UserError(f"„{ref}“ passt zu {len(found)} Themenwünschen; bitte mehr Zeichen der Kennung angeben.")
    return found[0]


def _live_group(session: Session, group_id: uuid.UUID | None) -> TopicGroup | None:
    group = session.get(TopicGroup, group_id) if group_id is not None else None
    return group if group is not None and group.deleted_at is None else None


def _series_wishes(session: Session, series_id: uuid.UUID | None) -> list[TopicWish]:
    """The live wishes given at the series' meetings (``None``: meetings without a series), oldest first."""
    series_filter = Event.series_id.is_(None) if series_id is None else Event.series_id == series_id
    return list(session.scalars(
        select(TopicWish).join(Event, TopicWish.event_id == Event.id)
        .where(TopicWish.deleted_at.is_(None), Event.deleted_at.is_(None), series_filter)
        .order_by(TopicWish.created_at, TopicWish.id)))


# -- adding and grouping -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AddedWish:
    """A new wish and the group it was placed in (``new_group``: opened for it)."""

    wish_id: uuid.UUID
    group_id: uuid.UUID | None
    new_group: bool


def add_wish(session: Session, event_id: uuid.UUID, *, text: str, email: str | None = None,
             contact_id: uuid.UUID | None = None, source: str = "manual", place: bool = True) -> AddedWish:
    """A wish given at ``event_id`` by the contact with ``email`` (or ``contact_id``; neither: anonymous).

    ``place=False`` leaves it without a group for a caller that adds many and calls ``regroup`` once (the import).
    Undo: ``remove_wish``.
    """
    event = get_event(session, event_id)
    text = " ".join(text.split())
    if not text:
        raise UserError("Bitte den Themenwunsch als Text angeben.")
    if source not in WISH_SOURCES:
        raise UserError(f"Unbekannte Herkunft eines Themenwunschs: „{source}“.")
    if email is not None and email.strip():
        contact = find_contact_by_email(session, email)
        if contact is None:
            raise UserError(f"Eine Person mit der E-Mail-Adresse {email.strip()} ist nicht bekannt. Bitte die Person "
                            "zuerst anmelden oder als Kontakt anlegen.")
        contact_id = contact.id
    elif contact_id is not None:
        get_contact(session, contact_id)
    wish = TopicWish(event_id=event.id, contact_id=contact_id, text=text, source=source, pinned=False)
    session.add(wish)
    session.flush()
    if not place:
        return AddedWish(wish.id, None, False)
    created = regroup(session, event.series_id).created_groups
    return AddedWish(wish.id, wish.group_id, wish.group_id in created)


def remove_wish(session: Session, wish_id: uuid.UUID) -> None:
    """Delete a wish (tombstone); a group left empty and still open goes with it. Undo of ``add_wish``."""
    wish = get_wish(session, wish_id)
    group = _live_group(session, wish.group_id)
    soft_delete(session, wish)
    session.flush()
    if group is not None and group.state == "open" and not _group_wishes(session, group.id):
        soft_delete(session, group)
        session.flush()


def _group_wishes(session: Session, group_id: uuid.UUID) -> list[TopicWish]:
    return list(session.scalars(select(TopicWish).where(TopicWish.group_id == group_id,
                                                        TopicWish.deleted_at.is_(None))
                                .order_by(TopicWish.created_at, TopicWish.id)))


@dataclass(frozen=True)
class Regrouping:
    """What a regrouping changed: each moved wish with its group before, and the groups it opened."""

    moved: tuple[tuple[uuid.UUID, uuid.UUID | None], ...]
    created_groups: frozenset[uuid.UUID]


def regroup(session: Session, series_id: uuid.UUID | None, *, rebuild: bool = False) -> Regrouping:
    """Place the series' wishes that have no (live) group into the most similar group, or into new groups.

    The stored grouping is kept. ``rebuild=True`` places every wish anew except those the coordinator placed by hand
    (pinned: merged or split out) and those of planned or treated groups; groups left empty are deleted.
    Undo: ``undo_regroup``.
    """
    wishes = _series_wishes(session, series_id)
    groups = {g.id: g for g in session.scalars(select(TopicGroup).where(
        TopicGroup.id.in_({w.group_id for w in wishes if w.group_id is not None}),
        TopicGroup.deleted_at.is_(None)))}
    inputs = []
    for wish in wishes:
        group = groups.get(wish.group_id) if wish.group_id is not None else None
        fixed = wish.pinned or (group is not None and group.state != "open")
        inputs.append(WishText(wish.id, wish.text, group.id if group is not None else None, fixed))
    placement = group_wishes(inputs, rebuild=rebuild)
    by_id = {w.id: w for w in wishes}
    opened: dict[object, TopicGroup] = _reused_groups(placement, by_id, groups)
    reused = {g.id for g in opened.values()}
    moved = []
    for wish_id, target in placement.items():
        wish = by_id[wish_id]  # type: ignore[index]
        if isinstance(target, uuid.UUID):
            group_id = target
        else:
            if target not in opened:
                opened[target] = TopicGroup(series_id=series_id, title=group_title(wish.text), state="open")
                session.add(opened[target])
                session.flush()
            group_id = opened[target].id
        if wish.group_id != group_id:
            moved.append((wish.id, wish.group_id))
            wish.group_id = group_id
    session.flush()
    if rebuild:
        for group in groups.values():
            if group.state == "open" and not _group_wishes(session, group.id):
                soft_delete(session, group)
        session.flush()
    return Regrouping(tuple(moved), frozenset(g.id for g in opened.values() if g.id not in reused))


def _reused_groups(placement: dict[object, object], wishes: dict[uuid.UUID, TopicWish],
                   groups: dict[uuid.UUID, TopicGroup]) -> dict[object, TopicGroup]:
    """For a rebuild: each new group takes over the open group most of its wishes were in before (if no wish stays
    there), so ids and titles survive a rebuild that finds the same groups."""
    kept = {target for target in placement.values() if isinstance(target, uuid.UUID)}
    origins: dict[object, list[uuid.UUID]] = {}
    for wish_id, target in placement.items():
        before = wishes[wish_id].group_id  # type: ignore[index]
        if not isinstance(target, uuid.UUID) and before in groups and before not in kept:
            origins.setdefault(target, []).append(before)
    reused: dict[object, TopicGroup] = {}
    for target in sorted(origins, key=lambda t: t.number):  # type: ignore[attr-defined]
        candidates = [g for g in origins[target] if g not in kept]
        if candidates:
            best = max(dict.fromkeys(candidates), key=candidates.count)  # most wishes; ties: seen first
            kept.add(best)
            reused[target] = groups[best]
    return reused


def undo_regroup(session: Session, regrouping: Regrouping) -> None:
    """Put the moved wishes back, delete the groups the regrouping opened, restore groups it emptied."""
    for wish_id, group_id in regrouping.moved:
        wish = session.get(TopicWish, wish_id)
        if wish is not None:
            wish.group_id = group_id
            group = session.get(TopicGroup, group_id) if group_id is not None else None
            if group is not None and group.deleted_at is not None:
                group.deleted_at = None
    for group_id in regrouping.created_groups:
        group = session.get(TopicGroup, group_id)
        if group is not None and group.deleted_at is None:
            soft_delete(session, group)
    session.flush()


# -- the coordinator's grouping ----------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupState:
    """A group's state fields, to put back on undo."""

    group_id: uuid.UUID
    title: str
    state: str
    planned_event_id: uuid.UUID | None
    agenda_item_id: uuid.UUID | None

    @classmethod
    def of(cls, group: TopicGroup) -> GroupState:
        return cls(group.id, group.title, group.state, group.planned_event_id, group.agenda_item_id)

    def apply(self, group: TopicGroup) -> None:
        group.title, group.state = self.title, self.state
        group.planned_event_id, group.agenda_item_id = self.planned_event_id, self.agenda_item_id


def restore_group_state(session: Session, state: GroupState) -> None:
    """Undo of ``rename_group`` and ``mark_treated``: the group's title, state and plan as they were."""
    state.apply(get_group(session, state.group_id))
    session.flush()


@dataclass(frozen=True)
class Merge:
    """``merge_groups``' result: the kept group as it was, the merged group, and each wish's group and pin before."""

    kept: GroupState
    merged_id: uuid.UUID
    wishes: tuple[tuple[uuid.UUID, uuid.UUID | None, bool], ...]


def merge_groups(session: Session, keep_id: uuid.UUID, merge_id: uuid.UUID) -> Merge:
    """All wishes of ``merge_id`` join ``keep_id`` (which keeps its title); ``merge_id`` is deleted. The wishes of
    both are pinned, so no regrouping takes them apart. A plan of the merged group passes to an open kept group."""
    if keep_id == merge_id:
        raise UserError("Bitte zwei verschiedene Gruppen zum Zusammenführen wählen.")
    keep, merge = get_group(session, keep_id), get_group(session, merge_id)
    if keep.state == "planned" and merge.state == "planned":
        raise UserError(f"„{keep.title}“ und „{merge.title}“ sind beide schon für ein Treffen eingeplant. Bitte eine "
                        "der beiden Planungen zuerst rückgängig machen.")
    kept = GroupState.of(keep)
    before = []
    for wish in [*_group_wishes(session, keep.id), *_group_wishes(session, merge.id)]:
        before.append((wish.id, wish.group_id, wish.pinned))
        wish.group_id, wish.pinned = keep.id, True
    if keep.state == "open" and merge.state != "open":
        GroupState(keep.id, keep.title, merge.state, merge.planned_event_id, merge.agenda_item_id).apply(keep)
    soft_delete(session, merge)
    session.flush()
    return Merge(kept, merge.id, tuple(before))


def unmerge_groups(session: Session, merge: Merge) -> None:
    """Undo of ``merge_groups``."""
    merged = session.get(TopicGroup, merge.merged_id)
    if merged is None:
        raise UserError("Die zusammengeführte Gruppe gibt es nicht mehr.")
    merged.deleted_at = None
    merge.kept.apply(get_group(session, merge.kept.group_id))
    for wish_id, group_id, pinned in merge.wishes:
        wish = session.get(TopicWish, wish_id)
        if wish is not None:
            wish.group_id, wish.pinned = group_id, pinned
    session.flush()


@dataclass(frozen=True)
class Split:
    """``split_wish``' result: the wish, its group and pin before, and the group opened for it."""

    wish_id: uuid.UUID
    old_group_id: uuid.UUID | None
    old_pinned: bool
    new_group_id: uuid.UUID
    rest_pinned: tuple[tuple[uuid.UUID, bool], ...] = ()


def split_wish(session: Session, wish_id: uuid.UUID, title: str | None = None) -> Split:
    """The wish leaves its group for a group of its own (titled by its text), pinned there; the wishes left behind
    are pinned as well (a rebuild does not put them together again)."""
    wish = get_wish(session, wish_id)
    old = _live_group(session, wish.group_id)
    if old is not None and [w.id for w in _group_wishes(session, old.id)] == [wish.id]:
        raise UserError("Dieser Wunsch ist schon allein in seiner Gruppe.")
    series_id = old.series_id if old is not None else wish.event.series_id
    group = TopicGroup(series_id=series_id, title=" ".join((title or "").split()) or group_title(wish.text),
                       state="open")
    session.add(group)
    session.flush()
    rest = [w for w in _group_wishes(session, old.id) if w.id != wish.id] if old is not None else []
    result = Split(wish.id, wish.group_id, wish.pinned, group.id, tuple((w.id, w.pinned) for w in rest))
    wish.group_id, wish.pinned = group.id, True
    for other in rest:  # the coordinator decided about the rest too: a rebuild keeps them together
        other.pinned = True
    session.flush()
    return result


def unsplit_wish(session: Session, split: Split) -> None:
    """Undo of ``split_wish``."""
    wish = get_wish(session, split.wish_id)
    wish.group_id, wish.pinned = split.old_group_id, split.old_pinned
    for other_id, pinned in split.rest_pinned:
        other = session.get(TopicWish, other_id)
        if other is not None:
            other.pinned = pinned
    group = session.get(TopicGroup, split.new_group_id)
    if group is not None and group.deleted_at is None:
        soft_delete(session, group)
    session.flush()


def rename_group(session: Session, group_id: uuid.UUID, title: str) -> GroupState:
    """A new title for the group; returns the state before (undo: ``restore_group_state``)."""
    title = " ".join(title.split())
    if not title:
        raise UserError("Bitte einen Titel für die Gruppe angeben.")
    group = get_group(session, group_id)
    before = GroupState.of(group)
    group.title = title
    session.flush()
    return before


# -- planning ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Plan:
    """``plan_group``' result: the group's state before and the agenda item added."""

    before: GroupState
    agenda_item_id: uuid.UUID


def plan_group(session: Session, group_id: uuid.UUID, event_id: uuid.UUID, *, kind: str = "discussion",
               duration_minutes: int = 30) -> Plan:
    """„Für Treffen einplanen“: an agenda item titled like the group at the end of the meeting's programme, linked to
    the group, which is then planned for that meeting. Undo: ``unplan_group``."""
    from .agenda import add_agenda_item

    group = get_group(session, group_id)
    event = get_event(session, event_id)
    if kind not in PLAN_KINDS:
        raise UserError(f"Ein Themenwunsch wird als Diskussion oder Vortrag eingeplant, nicht als „{kind}“.")
    if event.status in ("cancelled", "held"):
        raise UserError(f"„{event.title}“ ist {'abgesagt' if event.status == 'cancelled' else 'schon vorbei'}; "
                        "bitte ein kommendes Treffen wählen.")
    if group.series_id is not None and event.series_id != group.series_id:
        raise UserError(f"„{event.title}“ gehört nicht zur Reihe dieser Themenwünsche; bitte ein Treffen der Reihe "
                        "wählen.")
    if group.state == "planned" and _live_agenda_item(session, group.agenda_item_id) is not None:
        planned = session.get(Event, group.planned_event_id) if group.planned_event_id else None
        where = f"„{planned.title}“" if planned is not None else "ein Treffen"
        raise UserError(f"„{group.title}“ ist schon für {where} eingeplant.")
    before = GroupState.of(group)
    item = add_agenda_item(session, event.id, title=group.title, duration_minutes=duration_minutes, kind=kind,
                           notes="Aus den Themenwünschen")
    group.state, group.planned_event_id, group.agenda_item_id = "planned", event.id, item.id
    session.flush()
    return Plan(before, item.id)


def _live_agenda_item(session: Session, item_id: uuid.UUID | None) -> AgendaItem | None:
    item = session.get(AgendaItem, item_id) if item_id is not None else None
    return item if item is not None and item.deleted_at is None else None


def unplan_group(session: Session, plan: Plan) -> None:
    """Undo of ``plan_group``: the agenda item is removed from the programme, the group is as it was."""
    from .agenda import delete_agenda_item

    if _live_agenda_item(session, plan.agenda_item_id) is not None:
        delete_agenda_item(session, plan.agenda_item_id)
    restore_group_state(session, plan.before)


def mark_treated(session: Session, group_id: uuid.UUID) -> GroupState:
    """The topic was treated (at its planned meeting, or otherwise); undo: ``restore_group_state``."""
    group = get_group(session, group_id)
    before = GroupState.of(group)
    group.state = "treated"
    session.flush()
    return before



# -- data protection ---------------------------------------------------------------------------------------


def anonymize_wishes(session: Session, contact_ids: Collection[uuid.UUID], *, now: datetime | None = None) -> int:
    """The wishes of these people lose their text (retention, Art. 17, an erasure met by the sync); with ``now``
    they are tombstoned too (Art. 17). They stay counted in their groups unless deleted. A group titled after such
    a wish takes the title of its next wish with text; an open group left without wishes goes. Returns how many
    wishes were changed."""
    if not contact_ids:
        return 0
    wishes = list(session.scalars(select(TopicWish).where(TopicWish.contact_id.in_(list(contact_ids)))))
    changed = 0
    touched: dict[uuid.UUID, set[str]] = {}
    for wish in wishes:
        dirty = False
        if wish.text:
            if wish.group_id is not None:
                touched.setdefault(wish.group_id, set()).add(group_title(wish.text))
            wish.text, dirty = "", True
        if now is not None and wish.deleted_at is None:
            wish.deleted_at, dirty = now, True
        changed += dirty
    session.flush()
    for group_id, titles in touched.items():
        group = session.get(TopicGroup, group_id)
        if group is None or group.deleted_at is not None:
            continue
        rest = [w for w in _group_wishes(session, group.id) if w.text]
        if group.title in titles:
            group.title = group_title(rest[0].text) if rest else ANONYMISED_TITLE
        if not _group_wishes(session, group.id) and group.state == "open":
            soft_delete(session, group)
    session.flush()
    return changed
