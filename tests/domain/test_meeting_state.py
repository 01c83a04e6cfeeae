"""The one rule for a meeting's shown state: "Beendet" once it has ended, whatever its registration status."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from odn_desktop.domain.deadlines import (
    MEETING_STATE_LABELS,
    MeetingState,
    meeting_state,
    registration_deadline_done,
)

END = datetime(2021, 12, 2, 10, 30, tzinfo=UTC)  # 11:30 Berlin


@pytest.mark.parametrize(("status", "before", "after"), [
    ("draft", MeetingState.DRAFT, MeetingState.ENDED),
    ("open", MeetingState.OPEN, MeetingState.ENDED),  # the 2021 meeting that still said "Anmeldung offen"
    ("closed", MeetingState.CLOSED, MeetingState.ENDED),
    ("held", MeetingState.ENDED, MeetingState.ENDED),  # marked as held: over, even if the clock says otherwise
    ("cancelled", MeetingState.CANCELLED, MeetingState.CANCELLED),  # a cancelled meeting never "ended"
])
def test_state_before_and_after_the_end(status: str, before: MeetingState, after: MeetingState) -> None:
    assert meeting_state(status, END, END - timedelta(minutes=1)) is before
    assert meeting_state(status, END, END) is after  # the end itself: over
    assert meeting_state(status, END, END + timedelta(days=400)) is after


def test_labels() -> None:
    assert MEETING_STATE_LABELS[MeetingState.ENDED] == "Beendet"
    assert MEETING_STATE_LABELS[MeetingState.OPEN] == "Anmeldung offen"
    assert set(MEETING_STATE_LABELS) == set(MeetingState)


@pytest.mark.parametrize(("status", "now", "done"), [
    ("open", END - timedelta(days=1), False),
    ("closed", END - timedelta(days=1), True),
    ("open", END + timedelta(minutes=1), True),  # nobody needs the deadline of a meeting that is over
    ("draft", END + timedelta(minutes=1), True),
    ("cancelled", END - timedelta(days=1), True),
])
def test_registration_deadline_is_done_when_closed_or_over(status: str, now: datetime, done: bool) -> None:
    assert registration_deadline_done(status, END, now) is done
