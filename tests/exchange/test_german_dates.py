"""German date phrases, in Berlin time whatever zone the value comes in."""

from __future__ import annotations

from datetime import UTC, datetime

from export_samples import berlin

from odn_desktop.exchange.german_dates import event_span, long_date, short_date, short_datetime


def test_the_announced_meeting() -> None:
    assert event_span(berlin(2021, 12, 2, 10), berlin(2021, 12, 2, 11, 30)) == (
        "Donnerstag, 2. Dezember 2021, 10:00–11:30 Uhr"
    )


def test_utc_input_in_summer_and_winter_is_shown_in_berlin_time() -> None:
    assert long_date(datetime(2022, 3, 31, 22, 30, tzinfo=UTC)) == "Freitag, 1. April 2022"
    assert short_datetime(datetime(2022, 6, 9, 8, 0, tzinfo=UTC)) == "09.06.2022, 10:00 Uhr"
    assert short_datetime(datetime(2021, 12, 2, 9, 0, tzinfo=UTC)) == "02.12.2021, 10:00 Uhr"


def test_a_meeting_over_midnight_names_both_days() -> None:
    assert event_span(berlin(2022, 3, 3, 22), berlin(2022, 3, 4, 1)) == (
        "Donnerstag, 3. März 2022, 22:00 Uhr – Freitag, 4. März 2022, 01:00 Uhr"
    )


def test_short_date_pads() -> None:
    assert short_date(berlin(2021, 1, 5)) == "05.01.2021"
