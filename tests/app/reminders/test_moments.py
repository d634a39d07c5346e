"""One-off moments (booked supervision): strict JSON, and when they fire."""

from __future__ import annotations

import datetime as dt
import json
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import ValidationError
from app.reminders.due import missed_since, next_due
from app.reminders.model import (
    MAX_MOMENTS,
    ReminderKind,
    Rule,
    Schedule,
    check_params,
    check_rule,
    check_schedule,
    parse_schedule,
    schedule_json,
    supervision_moments,
)

UTC = dt.UTC
LONDON = ZoneInfo("Europe/London")
SYDNEY = ZoneInfo("Australia/Sydney")


def utc(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=UTC)  # type: ignore[misc]


def moments_rule(*at: dt.datetime, enabled: bool = True, **kw) -> Rule:
    return Rule("r", ReminderKind.SUPERVISION, enabled, Schedule(at=tuple(at)), **kw)


# -- the schedule's JSON ----------------------------------------------------------------
def test_moments_round_trip_as_utc_iso_strings_sorted_and_unique():
    at = (
        utc(2026, 11, 24, 23),
        dt.datetime(2026, 11, 24, 10, tzinfo=SYDNEY),
        utc(2026, 11, 24, 23),
    )
    text = schedule_json(Schedule(at=at))
    assert json.loads(text)["at"] == ["2026-11-23T23:00:00Z", "2026-11-24T23:00:00Z"]
    back = parse_schedule(text)
    assert back.at == (utc(2026, 11, 23, 23), utc(2026, 11, 24, 23))
    assert all(m.tzinfo is UTC for m in back.at)
    assert parse_schedule(schedule_json(back)) == back


def test_a_moments_schedule_may_be_empty_and_ignores_weekdays_and_quiet_hours():
    s = check_schedule(
        Schedule(at=(), weekdays=frozenset({0}), quiet_start=dt.time(22), quiet_end=dt.time(7))
    )
    assert s.at == () and s.quiet_start is None and len(s.weekdays) == 7
    assert parse_schedule('{"at": []}').at == ()
    assert parse_schedule('{"at": null, "times": ["17:00"]}').at is None


@pytest.mark.parametrize(
    "text",
    [
        '{"at": ["2026-11-24T23:00:00"]}',  # no offset: which 23:00?
        '{"at": ["2026-11-24"]}',
        '{"at": ["tomorrow"]}',
        '{"at": [1795000000]}',
        '{"at": "2026-11-24T23:00:00Z"}',
        '{"at": [null]}',
        '{"at": ["2026-11-24T23:00:00Z"], "times": ["17:00"]}',
        '{"at": ["2026-11-24T23:00:00Z"], "every_minutes": 30}',
        '{"at": ["' + "9" * 50 + '"]}',
        json.dumps({"at": [f"2026-11-24T{h % 24:02d}:{h // 24:02d}:00Z" for h in range(201)]}),
    ],
)
def test_odd_moments_are_refused_calmly(text):
    with pytest.raises(ValidationError) as info:
        parse_schedule(text)
    assert "2026" not in str(info.value)


def test_up_to_the_limit_of_moments_is_fine():
    at = tuple(utc(2026, 12, 1) + dt.timedelta(hours=h) for h in range(MAX_MOMENTS))
    assert len(parse_schedule(schedule_json(Schedule(at=at))).at) == MAX_MOMENTS
    with pytest.raises(ValidationError):
        check_schedule(Schedule(at=(*at, utc(2027, 1, 1))))


def test_only_supervision_has_moments_and_its_moments_come_from_its_bookings():
    with pytest.raises(ValidationError):
        check_rule(Rule("", ReminderKind.CHECKIN, True, Schedule(at=(utc(2026, 12, 1),))))
    params = {"leads": [60, 1440], "bookings": [["a1", "2026-11-24T23:00:00Z"]]}
    hand = Schedule(times=(dt.time(9),))
    rule = check_rule(Rule("", ReminderKind.SUPERVISION, True, hand, params))
    assert rule.schedule.at == (utc(2026, 11, 23, 23), utc(2026, 11, 24, 22))
    assert rule.params == {"leads": [1440, 60], "bookings": [["a1", "2026-11-24T23:00:00Z"]]}


@pytest.mark.parametrize(
    "params",
    [
        {"leads": []},
        {"leads": [60, 1440, 15, 5]},
        {"leads": [1]},
        {"leads": [20_000]},
        {"leads": [True]},
        {"leads": "60"},
        {"bookings": [["a", "2026-11-24T23:00:00"]]},
        {"bookings": [["a", "2026-11-24T23:00:00Z"], ["a", "2026-11-25T23:00:00Z"]]},
        {"bookings": [["", "2026-11-24T23:00:00Z"]]},
        {"bookings": [["x" * 37, "2026-11-24T23:00:00Z"]]},
        {"bookings": [["a"]]},
        {"bookings": [[f"b{i}", "2026-11-24T23:00:00Z"] for i in range(51)]},
        {"agenda": "never here"},
    ],
)
def test_odd_supervision_options_are_refused(params):
    with pytest.raises(ValidationError):
        check_params(ReminderKind.SUPERVISION, params)


def test_supervision_options_default_to_a_day_and_an_hour_before():
    assert check_params(ReminderKind.SUPERVISION, {}) == {"leads": [1440, 60], "bookings": []}
    assert supervision_moments({}) == ()


# -- when moments fire ------------------------------------------------------------------
def test_moments_fire_in_order_each_once_whatever_the_weekday():
    r = moments_rule(utc(2026, 11, 23, 23), utc(2026, 11, 24, 22), utc(2026, 11, 29, 3))
    now = utc(2026, 11, 20)
    first = next_due(r, None, now, local_tz=SYDNEY)
    assert first == utc(2026, 11, 23, 23)
    second = next_due(r, first, first, local_tz=SYDNEY)
    assert second == utc(2026, 11, 24, 22)
    assert next_due(r, second, second, local_tz=SYDNEY) == utc(2026, 11, 29, 3)  # a Sunday
    assert next_due(r, utc(2026, 11, 29, 3), utc(2026, 11, 29, 3), local_tz=SYDNEY) is None


def test_past_moments_are_skipped_not_owed():
    r = moments_rule(utc(2026, 11, 23, 23), utc(2026, 11, 24, 22))
    assert next_due(r, None, utc(2026, 11, 24, 12), local_tz=SYDNEY) == utc(2026, 11, 24, 22)
    assert next_due(r, None, utc(2026, 11, 25), local_tz=SYDNEY) is None
    assert next_due(moments_rule(), None, utc(2026, 11, 20), local_tz=SYDNEY) is None
    assert next_due(moments_rule(utc(2026, 12, 1), enabled=False), None, utc(2026, 11, 1)) is None


def test_a_moment_at_now_fires_now_but_not_twice():
    m = utc(2026, 11, 23, 23)
    r = moments_rule(m)
    assert next_due(r, None, m, local_tz=SYDNEY) == m
    assert next_due(r, m, m, local_tz=SYDNEY) is None


@pytest.mark.parametrize(
    ("zone", "local"),
    [
        (LONDON, dt.datetime(2026, 10, 25, 1, 30, fold=1)),  # the second 01:30 (GMT)
        (LONDON, dt.datetime(2026, 10, 25, 1, 30, fold=0)),  # the first 01:30 (BST)
        (LONDON, dt.datetime(2026, 3, 29, 3, 0)),  # just after clocks went forward
        (SYDNEY, dt.datetime(2026, 10, 4, 3, 30)),
        (SYDNEY, dt.datetime(2026, 4, 5, 2, 30, fold=1)),
    ],
)
def test_daylight_saving_cannot_move_a_moment(zone, local):
    """A session's start is an instant: the local clock changing doesn't move it."""
    moment = local.replace(tzinfo=zone).astimezone(UTC)
    r = moments_rule(moment)
    start = moment - dt.timedelta(hours=5)
    assert next_due(r, None, start, local_tz=zone) == moment
    assert next_due(Rule("r", r.kind, True, Schedule(at=(moment,), tz=zone.key)), None, start) == (
        moment
    )


def test_a_snooze_on_a_moments_rule_is_not_held_back_by_anything():
    m = utc(2026, 11, 23, 23)
    r = moments_rule(m, last_fired_at=m, snoozed_until=m + dt.timedelta(minutes=10))
    assert next_due(r, m, m, local_tz=SYDNEY) == m + dt.timedelta(minutes=10)


def test_missed_since_counts_moments_between():
    r = moments_rule(utc(2026, 11, 23, 23), utc(2026, 11, 24, 22), utc(2026, 12, 1))
    assert missed_since(r, utc(2026, 11, 20), utc(2026, 11, 25), local_tz=SYDNEY) == 2
    assert missed_since(r, utc(2026, 11, 24, 22), utc(2026, 11, 25), local_tz=SYDNEY) == 0


@given(
    st.lists(
        st.datetimes(min_value=dt.datetime(2000, 1, 1), max_value=dt.datetime(2100, 1, 1)),
        max_size=30,
    ),
    st.datetimes(min_value=dt.datetime(1999, 1, 1), max_value=dt.datetime(2101, 1, 1)),
)
def test_next_due_is_the_first_moment_at_or_after_now(moments, now):
    at = tuple(m.replace(tzinfo=UTC, microsecond=0) for m in moments)
    r = Rule("r", ReminderKind.SUPERVISION, True, check_schedule(Schedule(at=at)))
    now = now.replace(tzinfo=UTC)
    later = sorted(m for m in set(at) if m >= now)
    assert next_due(r, None, now, local_tz=SYDNEY) == (later[0] if later else None)
    assert parse_schedule(schedule_json(r.schedule)) == r.schedule
