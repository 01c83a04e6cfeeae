"""The typed settings object (domain.settings): defaults, conversions that survive an INI file (everything comes
back as text) and a typed store like the Windows registry, bad values falling back to the default, the upgrade
from the old key layout run once, unknown keys untouched.

The INI tests go through a real QSettings file; each file is read by a QSettings on a *fresh* path (a copy),
because QSettings keeps the values it wrote in memory for the rest of the process, typed.
"""

from __future__ import annotations

import shutil
from itertools import count
from pathlib import Path
from typing import Any

import pytest

from odn_desktop.domain import settings as st
from odn_desktop.domain.settings import (
    CURRENT_VERSION,
    OPTIONS,
    DictBackend,
    IntOption,
    Settings,
    SettingsBackend,
)

_copies = count()


def ini(path: Path) -> Any:
    from PySide6.QtCore import QSettings

    return QSettings(str(path), QSettings.Format.IniFormat)


def reread(path: Path) -> Any:
    """The INI file as a new program start sees it: a copy on a path this process has not opened yet."""
    copy = path.with_name(f"{path.stem}-{next(_copies)}.ini")
    shutil.copyfile(path, copy)
    return ini(copy)


class RegistryBackend(DictBackend):
    """Like the Windows registry: keys without case, values kept with their types."""

    def value(self, key: str, default: Any = None, /) -> Any:
        return super().value(key.casefold(), default)

    def setValue(self, key: str, value: Any, /) -> None:
        super().setValue(key.casefold(), value)

    def remove(self, key: str, /) -> None:
        super().remove(key.casefold())

    def contains(self, key: str, /) -> bool:
        return super().contains(key.casefold())


#: a value other than the default for every option
CHANGED: dict[str, Any] = {
    st.SETTINGS_VERSION.key: 1,
    st.LANGUAGE.key: "en",
    st.ORGANIZER_NAME.key: "Müller, Anna",
    st.ORGANIZER_EMAIL.key: "anna@example.de",
    st.CERTIFICATE_MIN_PERCENT.key: 80,
    st.ATTENDANCE_COLUMNS.key: ("role", "email"),
    st.ATTENDANCE_BLANK_ROWS.key: 0,
    st.ATTENDANCE_PER_ROUND.key: False,
    st.SMTP_HOST.key: "mail.example.de",
    st.SMTP_PORT.key: 465,
    st.SMTP_STARTTLS.key: False,
    st.SMTP_USER.key: "koordination",
    st.MAIL_PAUSE.key: 0.5,
    st.RETENTION_MONTHS.key: 6,
    st.WINDOW_GEOMETRY.key: bytes(range(256)),
    st.WINDOW_PAGE.key: "events",
    st.WINDOW_LAST_EVENT.key: "0b5f3c1e-4a1d-4b7e-9d43-5b2c0b8a9f10",
    st.WINDOW_EVENT_LIST_HIDDEN.key: True,
    **{option.key: Path("C:/Users/Zoë Ünal/Documents") / kind for kind, option in st.LAST_FOLDERS.items()},
}


def test_every_option_has_a_changed_value_in_this_test() -> None:
    assert set(CHANGED) == set(OPTIONS)
    for key, value in CHANGED.items():
        assert value != OPTIONS[key].default, key


def test_defaults_when_nothing_is_stored() -> None:
    settings = Settings(DictBackend())
    assert settings.get(st.LANGUAGE) == "de"
    assert settings.get(st.CERTIFICATE_MIN_PERCENT) == 50
    assert settings.get(st.ATTENDANCE_COLUMNS) == ("round",)
    assert settings.get(st.ATTENDANCE_BLANK_ROWS) == 5
    assert settings.get(st.ATTENDANCE_PER_ROUND) is True
    assert settings.get(st.SMTP_PORT) == 587
    assert settings.get(st.SMTP_STARTTLS) is True
    assert settings.get(st.MAIL_PAUSE) == 2.0
    assert settings.get(st.RETENTION_MONTHS) == 24
    assert settings.get(st.WINDOW_GEOMETRY) == b""
    assert settings.get(st.WINDOW_PAGE) == "overview"
    assert settings.get(st.last_folder_option("calendar")) is None
    assert settings.version == 0
    for option in OPTIONS.values():
        assert settings.get(option) == option.default
        assert not settings.is_stored(option)


def test_keys_follow_one_scheme() -> None:
    for key in OPTIONS:
        section, name = key.split("/")
        assert section == section.lower() and name == name.lower(), key
    assert len({key.casefold() for key in OPTIONS}) == len(OPTIONS)


def test_an_option_declared_twice_is_refused_even_in_other_case() -> None:
    with pytest.raises(ValueError, match="declared twice"):
        IntOption("Window", "Page", 1)
    assert OPTIONS[st.WINDOW_PAGE.key] is st.WINDOW_PAGE


def test_unknown_folder_kind_is_refused() -> None:
    with pytest.raises(KeyError):
        st.last_folder_option("holiday_photos")


@pytest.mark.parametrize("backend", [DictBackend, RegistryBackend])
def test_round_trip_through_a_typed_store(backend: type[DictBackend]) -> None:
    settings = Settings(backend())
    for key, value in CHANGED.items():
        settings.set(OPTIONS[key], value)
    for key, value in CHANGED.items():
        assert settings.get(OPTIONS[key]) == value, key


def test_round_trip_through_an_ini_file(tmp_path: Path) -> None:
    path = tmp_path / "Einstellungen ä.ini"
    writer = Settings(ini(path))
    for key, value in CHANGED.items():
        writer.set(OPTIONS[key], value)
    writer.sync()
    text = path.read_text(encoding="utf-8")
    assert "PyObjectWrapper" not in text  # bytes are base64 text, not a pickled Python object
    reader = Settings(reread(path))
    assert isinstance(reader.backend.value(st.SMTP_PORT.key), str)  # what an INI file gives back
    for key, value in CHANGED.items():
        assert reader.get(OPTIONS[key]) == value, key


@pytest.mark.parametrize("columns", [(), ("email",), ("role", "email", "round")])
def test_lists_of_any_length_survive_an_ini_file(tmp_path: Path, columns: tuple[str, ...]) -> None:
    path = tmp_path / "listen.ini"
    writer = Settings(ini(path))
    writer.set(st.ATTENDANCE_COLUMNS, columns)
    writer.sync()
    assert Settings(reread(path)).get(st.ATTENDANCE_COLUMNS) == columns


def test_values_as_an_ini_file_or_the_registry_give_them() -> None:
    as_text = Settings(DictBackend({
        "attendance_sheet/per_round": "false", "mail/smtp_starttls": "TRUE", "mail/smtp_port": "465",
        "mail/pause": "0.5", "certificates/min_percent": " 80 ", "attendance_sheet/columns": "email",
        "privacy/retention_months": "6.0", "window/event_list_hidden": "1"}))
    assert as_text.get(st.ATTENDANCE_PER_ROUND) is False
    assert as_text.get(st.SMTP_STARTTLS) is True
    assert as_text.get(st.SMTP_PORT) == 465
    assert as_text.get(st.MAIL_PAUSE) == 0.5
    assert as_text.get(st.CERTIFICATE_MIN_PERCENT) == 80
    assert as_text.get(st.ATTENDANCE_COLUMNS) == ("email",)
    assert as_text.get(st.RETENTION_MONTHS) == 6
    assert as_text.get(st.WINDOW_EVENT_LIST_HIDDEN) is True
    typed = Settings(DictBackend({
        "mail/smtp_port": 465, "mail/pause": 1, "window/event_list_hidden": 0,
        "window/geometry": bytearray(b"\x01\x02"), "attendance_sheet/columns": ["role", "email"]}))
    assert typed.get(st.SMTP_PORT) == 465
    assert typed.get(st.MAIL_PAUSE) == 1.0
    assert typed.get(st.WINDOW_EVENT_LIST_HIDDEN) is False
    assert typed.get(st.WINDOW_GEOMETRY) == b"\x01\x02"
    assert typed.get(st.ATTENDANCE_COLUMNS) == ("role", "email")


def test_a_text_split_by_a_hand_edited_ini_file_is_joined_again(tmp_path: Path) -> None:
    path = tmp_path / "hand.ini"
    path.write_text("[organizer]\nname=Müller, Anna\n", encoding="utf-8")
    assert Settings(ini(path)).get(st.ORGANIZER_NAME) == "Müller, Anna"


BAD_VALUES: list[tuple[st.Option[Any], object]] = [
    (st.CERTIFICATE_MIN_PERCENT, "viele"),
    (st.CERTIFICATE_MIN_PERCENT, "101"),
    (st.CERTIFICATE_MIN_PERCENT, -1),
    (st.CERTIFICATE_MIN_PERCENT, "50.5"),
    (st.CERTIFICATE_MIN_PERCENT, "nan"),
    (st.CERTIFICATE_MIN_PERCENT, "1e400"),
    (st.CERTIFICATE_MIN_PERCENT, True),
    (st.CERTIFICATE_MIN_PERCENT, None),
    (st.CERTIFICATE_MIN_PERCENT, ["5"]),
    (st.ATTENDANCE_BLANK_ROWS, 5000),
    (st.ATTENDANCE_BLANK_ROWS, ""),
    (st.ATTENDANCE_PER_ROUND, "vielleicht"),
    (st.ATTENDANCE_PER_ROUND, 2),
    (st.ATTENDANCE_PER_ROUND, None),
    (st.ATTENDANCE_COLUMNS, [1, 2]),
    (st.ATTENDANCE_COLUMNS, {"email": True}),
    (st.SMTP_PORT, "0"),
    (st.SMTP_PORT, 70000),
    (st.MAIL_PAUSE, "inf"),
    (st.MAIL_PAUSE, "nan"),
    (st.MAIL_PAUSE, "-1"),
    (st.MAIL_PAUSE, "zwei"),
    (st.LANGUAGE, "fr"),
    (st.LANGUAGE, 1),
    (st.ORGANIZER_NAME, 42),
    (st.ORGANIZER_NAME, None),
    (st.WINDOW_GEOMETRY, "kein base64!"),
    (st.WINDOW_GEOMETRY, 12),
    (st.WINDOW_GEOMETRY, None),
    (st.WINDOW_GEOMETRY, object()),
    (st.last_folder_option("calendar"), 5),
    (st.last_folder_option("calendar"), "C:/a\x00b"),
    (st.SETTINGS_VERSION, "zwei"),
]


@pytest.mark.parametrize(("option", "raw"), BAD_VALUES)
def test_a_bad_stored_value_gives_the_default(option: st.Option[Any], raw: object) -> None:
    backend = DictBackend({option.key: raw})
    assert Settings(backend).get(option) == option.default
    assert backend.values == {option.key: raw}  # read, not repaired behind the user's back


def test_bad_values_in_an_ini_file_give_the_defaults(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.ini"
    path.write_text("[certificates]\nmin_percent=viele\n[window]\ngeometry=@ByteArray(\\0\\x1)\npage=\n"
                    "event_list_hidden=vielleicht\n[interface]\nlanguage=fr\n[mail]\nsmtp_port=1e400\n"
                    "pause=@Invalid()\n", encoding="utf-8")
    settings = Settings(ini(path))
    assert settings.get(st.CERTIFICATE_MIN_PERCENT) == 50
    assert settings.get(st.WINDOW_GEOMETRY) == b"\x00\x01"  # a QByteArray, as the old window stored it
    assert settings.get(st.WINDOW_PAGE) == ""  # text: empty is a value; the window checks the page's name
    assert settings.get(st.WINDOW_EVENT_LIST_HIDDEN) is False
    assert settings.get(st.LANGUAGE) == "de"
    assert settings.get(st.SMTP_PORT) == 587
    assert settings.get(st.MAIL_PAUSE) == 2.0


@pytest.mark.parametrize(("option", "value"), [
    (st.CERTIFICATE_MIN_PERCENT, 101),
    (st.CERTIFICATE_MIN_PERCENT, True),
    (st.CERTIFICATE_MIN_PERCENT, "80"),
    (st.MAIL_PAUSE, float("nan")),
    (st.LANGUAGE, "fr"),
    (st.ATTENDANCE_PER_ROUND, 1),
    (st.ATTENDANCE_COLUMNS, "email"),
    (st.WINDOW_GEOMETRY, "AAE="),
    (st.last_folder_option("any"), "C:/Users"),
    (st.ORGANIZER_NAME, None),
])
def test_setting_a_value_the_option_cannot_hold_is_refused(option: st.Option[Any], value: object) -> None:
    backend = DictBackend()
    with pytest.raises((ValueError, TypeError)):
        Settings(backend).set(option, value)
    assert backend.values == {}


def test_reset_and_no_folder() -> None:
    settings = Settings(DictBackend())
    settings.set(st.SMTP_PORT, 25)
    settings.reset(st.SMTP_PORT)
    assert settings.get(st.SMTP_PORT) == 587
    settings.set(st.last_folder_option("any"), None)
    assert settings.get(st.last_folder_option("any")) is None


# -- the upgrade from the old layout ---------------------------------------------------------------------------

GEOMETRY = b"\x01\xd9\xd0\xcb\x00\x03\x00\x00" * 8

#: the keys as the window wrote them before settings/version existed, typed as the registry keeps them
OLD_LAYOUT: dict[str, Any] = {
    "General/language": "en",
    "mail/sender_name": "Anna Müller",
    "mail/sender_email": "anna@example.de",
    "mail/smtp_host": "mail.example.de",
    "mail/smtp_port": 465,
    "mail/smtp_starttls": "false",
    "mail/smtp_user": "koordination",
    "mail/pause": 0.5,
    "certificates/min_percent": 80,
    "privacy/retention_months": 6,
    "AttendanceSheet/columns": "role,email",
    "AttendanceSheet/blank_rows": 0,
    "AttendanceSheet/per_round": False,
    "Workspace/geometry": bytearray(GEOMETRY),  # a QByteArray: bytes-like
    "Workspace/page": "events",
    "Workspace/last_event": "0b5f3c1e-4a1d-4b7e-9d43-5b2c0b8a9f10",
    "Workspace/event_list_hidden": True,
    "Files/calendar": "C:/Users/Anna/Kalender",
    "Files/any": "C:/Users/Anna/Kalender",
    "Files/registration_import": "C:/Users/Anna/Downloads",
    # not ours to touch
    "Files/holiday_photos": "C:/Users/Anna/Bilder",
    "Workspace/unknown": "bleibt",
    "plugin/setting": 7,
}


def assert_new_layout(settings: Settings) -> None:
    assert settings.version == CURRENT_VERSION
    assert settings.get(st.LANGUAGE) == "en"
    assert settings.get(st.ORGANIZER_NAME) == "Anna Müller"
    assert settings.get(st.ORGANIZER_EMAIL) == "anna@example.de"
    assert settings.get(st.SMTP_HOST) == "mail.example.de"
    assert settings.get(st.SMTP_PORT) == 465
    assert settings.get(st.SMTP_STARTTLS) is False
    assert settings.get(st.SMTP_USER) == "koordination"
    assert settings.get(st.MAIL_PAUSE) == 0.5
    assert settings.get(st.CERTIFICATE_MIN_PERCENT) == 80
    assert settings.get(st.RETENTION_MONTHS) == 6
    assert settings.get(st.ATTENDANCE_COLUMNS) == ("role", "email")
    assert settings.get(st.ATTENDANCE_BLANK_ROWS) == 0
    assert settings.get(st.ATTENDANCE_PER_ROUND) is False
    assert settings.get(st.WINDOW_GEOMETRY) == GEOMETRY
    assert settings.get(st.WINDOW_PAGE) == "events"
    assert settings.get(st.WINDOW_LAST_EVENT) == "0b5f3c1e-4a1d-4b7e-9d43-5b2c0b8a9f10"
    assert settings.get(st.WINDOW_EVENT_LIST_HIDDEN) is True
    assert settings.get(st.last_folder_option("calendar")) == Path("C:/Users/Anna/Kalender")
    assert settings.get(st.last_folder_option("any")) == Path("C:/Users/Anna/Kalender")
    assert settings.get(st.last_folder_option("registration_import")) == Path("C:/Users/Anna/Downloads")
    assert settings.get(st.last_folder_option("report")) is None


MOVED = [key for key in OLD_LAYOUT if key.split("/")[0] in ("General", "Workspace", "AttendanceSheet", "Files")
         and key not in ("Files/holiday_photos", "Workspace/unknown")] + ["mail/sender_name", "mail/sender_email"]


@pytest.mark.parametrize("backend", [DictBackend, RegistryBackend])
def test_upgrade_from_the_old_layout(backend: type[DictBackend]) -> None:
    store = backend()
    for key, value in OLD_LAYOUT.items():
        store.setValue(key, value)
    settings = Settings(store)
    assert settings.get(st.LANGUAGE) == "de"  # before: the old key is not read
    assert settings.upgrade() == [1]
    assert_new_layout(settings)
    for key in MOVED:
        assert not store.contains(key), key
    assert store.value("Files/holiday_photos") == "C:/Users/Anna/Bilder"
    assert store.value("Workspace/unknown") == "bleibt"
    assert store.value("plugin/setting") == 7
    after = dict(store.values)
    assert settings.upgrade() == []  # once
    assert store.values == after


def test_upgrade_of_an_old_ini_file(tmp_path: Path) -> None:
    from PySide6.QtCore import QByteArray

    path = tmp_path / "alt.ini"
    old = ini(path)  # written as the old window did, with its calls
    for key, value in OLD_LAYOUT.items():
        old.setValue(key, QByteArray(bytes(value)) if isinstance(value, bytearray) else value)
    old.sync()
    assert "[%General]" in path.read_text(encoding="utf-8")
    upgraded = reread(path)
    assert Settings(upgraded).upgrade() == [1]
    upgraded.sync()
    settings = Settings(reread(Path(upgraded.fileName())))
    assert_new_layout(settings)
    assert settings.backend.value("Files/holiday_photos") == "C:/Users/Anna/Bilder"
    assert settings.backend.value("plugin/setting") == "7"
    for key in MOVED:
        assert not settings.backend.contains(key), key
    assert settings.upgrade() == []


def test_upgrade_keeps_a_new_value_and_drops_an_unreadable_old_one() -> None:
    store = DictBackend({"window/page": "contacts", "Workspace/page": "events",
                         "AttendanceSheet/blank_rows": "viele", "General/language": "fr"})
    assert Settings(store).upgrade() == [1]
    assert store.values == {"window/page": "contacts", "settings/version": CURRENT_VERSION}


def test_no_upgrade_of_a_newer_programs_settings() -> None:
    store = DictBackend({"settings/version": CURRENT_VERSION + 1, "General/language": "en"})
    assert Settings(store).upgrade() == []
    assert store.values == {"settings/version": CURRENT_VERSION + 1, "General/language": "en"}


def test_a_fresh_start_only_writes_the_version() -> None:
    store = DictBackend()
    assert Settings(store).upgrade() == [1]
    assert store.values == {"settings/version": CURRENT_VERSION}


def test_qsettings_is_a_backend(tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings

    backend: SettingsBackend = QSettings(str(tmp_path / "q.ini"), QSettings.Format.IniFormat)  # checked by mypy
    settings = Settings(backend)
    settings.set(st.SMTP_PORT, 2525)
    assert settings.get(st.SMTP_PORT) == 2525


def test_a_move_to_the_same_key_in_other_case_keeps_the_value() -> None:
    """In the registry "Window/page" and "window/page" are one key: moving would delete what it just wrote."""
    store = RegistryBackend({"window/page": "events"})
    st.move_value(store, "Window/Page", st.WINDOW_PAGE)
    assert Settings(store).get(st.WINDOW_PAGE) == "events"


def test_the_certificate_default_is_the_services_default() -> None:
    from odn_desktop.services.certificates import DEFAULT_MIN_PERCENT

    assert st.CERTIFICATE_MIN_PERCENT.default == DEFAULT_MIN_PERCENT
