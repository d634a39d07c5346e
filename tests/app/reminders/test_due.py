"""next_due by example: daylight saving, leap days, travel, quiet hours, pauses, snoozes."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.errors import ValidationError
from app.reminders.due import SnoozeChoice, missed_since, next_due, resolve, snooze_until
from app.reminders.model import ALL_DAYS, ReminderKind, Rule, Schedule

UTC = dt.UTC
SYDNEY = ZoneInfo("Australia/Sydney")
LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def at(zone: ZoneInfo, *parts: int, fold: int = 0) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=zone, fold=fold)  # type: ignore[misc]


def rule(
    *times: str,
    days: frozenset[int] = ALL_DAYS,
    tz: str = "",
    quiet: tuple[str, str] | None = None,
    every: int | None = None,
    snoozed: dt.datetime | None = None,
    enabled: bool = True,
) -> Rule:
    q = (None, None) if quiet is None else tuple(dt.time.fromisoformat(x) for x in quiet)
    schedule = Schedule(tuple(dt.time.fromisoformat(x) for x in times), days, every, q[0], q[1], tz)
    return Rule("r", ReminderKind.CHECKIN, enabled, schedule, snoozed_until=snoozed)


def fires(r: Rule, start: dt.datetime, n: int, zone: ZoneInfo, **kw) -> list[dt.datetime]:
    """The next ``n`` fires from ``start``, each after the last, in ``zone``."""
    out, last, now = [], None, start
    for _ in range(n):
        t = next_due(r, last, now, local_tz=zone, **kw)
        assert t is not None
        out.append(t.astimezone(zone))
        last = now = t
    return out


def wall(moments: list[dt.datetime]) -> list[str]:
    return [m.strftime("%a %d %b %H:%M %Z") for m in moments]


@pytest.mark.parametrize(
    ("zone", "day_before_change"),
    [
        (SYDNEY, dt.date(2026, 10, 3)),  # clocks forward
        (SYDNEY, dt.date(2026, 4, 4)),  # clocks back
        (LONDON, dt.date(2026, 3, 28)),
        (LONDON, dt.date(2026, 10, 24)),
        (NEW_YORK, dt.date(2026, 3, 7)),
        (NEW_YORK, dt.date(2026, 10, 31)),
    ],
)
def test_five_pm_stays_five_pm_local_across_daylight_saving(zone, day_before_change):
    start = dt.datetime.combine(day_before_change, dt.time(9), tzinfo=zone)
    got = fires(rule("17:00"), start, 3, zone)
    assert [g.time() for g in got] == [dt.time(17)] * 3
    assert [g.date() for g in got] == [day_before_change + dt.timedelta(days=i) for i in range(3)]
    # ... so in UTC the two sides of the change are 23 or 25 hours apart
    apart = got[1].astimezone(UTC) - got[0].astimezone(UTC)
    assert abs(apart - dt.timedelta(hours=24)) == dt.timedelta(hours=1)


def test_the_rules_zone_governs_when_travelling():
    sydney_rule = rule("17:00", tz="Australia/Sydney")
    now = at(LONDON, 2026, 11, 22, 9)
    in_london = next_due(sydney_rule, None, now, local_tz=LONDON)
    in_new_york = next_due(sydney_rule, None, now, local_tz=NEW_YORK)
    assert in_london == in_new_york == at(SYDNEY, 2026, 11, 23, 17)
    # "" follows the computer: the same rule at home, then abroad
    local_rule = rule("17:00")
    assert next_due(local_rule, None, now, local_tz=LONDON) == at(LONDON, 2026, 11, 22, 17)
    assert next_due(local_rule, None, now, local_tz=NEW_YORK) == at(NEW_YORK, 2026, 11, 22, 17)


@pytest.mark.parametrize(
    ("zone", "day", "time", "expected_utc"),
    [
        (SYDNEY, dt.date(2026, 10, 4), "02:30", dt.datetime(2026, 10, 3, 16, 0, tzinfo=UTC)),
        (LONDON, dt.date(2026, 3, 29), "01:30", dt.datetime(2026, 3, 29, 1, 0, tzinfo=UTC)),
        (NEW_YORK, dt.date(2026, 3, 8), "02:30", dt.datetime(2026, 3, 8, 7, 0, tzinfo=UTC)),
        # Lord Howe Island moves its clocks by half an hour
        (
            ZoneInfo("Australia/Lord_Howe"),
            dt.date(2026, 10, 4),
            "02:15",
            dt.datetime(2026, 10, 3, 15, 30, tzinfo=UTC),
        ),
    ],
)
def test_a_time_that_does_not_exist_fires_when_the_gap_ends(zone, day, time, expected_utc):
    start = dt.datetime.combine(day - dt.timedelta(days=1), dt.time(12), tzinfo=zone)
    got = next_due(rule(time, tz=zone.key), None, start)
    assert got == expected_utc
    assert got.astimezone(zone).replace(tzinfo=None) > dt.datetime.combine(
        day, dt.time.fromisoformat(time)
    )
    # and the day after, the time exists again
    after = next_due(rule(time, tz=zone.key), got, got)
    assert after.astimezone(zone).time() == dt.time.fromisoformat(time)


@pytest.mark.parametrize(
    ("zone", "day", "first_utc"),
    [
        (LONDON, dt.date(2026, 10, 25), dt.datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),
        (NEW_YORK, dt.date(2026, 11, 1), dt.datetime(2026, 11, 1, 5, 30, tzinfo=UTC)),
        (SYDNEY, dt.date(2026, 4, 5), dt.datetime(2026, 4, 4, 15, 30, tzinfo=UTC)),
    ],
)
def test_a_time_that_happens_twice_fires_once_the_first_time(zone, day, first_utc):
    t = "02:30" if zone is SYDNEY else "01:30"
    start = dt.datetime.combine(day, dt.time(0, 5), tzinfo=zone)
    first = next_due(rule(t, tz=zone.key), None, start)
    assert first == first_utc
    second = next_due(rule(t, tz=zone.key), first, first)
    assert second.astimezone(zone).date() == day + dt.timedelta(days=1)
    assert second - first == dt.timedelta(hours=25)


def test_leap_days():
    thursday = frozenset({3})
    assert next_due(rule("09:00", days=thursday), None, at(UTC, 2024, 2, 28, 12), local_tz=UTC) == (
        at(UTC, 2024, 2, 29, 9)
    )
    daily = fires(rule("09:00"), at(UTC, 2024, 2, 28, 12), 2, UTC)
    assert [d.date() for d in daily] == [dt.date(2024, 2, 29), dt.date(2024, 3, 1)]
    not_leap = fires(rule("09:00"), at(UTC, 2023, 2, 28, 12), 1, UTC)
    assert not_leap[0].date() == dt.date(2023, 3, 1)
    weekly = fires(rule("09:00", days=thursday), at(UTC, 2024, 2, 23), 3, UTC)
    assert [d.date() for d in weekly] == [
        dt.date(2024, 2, 29),
        dt.date(2024, 3, 7),
        dt.date(2024, 3, 14),
    ]


def test_quiet_hours_that_cross_midnight():
    quiet = ("22:00", "07:00")
    start = at(SYDNEY, 2026, 11, 23, 12)  # a Monday
    # late at night moves to the next morning; early morning to the same morning
    assert wall(fires(rule("23:00", quiet=quiet), start, 2, SYDNEY)) == [
        "Tue 24 Nov 07:00 AEDT",
        "Wed 25 Nov 07:00 AEDT",
    ]
    assert wall(fires(rule("06:00", quiet=quiet), start, 1, SYDNEY)) == ["Tue 24 Nov 07:00 AEDT"]
    # two times moved to the same end fire once
    assert wall(fires(rule("06:00", "23:00", "12:30", quiet=quiet), start, 3, SYDNEY)) == [
        "Mon 23 Nov 12:30 AEDT",
        "Tue 24 Nov 07:00 AEDT",
        "Tue 24 Nov 12:30 AEDT",
    ]
    # the end is exclusive, the start inclusive
    assert wall(fires(rule("07:00", "22:00", quiet=quiet), start, 2, SYDNEY)) == [
        "Tue 24 Nov 07:00 AEDT",
        "Wed 25 Nov 07:00 AEDT",
    ]


def test_quiet_hours_within_a_day():
    got = fires(rule("12:15", "14:00", quiet=("12:00", "13:00")), at(UTC, 2026, 1, 5), 2, UTC)
    assert [g.time() for g in got] == [dt.time(13), dt.time(14)]


def test_intervals_start_at_the_end_of_quiet_hours_and_skip_them():
    monday = frozenset({0})
    r = rule(every=150, days=monday, quiet=("21:00", "08:00"))
    got = fires(r, at(SYDNEY, 2026, 11, 22, 12), 7, SYDNEY)
    assert wall(got) == [
        "Mon 23 Nov 08:00 AEDT",
        "Mon 23 Nov 10:30 AEDT",
        "Mon 23 Nov 13:00 AEDT",
        "Mon 23 Nov 15:30 AEDT",
        "Mon 23 Nov 18:00 AEDT",
        "Mon 23 Nov 20:30 AEDT",
        "Mon 30 Nov 08:00 AEDT",  # nothing on Tuesday morning: that day wasn't chosen
    ]
    hourly = fires(rule(every=60), at(UTC, 2026, 1, 5, 22, 10), 3, UTC)
    assert [h.strftime("%d %H:%M") for h in hourly] == ["05 23:00", "06 00:00", "06 01:00"]


def test_several_times_a_day_and_weekdays():
    r = rule("08:00", "12:30", "17:00", days=frozenset({0, 2, 4}))
    got = fires(r, at(LONDON, 2026, 11, 24, 13), 4, LONDON)  # a Tuesday
    assert wall(got) == [
        "Wed 25 Nov 08:00 GMT",
        "Wed 25 Nov 12:30 GMT",
        "Wed 25 Nov 17:00 GMT",
        "Fri 27 Nov 08:00 GMT",
    ]


def test_a_fire_is_never_repeated_and_a_due_moment_is_a_fixed_point():
    r = rule("17:00")
    now = at(SYDNEY, 2026, 11, 22, 17)
    assert next_due(r, None, now, local_tz=SYDNEY) == now
    assert next_due(r, now, now, local_tz=SYDNEY) == now + dt.timedelta(days=1)


def test_nothing_fires_inside_a_pause_and_there_is_no_backlog():
    r = rule("17:00")
    now = at(SYDNEY, 2026, 11, 22, 9)
    back = at(SYDNEY, 2026, 11, 25, 9)
    assert next_due(r, None, now, paused_until=back, local_tz=SYDNEY) == at(
        SYDNEY, 2026, 11, 25, 17
    )
    # a fire exactly as the pause ends is allowed
    assert next_due(r, None, now, paused_until=at(SYDNEY, 2026, 11, 25, 17), local_tz=SYDNEY) == (
        at(SYDNEY, 2026, 11, 25, 17)
    )
    # a pause in the past changes nothing
    past = at(SYDNEY, 2026, 11, 1)
    assert next_due(r, None, now, paused_until=past, local_tz=SYDNEY) == at(
        SYDNEY, 2026, 11, 22, 17
    )


def test_a_snooze_wins_until_it_fires():
    now = at(SYDNEY, 2026, 11, 22, 17, 1)
    fired = at(SYDNEY, 2026, 11, 22, 17)
    snoozed = rule("17:00", "17:05", snoozed=at(SYDNEY, 2026, 11, 22, 17, 11))
    # the snooze is later than the 17:05 time, and still wins
    assert next_due(snoozed, fired, now, local_tz=SYDNEY) == at(SYDNEY, 2026, 11, 22, 17, 11)
    # once fired at the snooze, the schedule carries on (17:05 passed while snoozed)
    done = at(SYDNEY, 2026, 11, 22, 17, 11)
    assert next_due(snoozed, done, done, local_tz=SYDNEY) == at(SYDNEY, 2026, 11, 23, 17)
    # an overdue snooze is due now
    later = at(SYDNEY, 2026, 11, 22, 18)
    assert next_due(snoozed, fired, later, local_tz=SYDNEY) == later


def test_a_snooze_respects_quiet_hours_and_is_dropped_by_a_pause():
    r = rule("17:00", quiet=("22:00", "07:00"), snoozed=at(SYDNEY, 2026, 11, 22, 23))
    now = at(SYDNEY, 2026, 11, 22, 21)
    assert next_due(r, None, now, local_tz=SYDNEY) == at(SYDNEY, 2026, 11, 23, 7)
    back = at(SYDNEY, 2026, 11, 24, 9)
    assert next_due(r, None, now, paused_until=back, local_tz=SYDNEY) == at(
        SYDNEY, 2026, 11, 24, 17
    )


def test_disabled_rules_never_fire():
    assert next_due(rule("17:00", enabled=False), None, at(UTC, 2026, 1, 1)) is None


def test_times_must_be_aware():
    with pytest.raises(ValueError, match="aware"):
        next_due(rule("17:00"), None, dt.datetime(2026, 1, 1))


def test_an_unknown_zone_is_a_calm_error():
    with pytest.raises(ValidationError):
        next_due(rule("17:00", tz="Nowhere/Land"), None, at(UTC, 2026, 1, 1))


def test_missed_since_counts_scheduled_fires_outside_pauses():
    r = rule("08:00", "17:00")
    since, now = at(SYDNEY, 2026, 11, 16, 12), at(SYDNEY, 2026, 11, 23, 12)
    assert missed_since(r, since, now, local_tz=SYDNEY) == 14
    paused = at(SYDNEY, 2026, 11, 20, 12)
    # after the pause: the 20th at 17:00, two each on the 21st and 22nd, the 23rd at 8:00
    assert missed_since(r, since, now, paused_until=paused, local_tz=SYDNEY) == 6
    assert missed_since(r, now, now, local_tz=SYDNEY) == 0
    assert missed_since(rule("08:00", enabled=False), since, now, local_tz=SYDNEY) == 0


@pytest.mark.parametrize(
    ("choice", "expected"),
    [
        (SnoozeChoice.TEN_MINUTES, at(SYDNEY, 2026, 10, 3, 17, 10)),
        (SnoozeChoice.ONE_HOUR, at(SYDNEY, 2026, 10, 3, 18)),
        (SnoozeChoice.TOMORROW, at(SYDNEY, 2026, 10, 4, 17)),  # 23 hours later: DST starts
    ],
)
def test_snooze_choices(choice, expected):
    assert snooze_until(choice, at(SYDNEY, 2026, 10, 3, 17), SYDNEY) == expected


def test_snoozing_until_tomorrow_into_a_gap_lands_after_it():
    got = snooze_until(SnoozeChoice.TOMORROW, at(SYDNEY, 2026, 10, 3, 2, 30), SYDNEY)
    assert got == resolve(dt.datetime(2026, 10, 4, 2, 30), SYDNEY) == at(SYDNEY, 2026, 10, 4, 3)
