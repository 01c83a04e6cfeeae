"""The three-way field merge of one row: the laptop's version, the server's version and the shadow (both sides'
common ancestor, the row as it was at the last sync). Pure functions over stored values; no database here.

Per field (or field group, see ``tables.GROUPS``):

* equal on both sides → that value;
* changed on one side only → that side's value;
* changed on both sides to different values → a conflict: the laptop keeps its value in the row until the
  coordinator chooses, and the server keeps its value (the push masks the field, see ``pushable``);
* no shadow (the row came into being on both sides independently, e.g. a restored backup) → every difference
  is a conflict, never a silent choice.

Deletion is a field too (``deleted_at``): a deletion on one side wins when the other side did not touch the row,
both deletions agree, and a deletion against an edit of the same row is a conflict ("gelöscht" vs "geändert")
that the coordinator decides. Waiting-list places merge without conflicts (recomputed after the merge), the
calendar SEQUENCE merges as ``max + 1`` when both sides raised it. Laptop clocks (``updated_at``) decide nothing.

Data protection comes first: when one side's version of a row is an erasure (Art. 17) or anonymisation
(retention) of the person it belongs to (``erased``, recognised by ``erasure.ErasureSides``), that side wins
without a conflict: its values of every personal field (``tables.PERSONAL``) and its tombstone stand whatever the
other side edited, a field both sides changed takes its value too, and only the other side's edits of other
fields (a registration's status, attendance) merge as usual. A deletion on the other side stays (a deleted
anonymous row harms nobody). The other side's edits that were dropped are listed (``overridden``) for the
coordinator's report. Ordinary deletions are not erasures: they still meet an edit as a conflict.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from .tables import DELETED, FieldGroup, Row, Stored, TableSpec

Side = Literal["local", "remote"]


@dataclass(frozen=True)
class FieldConflict:
    field: str  # the group's first field
    local: Stored
    remote: Stored
    base: Stored
    has_base: bool


@dataclass
class MergeOutcome:
    values: Row
    conflicts: list[FieldConflict] = field(default_factory=list)
    local_changes: bool = False  # the merged row differs from the server's: it must be pushed
    erased: Side | None = None  # the side whose erasure or anonymisation decided the row
    overridden: list[str] = field(default_factory=list)  # the other side's edits the erasure replaced

    @property
    def conflict_fields(self) -> set[str]:
        return {c.field for c in self.conflicts}


def _values(row: Row, group: FieldGroup) -> tuple[Stored, ...]:
    return tuple(row.get(name) for name in group.names)


def _edited(base: Row, row: Row, groups: Iterable[FieldGroup]) -> bool:
    """Whether ``row`` differs from ``base`` in a field a person edits (not derived data, not deletion)."""
    return any(
        row.get(g.name) != base.get(g.name)
        for g in groups
        if not (g.derived or g.counter or g.name == DELETED)
    )


def merge_row(spec: TableSpec, base: Row | None, local: Row, remote: Row, erased: Side | None = None,
              ) -> MergeOutcome:
    """Merge ``remote`` into ``local`` against ``base`` (the shadow); ``base=None`` means no common ancestor.
    ``erased``: that side's version erases or anonymises the person (see the module's docstring)."""
    values: Row = dict(remote)
    values["updated_at"] = local.get("updated_at", remote.get("updated_at"))
    outcome = MergeOutcome(values, erased=erased)
    for group in spec.groups:
        lv, rv = _values(local, group), _values(remote, group)
        # the group's first field leads: the others follow the side whose value it takes (equal: the server's)
        if lv[0] == rv[0]:
            continue
        bv = _values(base, group) if base is not None else None
        choice = _choose(spec, group, base, local, remote, lv, rv, bv)  # None = conflict
        if erased is not None:
            choice = _erasure_choice(group, erased, lv, rv, bv, choice, outcome)
        if choice is None:
            outcome.conflicts.append(
                FieldConflict(group.name, lv[0], rv[0], None if bv is None else bv[0], bv is not None)
            )
            choice = lv
        for name, value in zip(group.names, choice, strict=True):
            values[name] = value
    outcome.local_changes = any(values.get(c) != remote.get(c) for c in spec.merge_fields())
    if not outcome.local_changes:
        values["updated_at"] = remote.get("updated_at")
    return outcome


def _choose(
    spec: TableSpec,
    group: FieldGroup,
    base: Row | None,
    local: Row,
    remote: Row,
    lv: tuple[Stored, ...],
    rv: tuple[Stored, ...],
    bv: tuple[Stored, ...] | None,
) -> tuple[Stored, ...] | None:
    """The ordinary three-way choice for one group whose two sides differ; ``None`` = a conflict."""
    b0 = None if bv is None else bv[0]
    if group.derived:
        return lv if (bv is not None and rv[0] == b0) else rv
    if group.counter:
        if bv is not None and rv[0] == b0:
            return lv
        if bv is not None and lv[0] == b0:
            return rv
        return (max(int(lv[0] or 0), int(rv[0] or 0)) + (1 if bv is not None else 0),)
    if group.name == DELETED:
        return _merge_deletion(spec, base, local, remote, lv, rv, bv)
    if bv is None:
        return None
    if lv[0] == b0:
        return rv
    if rv[0] == b0:
        return lv
    return None


def _erasure_choice(
    group: FieldGroup,
    erased: Side,
    lv: tuple[Stored, ...],
    rv: tuple[Stored, ...],
    bv: tuple[Stored, ...] | None,
    choice: tuple[Stored, ...] | None,
    outcome: MergeOutcome,
) -> tuple[Stored, ...]:
    """The erasing side's value of a personal field, of the tombstone and of any field both sides changed."""
    wins, other = (lv, rv) if erased == "local" else (rv, lv)
    if group.name == DELETED:
        final = wins if wins[0] is not None or other[0] is None else other
    elif group.personal or choice is None:
        final = wins
    else:
        final = choice
    edited = bv is None or other[0] != bv[0]
    if final[0] != other[0] and edited and not (group.derived or group.counter):
        outcome.overridden.append(group.name)
    return final


def _merge_deletion(
    spec: TableSpec,
    base: Row | None,
    local: Row,
    remote: Row,
    lv: tuple[Stored, ...],
    rv: tuple[Stored, ...],
    bv: tuple[Stored, ...] | None,
) -> tuple[Stored, ...] | None:
    local_deleted, remote_deleted = lv[0] is not None, rv[0] is not None
    if local_deleted and remote_deleted:
        return rv  # both deleted it: the server's time stands
    if base is None or bv is None:
        return None
    base_deleted = bv[0] is not None
    if local_deleted != base_deleted:  # the laptop deleted (or restored) it
        return None if _edited(base, remote, spec.groups) else lv
    if remote_deleted != base_deleted:  # the server side deleted (or restored) it
        return None if _edited(base, local, spec.groups) else rv
    return rv  # both deleted, or both alive with different stamps: nothing to decide


def pushable(spec: TableSpec, local: Row, shadow: Row | None, conflict_fields: set[str]) -> Row:
    """What the server may get of a local row: its values, except fields in open conflict keep the server's."""
    if not conflict_fields or shadow is None:
        return local
    values = dict(local)
    for group in spec.groups:
        if group.name in conflict_fields:
            for name in group.names:
                values[name] = shadow.get(name)
    return values


def differs(spec: TableSpec, row: Row, shadow: Row | None) -> bool:
    """Whether ``row`` carries anything the server does not have yet (``updated_at`` alone is no change)."""
    if shadow is None:
        return True
    return any(row.get(c) != shadow.get(c) for c in spec.merge_fields()) or row.get("created_at") != shadow.get(
        "created_at"
    )
