"""Registration files (web-form and survey exports) read into plain rows: column mapping, validation, duplicates.

Three steps, each on plain data, so the GUI can show every one of them before anything is written:

1. ``read_registration_table(data, sheet)`` – CSV or XLSX bytes to a ``Table`` (format sniffed from the bytes).
2. ``detect_mapping(table)`` – which column holds which field, from German and English header names and, where
   headers are ambiguous, from the values (survey tools such as Microsoft Forms add metadata columns: an
   "E-Mail" column reading "anonymous" next to the real "E-Mail-Adresse" question).
3. ``build_plan(table, mapping)`` – every row validated (German reasons, spreadsheet row numbers), duplicates
   (the same e-mail address, compared case- and whitespace-insensitively) merged into one person.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields, replace
from datetime import datetime
from functools import cached_property, lru_cache
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any, TypeVar

from email_validator import EmailNotValidError, validate_email
from email_validator.rfc_constants import DOT_ATOM_TEXT, DOT_ATOM_TEXT_INTL, EMAIL_MAX_LENGTH
from email_validator.syntax import validate_email_local_part

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.names import fold_german, normalize_email

from .cells import Cell, Table, cell_text, parse_cell_datetime, slash_order
from .csv_reading import read_csv_bytes
from .text_decoding import NOT_TEXT
from .xlsx_reading import is_old_excel, is_xlsx, read_xlsx_bytes

T = TypeVar("T")

#: The fields a column can be mapped to, with the German label the coordinator sees.
FIELD_LABELS: dict[str, str] = {
    "salutation": "Anrede",
    "academic_title": "Titel",
    "first_name": "Vorname",
    "last_name": "Nachname",
    "full_name": "Name (Vor- und Nachname)",
    "email": "E-Mail",
    "organisation": "Organisation",
    "municipality": "Kommune",
    "role": "Funktion",
    "federal_state": "Bundesland",
    "experience_level": "Erfahrung",
    "registered_at": "Anmeldedatum",
    "round": "Runde",
    "level": "Kenntnisstand (Einsteiger:innen / Fortgeschrittene)",
    "wish": "Themenwunsch",
}
IMPORT_FIELDS = tuple(FIELD_LABELS)
IGNORE_LABEL = "– nicht importieren –"

#: A field (or ``None`` = ignored) per column of the table, in column order.
ColumnMapping = tuple[str | None, ...]

# Header names, folded (see ``_header_words``), best first: position in the list breaks ties between columns.
_SYNONYMS: dict[str, tuple[str, ...]] = {
    "email": ("e mail adresse", "email adresse", "e mail address", "email address", "e mail", "email",
              "mailadresse", "emailadresse", "e mail anschrift", "mail"),
    "first_name": ("vorname", "vornamen", "first name", "firstname", "given name", "rufname"),
    "last_name": ("nachname", "familienname", "last name", "lastname", "surname", "family name", "zuname"),
    "full_name": ("vor und nachname", "vorname und nachname", "vorname nachname", "vollstaendiger name",
                  "full name", "ihr name", "teilnehmer", "teilnehmerin", "teilnehmer in", "name"),
    "salutation": ("anrede", "salutation", "geschlecht"),
    "academic_title": ("akademischer titel", "academic title", "titel", "title", "akademischer grad"),
    "organisation": ("organisation", "organization", "institution", "behoerde", "einrichtung", "dienststelle",
                     "arbeitgeber", "verwaltung", "company", "firma", "unternehmen", "organisation institution"),
    "municipality": ("kommune", "stadt gemeinde", "gemeinde", "stadt", "landkreis", "kreis",
                     "gebietskoerperschaft", "municipality", "city", "ort"),
    "role": ("funktion", "position", "rolle", "job title", "role", "taetigkeit", "aufgabe", "stelle"),
    "federal_state": ("bundesland", "federal state", "land", "state"),
    "experience_level": ("erfahrung", "vorkenntnisse", "erfahrungsstand", "wissensstand", "experience",
                         "erfahrungslevel"),
    "registered_at": ("anmeldedatum", "anmeldezeitpunkt", "anmeldung am", "angemeldet am", "eingang",
                      "eingegangen am", "fertigstellungszeit", "abschlusszeit", "completion time", "submitted at",
                      "submitted", "submission date", "registration date", "registered at", "zeitstempel",
                      "timestamp", "erstellt am", "created", "datum", "date", "startzeit", "start time"),
    "round": ("parallelrunde", "themenrunde", "runde", "breakout session", "breakout", "session", "workshop",
              "arbeitsgruppe", "thementisch", "round"),
    "level": ("einsteiger innen fortgeschrittene", "einsteiger fortgeschrittene", "einsteiger innen oder "
              "fortgeschrittene", "einsteiger oder fortgeschrittene", "kenntnisstand", "erfahrung mit open data",
              "ihr kenntnisstand", "level", "niveau"),
    "wish": ("themenwuensche", "themenwunsch", "welche themen wuenschen sie sich", "ihre themenvorschlaege",
             "themenvorschlaege", "themenvorschlag", "ihre themenwuensche", "wunschthemen", "wunschthema",
             "themen fuer kuenftige treffen", "welche themen", "topic suggestions", "topic wishes", "topics"),
}
_HEADER_PUNCTUATION = re.compile(r"[^0-9a-z]+")
_ANONYMOUS = frozenset({"anonymous", "anonym", "anonyme", "anonymer benutzer", "anonymous user", "n/a", "-", "–"})
_LOOKS_LIKE_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
_TITLES = frozenset({"dr.", "prof.", "dr.-ing.", "dipl.-ing.", "prof. dr.", "mag.", "dr. med.", "dr. rer. nat."})
_SALUTATIONS = frozenset({"frau", "herr", "mx.", "divers"})
_SAMPLE = 200
_NAME_FIELDS = frozenset({"first_name", "last_name", "full_name"})


# -- reading -----------------------------------------------------------------------------------------------


def read_registration_table(data: bytes, sheet: str | None = None) -> Table:
    """CSV or XLSX, decided by the bytes (not the file name); ``UserError`` for anything else."""
    if is_xlsx(data) or is_old_excel(data):
        return read_xlsx_bytes(data, sheet)
    if sheet is not None:
        raise UserError("Ein Tabellenblatt kann nur bei Excel-Dateien (.xlsx) gewählt werden.")
    if not data.strip():
        raise UserError("Die Datei ist leer.")
    try:
        return read_csv_bytes(data)
    except UserError as exc:
        if exc.message == NOT_TEXT:
            raise UserError(NOT_TEXT + " Erwartet wird eine CSV-Datei (Trennzeichen ; , oder Tab) oder "
                            "eine Excel-Arbeitsmappe (.xlsx).") from None
        raise


# -- mapping -----------------------------------------------------------------------------------------------


def _header_words(text: str) -> str:
    return " ".join(_HEADER_PUNCTUATION.sub(" ", fold_german(text)).split())


def header_signature(header: Sequence[str]) -> str:
    """A stable key for "files with the same header" (remembered mappings): folded names, hashed."""
    joined = "\x1f".join(_header_words(h) for h in header)
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


@dataclass(frozen=True, order=True)
class _HeaderMatch:
    exact: bool
    length: int  # the matched synonym's length: "name der organisation" is an organisation, not a name
    preference: int  # negative position in the synonym list


def _match(words: str, field_name: str) -> _HeaderMatch | None:
    best: _HeaderMatch | None = None
    padded = f" {words} "
    for position, synonym in enumerate(_SYNONYMS[field_name]):
        if words == synonym:
            found = _HeaderMatch(True, len(synonym), -position)
        elif len(synonym) >= 4 and f" {synonym} " in padded:
            found = _HeaderMatch(False, len(synonym), -position)
        else:
            continue
        if best is None or found > best:
            best = found
    return best


def _is_anonymous(text: str) -> bool:
    return text.casefold() in _ANONYMOUS


def _quality(field_name: str, values: list[Cell]) -> float:
    """How well a column's values fit the field (0..1); columns of placeholders score 0."""
    texts = [cell_text(v) for v in values]
    filled = [t for t in texts if t]
    if field_name in ("email", "first_name", "last_name", "full_name", "registered_at") and not filled:
        return 0.0
    if not filled:
        return 0.5
    if field_name == "email":
        return sum(bool(_LOOKS_LIKE_EMAIL.fullmatch(t)) for t in filled) / len(filled)
    if field_name in ("first_name", "last_name", "full_name"):
        return sum(not _is_anonymous(t) and "@" not in t for t in filled) / len(filled)
    if field_name == "registered_at":
        day_first = slash_day_first(values)
        return sum(_parses_as_date(v, day_first) for v in values if cell_text(v)) / len(filled)
    if field_name in ("academic_title", "salutation"):
        return sum(len(t) <= 20 for t in filled) / len(filled)  # not "Titel der Veranstaltung"
    if field_name == "level":  # "Erfahrung mit Open Data: keine" is the contact's experience, not a level
        return sum(level_value(t) in LEVELS for t in filled) / len(filled)
    return 1.0


def _parses_as_date(value: Cell, day_first: bool) -> bool:
    try:
        return parse_cell_datetime(value, day_first=day_first) is not None
    except ValueError:
        return False


def slash_day_first(values: Iterable[Cell]) -> bool:
    """The order of slash dates (``02/12/2021``) in one column, decided for the whole file, as the attendance
    import does: month-first as soon as any value proves it (second number above 12, or AM/PM, as survey tools
    with US settings write ``12/13/2021 14:03:11``), else day-first. German dotted dates are always day-first.
    """
    # only a cell with a slash can be one (a file of German dates: no pattern tried on each of its cells)
    return not any(slash_order((v,)) is False for v in values if isinstance(v, str) and "/" in v)


def detect_mapping(table: Table) -> ColumnMapping:
    """The most likely field of every column; each field goes to at most one column.

    Header names decide first; between columns whose headers fit the same field, the values decide (the column
    with e-mail addresses, not the one reading "anonymous"); then the more exact and specific header. A column
    of e-mail addresses under an unknown header is still found. Name columns are sorted out last: with both
    first and last name present a "Name" column is ignored; next to "Vorname" alone it is the last name.
    """
    columns = [[row[i] for row in table.rows[:_SAMPLE]] for i in range(len(table.header))]
    candidates: list[tuple[tuple[object, ...], int, str]] = []
    for col, name in enumerate(table.header):
        words = _header_words(name)
        if not words:
            continue
        for field_name in IMPORT_FIELDS:
            match = _match(words, field_name)
            if match is None:
                continue
            quality = _quality(field_name, columns[col])
            key = (quality >= 0.5, match.exact, match.length, match.preference, quality, -col)
            candidates.append((key, col, field_name))
    candidates.sort(reverse=True)
    mapping: list[str | None] = [None] * len(table.header)
    taken: set[str] = set()
    for _key, col, field_name in candidates:
        if mapping[col] is None and field_name not in taken:
            mapping[col] = field_name
            taken.add(field_name)
    if "email" not in taken:
        best = max(
            ((_quality("email", columns[c]), c) for c in range(len(mapping)) if mapping[c] is None),
            default=(0.0, -1),
        )
        if best[0] >= 0.8:
            mapping[best[1]] = "email"
    return _settle_names(tuple(mapping))


def _settle_names(mapping: ColumnMapping) -> ColumnMapping:
    fields = set(mapping)
    if "full_name" in fields and "first_name" in fields:
        target = None if "last_name" in fields else "last_name"
        return tuple(target if f == "full_name" else f for f in mapping)
    return mapping


def assign(mapping: ColumnMapping, column: int, field_name: str | None) -> ColumnMapping:
    """``mapping`` with ``column`` mapped to ``field_name``; a column that held that field before is freed."""
    if field_name is not None and field_name not in FIELD_LABELS:
        raise ValueError(f"unknown field {field_name!r}")
    return tuple(
        field_name if i == column else (None if f == field_name and field_name is not None else f)
        for i, f in enumerate(mapping)
    )


def mapping_errors(header: Sequence[str], mapping: ColumnMapping) -> tuple[str, ...]:
    """What keeps a mapping from being imported at all, in German (empty when it can be imported)."""
    errors = []
    if len(mapping) != len(header):
        return ("Die Zuordnung passt nicht zu den Spalten der Datei.",)
    seen: dict[str, list[int]] = {}
    for col, field_name in enumerate(mapping):
        if field_name is not None:
            seen.setdefault(field_name, []).append(col)
    for field_name, cols in seen.items():
        if len(cols) > 1:
            names = ", ".join(f"„{header[c]}“" for c in cols)
            errors.append(f"„{FIELD_LABELS[field_name]}“ ist mehreren Spalten zugeordnet ({names}).")
    if "email" not in seen:
        errors.append("Spalte für E-Mail nicht gefunden. Bitte ordnen Sie die Spalte mit den E-Mail-Adressen zu.")
    if not {"first_name", "last_name", "full_name"} & seen.keys():
        errors.append("Spalte für den Namen nicht gefunden. Bitte ordnen Sie Vorname und Nachname (oder Name) zu.")
    return tuple(errors)


# -- rows --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ImportRow:
    """One data row of the file, cleaned; ``problems`` (German) keep it from being imported."""

    row: int
    email: str = ""
    first_name: str = ""
    last_name: str = ""
    salutation: str = ""
    academic_title: str = ""
    organisation: str = ""
    municipality: str = ""
    role: str = ""
    federal_state: str = ""
    experience_level: str = ""
    registered_at: datetime | None = None
    round: str = ""
    #: Einsteiger:innen / Fortgeschrittene (``level_value``), stored on the registration
    level: str = ""
    #: the topic wish as written, and different wishes of merged duplicate rows of the same person
    wish: str = ""
    more_wishes: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    duplicate_of: int | None = None  # row number of the first row with the same e-mail address

    @property
    def ok(self) -> bool:
        return not self.problems

    @cached_property
    def email_key(self) -> str:
        """The address as duplicates are found: trimmed, case folded (computed once per row)."""
        return normalize_email(self.email)

    @property
    def reason(self) -> str:
        return "; ".join(self.problems)

    @property
    def message(self) -> str:
        """``Zeile 7: E-Mail-Adresse fehlt``."""
        return f"Zeile {self.row}: {self.reason}"

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)


#: Fields of ``ImportRow`` that are contact data (filled into empty fields of an existing contact).
CONTACT_FIELDS = ("first_name", "last_name", "salutation", "academic_title", "organisation", "municipality",
                  "role", "federal_state", "experience_level")


@dataclass(frozen=True)
class ImportPlan:
    """Everything the file would import, before anything is written."""

    header: tuple[str, ...]
    mapping: ColumnMapping
    rows: tuple[ImportRow, ...]  # every data row in file order
    people: tuple[ImportRow, ...]  # valid rows, duplicates merged into the first: one per e-mail address
    errors: tuple[str, ...] = ()  # file-level problems (e.g. no e-mail column): nothing can be imported
    description: str = ""
    sheet: str | None = None
    sheet_names: tuple[str, ...] = field(default=())

    @property
    def importable(self) -> bool:
        return not self.errors

    @property
    def rejected(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if r.problems)

    @property
    def duplicates(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if r.duplicate_of is not None)


_PLAIN_DOMAIN = re.compile(r"[A-Za-z0-9.-]+", re.ASCII)


@lru_cache(maxsize=4096)
def _is_plain_domain(domain: str) -> bool:
    """ASCII letters, digits, dots and hyphens, and no IDNA label (``xn--``)."""
    return bool(_PLAIN_DOMAIN.fullmatch(domain)) and "xn--" not in domain.lower()


def _valid_email(email: str) -> bool:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True


@lru_cache(maxsize=4096)
def _domain_forms(domain: str) -> tuple[str, str] | None:
    """A domain's normalized and ASCII forms as the library gives them, or ``None`` when no address there is
    valid (checked once per domain)."""
    try:
        valid = validate_email(f"a@{domain}", check_deliverability=False)
    except EmailNotValidError:
        return None
    return valid.domain, valid.ascii_domain


def _valid_domain(domain: str) -> bool:
    return _domain_forms(domain) is not None


def _valid_international_local(local: str, domain: str) -> bool:
    """``validate_email(f"{local}@{domain}")`` for an internationalized dot-atom before the "@" (``schäfer``) at a
    plain ASCII domain, with the domain's check taken from the cache (two thirds of the library's time): the
    library's own steps for such an address - the local part's check (again after NFC normalization), then the
    length of the address as given, normalized and with the ASCII domain, in UTF-8 bytes.
    ``tests/exchange/test_import_rows_by_column.py`` holds it against ``validate_email`` itself."""
    forms = _domain_forms(domain)
    if forms is None:
        return False
    try:
        info = validate_email_local_part(local)
        normalized = unicodedata.normalize("NFC", local)
        if normalized != local:
            info = validate_email_local_part(normalized)
    except EmailNotValidError:
        return False
    local_part = info["local_part"]
    return all(len(address.encode("utf-8")) <= EMAIL_MAX_LENGTH for address in (
        f"{local}@{domain}", f"{local_part}@{forms[0]}", f"{info['ascii_local_part'] or local_part}@{forms[1]}"))


def email_problem(email: str) -> str | None:
    """Syntax check with ``email_validator`` (no DNS, like ``services.contacts.check_email``); German reason.

    For the common address (a dot-atom before the "@", by the library's own patterns, and a plain ASCII domain)
    the domain is checked once per domain: 10,000 registrations from a few hundred town halls cost a few hundred
    domain checks, not 10,000. With a plain ASCII local part the library's verdict depends on the domain alone.
    """
    if not email:
        return "E-Mail-Adresse fehlt"
    local, at, domain = email.rpartition("@")
    plain_domain = at and _is_plain_domain(domain)
    if plain_domain and len(email) <= EMAIL_MAX_LENGTH and email.isascii() and DOT_ATOM_TEXT.match(local):
        valid = _valid_domain(domain)
    elif plain_domain and DOT_ATOM_TEXT_INTL.match(local):
        valid = _valid_international_local(local, domain)
    else:
        valid = _valid_email(email)
    return None if valid else f"E-Mail-Adresse „{email}“ ist ungültig"


def _clean_email(text: str) -> str:
    text = text.strip().strip("<>").strip()
    if text[:7].lower() == "mailto:":
        text = text[7:].strip()
    return "" if _is_anonymous(text) else text


def split_full_name(text: str) -> tuple[str, str, str, str]:
    """``Dr. Anna Maria Becker`` or ``Becker, Anna`` to (salutation, title, first name, last name)."""
    salutation = title = ""
    words = text.split()
    if words and words[0].casefold() in _SALUTATIONS:
        salutation, words = words[0], words[1:]
    while words and (words[0].casefold() in _TITLES or re.fullmatch(r"(?:Prof|Dr)\.(?:-\w+\.?)?", words[0])):
        title = f"{title} {words[0]}".strip()
        words = words[1:]
    rest = " ".join(words)
    if "," in rest:
        last, _, first = rest.partition(",")
        return salutation, title, first.strip(), last.strip()
    if len(words) == 1:
        return salutation, title, "", words[0]
    return salutation, title, " ".join(words[:-1]), words[-1] if words else ""


def _by_distinct_cell(cells: list[Cell], convert: Callable[[Cell], T]) -> list[T]:
    """``convert`` of each cell, made once per distinct cell (towns, roles, salutations repeat in every file).
    A column of mostly distinct cells (addresses) is converted cell by cell, and so are cells holding aware times:
    the same instant in two zones reads differently."""
    distinct = set(cells)
    if len(distinct) > len(cells) // 2 or any(isinstance(c, datetime) and c.tzinfo is not None for c in distinct):
        return list(map(convert, cells))  # mostly distinct (addresses): no gain in remembering
    converted = {c: convert(c) for c in distinct}
    return list(map(converted.__getitem__, cells))


def _texts(rows: Sequence[Sequence[Cell]], col: int) -> list[str]:
    """One column's cells as text (``cell_text``)."""
    return _by_distinct_cell(list(map(itemgetter(col), rows)), cell_text)


def _without_placeholders(texts: list[str]) -> list[str]:
    """Name cells reading "anonymous" (survey tools) as empty."""
    placeholders = {t for t in set(texts) if _is_anonymous(t)}
    return [("" if t in placeholders else t) for t in texts] if placeholders else texts


#: the fields of ``ImportRow`` in their order, and the cached ``email_key`` made with them
_ROW_FIELDS = tuple(f.name for f in fields(ImportRow))


def _rows(table: Table, columns: dict[str, int], day_first: bool) -> list[ImportRow]:
    """Every data row cleaned and checked, a column at a time (each check once per column, each distinct cell
    once): the e-mail address (``email_problem``), the name (placeholders removed, a "Name" column split into its
    parts where first or last name is missing), the registration time (``parse_cell_datetime``), the level
    (``level_value``); the municipality stands in for a missing organisation. A row's problems come in that
    order: e-mail, name, date. ``tests/exchange/test_import_rows_by_column.py`` holds these rows against the
    row-by-row reading this replaced."""
    data = table.rows
    count = len(data)
    texts = {name: _texts(data, col) for name, col in columns.items() if name != "registered_at"}
    for name_field in ("first_name", "last_name", "full_name"):
        if name_field in texts:
            texts[name_field] = _without_placeholders(texts[name_field])
    empty = [""] * count

    def column(name: str) -> list[str]:
        return texts.get(name, empty)

    if "email" in columns:  # no column at all: a file-level error, no row's problem
        emails = list(map(_clean_email, texts["email"]))
        email_problems: list[str | None] = list(map(email_problem, emails))
    else:
        emails, email_problems = empty, [None] * count
    salutations, titles = column("salutation"), column("academic_title")
    firsts, lasts = column("first_name"), column("last_name")
    full_names = texts.get("full_name")
    if full_names is not None:
        salutations, titles, firsts, lasts = list(salutations), list(titles), list(firsts), list(lasts)
        for i, full in enumerate(full_names):
            if full and not (firsts[i] and lasts[i]):
                salutation, title, first, last = split_full_name(full)
                salutations[i] = salutations[i] or salutation
                titles[i] = titles[i] or title
                firsts[i] = firsts[i] or first
                lasts[i] = lasts[i] or last
    name_checked = bool(columns.keys() & _NAME_FIELDS)
    times: list[datetime | None] = [None] * count
    date_problems: list[str | None] = [None] * count
    if "registered_at" in columns:
        parsed = _by_distinct_cell(list(map(itemgetter(columns["registered_at"]), data)),
                                   lambda cell: _parsed_time(cell, day_first))
        times = [time for time, _problem in parsed]
        date_problems = [problem for _time, problem in parsed]
    municipalities = column("municipality")
    organisations = [organisation or municipality
                     for organisation, municipality in zip(column("organisation"), municipalities, strict=True)]
    levels = list(map(level_value, column("level")))
    wishes = [wish.strip() for wish in column("wish")]
    problems: list[tuple[str, ...]] = [()] * count
    with_problems = {i for i, p in enumerate(email_problems) if p is not None}
    with_problems.update(i for i, p in enumerate(date_problems) if p is not None)
    if name_checked:
        with_problems.update(i for i, (first, last) in enumerate(zip(firsts, lasts, strict=True))
                             if not (first or last))
    for i in with_problems:
        problems[i] = tuple(p for p in (email_problems[i], "Name fehlt (Vor- oder Nachname)" if name_checked and not (
            firsts[i] or lasts[i]) else None, date_problems[i]) if p)
    # a frozen dataclass's own __init__ sets its 18 fields one by one through object.__setattr__: the same
    # instances, each made at once from its fields (``email_key`` included, the cached property's value)
    fields_of_rows = map(dict, map(zip, repeat((*_ROW_FIELDS, "email_key")), zip(
        table.row_numbers, emails, firsts, lasts, salutations, titles, organisations, municipalities,
        column("role"), column("federal_state"), column("experience_level"), times, column("round"), levels,
        wishes, repeat(()), problems, repeat(None), map(normalize_email, emails))))
    make, set_fields = object.__new__, object.__setattr__
    rows: list[ImportRow] = []
    append = rows.append
    for row_fields in fields_of_rows:
        row = make(ImportRow)
        set_fields(row, "__dict__", row_fields)
        append(row)
    return rows


def _parsed_time(cell: Cell, day_first: bool) -> tuple[datetime | None, str | None]:
    """A registration time cell read (``parse_cell_datetime``), or the German reason why it is no date."""
    try:
        return parse_cell_datetime(cell, day_first=day_first), None
    except ValueError:
        return None, f"Anmeldedatum „{cell_text(cell)}“ ist kein Datum (erwartet z. B. 01.12.2021 10:00)"


_LEVEL_WORDS = (("einsteig", "Einsteiger:innen"), ("anfaeng", "Einsteiger:innen"), ("neuling", "Einsteiger:innen"),
                ("fortgeschritt", "Fortgeschrittene"), ("expert", "Fortgeschrittene"), ("profi", "Fortgeschrittene"))
LEVEL_LENGTH = 40
LEVELS = ("Einsteiger:innen", "Fortgeschrittene")


@lru_cache(maxsize=1024)  # a file holds a few spellings of its levels, in every row
def level_value(text: str) -> str:
    """"Einsteiger:in", "Anfänger" → Einsteiger:innen; "fortgeschritten", "Expertin" → Fortgeschrittene; anything
    else as written (at most ``LEVEL_LENGTH`` characters, the column's width)."""
    folded = fold_german(text)
    for start, level in _LEVEL_WORDS:
        if folded.startswith(start):
            return level
    return " ".join(text.split())[:LEVEL_LENGTH]


def _merge(first: ImportRow, later: ImportRow) -> ImportRow:
    """The first registration's values win; a later one only fills what is empty."""
    filled: dict[str, Any] = {f: getattr(later, f) for f in (*CONTACT_FIELDS, "round", "level", "wish")
                              if not getattr(first, f) and getattr(later, f)}
    known = {fold_german(w) for w in (first.wish, *first.more_wishes) if w}
    if first.wish and later.wish and fold_german(later.wish) not in known:  # a second wish is kept, not dropped
        filled["more_wishes"] = (*first.more_wishes, later.wish)
    return replace(first, **filled) if filled else first


def _in_arrival_order(rows: list[ImportRow]) -> list[ImportRow]:
    """The order people arrived in: dated rows by time (then row number), the undated after them by row number
    (sort keys made in C, no Python call per row)."""
    dated = [r for r in rows if r.registered_at is not None]
    if len(dated) == len(rows):
        return sorted(rows, key=attrgetter("registered_at", "row"))
    return sorted(dated, key=attrgetter("registered_at", "row")) + sorted(
        (r for r in rows if r.registered_at is None), key=attrgetter("row"))


def build_plan(table: Table, mapping: ColumnMapping) -> ImportPlan:
    """Validate and clean every row under ``mapping``; duplicates of an address are merged into its first row.

    With a mapping that cannot be imported (``errors``) the rows are still read, for the preview, but nobody is
    in ``people``.

    "First" is the earliest registration time (rows without a time count after those with one, in file order):
    that row keeps its seat order and its values; later rows only fill empty fields. Slash dates are read in
    one order for the whole file (``slash_day_first``).
    """
    errors = mapping_errors(table.header, mapping)
    columns: dict[str, int] = {}
    if len(mapping) == len(table.header):
        for col, field_name in enumerate(mapping):
            if field_name is not None:
                columns.setdefault(field_name, col)  # mapped twice (an error): the preview shows the first
    # each distinct cell once: a file's dates repeat (a day alone, or the minute of a busy form)
    day_first = "registered_at" not in columns or slash_day_first(set(map(itemgetter(columns["registered_at"]),
                                                                           table.rows)))
    rows = _rows(table, columns, day_first)
    first_of: dict[str, ImportRow] = {}
    for row in _in_arrival_order([r for r in rows if not r.problems] if not errors else []):
        key = row.email_key
        if key in first_of:
            first_of[key] = _merge(first_of[key], row)
        else:
            first_of[key] = row
    primary_row = {key: r.row for key, r in first_of.items()}
    marked = [
        replace(r, duplicate_of=primary_row[r.email_key])
        if r.email_key in primary_row and primary_row[r.email_key] != r.row and r.ok else r
        for r in rows
    ]
    # each person entered at their first row in arrival order, and a merge keeps that row's time and number:
    # the people are in arrival order already
    people = tuple(first_of.values())
    return ImportPlan(header=table.header, mapping=mapping, rows=tuple(marked), people=people, errors=errors,
                      description=table.description, sheet=table.sheet, sheet_names=table.sheet_names)


def mapping_from_names(header: Sequence[str], names: Iterable[str | None]) -> ColumnMapping | None:
    """A remembered mapping (list of field names) checked against this header; ``None`` when it does not fit."""
    mapping = tuple(names)
    if len(mapping) != len(header) or any(m is not None and m not in FIELD_LABELS for m in mapping):
        return None
    return mapping
