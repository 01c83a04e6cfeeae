"""Sending prepared messages over SMTP, one recipient at a time, without touching the database.

``deliver`` opens one connection (STARTTLS or implicit TLS on request, login when a user is given), sends each
message to its one recipient and reports a ``DeliveryResult`` for every recipient as soon as it is known: a
refused recipient (``550 mailbox unavailable``) or a message the server rejects is a failure of that recipient
only, and the next one is sent. A dropped connection is opened again for the next recipient; when that is not
possible the remaining recipients are reported as failed with the reason, so that they can be retried.
Between messages it pauses (mail servers throttle bursts), and it can be paused and cancelled from another
thread through ``SendControl``.

The password never lives in the database or a settings file: it comes from the OS keyring (``keyring``), or,
for headless use, from the environment variable ``ODN_SMTP_PASSWORD``.
"""

from __future__ import annotations

import os
import smtplib
import ssl
import threading
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from email.message import EmailMessage

from odn_desktop.domain.errors import UserError
from odn_desktop.domain.loopback import is_loopback_host

KEYRING_SERVICE = "odn-desktop SMTP"
PASSWORD_ENV = "ODN_SMTP_PASSWORD"
DEFAULT_TIMEOUT = 30.0


@dataclass(frozen=True)
class SmtpSettings:
    host: str
    port: int = 587
    starttls: bool = False
    user: str = ""
    #: implicit TLS from the first byte (port 465); chosen automatically for port 465
    ssl: bool = False
    timeout: float = DEFAULT_TIMEOUT
    #: a CA file to trust in addition to the system's (an organisation's own mail server certificate)
    cafile: str | None = None

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def encrypted(self) -> bool:
        return self.starttls or self.ssl

    @property
    def keyring_user(self) -> str:
        return f"{self.user}@{self.host}"


def parse_smtp_address(text: str, *, starttls: bool = False, user: str = "") -> SmtpSettings:
    """``HOST:PORT`` (or ``[::1]:PORT``) into settings; port 465 means implicit TLS."""
    raw = text.strip()
    host, sep, port_text = raw.rpartition(":")
    if not sep or not host or not port_text.isdigit():
        raise UserError(f"Ungültige SMTP-Angabe „{text}“: erwartet HOST:PORT, z. B. mail.example.de:587.")
    port = int(port_text)
    if not 0 < port < 65536:
        raise UserError(f"Ungültiger SMTP-Port {port}.")
    host = host.strip("[]")
    return SmtpSettings(host=host, port=port, starttls=starttls and port != 465, user=user.strip(), ssl=port == 465)


# -- password ----------------------------------------------------------------------------------------------


def smtp_password(settings: SmtpSettings) -> str | None:
    """``ODN_SMTP_PASSWORD`` if set, else the password stored in the OS keyring (``None`` when there is none)."""
    env = os.environ.get(PASSWORD_ENV)
    if env:
        return env
    if not settings.user:
        return None
    try:
        import keyring
        from keyring.errors import KeyringError

        try:
            return keyring.get_password(KEYRING_SERVICE, settings.keyring_user)
        except KeyringError:
            return None
    except ImportError:  # pragma: no cover - keyring is a dependency
        return None


def store_smtp_password(settings: SmtpSettings, password: str) -> None:
    """Keep the password in the OS keyring (Windows Credential Manager, macOS Keychain, Secret Service)."""
    import keyring
    from keyring.errors import KeyringError

    try:
        keyring.set_password(KEYRING_SERVICE, settings.keyring_user, password)
    except KeyringError as exc:
        raise UserError(f"Das Passwort konnte nicht im Schlüsselbund des Systems gespeichert werden ({exc}).") from exc


# -- pause and cancel ----------------------------------------------------------------------------------------


class SendControl:
    """Pause, resume and cancel a running delivery from another thread (the GUI's buttons)."""

    def __init__(self) -> None:
        self._cancelled = threading.Event()
        self._running = threading.Event()
        self._running.set()

    def pause(self) -> None:
        self._running.clear()

    def resume(self) -> None:
        self._running.set()

    def cancel(self) -> None:
        self._cancelled.set()
        self._running.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()

    @property
    def paused(self) -> bool:
        return not self._running.is_set()

    def wait(self, seconds: float) -> bool:
        """Wait ``seconds`` of running time (a pause stops the clock); False as soon as it is cancelled."""
        remaining = max(0.0, seconds)
        while True:
            if self._cancelled.is_set():
                return False
            if not self._running.is_set():
                self._running.wait(0.1)
                continue
            if remaining <= 0:
                return True
            step = min(remaining, 0.1)
            started = time.monotonic()
            self._cancelled.wait(step)
            remaining -= time.monotonic() - started


# -- delivery ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Envelope:
    """One prepared message: who it is for (for the result) and the MIME message itself."""

    registration_id: uuid.UUID
    name: str
    email: str
    message: EmailMessage


@dataclass(frozen=True)
class DeliveryResult:
    registration_id: uuid.UUID
    name: str
    email: str
    ok: bool
    detail: str = ""  # the server's answer for a failure


class _Connection:
    def __init__(self, settings: SmtpSettings, password: str | None) -> None:
        self.settings = settings
        self.password = password
        self.smtp: smtplib.SMTP | None = None

    def open(self) -> smtplib.SMTP:
        s = self.settings
        context = ssl.create_default_context(cafile=s.cafile) if s.encrypted else None
        try:
            if s.ssl:
                smtp: smtplib.SMTP = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
            else:
                smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
            try:
                smtp.ehlo()
                if s.starttls:
                    smtp.starttls(context=context)
                    smtp.ehlo()
                if s.user:
                    smtp.login(s.user, self.password or "")
            except BaseException:
                smtp.close()
                raise
        except smtplib.SMTPAuthenticationError as exc:
            raise UserError(f"Der Mailserver {s.address} hat die Anmeldung als „{s.user}“ abgelehnt: "
                            f"{_answer(exc)}. Bitte Benutzername und Passwort prüfen.") from exc
        except smtplib.SMTPNotSupportedError as exc:
            raise UserError(f"Der Mailserver {s.address} unterstützt {'STARTTLS' if s.starttls else 'die Anmeldung'} "
                            f"nicht ({exc}).") from exc
        except (OSError, smtplib.SMTPException) as exc:
            raise UserError(f"Der Mailserver {s.address} ist nicht erreichbar oder antwortet nicht "
                            f"({_describe(exc)}).") from exc
        self.smtp = smtp
        return smtp

    def close(self) -> None:
        if self.smtp is not None:
            try:
                self.smtp.quit()
            except (OSError, smtplib.SMTPException):
                self.smtp.close()
            self.smtp = None


def _answer(exc: smtplib.SMTPResponseException) -> str:
    text = exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
    return f"{exc.smtp_code} {text}".strip()


def _describe(exc: BaseException) -> str:
    if isinstance(exc, smtplib.SMTPResponseException):
        return _answer(exc)
    return str(exc) or type(exc).__name__


def password_stays_private(settings: SmtpSettings) -> bool:
    """Whether a login keeps the password off the network in clear: no login at all, an encrypted connection
    (STARTTLS or implicit TLS), or a server on this computer (loopback: a local relay or test server)."""
    return not settings.user or settings.encrypted or is_loopback_host(settings.host)


def check_settings(settings: SmtpSettings, password: str | None) -> None:
    """Refuse what would leak the password or cannot work, before any connection is made."""
    if not settings.host:
        raise UserError("Bitte geben Sie den SMTP-Server an.")
    if not password_stays_private(settings):
        raise UserError(f"Das Passwort würde unverschlüsselt (im Klartext) an den Mailserver {settings.address} "
                        "übertragen. Bitte STARTTLS verwenden oder Port 465 (SSL).")
    if settings.user and not password:
        raise UserError(f"Für „{settings.user}“ an {settings.host} ist kein Passwort gespeichert. Bitte im Programm "
                        f"im Schlüsselbund speichern oder die Umgebungsvariable {PASSWORD_ENV} setzen.")


def deliver(
    envelopes: Sequence[Envelope],
    settings: SmtpSettings,
    *,
    sender: str,
    password: str | None = None,
    pause: float = 1.0,
    control: SendControl | None = None,
    on_result: Callable[[DeliveryResult], None] | None = None,
    progress: Callable[[int, str], None] | None = None,
) -> tuple[list[DeliveryResult], bool]:
    """Send every envelope; returns the results (in order) and whether it was cancelled before the end.

    ``UserError`` only when the first connection cannot be made (nothing was sent then).
    """
    check_settings(settings, password)
    control = control or SendControl()
    results: list[DeliveryResult] = []
    if not envelopes:
        return results, False
    connection = _Connection(settings, password)
    connection.open()
    total = len(envelopes)
    cancelled = False
    broken: str | None = None  # why the connection cannot be opened again
    try:
        for index, env in enumerate(envelopes):
            if not control.wait(pause if index else 0.0):
                cancelled = True
                break
            if broken is not None:
                result = DeliveryResult(env.registration_id, env.name, env.email, False, broken)
            else:
                result = _send_one(connection, env, sender)
                if connection.smtp is None and not result.ok:
                    try:
                        connection.open()
                    except UserError as exc:
                        broken = f"nicht versendet: {exc.message}"
            results.append(result)
            if on_result is not None:
                on_result(result)
            if progress is not None:
                state = "versendet" if result.ok else "fehlgeschlagen"
                progress(int(100 * (index + 1) / total), f"{index + 1}/{total}: {env.name} <{env.email}> {state}")
    finally:
        connection.close()
    return results, cancelled


def _send_one(connection: _Connection, env: Envelope, sender: str) -> DeliveryResult:
    def failed(detail: str) -> DeliveryResult:
        return DeliveryResult(env.registration_id, env.name, env.email, False, detail)

    smtp = connection.smtp
    if smtp is None:
        return failed("keine Verbindung zum Mailserver")
    try:
        smtp.send_message(env.message, from_addr=sender, to_addrs=[env.email])
    except smtplib.SMTPRecipientsRefused as exc:
        code, text = next(iter(exc.recipients.values()), (0, b""))
        answer = text.decode("utf-8", "replace") if isinstance(text, bytes) else str(text)
        return failed(f"Empfänger abgelehnt: {code} {answer}".strip())
    except smtplib.SMTPServerDisconnected as exc:
        connection.smtp = None
        return failed(f"Verbindung getrennt: {_describe(exc)}")
    except smtplib.SMTPResponseException as exc:
        if exc.smtp_code in (421,):  # the server is closing the connection
            connection.close()
            connection.smtp = None
        return failed(f"vom Server abgelehnt: {_answer(exc)}")
    except (OSError, smtplib.SMTPException) as exc:
        connection.close()
        return failed(f"Übertragungsfehler: {_describe(exc)}")
    return DeliveryResult(env.registration_id, env.name, env.email, True, "")
