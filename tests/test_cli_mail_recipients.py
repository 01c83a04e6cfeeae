"""``mail drafts --bcc --only --test-to`` and ``mail mark-sent``: recipients, one BCC draft, a test to oneself."""

from __future__ import annotations

import json
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

import pytest

from odn_desktop.cli import mail as cli_mail
from odn_desktop.cli import main
from odn_desktop.exchange.mail_templates import BCC_TEMPLATES

LINK = "https://zoom.example/j/2031"
COORDINATOR = "koordination@difu.example"


def run(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def meeting(capsys: pytest.CaptureFixture[str], db_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A meeting in 2031 with a link: three registered, one waiting (capacity 3), one cancelled."""
    monkeypatch.setenv("ODN_ORGANIZER_NAME", "Koordination Open-Data-Netzwerktreffen")
    monkeypatch.setenv("ODN_ORGANIZER_EMAIL", COORDINATOR)
    assert run(capsys, db_path, "events", "create", "--title", "Netzwerktreffen", "--starts-at", "2031-12-02T10:00",
               "--ends-at", "2031-12-02T11:30", "--capacity", "3", "--online-url", LINK)[0] == 0
    people = [("anna.gross@kiel.example", "Anna", "Groß"), ("juergen.mueller@ulm.example", "Jürgen", "Müller"),
              ("kim.schaefer@bonn.example", "Kim", "Schäfer"), ("oezlem.kaya@jena.example", "Özlem", "Kaya"),
              ("bernd.becker@trier.example", "Bernd", "Becker")]
    for email, first, last in people:
        code, _out, err = run(capsys, db_path, "registrations", "add", "--event", "2031-12-02", "--email", email,
                              "--first-name", first, "--last-name", last)
        assert code == 0, err
    assert run(capsys, db_path, "registrations", "cancel", "--event", "2031-12-02",
               "--email", "bernd.becker@trier.example")[0] == 0
    return db_path


def registrations(capsys: pytest.CaptureFixture[str], db: Path) -> dict[str, str]:
    code, out, _err = run(capsys, db, "registrations", "list", "--event", "2031-12-02", "--json")
    assert code == 0
    return {r["email"]: r["status"] for r in json.loads(out)}


def parse(path: Path) -> EmailMessage:
    msg = BytesParser(policy=policy.default).parsebytes(path.read_bytes())
    assert isinstance(msg, EmailMessage)
    return msg


def addresses(msg: EmailMessage, header: str) -> set[str]:
    value = msg[header]
    return set() if value is None else {a.addr_spec for a in value.addresses}


def body_of(msg: EmailMessage) -> str:
    part = msg.get_body(("plain",))
    assert part is not None
    return str(part.get_content())


def deadline_done(capsys: pytest.CaptureFixture[str], db: Path) -> bool:
    """The deadline "Zugangslink verschicken" of the meeting, as the overview shows it."""
    from odn_desktop.domain.deadlines import DeadlineKind
    from odn_desktop.services.tasks import event_deadlines
    from odn_desktop.store.database import transaction
    from odn_desktop.store.open import open_database

    database = open_database(db)
    try:
        with transaction(database.sessions) as s:
            [deadline] = [d for d in event_deadlines(s) if d.deadline.kind is DeadlineKind.ACCESS_LINK]
            return deadline.deadline.done
    finally:
        database.close()


def test_bcc_templates_match_the_templates() -> None:
    assert cli_mail.BCC_TEMPLATES == BCC_TEMPLATES


def test_bcc_writes_one_draft_with_everyone_in_bcc(capsys: pytest.CaptureFixture[str], meeting: Path,
                                                   tmp_path: Path) -> None:
    people = registrations(capsys, meeting)
    registered = {e for e, status in people.items() if status == "registered"}
    assert len(registered) == 3
    code, out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", "reminder",
                         "--bcc", "-o", str(tmp_path / "BCC"))
    assert code == 0, err
    assert "1 Entwurf (Erinnerung) an 3 Personen in BCC gespeichert" in out
    [path] = (tmp_path / "BCC").iterdir()
    msg = parse(path)
    assert addresses(msg, "Bcc") == registered
    assert addresses(msg, "To") == {COORDINATOR} and msg["Cc"] is None
    body = body_of(msg)
    assert body.splitlines()[0] == "Guten Tag,"
    assert not any(name in body for name in ("Anna", "Groß", "Müller", "Schäfer", "Kaya", "@"))


@pytest.mark.parametrize("template", ["access_link", "waitlist", "confirmation", "promoted"])
def test_bcc_is_refused_for_personal_templates(capsys: pytest.CaptureFixture[str], meeting: Path, tmp_path: Path,
                                               template: str) -> None:
    folder = tmp_path / "nie"
    code, out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", template,
                         "--bcc", "-o", str(folder))
    assert code == 2 and out == ""
    assert f"--bcc ist für „{template}“ nicht möglich." in err and "geht an jede Person einzeln" in err
    assert not folder.exists()


def test_only_restricts_the_recipients_and_names_unknown_addresses(capsys: pytest.CaptureFixture[str],
                                                                   meeting: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", "reminder",
                         "--only", "KIM.schaefer@bonn.example, oezlem.kaya@jena.example", "-o", str(tmp_path / "a"))
    assert code == 0, err
    assert [parse(p)["To"].addresses[0].addr_spec for p in (tmp_path / "a").iterdir()] == [
        "kim.schaefer@bonn.example"]
    assert "übersprungen: Özlem Kaya – Status „Warteliste“ passt nicht" in out  # waiting: no reminder

    code, out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", "reminder",
                         "--only", "kim.schaefer@bonn.example,x@nirgends.example,y@nirgends.example",
                         "-o", str(tmp_path / "b"))
    assert code == 2 and out == ""
    assert "Nicht bei „Netzwerktreffen“ angemeldet: x@nirgends.example, y@nirgends.example." in err
    assert not (tmp_path / "b").exists()


def test_test_to_writes_one_draft_with_the_first_recipients_data(capsys: pytest.CaptureFixture[str],
                                                                 meeting: Path, tmp_path: Path) -> None:
    code, out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", "access_link",
                         "--test-to", "ich@difu.example", "-o", str(tmp_path / "t"))
    assert code == 0, err
    [path] = (tmp_path / "t").iterdir()
    msg = parse(path)
    assert addresses(msg, "To") == {"ich@difu.example"}
    body = body_of(msg)
    assert body.splitlines()[0] == "Guten Tag Anna Groß," and LINK in body  # Becker is cancelled: Groß is first
    assert out.startswith("Testentwurf (Zugangslink mit Einladung) an ich@difu.example mit den Angaben von Anna Groß")
    assert "mark-sent" not in out
    # nothing recorded: a later run still writes to everyone and the link is not sent
    assert not deadline_done(capsys, meeting)


def test_access_link_drafts_count_as_sent_only_after_mark_sent(capsys: pytest.CaptureFixture[str], meeting: Path,
                                                               tmp_path: Path) -> None:
    code, out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", "access_link",
                         "-o", str(tmp_path / "z"))
    assert code == 0, err
    assert "Nach dem Versand aus Outlook: odn-desktop mail mark-sent --event 2031-12-02 --template access_link" in out
    assert not deadline_done(capsys, meeting)
    code, out, err = run(capsys, meeting, "mail", "mark-sent", "--event", "2031-12-02", "--template", "access_link")
    assert code == 0, err
    assert out.strip() == ("Zugangslink mit Einladung: 3 Entwürfe als verschickt vermerkt; die Frist „Zugangslink "
                           "verschicken“ ist erledigt.")
    assert deadline_done(capsys, meeting)


def test_missing_link_and_nobody_are_said_before_anything_is_written(capsys: pytest.CaptureFixture[str],
                                                                     meeting: Path, tmp_path: Path) -> None:
    assert run(capsys, meeting, "events", "update", "--event", "2031-12-02", "--online-url", "")[0] == 0
    code, _out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", "access_link",
                         "-o", str(tmp_path / "a"))
    assert code == 2 and "noch kein Zugangslink eingetragen" in err and not (tmp_path / "a").exists()
    code, _out, err = run(capsys, meeting, "mail", "drafts", "--event", "2031-12-02", "--template", "reminder",
                         "--only", "oezlem.kaya@jena.example", "-o", str(tmp_path / "b"))
    assert code == 2 and "Niemand erhält die Nachricht „Erinnerung“" in err and not (tmp_path / "b").exists()


def test_every_new_option_has_german_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["mail", "drafts", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "--bcc ein einziger Entwurf: alle Empfänger:innen in BCC" in text
    assert "--only EMAIL,EMAIL… nur an diese Adressen" in text
    assert "--test-to ADDRESS ein Testentwurf an diese Adresse" in text
    with pytest.raises(SystemExit):
        main(["mail", "--help"])
    assert "mark-sent" in capsys.readouterr().out


def test_send_only_to_the_given_addresses(capsys: pytest.CaptureFixture[str], meeting: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from mail_smtp_server import smtp_server

    monkeypatch.setattr(cli_mail, "DEFAULT_PAUSE", 0.0)
    with smtp_server() as server:
        code, out, err = run(capsys, meeting, "mail", "send", "--event", "2031-12-02", "--template", "reminder",
                             "--smtp", server.address, "--only", "juergen.mueller@ulm.example")
    assert code == 0, err
    assert server.handler.recipients() == ["juergen.mueller@ulm.example"]
    assert out.strip().endswith("Erinnerung: 1 versendet.")
