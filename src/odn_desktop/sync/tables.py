"""What is synced, and how values travel: every row as a dict of *stored* values.

The sync compares, stores (shadow, conflicts) and writes rows in the form the laptop's SQLite file holds them:
UUIDs as 32 hex digits, UTC times as ``YYYY-MM-DD HH:MM:SS.ffffff``, booleans as 0/1, numbers and text as they
are. One canonical form means two values are equal exactly when their stored forms are equal, on whichever
side they came from; rows from PostgreSQL are encoded into it (``encode_row``), and PostgreSQL's own input
syntax accepts it unchanged (COPY in text form with the session in UTC).

Merge rules per field that differ from "three-way, same field changed twice = conflict" are declared here:
``GROUPS`` (fields that only make sense together, the first leading: the e-mail and its normalised form, a
registration's status and the time it was cancelled), ``COUNTERS`` (merged as
max + 1, e.g. the calendar SEQUENCE), ``DERIVED`` (recomputed after a merge, never a conflict: waiting-list
places) and ``PERSONAL`` (what an erasure or anonymisation of a person decides against any concurrent edit, see
``erasure``).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Boolean, Integer, Table, Uuid

from odn_desktop.store.schema import SYNCED_MODELS
from odn_desktop.store.types import UTCDateTime

Stored = str | int | None
Row = dict[str, Stored]

#: columns that are bookkeeping of one side, never sent or compared
LOCAL_ONLY = ("dirty", "server_seq")
#: sent with the row, but never merged field by field (laptop clocks order nothing)
NOT_MERGED = frozenset({"id", "created_at", "updated_at"})
DELETED = "deleted_at"

GROUPS: dict[str, tuple[tuple[str, ...], ...]] = {
    "contact": (("email", "email_normalized"),),
    "registration": (("status", "cancelled_at"),),
}
COUNTERS: dict[str, frozenset[str]] = {"event": frozenset({"ics_sequence"})}
DERIVED: dict[str, frozenset[str]] = {"registration": frozenset({"waitlist_position"})}
#: the tables whose rows belong to a person that data protection erases or anonymises (``services.privacy``),
#: with the fields it empties there (``None``: every field of the row); with the tombstone they win over any
#: concurrent edit (``merge.merge_row``, ``erasure``)
PERSONAL: dict[str, frozenset[str] | None] = {
    "contact": None,
    "registration": frozenset({"notes", "source"}),
    "registration_message": frozenset({"detail"}),
    "topic_wish": frozenset({"text"}),
}

_DT_FORMAT = "%Y-%m-%d %H:%M:%S.%f"


def _enc_uuid(value: Any) -> Stored:
    if value is None:
        return None
    if isinstance(value, uuid.UUID):
        return value.hex
    return uuid.UUID(str(value)).hex


def _dec_uuid(value: Stored) -> Any:
    return None if value is None else uuid.UUID(hex=str(value))


def _enc_dt(value: Any) -> Stored:
    if value is None:
        return None
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return str(value.astimezone(UTC).strftime(_DT_FORMAT))


def _dec_dt(value: Stored) -> Any:
    return None if value is None else datetime.fromisoformat(str(value)).replace(tzinfo=UTC)


def _enc_bool(value: Any) -> Stored:
    return None if value is None else int(bool(value))


def _dec_bool(value: Stored) -> Any:
    return None if value is None else bool(value)


def _same(value: Any) -> Any:
    return value


@dataclass(frozen=True)
class FieldGroup:
    """Fields merged as one: the first decides (changed or not, conflict or not); the others take their values
    from the same side. A conflict is reported under the first name."""

    names: tuple[str, ...]
    counter: bool = False
    derived: bool = False
    personal: bool = False  # emptied by an erasure or anonymisation of the person (``PERSONAL``)

    @property
    def name(self) -> str:
        return self.names[0]


@dataclass(frozen=True)
class TableSpec:
    name: str
    table: Table
    columns: tuple[str, ...]  # every column except LOCAL_ONLY, "id" first
    kinds: dict[str, str]  # column -> uuid | datetime | bool | plain
    groups: tuple[FieldGroup, ...]  # merged fields, deleted_at last
    encoders: dict[str, Callable[[Any], Stored]]
    decoders: dict[str, Callable[[Stored], Any]]

    def encode_row(self, values: Any) -> Row:
        """A row from any database driver (a mapping or a Row with these column names) in stored form."""
        mapping = values if isinstance(values, dict) else values._mapping
        return {c: self.encoders[c](mapping[c]) for c in self.columns}

    def decode(self, column: str, value: Stored) -> Any:
        return self.decoders[column](value)

    @property
    def erasable(self) -> bool:
        """Whether the rows belong to a person that data protection erases or anonymises."""
        return self.name in PERSONAL

    def merge_fields(self) -> Iterable[str]:
        for group in self.groups:
            yield from group.names


def _kind(column: Any) -> str:
    if isinstance(column.type, Uuid):
        return "uuid"
    if isinstance(column.type, UTCDateTime):
        return "datetime"
    if isinstance(column.type, Boolean):
        return "bool"
    if isinstance(column.type, Integer):
        return "int"
    return "text"


_ENCODERS: dict[str, Callable[[Any], Stored]] = {"uuid": _enc_uuid, "datetime": _enc_dt, "bool": _enc_bool}
_DECODERS: dict[str, Callable[[Stored], Any]] = {"uuid": _dec_uuid, "datetime": _dec_dt, "bool": _dec_bool}


def _spec(table: Table) -> TableSpec:
    columns = ["id"] + [c.name for c in table.columns if c.name not in ("id", *LOCAL_ONLY)]
    kinds = {c.name: _kind(c) for c in table.columns}
    grouped = {name for group in GROUPS.get(table.name, ()) for name in group}
    personal = PERSONAL.get(table.name, frozenset())

    def is_personal(name: str) -> bool:
        return table.name in PERSONAL and (personal is None or name in personal)

    groups = [FieldGroup(g, personal=is_personal(g[0])) for g in GROUPS.get(table.name, ())]
    for name in columns:
        if name in NOT_MERGED or name in grouped or name == DELETED:
            continue
        groups.append(FieldGroup((name,), counter=name in COUNTERS.get(table.name, frozenset()),
                                 derived=name in DERIVED.get(table.name, frozenset()), personal=is_personal(name)))
    groups.append(FieldGroup((DELETED,)))
    return TableSpec(
        name=table.name,
        table=table,
        columns=tuple(columns),
        kinds={c: kinds[c] for c in columns},
        groups=tuple(groups),
        encoders={c: _ENCODERS.get(kinds[c], _same) for c in columns},
        decoders={c: _DECODERS.get(kinds[c], _same) for c in columns},
    )


#: in foreign-key order: a parent table always comes before the tables that refer to it
SPECS: tuple[TableSpec, ...] = tuple(_spec(model.__table__) for model in SYNCED_MODELS)  # type: ignore[attr-defined]
BY_NAME: dict[str, TableSpec] = {spec.name: spec for spec in SPECS}


def to_json_value(spec: TableSpec, column: str, value: Stored) -> Any:
    """A stored value for people and JSON output: UUIDs with dashes, times ISO 8601 in Berlin time."""
    from odn_desktop.domain.timezone import iso_berlin

    decoded = spec.decode(column, value)
    if isinstance(decoded, uuid.UUID):
        return str(decoded)
    if isinstance(decoded, datetime):
        return iso_berlin(decoded)
    return decoded
