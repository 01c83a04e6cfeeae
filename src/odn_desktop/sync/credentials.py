"""The server password: in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service), never in
the database or a settings file. The remembered server address is stored without it.

Where no keyring exists (a headless Linux without Secret Service), the password is given in the address each
time or in the environment variable ``ODN_SYNC_PASSWORD``.
"""

from __future__ import annotations

import contextlib
import logging
import os

from sqlalchemy.engine import URL

log = logging.getLogger(__name__)

KEYRING_SERVICE = "odn-desktop-sync"
PASSWORD_ENV_VAR = "ODN_SYNC_PASSWORD"
NO_KEYRING = (
    "Auf diesem Rechner gibt es keinen Schlüsselbund (Keyring), das Passwort wurde daher nicht gespeichert. "
    "Geben Sie es bei jedem Abgleich in der Adresse an oder setzen Sie die Umgebungsvariable "
    f"{PASSWORD_ENV_VAR}."
)


def keyring_user(url: URL) -> str:
    """The keyring entry's name: who logs in where (the address without the password)."""
    return f"{url.username or ''}@{url.host or ''}:{url.port or ''}/{url.database or ''}"


def store_password(url: URL, password: str) -> str | None:
    """Put the password into the keyring; returns a German note when that is impossible (the sync goes on)."""
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, keyring_user(url), password)
    except NoKeyringError:
        return NO_KEYRING
    except KeyringError as exc:
        log.warning("keyring refused the password: %s", exc)
        return f"{NO_KEYRING} ({exc})"
    return None


def find_password(url: URL) -> str | None:
    """``ODN_SYNC_PASSWORD`` first, then the keyring; None when neither has one (e.g. a .pgpass file serves)."""
    if os.environ.get(PASSWORD_ENV_VAR):
        return os.environ[PASSWORD_ENV_VAR]
    import keyring
    from keyring.errors import KeyringError

    try:
        return keyring.get_password(KEYRING_SERVICE, keyring_user(url))
    except KeyringError:  # includes NoKeyringError
        return None


def forget_password(url: URL) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    with contextlib.suppress(PasswordDeleteError, KeyringError):
        keyring.delete_password(KEYRING_SERVICE, keyring_user(url))
