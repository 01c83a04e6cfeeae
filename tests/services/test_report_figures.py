"""Every figure of the hosts' report against counts made by hand on a small series: the fixture and its
hand count are described once, in ``tests/report_samples.py``."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from tests.report_samples import NOW, build_report_sample

from odn_desktop.domain.errors import UserError
from odn_desktop.services import events
from odn_desktop.services.report_figures import (
    NO_ROUND,
    NO_STATE,
    event_figures,
    registration_curve,
    resolve_series,
    series_figures,
)
from odn_desktop.store.database import transaction


@pytest.fixture
def series(db):  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        return build_report_sample(s)


def test_meeting_a_by_hand(db, series) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        f = event_figures(s, series["a"])
    c = f.counts
    assert (c.registered, c.waiting, c.cancelled, c.late) == (3, 2, 1, 1)
    assert c.attended == 3  # anna, ben and dora from the waiting list
    assert c.no_show == 1  # cara held a seat and stayed away
    assert c.attendance_rate == pytest.approx(1.0)
    assert c.average_minutes == pytest.approx(70.0)  # (110 + 30) / 2; dora has no minutes
    assert f.organisations == 2  # "Stadt Köln" and " stadt köln " are one; Kreis Lippe
    assert f.municipalities == 2
    assert dict(f.federal_states) == {"Nordrhein-Westfalen": 2, NO_STATE: 1}
    assert (f.first_time, f.returning) == (5, 0)  # everyone not cancelled is new
    assert f.rounds == ()
    assert f.duration_minutes == 120


def test_meeting_b_with_rounds_by_hand(db, series) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        f = event_figures(s, series["b"])
    c = f.counts
    assert (c.registered, c.waiting, c.cancelled, c.late, c.attended, c.no_show) == (4, 1, 1, 0, 3, 1)
    assert c.average_minutes == pytest.approx(170 / 3)
    assert (f.first_time, f.returning) == (3, 2)  # gina, hans, emil new; anna and dora again
    by_title = {r.title: r for r in f.rounds}
    assert list(by_title) == ["R1", "R2", NO_ROUND]
    r1, r2, none = by_title["R1"].counts, by_title["R2"].counts, by_title[NO_ROUND].counts
    assert (r1.registered, r1.waiting, r1.attended, r1.no_show) == (2, 1, 2, 0)
    assert r1.average_minutes == pytest.approx(75.0)
    assert by_title["R1"].capacity == 2
    assert (r2.registered, r2.cancelled, r2.attended) == (1, 1, 1)
    assert (none.registered, none.attended, none.no_show) == (1, 0, 1)
    assert dict(f.federal_states) == {"Nordrhein-Westfalen": 1, "Schleswig-Holstein": 1, "Baden-Württemberg": 1,
                                      "Thüringen": 1}


def test_series_by_hand(db, series) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        f = series_figures(s, series["series"], now=NOW)
    assert f.title == "Testreihe Open Data"
    assert f.hosts == ("Difu", "Bertelsmann Stiftung")
    assert [e.title for e in f.events] == ["Treffen A", "Treffen B", "Treffen C"]
    assert f.events[2].counts.registered == 0 and f.events[2].first_time == 0
    assert f.distinct_organisations == 5  # Stadt Köln, Kreis Lippe, Stadt Kiel, Stadt Ulm, Stadt Jena
    assert f.distinct_municipalities == 5
    assert f.distinct_participants == 8  # emil counts: his registration for B stands
    assert f.returning_participants == 2  # anna, dora
    # distinct registered persons per state over the series: anna, ben (NRW); cara (A); gina; emil; dora
    assert dict(f.federal_states) == {"Nordrhein-Westfalen": 2, NO_STATE: 1, "Schleswig-Holstein": 1,
                                      "Baden-Württemberg": 1, "Thüringen": 1}
    assert [c.title for c in f.curves] == ["Treffen A", "Treffen B"]  # C has no registrations


def test_json_shape(db, series) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        one = event_figures(s, series["a"]).as_json()
        whole = series_figures(s, series["series"], now=NOW).as_json()
    for key in ("registered", "waiting", "cancelled", "late", "attended", "no_show", "organisations"):
        assert isinstance(one[key], int), key
    assert one["attendance_rate"] == 1.0
    assert one["federal_states"] == {"Nordrhein-Westfalen": 2, NO_STATE: 1}
    assert [e["title"] for e in whole["events"]] == ["Treffen A", "Treffen B", "Treffen C"]
    assert (whole["distinct_organisations"], whole["returning_participants"]) == (5, 2)


def test_registration_curve_counts_days_back_from_the_deadline(db, series) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        curve = registration_curve(s, series["a"], now=NOW)
    assert curve.deadline_day == date(2021, 10, 12)
    assert curve.days[0].day == date(2021, 10, 1) and curve.days[-1].day == date(2021, 10, 13)
    by_day = {d.day.day: d for d in curve.days}
    assert [by_day[d].new for d in (1, 2, 3, 4, 5)] == [2, 0, 1, 0, 2]  # emil counts: his registration came in
    assert by_day[12].cumulative == 5 and by_day[12].days_before_deadline == 0
    assert by_day[13].cumulative == 6 and by_day[13].days_before_deadline == -1  # fritz, late
    assert by_day[1].days_before_deadline == 11
    marks = {m.kind: (m.day, m.days_before_deadline) for m in curve.marks}
    # the failed access-link mail does not count; the event's "sent" date does
    assert marks == {"reminder": (date(2021, 10, 8), 4), "access_link": (date(2021, 10, 13), -1)}


def test_curve_of_an_open_meeting_stops_today(db, series) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        curve = registration_curve(s, series["b"], now=datetime(2021, 11, 20, tzinfo=UTC))
    assert curve.days[-1].day == date(2021, 11, 15)  # the last registration, not the deadline ahead


def test_resolve_series(db, series) -> None:  # type: ignore[no-untyped-def]
    with transaction(db.sessions) as s:
        events.create_series(s, "Andere Reihe")
        assert resolve_series(s, "testreihe open data").id == series["series"]
        assert resolve_series(s, "open").id == series["series"]
        assert resolve_series(s, str(series["series"])).id == series["series"]
        with pytest.raises(UserError, match="Keine Veranstaltungsreihe"):
            resolve_series(s, "Fußball")
        with pytest.raises(UserError, match="passt auf 2"):
            resolve_series(s, "Reihe")


def test_no_shows_only_once_attendance_is_recorded(db, series) -> None:  # type: ignore[no-untyped-def]
    from odn_desktop.services import registrations
    from odn_desktop.services.contacts import ContactInput

    with transaction(db.sessions) as s:
        events.update_event(s, series["c"], status="open")
        for name in ("ida", "jan"):
            registrations.register(s, series["c"], ContactInput(email=f"{name}@example.org", last_name=name),
                                   allow_late=True)
        coming = event_figures(s, series["c"])
        whole = series_figures(s, series["series"], now=NOW)
        events.update_event(s, series["c"], status="held")  # held, but nobody marked: all stayed away
        held = event_figures(s, series["c"])
    assert coming.counts.registered == 2 and not coming.attendance_recorded
    assert coming.counts.no_show == 0 and coming.as_json()["no_show"] == 0
    assert held.attendance_recorded and held.counts.no_show == 2
    assert whole.totals.registered == 3 + 4 + 2 and whole.totals.attended == 6
    assert whole.totals.no_show == 1 + 1  # cara in A, dora in B; the coming meeting adds none
    assert whole.meetings_with_attendance == 2
    assert whole.attendance_rate == pytest.approx(6 / 7)  # over A and B only
