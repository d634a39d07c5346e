"""Weekly windows as RFC 5545 rules: wall-clock times kept across DST, INTERVAL, UNTIL."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.errors import ValidationError
from app.supervision.model import Window, WindowKind
from app.supervision.recurrence import check_rule, describe_rule, occurrences, weekly_rule

SYDNEY = ZoneInfo("Australia/Sydney")
LONDON = ZoneInfo("Europe/London")
UTC = dt.UTC


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def window(start: dt.datetime, end: dt.datetime, rule: str | None = None) -> Window:
    kind = WindowKind.WEEKLY if rule else WindowKind.EXTRA
    return Window("w", kind, start, end, rule)


def local_starts(found: list[tuple[dt.datetime, dt.datetime]], zone: ZoneInfo) -> list[str]:
    return [s.astimezone(zone).strftime("%Y-%m-%d %H:%M") for s, _ in found]


# -- DST ------------------------------------------------------------------------------------
def test_sydney_weekly_window_keeps_local_time_when_dst_starts() -> None:
    # DST starts on the first Sunday of October: Sunday 4 October 2026, 02:00 -> 03:00.
    w = window(dt.datetime(2026, 9, 1, 10), dt.datetime(2026, 9, 1, 12), weekly_rule([1, 3]))
    found = occurrences(w, SYDNEY, utc(2026, 9, 28), utc(2026, 10, 9))
    assert local_starts(found, SYDNEY) == [
        "2026-09-29 10:00",
        "2026-10-01 10:00",
        "2026-10-06 10:00",
        "2026-10-08 10:00",
    ]
    assert found[0] == (utc(2026, 9, 29, 0), utc(2026, 9, 29, 2))  # AEST, +10
    assert found[2] == (utc(2026, 10, 5, 23), utc(2026, 10, 6, 1))  # AEDT, +11


def test_sydney_weekly_window_keeps_local_time_when_dst_ends() -> None:
    # DST ends on the first Sunday of April: Sunday 5 April 2026, 03:00 -> 02:00.
    w = window(dt.datetime(2026, 3, 2, 9), dt.datetime(2026, 3, 2, 17), weekly_rule([0]))
    found = occurrences(w, SYDNEY, utc(2026, 3, 29), utc(2026, 4, 8))
    assert found == [
        (utc(2026, 3, 29, 22), utc(2026, 3, 30, 6)),  # Monday 30 March, AEDT
        (utc(2026, 4, 5, 23), utc(2026, 4, 6, 7)),  # Monday 6 April, AEST
    ]


def test_london_weekly_window_across_both_changes() -> None:
    w = window(dt.datetime(2026, 1, 5, 9), dt.datetime(2026, 1, 5, 12), weekly_rule([0]))
    spring = occurrences(w, LONDON, utc(2026, 3, 20), utc(2026, 4, 1))
    assert [s for s, _ in spring] == [utc(2026, 3, 23, 9), utc(2026, 3, 30, 8)]
    autumn = occurrences(w, LONDON, utc(2026, 10, 19), utc(2026, 10, 27))
    assert [s for s, _ in autumn] == [utc(2026, 10, 19, 8), utc(2026, 10, 26, 9)]
    assert local_starts(spring + autumn, LONDON) == [
        "2026-03-23 09:00",
        "2026-03-30 09:00",
        "2026-10-19 09:00",
        "2026-10-26 09:00",
    ]


def test_window_starting_inside_the_spring_forward_gap_starts_after_it() -> None:
    # 02:30 doesn't exist in Sydney on 4 October 2026: the window opens at 03:00 AEDT.
    w = window(dt.datetime(2026, 9, 6, 2, 30), dt.datetime(2026, 9, 6, 4), weekly_rule([6]))
    found = occurrences(w, SYDNEY, utc(2026, 10, 3), utc(2026, 10, 5))
    assert found == [(utc(2026, 10, 3, 16), utc(2026, 10, 3, 17))]
    assert local_starts(found, SYDNEY) == ["2026-10-04 03:00"]


def test_window_spanning_the_change_is_shorter_in_real_time() -> None:
    w = window(dt.datetime(2026, 9, 6, 1), dt.datetime(2026, 9, 6, 5), weekly_rule([6]))
    (start, end), *_ = occurrences(w, SYDNEY, utc(2026, 10, 3), utc(2026, 10, 5))
    assert end - start == dt.timedelta(hours=3)


def test_a_repeated_hour_takes_its_first_time() -> None:
    # 02:30 happens twice in Sydney on 5 April 2026: the first (AEDT) is used.
    w = window(dt.datetime(2026, 3, 1, 2, 30), dt.datetime(2026, 3, 1, 3, 30), weekly_rule([6]))
    found = occurrences(w, SYDNEY, utc(2026, 4, 4), utc(2026, 4, 6))
    assert found == [(utc(2026, 4, 4, 15, 30), utc(2026, 4, 4, 17, 30))]


# -- INTERVAL, UNTIL, COUNT ----------------------------------------------------------------
def test_every_second_week_keeps_its_phase_years_later() -> None:
    first = dt.datetime(2020, 1, 6, 9)  # a Monday
    w = window(first, first.replace(hour=10), weekly_rule([0], interval=2))
    found = occurrences(w, SYDNEY, utc(2026, 11, 1), utc(2026, 12, 31))
    assert len(found) == 5  # 2, 16, 30 November; 14, 28 December
    for start, _ in found:
        local = start.astimezone(SYDNEY).replace(tzinfo=None)
        assert (local - first).days % 14 == 0
        assert local.time() == dt.time(9)


def test_until_includes_its_last_day_and_nothing_after() -> None:
    rule = weekly_rule([0], until=dt.date(2026, 10, 19))
    assert rule == "FREQ=WEEKLY;BYDAY=MO;UNTIL=20261019T235959"
    w = window(dt.datetime(2026, 10, 5, 9), dt.datetime(2026, 10, 5, 17), rule)
    found = occurrences(w, LONDON, utc(2026, 9, 1), utc(2027, 1, 1))
    assert local_starts(found, LONDON) == [
        "2026-10-05 09:00",
        "2026-10-12 09:00",
        "2026-10-19 09:00",
    ]


def test_count_limits_occurrences() -> None:
    w = window(dt.datetime(2026, 10, 5, 9), dt.datetime(2026, 10, 5, 10), "FREQ=WEEKLY;COUNT=2")
    found = occurrences(w, LONDON, utc(2026, 9, 1), utc(2027, 1, 1))
    assert local_starts(found, LONDON) == ["2026-10-05 09:00", "2026-10-12 09:00"]


def test_occurrences_overlapping_the_range_edges() -> None:
    w = window(dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 11, 2, 12), weekly_rule([0]))
    # Monday 23 November 09:00-12:00 AEDT is 22:00-01:00 UTC.
    assert occurrences(w, SYDNEY, utc(2026, 11, 23, 0), utc(2026, 11, 23, 1)) != []
    assert occurrences(w, SYDNEY, utc(2026, 11, 23, 1), utc(2026, 11, 23, 2)) == []
    assert occurrences(w, SYDNEY, utc(2026, 11, 21), utc(2026, 11, 22, 22)) == []


def test_one_off_windows_and_leave_are_single_spans() -> None:
    extra = window(dt.datetime(2026, 11, 25, 14), dt.datetime(2026, 11, 25, 16))
    assert occurrences(extra, SYDNEY, utc(2026, 11, 1), utc(2026, 12, 1)) == [
        (utc(2026, 11, 25, 3), utc(2026, 11, 25, 5))
    ]
    leave = Window("l", WindowKind.LEAVE, dt.datetime(2026, 12, 21), dt.datetime(2027, 1, 4))
    assert occurrences(leave, SYDNEY, utc(2026, 12, 25), utc(2026, 12, 26)) == [
        (utc(2026, 12, 20, 13), utc(2027, 1, 3, 13))
    ]
    assert occurrences(leave, SYDNEY, utc(2027, 2, 1), utc(2027, 3, 1)) == []


def test_naive_range_is_a_bug() -> None:
    w = window(dt.datetime(2026, 11, 2, 9), dt.datetime(2026, 11, 2, 12), weekly_rule([0]))
    with pytest.raises(ValueError):
        occurrences(w, SYDNEY, dt.datetime(2026, 11, 1), utc(2026, 12, 1))


# -- checking and describing ---------------------------------------------------------------
@pytest.mark.parametrize(
    ("rule", "normal"),
    [
        ("FREQ=WEEKLY;BYDAY=TU,TH", "FREQ=WEEKLY;BYDAY=TU,TH"),
        ("rrule:byday=th,tu,th;freq=weekly", "FREQ=WEEKLY;BYDAY=TU,TH"),
        ("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
        ("FREQ=WEEKLY;UNTIL=20270301;INTERVAL=2", "FREQ=WEEKLY;INTERVAL=2;UNTIL=20270301T235959"),
        ("FREQ=WEEKLY;WKST=SU;BYDAY=SU", "FREQ=WEEKLY;BYDAY=SU;WKST=SU"),
        ("FREQ=WEEKLY;WKST=MO", "FREQ=WEEKLY"),
    ],
)
def test_check_rule_normalises(rule: str, normal: str) -> None:
    assert check_rule(rule) == normal


@pytest.mark.parametrize(
    "rule",
    [
        "",
        "FREQ=DAILY",
        "FREQ=WEEKLY;BYDAY=1MO",
        "FREQ=WEEKLY;BYDAY=XX",
        "FREQ=WEEKLY;INTERVAL=0",
        "FREQ=WEEKLY;INTERVAL=9",
        "FREQ=WEEKLY;INTERVAL=two",
        "FREQ=WEEKLY;COUNT=2;UNTIL=20270101",
        "FREQ=WEEKLY;COUNT=0",
        "FREQ=WEEKLY;UNTIL=20270101T000000Z",
        "FREQ=WEEKLY;UNTIL=20271301",
        "FREQ=WEEKLY;BYHOUR=9",
        "FREQ=WEEKLY;FREQ=WEEKLY",
        "FREQ=WEEKLY;WKST=ZZ",
        "hello there",
    ],
)
def test_check_rule_refuses_odd_rules_without_repeating_them(rule: str) -> None:
    with pytest.raises(ValidationError) as caught:
        check_rule(rule)
    message = caught.value.message
    assert message.endswith(".")
    for piece in rule.replace("=", ";").split(";"):
        if len(piece) > 3:
            assert piece.lower() not in message.lower()


def test_weekly_rule_refuses_days_that_are_not_weekdays() -> None:
    with pytest.raises(ValidationError):
        weekly_rule([7])


@pytest.mark.parametrize(
    ("rule", "words"),
    [
        (weekly_rule([1, 3]), "Every Tuesday and Thursday"),
        (weekly_rule([0, 2, 4]), "Every Monday, Wednesday and Friday"),
        (weekly_rule([0], interval=2), "Every second Monday"),
        (weekly_rule([0, 3], interval=3), "Every third week on Monday and Thursday"),
        (weekly_rule(range(5)), "Every weekday"),
        (weekly_rule(range(7)), "Every day"),
        (weekly_rule([], interval=2), "Every second week"),
        (weekly_rule([4], until=dt.date(2027, 3, 1)), "Every Friday, until 1 March 2027"),
        ("FREQ=WEEKLY;BYDAY=SA;COUNT=6", "Every Saturday, 6 times"),
        ("FREQ=WEEKLY;COUNT=1", "Every week, once"),
    ],
)
def test_describe_rule(rule: str, words: str) -> None:
    assert describe_rule(rule) == words
