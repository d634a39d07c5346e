"""Policy standing with a fixed clock, across DST in Sydney and London."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.clock import FixedClock
from app.supervision.policy import (
    DEFAULT_POLICY,
    AttendanceStatus,
    Attended,
    PolicyRule,
    Standing,
    describe,
    months_of_service,
    rule_for,
    standing,
)

SYDNEY = ZoneInfo("Australia/Sydney")
LONDON = ZoneInfo("Europe/London")
HELD, BOOKED = AttendanceStatus.HELD, AttendanceStatus.BOOKED
CANCELLED, MISSED = AttendanceStatus.CANCELLED, AttendanceStatus.MISSED
BLAME = ("late", "fail", "missed your", "overdue", "behind", "should have", "!")


def session(start: dt.datetime, status: AttendanceStatus, minutes: int = 60) -> Attended:
    utc = start.astimezone(dt.UTC)
    return Attended(utc, utc + dt.timedelta(minutes=minutes), status)


def local(zone: ZoneInfo, *args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=zone)


def test_last_held_23_days_ago_gives_a_due_date() -> None:
    clock = FixedClock(local(SYDNEY, 2026, 11, 27, 10))
    history = [session(local(SYDNEY, 2026, 11, 4, 14), HELD)]
    s = standing([PolicyRule(0, 28)], dt.date(2020, 1, 1), history, clock.now(), SYDNEY)
    assert (s.last_held, s.days_since, s.due_by, s.every_days) == (
        dt.date(2026, 11, 4),
        23,
        dt.date(2026, 12, 2),
        28,
    )
    assert not s.overdue and s.days_overdue == 0 and s.next_booked is None
    assert describe(s, dt.date(2026, 11, 27), SYDNEY) == (
        "Your last supervision was 23 days ago. The next is due by 2 December."
    )


def test_days_count_local_dates_across_sydney_dst_start() -> None:
    # Saturday 3 October 23:30 AEST; DST starts at 02:00 on Sunday 4 October 2026.
    clock = FixedClock(local(SYDNEY, 2026, 10, 3, 23, 30))
    history = [session(clock.now(), HELD, minutes=20)]
    clock.advance(days=6)  # 00:30 AEDT on Saturday 10 October: 6 days on, 7 dates later
    assert clock.now().astimezone(SYDNEY).date() == dt.date(2026, 10, 10)
    s = standing(DEFAULT_POLICY, None, history, clock.now(), SYDNEY)
    assert (s.last_held, s.days_since, s.due_by) == (dt.date(2026, 10, 3), 7, dt.date(2026, 10, 17))


def test_due_date_across_sydney_dst_end() -> None:
    # Held Sunday 29 March 2026 at 09:00 AEDT; DST ends Sunday 5 April 2026.
    held = local(SYDNEY, 2026, 3, 29, 9)
    clock = FixedClock(local(SYDNEY, 2026, 4, 5, 23, 59))
    s = standing(
        [PolicyRule(0, 7)], dt.date(2026, 1, 1), [session(held, HELD)], clock.now(), SYDNEY
    )
    assert (s.due_by, s.days_since, s.overdue) == (dt.date(2026, 4, 5), 7, False)
    clock.advance(minutes=2)  # Monday 6 April 00:01
    s = standing(
        [PolicyRule(0, 7)], dt.date(2026, 1, 1), [session(held, HELD)], clock.now(), SYDNEY
    )
    assert (s.overdue, s.days_overdue) == (True, 1)


def test_days_count_local_dates_across_london_dst_start() -> None:
    # Saturday 28 March 23:30 GMT; BST starts at 01:00 on Sunday 29 March 2026.
    clock = FixedClock(local(LONDON, 2026, 3, 28, 23, 30))
    history = [session(clock.now(), HELD, minutes=20)]
    clock.advance(days=6)  # 00:30 BST on Saturday 4 April (still 3 April in UTC)
    assert clock.now().astimezone(dt.UTC).date() == dt.date(2026, 4, 3)
    s = standing([PolicyRule(0, 14)], dt.date(2020, 1, 1), history, clock.now(), LONDON)
    assert (s.last_held, s.days_since, s.due_by) == (dt.date(2026, 3, 28), 7, dt.date(2026, 4, 11))


def test_london_autumn_change_keeps_due_date() -> None:
    held = local(LONDON, 2026, 10, 18, 10)  # BST; clocks go back on 25 October
    now = local(LONDON, 2026, 11, 1, 0, 30)  # GMT
    s = standing([PolicyRule(0, 14)], None, [session(held, HELD)], now, LONDON)
    assert (s.days_since, s.due_by, s.overdue) == (14, dt.date(2026, 11, 1), False)


def test_cancelled_and_missed_never_count() -> None:
    now = local(SYDNEY, 2026, 11, 22, 9)
    history = [
        session(local(SYDNEY, 2026, 10, 23, 10), HELD),
        session(local(SYDNEY, 2026, 11, 15, 10), CANCELLED),
        session(local(SYDNEY, 2026, 11, 20, 10), MISSED),
    ]
    s = standing([PolicyRule(0, 14)], dt.date(2020, 1, 1), history, now, SYDNEY)
    assert (s.last_held, s.days_since, s.due_by) == (
        dt.date(2026, 10, 23),
        30,
        dt.date(2026, 11, 6),
    )
    assert (s.overdue, s.days_overdue) == (True, 16)


def test_a_booked_session_that_has_ended_counts() -> None:
    now = local(SYDNEY, 2026, 11, 22, 9)
    ended = session(local(SYDNEY, 2026, 11, 22, 7, 30), BOOKED)  # ended 08:30
    s = standing(DEFAULT_POLICY, None, [ended], now, SYDNEY)
    assert (s.last_held, s.days_since, s.next_booked) == (dt.date(2026, 11, 22), 0, None)
    assert describe(s, dt.date(2026, 11, 22)).startswith("Your last supervision was today.")


def test_a_session_under_way_is_next_not_last() -> None:
    now = local(SYDNEY, 2026, 11, 22, 9)
    running = session(local(SYDNEY, 2026, 11, 22, 8, 30), BOOKED)
    s = standing(DEFAULT_POLICY, None, [running], now, SYDNEY)
    assert s.last_held is None and s.next_booked == running.start


def test_a_future_booking_sets_next_booked_and_clears_overdue() -> None:
    now = local(SYDNEY, 2026, 11, 22, 9)
    history = [
        session(local(SYDNEY, 2026, 10, 1, 10), HELD),
        session(local(SYDNEY, 2026, 12, 8, 10), BOOKED),
        session(local(SYDNEY, 2026, 12, 1, 10), BOOKED),
        session(local(SYDNEY, 2026, 11, 25, 10), CANCELLED),
    ]
    s = standing([PolicyRule(0, 14)], dt.date(2020, 1, 1), history, now, SYDNEY)
    assert s.next_booked == local(SYDNEY, 2026, 12, 1, 10).astimezone(dt.UTC)
    assert s.next_booked.tzinfo is dt.UTC
    assert s.due_by < now.date() and not s.overdue and s.days_overdue == 0
    assert describe(s, now.date(), SYDNEY) == (
        "Your last supervision was 52 days ago. "
        "Your next supervision is booked for Tuesday 1 December at 10:00."
    )


def test_rule_switches_at_the_six_month_anniversary() -> None:
    started = dt.date(2026, 5, 22)
    history = [session(local(SYDNEY, 2026, 11, 15, 10), HELD)]
    before = standing(DEFAULT_POLICY, started, history, local(SYDNEY, 2026, 11, 21, 23), SYDNEY)
    assert (before.every_days, before.due_by) == (7, dt.date(2026, 11, 22))
    on = standing(DEFAULT_POLICY, started, history, local(SYDNEY, 2026, 11, 22, 0, 1), SYDNEY)
    assert (on.every_days, on.due_by) == (14, dt.date(2026, 11, 29))


@pytest.mark.parametrize(
    ("started", "on", "months"),
    [
        (dt.date(2026, 5, 22), dt.date(2026, 11, 21), 5),
        (dt.date(2026, 5, 22), dt.date(2026, 11, 22), 6),
        (dt.date(2026, 8, 31), dt.date(2027, 2, 27), 5),
        (dt.date(2026, 8, 31), dt.date(2027, 2, 28), 6),  # no 31 February: the month's end
        (dt.date(2026, 11, 22), dt.date(2026, 11, 1), 0),  # not started yet
        (dt.date(2020, 1, 15), dt.date(2026, 1, 15), 72),
    ],
)
def test_months_of_service(started: dt.date, on: dt.date, months: int) -> None:
    assert months_of_service(started, on) == months


def test_rule_for_picks_the_greatest_rule_reached() -> None:
    rules = [PolicyRule(12, 28), PolicyRule(3, 10), PolicyRule(6, 14)]  # any order
    assert rule_for(rules, dt.date(2026, 1, 1), dt.date(2026, 2, 1)) == PolicyRule(3, 10)
    assert rule_for(rules, dt.date(2026, 1, 1), dt.date(2026, 8, 1)) == PolicyRule(6, 14)
    assert rule_for(rules, dt.date(2020, 1, 1), dt.date(2026, 8, 1)) == PolicyRule(12, 28)
    assert rule_for(rules, None, dt.date(2026, 8, 1)) == PolicyRule(12, 28)
    assert rule_for([], dt.date(2026, 1, 1), dt.date(2026, 2, 1)) == PolicyRule(0, 7)


def test_no_history_is_due_from_the_start_date() -> None:
    now = local(SYDNEY, 2026, 11, 22, 9)
    s = standing(DEFAULT_POLICY, dt.date(2026, 11, 10), [], now, SYDNEY)
    assert (s.last_held, s.days_since, s.due_by) == (None, None, dt.date(2026, 11, 17))
    assert (s.overdue, s.days_overdue) == (True, 5)
    assert describe(s, now.date()) == (
        "There's no supervision on record for you yet. "
        "The first was due by 17 November: you can book a time whenever suits."
    )
    fresh = standing(DEFAULT_POLICY, dt.date(2026, 11, 20), [], now, SYDNEY)
    assert (fresh.due_by, fresh.overdue) == (dt.date(2026, 11, 27), False)


def test_no_history_and_no_start_date_is_due_today() -> None:
    now = local(SYDNEY, 2026, 11, 22, 9)
    s = standing(DEFAULT_POLICY, None, [], now, SYDNEY)
    assert (s.due_by, s.overdue, s.every_days) == (dt.date(2026, 11, 22), False, 14)
    assert describe(s, now.date()) == (
        "There's no supervision on record for you yet. The first is due today."
    )


def test_naive_now_is_a_bug() -> None:
    with pytest.raises(ValueError):
        standing(DEFAULT_POLICY, None, [], dt.datetime(2026, 11, 22), SYDNEY)


def make(**changes: object) -> Standing:
    base = Standing(dt.date(2026, 11, 21), 1, dt.date(2026, 11, 28), 7, None, False, 0)
    return Standing(**{**base.__dict__, **changes})  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("s", "words"),
    [
        (make(), "Your last supervision was yesterday. The next is due by 28 November."),
        (
            make(due_by=dt.date(2027, 1, 3)),
            "Your last supervision was yesterday. The next is due by 3 January 2027.",
        ),
        (
            make(
                last_held=dt.date(2026, 11, 1),
                days_since=21,
                due_by=dt.date(2026, 11, 8),
                overdue=True,
                days_overdue=14,
            ),
            "Your last supervision was 21 days ago. "
            "The next was due by 8 November: you can book a time whenever suits.",
        ),
        (
            make(next_booked=dt.datetime(2027, 1, 4, 23, 30, tzinfo=dt.UTC)),
            "Your last supervision was yesterday. "
            "Your next supervision is booked for Tuesday 5 January 2027 at 10:30.",
        ),
        (
            make(next_booked=dt.datetime(2026, 11, 24, 22, 5, tzinfo=dt.UTC)),
            "Your last supervision was yesterday. "
            "Your next supervision is booked for Wednesday 25 November at 9:05.",
        ),
    ],
)
def test_describe_is_plain_and_kind(s: Standing, words: str) -> None:
    text = describe(s, dt.date(2026, 11, 22), SYDNEY)
    assert text == words
    assert not any(word in text.lower() for word in BLAME)
