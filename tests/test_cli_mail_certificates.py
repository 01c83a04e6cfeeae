"""``mail drafts/send --template certificate``: each qualifying person's own certificate PDF, drawn with Qt."""

from __future__ import annotations

import io
import json
import uuid
from collections.abc import Iterator
from datetime import datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from mail_smtp_server import SmtpServer, smtp_server
from odn_desktop.cli import mail as cli_mail
from odn_desktop.cli import main
from odn_desktop.domain.timezone import BERLIN
from odn_desktop.services.certificates import certificate_number

KICKOFF = "2021-10-14"  # the demo's held meeting: 90 minutes, attendance imported (60 to 90 minutes)
COORDINATOR = "Koordination Open-Data-Netzwerktreffen"


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo(capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: Any) -> Path:
    """The demo database. ``qapp`` first: drawing the PDFs would otherwise create the CLI's bare QGuiApplication
    in this test process, which later widget tests cannot use."""
    monkeypatch.setattr(cli_mail, "DEFAULT_PAUSE", 0.0)
    monkeypatch.setenv("ODN_ORGANIZER_NAME", COORDINATOR)
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", "koordination@difu.example")
    assert run(capsys, db_path, "demo")[0] == 0
    return db_path


def attendees(capsys: pytest.CaptureFixture[str], db: Path, min_percent: int) -> dict[str, dict[str, Any]]:
    """Who qualifies, counted here from the registrations (90 minutes; by hand: attended without minutes)."""
    code, out, err = run(capsys, db, "registrations", "list", "--event", KICKOFF, "--json")
    assert code == 0, err
    return {r["email"]: r for r in json.loads(out) if r["attended"]
            and (r["attended_minutes"] is None or r["attended_minutes"] * 100 >= min_percent * 90)}


def parse(data: bytes) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(data)
    assert isinstance(msg, EmailMessage)
    return msg


def pdf_of(msg: EmailMessage) -> tuple[str | None, str]:
    """The one attachment's name and its text as a PDF reader extracts it."""
    (part,) = list(msg.iter_attachments())
    assert part.get_content_type() == "application/pdf"
    data = part.get_payload(decode=True)
    assert isinstance(data, bytes) and data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == 1
    return part.get_filename(), " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def check_certificate(msg: EmailMessage, person: dict[str, Any]) -> None:
    name, text = pdf_of(msg)
    assert name is not None and name.startswith("Teilnahmebescheinigung_") and name.isascii()
    assert "Teilnahmebescheinigung" in text
    assert person["last_name"] in text and person["first_name"] in text
    assert COORDINATOR in text
    number = certificate_number(uuid.UUID(person["id"]), datetime(2021, 10, 14, 10, 0, tzinfo=BERLIN))
    assert number in text


def test_drafts_attach_each_persons_certificate(capsys: pytest.CaptureFixture[str], demo: Path,
                                               tmp_path: Path) -> None:
    people = attendees(capsys, demo, 50)
    assert 0 < len(people) < 30
    folder = tmp_path / "Bescheinigungen"
    code, out, err = run(capsys, demo, "mail", "drafts", "--event", KICKOFF, "--template", "certificate",
                         "-o", str(folder))
    assert code == 0, err
    assert f"{len(people)} Entwürfe (Teilnahmebescheinigung) gespeichert" in out
    files = sorted(folder.glob("*.eml"))
    assert len(files) == len(people)
    for path in files:
        msg = parse(path.read_bytes())
        assert msg["Subject"].startswith("Ihre Teilnahmebescheinigung: ")
        check_certificate(msg, people[msg["To"].addresses[0].addr_spec])


def test_the_threshold_leaves_out_short_stays_and_belongs_to_the_certificate_only(
        capsys: pytest.CaptureFixture[str], demo: Path, tmp_path: Path) -> None:
    people = attendees(capsys, demo, 80)
    assert 0 < len(people) < len(attendees(capsys, demo, 50))
    code, _out, err = run(capsys, demo, "mail", "drafts", "--event", KICKOFF, "--template", "certificate",
                          "--min-percent", "80", "-o", str(tmp_path / "80"))
    assert code == 0, err
    got = {parse(p.read_bytes())["To"].addresses[0].addr_spec for p in (tmp_path / "80").glob("*.eml")}
    assert got == set(people)

    code, _out, err = run(capsys, demo, "mail", "drafts", "--event", KICKOFF, "--template", "thanks",
                          "--min-percent", "80", "-o", str(tmp_path / "dank"))
    assert code == 2 and "--min-percent gilt nur für --template certificate" in err
    assert not (tmp_path / "dank").exists()
    with pytest.raises(SystemExit):
        main(["--db", str(demo), "mail", "drafts", "--event", KICKOFF, "--template", "certificate",
              "--min-percent", "101", "-o", str(tmp_path / "x")])
    assert "zwischen 0 und 100" in capsys.readouterr().err


@pytest.fixture
def server() -> Iterator[SmtpServer]:
    with smtp_server() as srv:
        yield srv


def test_send_delivers_the_pdf_and_not_twice(capsys: pytest.CaptureFixture[str], demo: Path,
                                             server: SmtpServer) -> None:
    people = attendees(capsys, demo, 50)
    code, out, err = run(capsys, demo, "mail", "send", "--event", KICKOFF, "--template", "certificate",
                         "--smtp", server.address, "--json")
    assert code == 0, err
    assert json.loads(out)["sent"] == len(people)
    assert sorted(server.handler.recipients()) == sorted(people)
    for received in server.handler.received:
        check_certificate(received.message, people[received.rcpt_tos[0]])
    code, out, err = run(capsys, demo, "mail", "send", "--event", KICKOFF, "--template", "certificate",
                         "--smtp", server.address)
    assert code == 0, err
    assert f"Teilnahmebescheinigung: 0 versendet, {len(people)} Personen übersprungen." in out
    assert len(server.handler.received) == len(people)
