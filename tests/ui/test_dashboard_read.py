"""The overview reads the seat figures only of the meetings it shows: the same meetings as from the full list."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta

from odn_desktop.domain.deadlines import MeetingState
from odn_desktop.services.events import cancel_event, create_event, list_event_rows
from odn_desktop.services.rows import EventRow
from odn_desktop.store.database import transaction
from odn_desktop.store.open import Database
from odn_desktop.ui.pages.dashboard_page import load_dashboard


def _shown_from_the_full_list(db: Database, now: datetime) -> tuple[list[EventRow], bool]:
    with transaction(db.sessions) as s:
        rows = [r for r in list_event_rows(s, now) if r.state is not MeetingState.CANCELLED]
    upcoming = [r for r in rows if r.state is not MeetingState.ENDED]
    return (upcoming if upcoming else rows[-3:][::-1]), not upcoming


def test_overview_shows_the_meetings_the_full_list_gives(demo_db: Database) -> None:
    with transaction(demo_db.sessions) as s:
        first = min(r.starts_at for r in list_event_rows(s))
        gone = create_event(s, title="Abgesagt", starts_at=first + timedelta(days=3),
                            ends_at=first + timedelta(days=3, hours=1))
        cancel_event(s, gone.id)
    moments = [first - timedelta(days=1), first + timedelta(days=2), datetime(2040, 1, 1, tzinfo=UTC)]
    with transaction(demo_db.sessions) as s:
        moments += [r.ends_at for r in list_event_rows(s)]  # each meeting's end: it has just ended
    for now in moments:
        with transaction(demo_db.sessions) as s:
            data = load_dashboard(s, now)
        expected, past_only = _shown_from_the_full_list(demo_db, now)
        assert (data.events, data.past_only) == (expected, past_only), now
    assert past_only and len(data.events) == 3


def test_the_overview_does_not_load_the_event_editor() -> None:
    """The overview is the first page shown at start: importing it must not pull in the event editor's tabs; its
    labels are the editor's."""
    probe = "import sys, odn_desktop.ui.pages.dashboard_page\nprint('odn_desktop.ui.editors.event' in sys.modules)"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, check=True)
    assert done.stdout.strip() == "False"
    from odn_desktop.ui.editors.event import labels
    from odn_desktop.ui.pages import dashboard_page

    texts = [str(text) for text in labels.KNOWN + labels.DEADLINE_LABELS]
    assert all(dashboard_page.label(text) == labels.label(text) for text in texts)
