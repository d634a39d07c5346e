"""Property tests of next_due against a slow, obvious oracle, around DST changes and leap days.

The oracle lists every candidate moment for a fortnight by brute force (each day,
each time or interval slot, quiet hours applied, a missing local time found by
walking forward a minute at a time) and takes the first that qualifies.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from hypothesis import assume, given
from hypothesis import strategies as st

from app.reminders.due import SnoozeChoice, missed_since, next_due, snooze_until
from app.reminders.model import ReminderKind, Rule, Schedule

UTC = dt.UTC
ZONES = ("Australia/Sydney", "Europe/London", "America/New_York", "Australia/Lord_Howe", "UTC")
MINUTE = dt.timedelta(minutes=1)


def _transitions(zone: ZoneInfo, years: range) -> list[dt.datetime]:
    """Every UTC instant the zone's offset changes in ``years`` (to the minute)."""
    found = []
    t = dt.datetime(years.start, 1, 1, tzinfo=UTC)
    end = dt.datetime(years.stop, 1, 1, tzinfo=UTC)
    while t < end:
        nxt = t + dt.timedelta(days=1)
        if t.astimezone(zone).utcoffset() != nxt.astimezone(zone).utcoffset():
            lo, hi = t, nxt
            while hi - lo > MINUTE:
                mid = lo + (hi - lo) / 2
                if mid.astimezone(zone).utcoffset() == lo.astimezone(zone).utcoffset():
                    lo = mid
                else:
                    hi = mid
            found.append(hi.replace(second=0, microsecond=0))
        t = nxt
    return found


CHANGES = [t for name in ZONES[:4] for t in _transitions(ZoneInfo(name), range(2024, 2030))]
LEAP_DAYS = [dt.datetime(y, 2, 29, 12, tzinfo=UTC) for y in (2024, 2028)]

times = st.builds(dt.time, st.integers(0, 23), st.integers(0, 59))
# Moments near a clock change or a leap day, or anywhere in a span of years.
moments = st.one_of(
    st.builds(
        lambda base, minutes: base + dt.timedelta(minutes=minutes),
        st.sampled_from(CHANGES + LEAP_DAYS),
        st.integers(-4 * 24 * 60, 4 * 24 * 60),
    ),
    st.datetimes(dt.datetime(2020, 1, 1), dt.datetime(2035, 1, 1), timezones=st.just(UTC)),
)


@st.composite
def schedules(draw: st.DrawFn) -> Schedule:
    interval = draw(st.booleans())
    quiet = draw(st.one_of(st.none(), st.tuples(times, times).filter(lambda q: q[0] != q[1])))
    return Schedule(
        times=() if interval else tuple(sorted(set(draw(st.lists(times, min_size=1, max_size=4))))),
        weekdays=draw(st.frozensets(st.integers(0, 6), min_size=1)),
        every_minutes=draw(st.integers(20, 24 * 60)) if interval else None,
        quiet_start=None if quiet is None else quiet[0],
        quiet_end=None if quiet is None else quiet[1],
        tz=draw(st.sampled_from(ZONES)),
    )


def rule_of(schedule: Schedule, snoozed: dt.datetime | None = None) -> Rule:
    return Rule("r", ReminderKind.CHECKIN, True, schedule, snoozed_until=snoozed)


# -- the oracle ----------------------------------------------------------------------------
def instant(naive: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """The first instant whose local wall time is ``naive``, or the first existing minute after."""
    while True:
        hits = [
            c
            for c in (naive.replace(tzinfo=zone, fold=f).astimezone(UTC) for f in (0, 1))
            if c.astimezone(zone).replace(tzinfo=None) == naive
        ]
        if hits:
            return min(hits)
        naive += MINUTE


def quiet(t: dt.time, s: Schedule) -> bool:
    qs, qe = s.quiet_start, s.quiet_end
    if qs is None or qe is None:
        return False
    return qs <= t < qe if qs < qe else (t >= qs or t < qe)


def walls(s: Schedule) -> list[dt.time]:
    if s.every_minutes is None:
        return list(s.times)
    anchor = 0 if s.quiet_end is None else s.quiet_end.hour * 60 + s.quiet_end.minute
    return [
        dt.time(m // 60, m % 60)
        for m in range(24 * 60)
        if (m - anchor) % s.every_minutes == 0 and not quiet(dt.time(m // 60, m % 60), s)
    ]


def candidates(s: Schedule, around: dt.datetime) -> list[dt.datetime]:
    zone = ZoneInfo(s.tz)
    first = around.astimezone(zone).date() - dt.timedelta(days=2)
    out = set()
    for n in range(14):
        day = first + dt.timedelta(days=n)
        if day.weekday() not in s.weekdays:
            continue
        for w in walls(s):
            when = dt.datetime.combine(day, w)
            if quiet(w, s):
                assert s.quiet_start is not None and s.quiet_end is not None
                late = s.quiet_start > s.quiet_end and w >= s.quiet_start
                when = dt.datetime.combine(day + dt.timedelta(days=late), s.quiet_end)
            out.add(instant(when, zone))
    return sorted(out)


def oracle(s: Schedule, last: dt.datetime | None, floor: dt.datetime) -> dt.datetime:
    return next(
        c
        for c in candidates(s, max(floor, last or floor))
        if c >= floor and (last is None or c > last)
    )


# -- properties ----------------------------------------------------------------------------
@given(schedules(), moments, st.one_of(st.none(), st.integers(-3 * 24 * 60, 60)))
def test_next_due_matches_the_oracle(schedule, now, last_offset):
    last = None if last_offset is None else now + dt.timedelta(minutes=last_offset)
    got = next_due(rule_of(schedule), last, now)
    assert got == oracle(schedule, last, now)
    assert got >= now
    assert last is None or got > last


@given(schedules(), moments)
def test_a_due_moment_is_on_a_chosen_day_outside_quiet_hours(schedule, now):
    got = next_due(rule_of(schedule), None, now)
    assert got is not None
    zone = ZoneInfo(schedule.tz)
    local = got.astimezone(zone)
    on_chosen_day = local.weekday() in schedule.weekdays
    moved_to_next_morning = (
        schedule.quiet_end is not None
        and local.time() == schedule.quiet_end
        and (local.weekday() - 1) % 7 in schedule.weekdays
    )
    # a missing local time fires where the gap ends: at a clock change
    at_a_change = (got - MINUTE).astimezone(zone).utcoffset() != local.utcoffset()
    assert on_chosen_day or moved_to_next_morning or at_a_change
    assert not quiet(local.time(), schedule) or at_a_change


@given(schedules(), moments, st.integers(0, 10 * 24 * 60))
def test_monotone_in_now(schedule, now, minutes):
    later = now + dt.timedelta(minutes=minutes)
    r = rule_of(schedule)
    assert next_due(r, None, now) <= next_due(r, None, later)


@given(schedules(), moments)
def test_asking_at_the_due_moment_gives_it_again(schedule, now):
    r = rule_of(schedule)
    got = next_due(r, None, now)
    assert next_due(r, None, got) == got
    assert next_due(r, got, got) > got


@given(times, st.sampled_from(ZONES), moments, st.integers(1, 10))
def test_a_time_without_a_gap_keeps_its_local_wall_time(t, tz, now, n):
    zone = ZoneInfo(tz)
    r = rule_of(Schedule(times=(t,), tz=tz))
    last = None
    for _ in range(n):
        got = next_due(r, last, now if last is None else last)
        naive = dt.datetime.combine(got.astimezone(zone).date(), t)
        exists = (
            naive.replace(tzinfo=zone).astimezone(UTC).astimezone(zone).replace(tzinfo=None)
            == naive
        )
        if exists:
            assert got.astimezone(zone).time() == t
        last = got


@given(schedules(), moments, st.sampled_from(ZONES), st.sampled_from(ZONES))
def test_the_rules_own_zone_governs_wherever_the_computer_is(schedule, now, here, there):
    r = rule_of(schedule)
    a = next_due(r, None, now, local_tz=ZoneInfo(here))
    b = next_due(r, None, now.astimezone(ZoneInfo(there)), local_tz=ZoneInfo(there))
    assert a == b
    # "" follows the computer's zone exactly as naming that zone would
    local = Schedule(
        schedule.times,
        schedule.weekdays,
        schedule.every_minutes,
        schedule.quiet_start,
        schedule.quiet_end,
        "",
    )
    assert next_due(rule_of(local), None, now, local_tz=ZoneInfo(schedule.tz)) == a


@given(schedules(), moments, st.integers(0, 20 * 24 * 60))
def test_nothing_inside_a_pause_and_no_backlog_after_it(schedule, now, minutes):
    paused = now + dt.timedelta(minutes=minutes)
    r = rule_of(schedule)
    got = next_due(r, None, now, paused_until=paused)
    assert got >= paused
    assert got == next_due(r, None, paused)  # the next scheduled moment, not a catch-up


@given(schedules(), moments, st.integers(-600, 3 * 24 * 60), st.integers(0, 3 * 24 * 60))
def test_a_live_snooze_wins_then_the_schedule_resumes(schedule, now, snooze_min, pause_min):
    snoozed = now + dt.timedelta(minutes=snooze_min)
    r = rule_of(schedule, snoozed)
    got = next_due(r, None, now)
    zone = ZoneInfo(schedule.tz)
    wanted = max(snoozed, now)
    local = wanted.astimezone(zone).replace(tzinfo=None)
    if quiet(local.time(), schedule):  # waits for the end of the quiet hours
        assert schedule.quiet_start is not None and schedule.quiet_end is not None
        late = schedule.quiet_start > schedule.quiet_end and local.time() >= schedule.quiet_start
        end = dt.datetime.combine(local.date() + dt.timedelta(days=late), schedule.quiet_end)
        wanted = max(wanted, instant(end, zone))
    assert got == wanted
    # once it has fired, the snooze is used up
    assert next_due(r, got, got) == next_due(rule_of(schedule), got, got)
    # a snooze that ends inside a pause goes with the pause
    paused = now + dt.timedelta(minutes=pause_min)
    if snoozed < paused:
        assert next_due(r, None, now, paused_until=paused) == next_due(
            rule_of(schedule), None, now, paused_until=paused
        )


@given(schedules(), moments, st.integers(0, 4 * 24 * 60), st.integers(0, 4 * 24 * 60))
def test_missed_since_counts_the_oracles_moments_and_adds_up(schedule, since, m1, m2):
    mid = since + dt.timedelta(minutes=m1)
    now = mid + dt.timedelta(minutes=m2)
    r = rule_of(schedule)
    expected = 0
    last = since
    while (t := oracle(schedule, last, last)) <= now:
        expected += 1
        last = t
    assert missed_since(r, since, now) == expected
    assert missed_since(r, since, mid) + missed_since(r, mid, now) == expected


@given(moments, st.sampled_from(ZONES))
def test_snoozing_until_tomorrow_keeps_the_local_time_when_it_exists(now, tz):
    zone = ZoneInfo(tz)
    got = snooze_until(SnoozeChoice.TOMORROW, now, zone)
    assert got > now
    local, then = got.astimezone(zone), now.astimezone(zone)
    assert local.date() == then.date() + dt.timedelta(days=1) or local.time() > then.time()
    assume(local.utcoffset() == (got - MINUTE).astimezone(zone).utcoffset())
    assert local.time() == then.time().replace(tzinfo=None) or local.date() > then.date()
