"""Conflicts: the same field changed on both sides. Kept (both values) until the coordinator chooses.

While a conflict is open the laptop's row keeps the laptop's value and stays marked as changed, and pushes
carry the server's value for that field (``merge.pushable``), so neither side's value is lost or silently
replaced. ``resolve(keep="local")`` lets the next sync send the laptop's value; ``keep="remote"`` writes the
server's value (taken from the shadow, which always holds the server's newest version of the row) into the row.
A conflict whose two values became equal in a later sync closes by itself (resolution ``converged``), one on a
row whose person was erased or anonymised on one side closes in favour of the erasure (resolution ``erased``,
see ``erasure``).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from odn_desktop.domain.errors import UserError

from .local import LocalTransaction
from .merge import FieldConflict, differs
from .tables import BY_NAME, DELETED, Stored, TableSpec, to_json_value

TABLE_LABELS = {
    "series": "Reihe", "event": "Veranstaltung", "round": "Runde", "speaker": "Referent:in",
    "event_speaker": "Referent:in einer Veranstaltung", "agenda_item": "Programmpunkt", "contact": "Kontakt",
    "registration": "Anmeldung", "task": "Aufgabe", "topic_group": "Themengruppe", "topic_wish": "Themenwunsch",
}
FIELD_LABELS = {
    "title": "Titel", "description": "Beschreibung", "starts_at": "Beginn", "ends_at": "Ende", "format": "Format",
    "venue": "Ort", "online_url": "Zugangslink", "capacity": "Plätze", "overbooking_percent": "Überbuchung",
    "registration_deadline": "Anmeldeschluss", "status": "Status", "hosts": "Gastgeber", "email": "E-Mail",
    "first_name": "Vorname", "last_name": "Nachname", "organisation": "Organisation", "municipality": "Kommune",
    "role": "Funktion", "notes": "Notizen", "position": "Reihenfolge", "duration_minutes": "Dauer (Minuten)",
    "attended": "Teilgenommen", "attended_minutes": "Anwesenheit (Minuten)", "deleted_at": "Gelöscht",
    "topic": "Thema", "due_at": "Fällig am", "done_at": "Erledigt am", "bio": "Kurzbiografie", "phone": "Telefon",
    "salutation": "Anrede", "academic_title": "Titel (akad.)", "federal_state": "Bundesland",
    "experience_level": "Erfahrung", "round_id": "Runde", "cancelled_at": "Storniert am", "late": "Verspätet",
    "text": "Text", "group_id": "Gruppe", "state": "Stand", "planned_event_id": "Eingeplant für",
}


@dataclass(frozen=True)
class Conflict:
    conflict_id: int
    table: str
    row_id: uuid.UUID
    field: str
    local: Any  # JSON-friendly (UUIDs as text, times ISO 8601 in Berlin time)
    remote: Any
    row_label: str = ""

    @property
    def field_label(self) -> str:
        return FIELD_LABELS.get(self.field, self.field)

    @property
    def table_label(self) -> str:
        return TABLE_LABELS.get(self.table, self.table)

    def to_json(self) -> dict[str, Any]:
        return {"conflict_id": self.conflict_id, "table": self.table, "row_id": str(self.row_id),
                "field": self.field, "local": self.local, "remote": self.remote}


def _dump(value: Stored) -> str:
    return json.dumps(value, ensure_ascii=False)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def open_fields(txn: LocalTransaction, spec: TableSpec, ids: Collection[str] | None = None,
                ) -> dict[str, dict[str, int]]:
    """Open conflicts per row id (stored form): {row_id: {field: conflict_id}}."""
    result: dict[str, dict[str, int]] = {}
    query = "SELECT id, row_id, field FROM sync_conflict WHERE resolved_at IS NULL AND table_name = ?"
    for cid, row_id, field in txn.raw.execute(query, (spec.name,)):
        if ids is None or row_id in ids:
            result.setdefault(row_id, {})[field] = int(cid)
    return result


def has_open(txn: LocalTransaction) -> bool:
    return txn.raw.execute("SELECT 1 FROM sync_conflict WHERE resolved_at IS NULL LIMIT 1").fetchone() is not None


def record(txn: LocalTransaction, spec: TableSpec, row_id: str, conflict: FieldConflict, seq: int,
           existing: int | None) -> None:
    """A new conflict, or the newer server value for one that is still open."""
    if existing is not None:
        txn.raw.execute(
            "UPDATE sync_conflict SET local_value = ?, remote_value = ?, remote_seq = ?, detected_at = ? WHERE id = ?",
            (_dump(conflict.local), _dump(conflict.remote), seq, _now(), existing),
        )
        return
    txn.raw.execute(
        "INSERT INTO sync_conflict (table_name, row_id, field, local_value, remote_value, base_value, remote_seq, "
        "detected_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (spec.name, row_id, conflict.field, _dump(conflict.local), _dump(conflict.remote),
         _dump(conflict.base) if conflict.has_base else None, seq, _now()),
    )


def close(txn: LocalTransaction, conflict_ids: list[int], resolution: str) -> None:
    txn.raw.executemany("UPDATE sync_conflict SET resolved_at = ?, resolution = ? WHERE id = ?",
                        [(_now(), resolution, cid) for cid in conflict_ids])


def list_open(txn: LocalTransaction) -> list[Conflict]:
    rows = txn.raw.execute(
        "SELECT id, table_name, row_id, field, remote_value FROM sync_conflict WHERE resolved_at IS NULL ORDER BY id"
    ).fetchall()
    conflicts = []
    for cid, table, row_id, field, remote in rows:
        spec = BY_NAME[table]
        current = txn.raw.execute(f"SELECT {field} FROM {table} WHERE id = ?", (row_id,)).fetchone()
        local = None if current is None else current[0]
        conflicts.append(Conflict(
            conflict_id=int(cid), table=table, row_id=uuid.UUID(hex=row_id), field=field,
            local=to_json_value(spec, field, local), remote=to_json_value(spec, field, json.loads(remote)),
            row_label=describe_row(txn, table, row_id),
        ))
    return conflicts


def resolve(txn: LocalTransaction, conflict_id: int, keep: str) -> Conflict:
    """Decide one open conflict: keep the laptop's value ("local") or take the server's ("remote")."""
    if keep not in ("local", "remote"):
        raise UserError("Bitte wählen Sie --keep local (eigene Fassung) oder --keep remote (Fassung des Servers).")
    found = next((c for c in list_open(txn) if c.conflict_id == conflict_id), None)
    if found is None:
        known = txn.raw.execute("SELECT resolution FROM sync_conflict WHERE id = ?", (conflict_id,)).fetchone()
        if known is None:
            raise UserError(f"Einen Konflikt mit der Nummer {conflict_id} gibt es nicht.")
        raise UserError(f"Der Konflikt {conflict_id} ist bereits gelöst.")
    spec = BY_NAME[found.table]
    row_id = found.row_id.hex
    if keep == "remote":
        shadow = txn.shadows(spec, [row_id]).get(row_id)
        if shadow is None:  # pragma: no cover - a conflict always comes with a shadow
            raise UserError("Die Fassung des Servers ist nicht mehr bekannt; bitte erneut synchronisieren.")
        group = next(g for g in spec.groups if g.name == found.field)
        assignments = ", ".join(f"{name} = ?" for name in group.names)
        try:
            txn.raw.execute(f"UPDATE {spec.name} SET {assignments} WHERE id = ?",
                            (*(shadow.get(n) for n in group.names), row_id))
        except Exception as exc:
            raise UserError(
                f"Die Fassung des Servers lässt sich nicht übernehmen ({exc}). Bitte passen Sie zuerst den anderen "
                "Datensatz an, der denselben Wert hat."
            ) from exc
    close(txn, [conflict_id], keep)
    settle_row(txn, spec, row_id)
    return found


def settle_row(txn: LocalTransaction, spec: TableSpec, row_id: str) -> None:
    """A row without open conflicts and without differences to the server needs no push any more."""
    if row_id in open_fields(txn, spec, {row_id}):
        return
    current = txn.rows_by_id(spec, [row_id]).get(row_id)
    shadow = txn.shadows(spec, [row_id]).get(row_id)
    if current is not None and not differs(spec, current.values, shadow):
        txn.raw.execute(f"UPDATE {spec.name} SET dirty = 0 WHERE id = ?", (row_id,))
    else:
        txn.raw.execute(f"UPDATE {spec.name} SET dirty = 1, updated_at = ? WHERE id = ?", (_now(), row_id))


def describe_row(txn: LocalTransaction, table: str, row_id: str) -> str:
    """A few words that let the coordinator recognise the row ("Kontakt Anna Becker <anna@…>")."""
    one = txn.raw.execute
    label = TABLE_LABELS.get(table, table)
    try:
        if table == "contact":
            r = one("SELECT first_name, last_name, email FROM contact WHERE id = ?", (row_id,)).fetchone()
            return f"{label} {_words(r[0], r[1])} <{r[2]}>"
        if table == "registration":
            r = one("SELECT c.first_name, c.last_name, e.title FROM registration g JOIN contact c ON c.id = "
                    "g.contact_id JOIN event e ON e.id = g.event_id WHERE g.id = ?", (row_id,)).fetchone()
            return f"{label} {_words(r[0], r[1])} – {r[2]}"
        if table in ("event", "series", "round", "task", "agenda_item"):
            r = one(f"SELECT title FROM {table} WHERE id = ?", (row_id,)).fetchone()
            return f"{label} „{r[0]}“"
        if table == "speaker":
            r = one("SELECT first_name, last_name FROM speaker WHERE id = ?", (row_id,)).fetchone()
            return f"{label} {_words(r[0], r[1])}"
    except TypeError:  # the row is gone (cannot happen for synced rows, which are never deleted)
        pass
    return f"{label} {row_id[:8]}"


def _words(*parts: str | None) -> str:
    """A name's parts with one space between them: a person known by the last name only has no gap before it."""
    return " ".join(part for part in parts if part)


def deleted_label(value: Any) -> str:
    return "gelöscht" if value else "vorhanden"


__all__ = ["DELETED", "Conflict", "close", "deleted_label", "describe_row", "list_open", "open_fields", "record",
           "resolve", "settle_row"]
