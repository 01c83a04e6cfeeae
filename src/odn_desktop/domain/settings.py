"""Everything the program remembers between runs, declared once: a typed option per key, with its default, and a
settings version with ordered upgrade steps.

The model is MusicBrainz Picard's options (``picard/config.py``): an option names its section and name, its type
and its default, and reading it converts what is stored; what cannot be read as the option's type (a hand-edited
file, a value a newer or older program wrote) gives the default, never an exception. The values live in a
*backend* that is anything with ``value(key, default)``, ``setValue(key, value)``, ``remove(key)`` and
``contains(key)``: in the window a ``QSettings`` (``ui.infra.settings.app_settings``), in tests a ``dict``
(``DictBackend``). No Qt here: the CLI and the tests read the same options.

What a backend gives back differs: QSettings' INI file (Linux, the self-test) returns every scalar as a string
("true", "5", "2.5"), a one-element list as that string and an empty list as ``None``; the Windows registry
returns numbers as numbers and lists as lists. Each option type reads all of these. Window geometry is stored
as base64 text (a Python ``bytes`` would be pickled into the INI file by PySide6), a list of strings as a list.

``Settings.upgrade()`` runs once at start-up (``ui.shell.app``): the steps after the stored ``settings/version``,
in order, each followed by writing its version. Step 1 moves the keys to one naming scheme (lower-case sections
that differ from the old ones case-insensitively too, because the registry ignores case) and converts on the way
(the participant list's comma-joined columns into a list, the geometry into base64 text). The "true"/"false"
text the send dialog wrote for STARTTLS needs no step: an INI file gives every boolean back as that text, so
``BoolOption`` reads it anyway. A key no option declares is never touched.
"""

from __future__ import annotations

import base64
import binascii
import logging
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar, Generic, Protocol, TypeVar

log = logging.getLogger(__name__)

T = TypeVar("T")


class SettingsBackend(Protocol):
    """What ``Settings`` needs of a store (``QSettings`` has it)."""

    def value(self, key: str, default: Any = None, /) -> Any: ...

    def setValue(self, key: str, value: Any, /) -> None: ...

    def remove(self, key: str, /) -> None: ...

    def contains(self, key: str, /) -> bool: ...


class DictBackend:
    """A backend in memory (tests, and a CLI run without Qt); it keeps values as given, as the registry does."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.values: dict[str, Any] = dict(values or {})

    def value(self, key: str, default: Any = None, /) -> Any:
        return self.values.get(key, default)

    def setValue(self, key: str, value: Any, /) -> None:
        self.values[key] = value

    def remove(self, key: str, /) -> None:
        self.values.pop(key, None)

    def contains(self, key: str, /) -> bool:
        return key in self.values


#: every declared option by key ("section/name")
OPTIONS: dict[str, Option[Any]] = {}


class Option(Generic[T]):
    """One stored value: ``section/name``, its default, and how it is read (``decode``) and written
    (``encode``). ``decode`` raises ``ValueError``/``TypeError`` for what cannot be read; ``Settings.get`` then
    gives the default."""

    kind: ClassVar[str] = "value"
    #: the Python types ``set`` accepts (a bool is never taken for a number)
    accepts: ClassVar[tuple[type, ...]] = (object,)

    def __init__(self, section: str, name: str, default: T, *, register: bool = True) -> None:
        if not section or not name or "/" in section or "/" in name:
            raise ValueError(f"bad option name {section!r}/{name!r}")
        self.section = section
        self.name = name
        self.default = default
        self.check(default)
        if register:
            clash = next((k for k in OPTIONS if k.casefold() == self.key.casefold()), None)
            if clash is not None:  # the registry does not tell "Files/x" from "files/x"
                raise ValueError(f"option {self.key} declared twice (as {clash})")
            OPTIONS[self.key] = self

    @property
    def key(self) -> str:
        return f"{self.section}/{self.name}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.key!r}, default={self.default!r})"

    def decode(self, raw: object) -> T:
        """The stored ``raw`` value as this option's type; raises ValueError/TypeError."""
        raise NotImplementedError

    def encode(self, value: T) -> object:
        """What is handed to the backend for ``value`` (already checked)."""
        return value

    def check(self, value: object) -> T:
        """``value`` if this option may hold it, else ValueError/TypeError (a programming error at ``set``)."""
        if not isinstance(value, self.accepts) or (isinstance(value, bool) and bool not in self.accepts):
            raise TypeError(f"{self.key}: {type(value).__name__} given, {self.kind} expected")
        return self.decode(value)


def _scalar_text(raw: object) -> str:
    if isinstance(raw, str):
        return raw.strip()
    if isinstance(raw, bool) or raw is None:
        raise TypeError(f"expected a number, got {raw!r}")
    if isinstance(raw, int | float):
        return str(raw)
    raise TypeError(f"expected a number, got {type(raw).__name__}")


class TextOption(Option[str]):
    kind = "text"
    accepts = (str,)

    def decode(self, raw: object) -> str:
        if isinstance(raw, str):
            return raw
        if isinstance(raw, list | tuple) and all(isinstance(part, str) for part in raw):
            return ", ".join(raw)  # an unquoted comma in a hand-edited INI file splits the text into a list
        raise TypeError(f"{self.key}: expected text, got {type(raw).__name__}")


class ChoiceOption(TextOption):
    """Text that must be one of ``choices`` (the interface language)."""

    kind = "choice"

    def __init__(self, section: str, name: str, default: str, choices: Iterable[str], *,
                 register: bool = True) -> None:
        self.choices = tuple(choices)
        super().__init__(section, name, default, register=register)

    def decode(self, raw: object) -> str:
        text = super().decode(raw).strip()
        if text not in self.choices:
            raise ValueError(f"{self.key}: {text!r} is not one of {self.choices}")
        return text


class IntOption(Option[int]):
    kind = "int"
    accepts = (int,)

    def __init__(self, section: str, name: str, default: int, *, minimum: int | None = None,
                 maximum: int | None = None, register: bool = True) -> None:
        self.minimum = minimum
        self.maximum = maximum
        super().__init__(section, name, default, register=register)

    def decode(self, raw: object) -> int:
        if isinstance(raw, int) and not isinstance(raw, bool):
            number = raw
        else:
            text = _scalar_text(raw)
            try:
                number = int(text)
            except ValueError:
                whole = float(text)  # "5.0" from a float someone stored; ValueError for text
                if not whole.is_integer():
                    raise ValueError(f"{self.key}: {raw!r} is not a whole number") from None
                number = int(whole)
        if (self.minimum is not None and number < self.minimum) or (
                self.maximum is not None and number > self.maximum):
            raise ValueError(f"{self.key}: {number} outside {self.minimum}..{self.maximum}")
        return number


class FloatOption(Option[float]):
    kind = "float"
    accepts = (int, float)

    def __init__(self, section: str, name: str, default: float, *, minimum: float | None = None,
                 maximum: float | None = None, register: bool = True) -> None:
        self.minimum = minimum
        self.maximum = maximum
        super().__init__(section, name, default, register=register)

    def decode(self, raw: object) -> float:
        number = float(_scalar_text(raw))
        if not math.isfinite(number):
            raise ValueError(f"{self.key}: {raw!r} is not a finite number")
        if (self.minimum is not None and number < self.minimum) or (
                self.maximum is not None and number > self.maximum):
            raise ValueError(f"{self.key}: {number} outside {self.minimum}..{self.maximum}")
        return number


_TRUE = frozenset({"true", "1", "yes", "on"})
_FALSE = frozenset({"false", "0", "no", "off"})


class BoolOption(Option[bool]):
    kind = "bool"
    accepts = (bool,)

    def decode(self, raw: object) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, int) and raw in (0, 1):
            return bool(raw)
        if isinstance(raw, str):
            text = raw.strip().casefold()
            if text in _TRUE:
                return True
            if text in _FALSE:
                return False
        raise ValueError(f"{self.key}: {raw!r} is not true or false")


class ListOption(Option[tuple[str, ...]]):
    """A list of strings (kept as a tuple). From an INI file one element comes back as a plain string and no
    element as ``None``; both are read as such."""

    kind = "list"
    accepts = (tuple, list)

    def decode(self, raw: object) -> tuple[str, ...]:
        if raw is None:
            return ()
        if isinstance(raw, str):
            return (raw,) if raw else ()
        if isinstance(raw, list | tuple) and all(isinstance(part, str) for part in raw):
            return tuple(raw)
        raise TypeError(f"{self.key}: expected a list of text, got {raw!r}")

    def encode(self, value: tuple[str, ...]) -> object:
        return list(value)


class BytesOption(Option[bytes]):
    """Binary data (window geometry), stored as base64 text; a QByteArray or bytes from older files is read too."""

    kind = "bytes"
    accepts = (bytes,)

    def decode(self, raw: object) -> bytes:
        if isinstance(raw, str):
            try:
                return base64.b64decode(raw.strip(), validate=True)
            except binascii.Error as error:
                raise ValueError(f"{self.key}: not base64") from error
        if isinstance(raw, bytes | bytearray | memoryview):
            return bytes(raw)
        if raw is None or isinstance(raw, int | float | list | tuple | dict):
            raise TypeError(f"{self.key}: expected bytes, got {type(raw).__name__}")
        try:
            return memoryview(raw).tobytes()  # type: ignore[arg-type]  # QByteArray has the buffer protocol
        except TypeError as error:
            raise TypeError(f"{self.key}: expected bytes, got {type(raw).__name__}") from error

    def encode(self, value: bytes) -> object:
        return base64.b64encode(value).decode("ascii")


class PathOption(Option[Path | None]):
    """A folder or file; ``None`` (the default) when none is stored. Stored as text."""

    kind = "path"
    accepts = (Path, type(None))

    def __init__(self, section: str, name: str, *, register: bool = True) -> None:
        super().__init__(section, name, None, register=register)

    def decode(self, raw: object) -> Path | None:
        if raw is None or raw == "":
            return None
        if isinstance(raw, Path):
            return raw
        if isinstance(raw, str) and "\x00" not in raw:
            return Path(raw)
        raise TypeError(f"{self.key}: expected a path, got {raw!r}")

    def encode(self, value: Path | None) -> object:
        return "" if value is None else str(value)


# -- the options ---------------------------------------------------------------------------------------------

SETTINGS_VERSION = IntOption("settings", "version", 0, minimum=0)

#: the interface language (ui.shell.language): German, the source strings, or English
LANGUAGE = ChoiceOption("interface", "language", "de", ("de", "en"))
#: the coordinator: ORGANIZER of calendar files and invitations, sender of mails, name under certificates
ORGANIZER_NAME = TextOption("organizer", "name", "")
ORGANIZER_EMAIL = TextOption("organizer", "email", "")

#: the least share of the meeting a participant attended to get a certificate (percent)
CERTIFICATE_MIN_PERCENT = IntOption("certificates", "min_percent", 50, minimum=0, maximum=100)

#: the participant list's options (ui.dialogs.attendance_options): keys of exchange.attendance_sheet's
#: OPTIONAL_COLUMNS, empty rows, one list per round
ATTENDANCE_COLUMNS = ListOption("attendance_sheet", "columns", ("round",))
MAX_BLANK_ROWS = 1000  # exchange.attendance_sheet refuses more
ATTENDANCE_BLANK_ROWS = IntOption("attendance_sheet", "blank_rows", 5, minimum=0, maximum=MAX_BLANK_ROWS)
ATTENDANCE_PER_ROUND = BoolOption("attendance_sheet", "per_round", True)

#: the SMTP server of the send dialog (the password lives in the OS keyring, never here)
SMTP_HOST = TextOption("mail", "smtp_host", "")
SMTP_PORT = IntOption("mail", "smtp_port", 587, minimum=1, maximum=65535)
SMTP_STARTTLS = BoolOption("mail", "smtp_starttls", True)
SMTP_USER = TextOption("mail", "smtp_user", "")
#: seconds between two mails
MAIL_PAUSE = FloatOption("mail", "pause", 2.0, minimum=0.0, maximum=60.0)

#: months after a meeting before its registrants' data are offered for erasure
RETENTION_MONTHS = IntOption("privacy", "retention_months", 24, minimum=1, maximum=240)

#: the main window: QWidget.saveGeometry(), the page shown, the event open, whether the event list is hidden
WINDOW_GEOMETRY = BytesOption("window", "geometry", b"")
WINDOW_PAGE = TextOption("window", "page", "overview")
WINDOW_LAST_EVENT = TextOption("window", "last_event", "")
WINDOW_EVENT_LIST_HIDDEN = BoolOption("window", "event_list_hidden", False)

#: the kinds of file the file dialogs remember a folder for (ui.infra.file_dialogs.KIND_LABELS), and "any"
FOLDER_KINDS = ("any", "attendance_sheet", "participant_pdf", "registrants", "calendar", "invitations",
                "announcement", "room_plan", "room_list", "report", "certificates", "certificates_pdf", "mail_drafts",
                "import_report", "privacy", "registration_import", "attendance_report")
LAST_FOLDERS: dict[str, PathOption] = {kind: PathOption("folders", kind) for kind in FOLDER_KINDS}


def last_folder_option(kind: str) -> PathOption:
    """The folder last used for files of ``kind`` (KeyError for a kind not in ``FOLDER_KINDS``)."""
    return LAST_FOLDERS[kind]


# -- upgrades -------------------------------------------------------------------------------------------------


def move_value(backend: SettingsBackend, old: str, new: Option[Any],
          convert: Callable[[object], object] | None = None) -> None:
    """Move the value under ``old`` to ``new``'s key (read as ``new``'s type after ``convert``). A value that
    cannot be read is dropped (the default applies); a value already under the new key wins."""
    if not backend.contains(old) or old.casefold() == new.key.casefold():
        return
    raw = backend.value(old)
    if not backend.contains(new.key):
        try:
            backend.setValue(new.key, new.encode(new.decode(convert(raw) if convert else raw)))
        except (ValueError, TypeError, OverflowError) as error:
            log.info("settings upgrade: %s dropped (%s)", old, error)
    backend.remove(old)


def _comma_list(raw: object) -> object:
    """The participant list's columns as version 0 stored them: one comma-joined text."""
    if isinstance(raw, str):
        return tuple(part.strip() for part in raw.split(",") if part.strip())
    return raw


def _harmonise_names(backend: SettingsBackend) -> None:
    """One naming scheme: lower-case sections (the registry ignores case, so each new section differs from the
    old one in more than case); the coordinator's name and address under ``organizer`` instead of ``mail``."""
    move_value(backend, "General/language", LANGUAGE)
    move_value(backend, "mail/sender_name", ORGANIZER_NAME)
    move_value(backend, "mail/sender_email", ORGANIZER_EMAIL)
    move_value(backend, "Workspace/geometry", WINDOW_GEOMETRY)
    move_value(backend, "Workspace/page", WINDOW_PAGE)
    move_value(backend, "Workspace/last_event", WINDOW_LAST_EVENT)
    move_value(backend, "Workspace/event_list_hidden", WINDOW_EVENT_LIST_HIDDEN)
    move_value(backend, "AttendanceSheet/columns", ATTENDANCE_COLUMNS, _comma_list)
    move_value(backend, "AttendanceSheet/blank_rows", ATTENDANCE_BLANK_ROWS)
    move_value(backend, "AttendanceSheet/per_round", ATTENDANCE_PER_ROUND)
    for kind, option in LAST_FOLDERS.items():
        move_value(backend, f"Files/{kind}", option)


@dataclass(frozen=True)
class Upgrade:
    version: int
    step: Callable[[SettingsBackend], None]


#: in order; each runs once, for settings stored with a lower version
UPGRADES: tuple[Upgrade, ...] = (
    Upgrade(1, _harmonise_names),
)
CURRENT_VERSION = UPGRADES[-1].version


class Settings:
    """The typed view of a backend: ``get(OPTION)`` / ``set(OPTION, value)``."""

    def __init__(self, backend: SettingsBackend) -> None:
        self.backend = backend

    def get(self, option: Option[T]) -> T:
        """The stored value, or the option's default when none is stored or it cannot be read."""
        if not self.backend.contains(option.key):
            return option.default
        raw = self.backend.value(option.key)
        try:
            return option.decode(raw)
        except (ValueError, TypeError, OverflowError) as error:
            log.info("setting %s unreadable, default used: %s", option.key, error)
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        """Store ``value`` (ValueError/TypeError when the option cannot hold it: out of range, wrong type)."""
        checked = option.check(value)
        self.backend.setValue(option.key, option.encode(checked))

    def reset(self, option: Option[Any]) -> None:
        """Forget the stored value: the default applies again."""
        self.backend.remove(option.key)

    def is_stored(self, option: Option[Any]) -> bool:
        return self.backend.contains(option.key)

    def sync(self) -> None:
        """Write to disk now, where the backend can (QSettings.sync)."""
        sync = getattr(self.backend, "sync", None)
        if callable(sync):
            sync()

    @property
    def version(self) -> int:
        return self.get(SETTINGS_VERSION)

    def upgrade(self) -> list[int]:
        """Run the upgrade steps after the stored version, in order, each followed by its version; the versions
        run. Settings of a newer program (a higher version) are left as they are."""
        current = self.version
        ran: list[int] = []
        for upgrade in UPGRADES:
            if upgrade.version > current:
                upgrade.step(self.backend)
                self.set(SETTINGS_VERSION, upgrade.version)
                ran.append(upgrade.version)
        if ran:
            log.info("settings upgraded from version %s to %s", current, ran[-1])
        return ran
