"""A real SMTP server on loopback for the mail tests (aiosmtpd), which records what it accepted.

``refused`` addresses get ``550`` at RCPT TO, as a mail server answers for an unknown mailbox. With a
certificate the server offers STARTTLS (and requires it); with ``users`` it requires a login (only after
STARTTLS, unless ``login_without_tls``: a local relay on loopback).
"""

from __future__ import annotations

import socket
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

from external_programs import require_program


@dataclass
class Received:
    mail_from: str
    rcpt_tos: list[str]
    data: bytes

    @property
    def message(self) -> EmailMessage:
        msg = BytesParser(policy=policy.default).parsebytes(self.data)
        assert isinstance(msg, EmailMessage)
        return msg


@dataclass
class RecordingHandler:
    refused: set[str] = field(default_factory=set)
    #: a message to one of these is answered "421 closing" and the connection dropped (a restarting server)
    closing: set[str] = field(default_factory=set)
    received: list[Received] = field(default_factory=list)
    rcpt_attempts: list[str] = field(default_factory=list)

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          rcpt_options: list[str]) -> str:
        self.rcpt_attempts.append(address)
        if address.casefold() in {a.casefold() for a in self.refused}:
            return f"550 5.1.1 <{address}>: Recipient address rejected: mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if set(envelope.rcpt_tos) & self.closing:
            self.closing -= set(envelope.rcpt_tos)
            server.transport.close()
            return "421 4.3.2 Service shutting down, closing transmission channel"
        data = envelope.original_content or envelope.content
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), bytes(data)))
        return "250 Message accepted for delivery"

    def recipients(self) -> list[str]:
        return [r for message in self.received for r in message.rcpt_tos]


@dataclass
class SmtpServer:
    host: str
    port: int
    handler: RecordingHandler
    logins: list[tuple[str, str]]

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 (openssl CLI); the test's client trusts it as its CA file.

    Without openssl the test is skipped (failed in CI)."""
    openssl = require_program("openssl")
    cert, key = folder / "smtp-cert.pem", folder / "smtp-key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
        check=True, capture_output=True,
    )
    return cert, key


@contextmanager
def smtp_server(*, certificate: tuple[Path, Path] | None = None, users: dict[str, str] | None = None,
                login_without_tls: bool = False) -> Iterator[SmtpServer]:
    import ssl

    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    handler = RecordingHandler()
    logins: list[tuple[str, str]] = []
    options: dict[str, Any] = {}
    if certificate is not None:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(str(certificate[0]), str(certificate[1]))
        options.update(tls_context=context, require_starttls=True)
    if users is not None:
        def authenticate(server: Any, session: Any, envelope: Any, mechanism: str, auth_data: Any) -> AuthResult:
            if isinstance(auth_data, LoginPassword):
                login, password = auth_data.login.decode(), auth_data.password.decode()
                if users.get(login) == password:
                    logins.append((login, password))
                    return AuthResult(success=True)
            return AuthResult(success=False, handled=False)

        options.update(authenticator=authenticate, auth_require_tls=not login_without_tls)
    port = free_port()
    controller = Controller(handler, hostname="127.0.0.1", port=port, server_hostname="smtp.odn-test.example",
                            **options)
    controller.start()
    try:
        yield SmtpServer("127.0.0.1", port, handler, logins)
    finally:
        controller.stop()
