"""Many rows at once: long id lists in ``IN (...)`` queries, one batch at a time (SQLite limits how many
parameters one statement binds, and 500 per statement is as fast as any larger batch), and bulk inserts of
rows given column by column (``insert_columns``)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import repeat
from typing import Any, TypeVar

from sqlalchemy import Connection, Table, Uuid
from sqlalchemy.engine import Dialect

from .stored_values import utc_texts
from .types import UTCDateTime

T = TypeVar("T")

IN_BATCH = 500


def in_batches(items: Sequence[T], size: int = IN_BATCH) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


@dataclass(frozen=True)
class Same:
    """A column value that is the same in every row of a bulk insert (converted once, not once per row)."""

    value: Any


#: one column of a bulk insert: a value per row, or one value for all
ColumnValues = Sequence[Any] | Same


def _uuid_texts(values: Sequence[Any]) -> list[str | None]:
    """``Uuid`` values as SQLite stores them (32 hex digits), as the type's own bind processor makes them."""
    return [None if value is None else value.hex for value in values]


def _column_converter(table: Table, name: str, dialect: Dialect) -> Callable[[Sequence[Any]], list[Any]] | None:
    """How a column's Python values become what the driver binds; ``None``: as they are."""
    column_type = table.c[name].type
    if isinstance(column_type, UTCDateTime) and dialect.name == "sqlite":
        return utc_texts
    if isinstance(column_type, Uuid) and column_type.as_uuid and dialect.name == "sqlite":
        return _uuid_texts
    process = column_type.dialect_impl(dialect).bind_processor(dialect)
    if process is None:
        return None

    def by_distinct_value(values: Sequence[Any]) -> list[Any]:
        """Each distinct value converted once (flags, statuses, levels repeat in every row)."""
        try:
            distinct = dict.fromkeys(values)
        except TypeError:  # unhashable values: one by one
            return [process(v) for v in values]
        for value in distinct:
            distinct[value] = process(value)
        return [distinct[v] for v in values]

    return by_distinct_value


def _sql_literal(value: Any) -> str | None:
    """A store value as an SQLite literal, for a value the same in every row; ``None`` when it must be bound.

    Text in single quotes with each quote doubled (SQLite knows no other escape), whole numbers as digits."""
    if value is None:
        return "NULL"
    if type(value) is int:
        return str(value)
    if type(value) is str and "\x00" not in value:
        return "'" + value.replace("'", "''") + "'"
    return None


def insert_columns(connection: Connection, table: Table, columns: Mapping[str, ColumnValues], count: int) -> None:
    """``INSERT`` ``count`` rows given column by column, with one ``executemany``; each row is stored exactly as
    SQLAlchemy's Core ``insert`` stores it (``tests/store/test_batches.py`` compares the raw rows).

    Columns left out get their Python-side defaults, as Core gives them (a callable default once per row).
    The driver gets the values in the store's own format, converted a column at a time: no per-row parameter
    handling, which costs an import of 10,000 rows more than SQLite's insert itself. A value the same in every
    row is written into the statement once (a column that is NULL in every row and has no server default is
    left out: SQLite stores NULL either way), not bound 10,000 times."""
    if count == 0:
        return
    dialect = connection.dialect
    if dialect.paramstyle != "qmark":
        raise ValueError(f"insert_columns writes SQLite statements, not {dialect.name}'s")
    per_row: dict[str, Sequence[Any]] = {}
    same: dict[str, Any] = {}
    for name, values in columns.items():
        convert = _column_converter(table, name, dialect)
        if isinstance(values, Same):
            same[name] = values.value if convert is None else convert([values.value])[0]
            continue
        if len(values) != count:
            raise ValueError(f"column {name!r} has {len(values)} values for {count} rows")
        per_row[name] = values if convert is None else convert(values)
    for column in table.columns:
        if column.key in per_row or column.key in same:
            continue
        default = column.default
        convert = _column_converter(table, column.key, dialect)
        if default is not None and default.is_callable:
            make = getattr(default, "arg")  # noqa: B009 - typed loosely in SQLAlchemy; takes a context argument
            made = [make(None) for _ in range(count)]
            per_row[column.key] = made if convert is None else convert(made)
            continue
        value = getattr(default, "arg", None) if default is not None and default.is_scalar else None
        same[column.key] = value if convert is None or value is None else convert([value])[0]
    quote = dialect.identifier_preparer.quote
    names: list[str] = []
    slots: list[str] = []
    bound: list[Iterable[Any]] = []
    for column in table.columns:
        key = column.key
        if key in per_row:
            names.append(quote(column.name))
            slots.append("?")
            bound.append(per_row[key])
        elif key in same:
            value = same[key]
            if value is None and column.server_default is None:
                continue  # NULL, as SQLite stores a column the statement leaves out
            literal = _sql_literal(value)
            names.append(quote(column.name))
            slots.append("?" if literal is None else literal)
            if literal is None:
                bound.append(repeat(value, count))
    statement = (f"INSERT INTO {dialect.identifier_preparer.format_table(table)} ({', '.join(names)}) "
                 f"VALUES ({', '.join(slots)})")
    params = list(zip(*bound, strict=False)) if bound else [()] * count  # the lengths were checked above
    connection.exec_driver_sql(statement, params)
