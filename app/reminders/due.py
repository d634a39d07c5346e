"""When a reminder rule fires next: pure functions of the rule and the moment asked about.

The rules, in order:

* A disabled rule never fires (``None``).
* A pending snooze wins: while ``snoozed_until`` is later than the last fire, the
  rule fires at ``max(snoozed_until, now)`` and the schedule waits. A snooze
  that falls inside a pause is dropped with the pause.
* Otherwise the rule fires at its next scheduled moment after ``last_fired``
  and at or after ``now``. Scheduled moments are local wall-clock times in the
  rule's zone (``tz``; "" means the computer's zone), on the chosen weekdays,
  so 17:00 stays 17:00 local across daylight-saving changes. A time that does
  not exist that day (clocks spring forward) fires at the first moment after
  the gap; a time that happens twice (clocks fall back) fires once, the first
  time (``fold=0``).
* A chosen time inside quiet hours moves to their end (for quiet hours that cross
  midnight, the next morning). Several moments moved to the same end fire once.
  An interval's slots inside quiet hours are simply left out (its slots are
  counted from the quiet end, so that is always one of them). A snooze ending
  in quiet hours also waits for their end.
* Nothing fires inside a pause: the first fire after it is the next scheduled
  moment at or after ``paused_until``. There is no backlog.
* A schedule of one-off moments (``at``, booked supervision) fires at each
  moment, an instant in UTC, so daylight saving can't move it. Weekdays and
  quiet hours don't apply: a session is a fixed appointment, and a reminder held
  back until the quiet hours end could arrive after the session began. A moment
  is never fired twice, and moments before ``now`` (or the last fire) are past,
  not owed.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.errors import ValidationError
from app.reminders.model import Rule, Schedule

UTC = dt.UTC
DAY = dt.timedelta(days=1)
MIDNIGHT = dt.time(0, 0)
# Any chosen weekday comes round within 7 days; one more for quiet hours pushing
# a late time into the next morning, and a few for zones that skipped a whole day.
SEARCH_DAYS = 10
MAX_MISSED = 10_000
# More than any daylight-saving change (2 h at most since 1950, Lord Howe's is 30 min).
SKIP_MARGIN = dt.timedelta(hours=3)


class SnoozeChoice(StrEnum):
    TEN_MINUTES = "10m"
    ONE_HOUR = "1h"
    TOMORROW = "tomorrow"  # the same local time tomorrow


def system_zone() -> dt.tzinfo:
    """This computer's time zone (a real zone with its DST rules, not a fixed offset)."""
    import tzlocal

    try:
        return tzlocal.get_localzone()
    except Exception:  # no zone configured at all: the current offset is the best we know
        return dt.datetime.now().astimezone().tzinfo or UTC


def local_zone(now: dt.datetime) -> dt.tzinfo:
    """The zone ``now`` is in when it names one (a test's FixedClock), else the computer's."""
    return now.tzinfo if isinstance(now.tzinfo, ZoneInfo) else system_zone()


def rule_zone(schedule: Schedule, local_tz: dt.tzinfo | None = None) -> dt.tzinfo:
    if schedule.tz:
        try:
            return ZoneInfo(schedule.tz)
        except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
            raise ValidationError("Tend doesn't know that time zone.") from None
    return local_tz if local_tz is not None else system_zone()


def _aware(value: dt.datetime, what: str) -> dt.datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be an aware datetime")
    return value.astimezone(UTC)


# -- local wall-clock times to instants ----------------------------------------------------
def resolve(naive: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """The UTC instant of a local wall-clock time: the first of two (fall back), or the
    first moment after the gap when the time doesn't exist (spring forward)."""
    first = naive.replace(tzinfo=zone).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == naive:
        return first
    # In a gap, fold=1 reads the time with the offset after the change: an instant
    # before the change. The change itself is the earliest instant whose local time
    # is at or after ``naive``: find it to the second.
    lo = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    lo_s, hi_s = int(lo.timestamp()), int(first.timestamp())
    if lo_s >= hi_s:
        return first
    while hi_s - lo_s > 1:
        mid = (lo_s + hi_s) // 2
        local = dt.datetime.fromtimestamp(mid, UTC).astimezone(zone).replace(tzinfo=None)
        if local >= naive:
            hi_s = mid
        else:
            lo_s = mid
    return dt.datetime.fromtimestamp(hi_s, UTC)


def in_quiet(t: dt.time, start: dt.time, end: dt.time) -> bool:
    if start < end:
        return start <= t < end
    return t >= start or t < end  # crosses midnight


@functools.lru_cache(maxsize=4096)
def day_slots(schedule: Schedule) -> tuple[tuple[int, dt.time], ...]:
    """A chosen day's firing times after quiet hours: (days later, wall time), sorted.

    Chosen times in quiet hours move to the quiet end: the same day, or the next one
    when quiet hours cross midnight and the time is in their evening part.
    """
    qs, qe = schedule.quiet_start, schedule.quiet_end
    if schedule.every_minutes:
        anchor = 0 if qe is None else qe.hour * 60 + qe.minute
        minutes = range(anchor % schedule.every_minutes, 24 * 60, schedule.every_minutes)
        times = [dt.time(m // 60, m % 60) for m in minutes]
    else:
        times = list(schedule.times)
    slots = set()
    for t in times:
        if qs is None or qe is None or qs == qe or not in_quiet(t, qs, qe):
            slots.add((0, t))
        elif not schedule.every_minutes:
            slots.add((1 if qs > qe and t >= qs else 0, qe))
        # An interval's slots in quiet hours are dropped: its slots start at the quiet
        # end anyway, and an evening slot moved to the next morning would fire on a
        # day that wasn't chosen.
    return tuple(sorted(slots))


@functools.lru_cache(maxsize=4096)
def _slot_keys(schedule: Schedule) -> tuple[dt.timedelta, ...]:
    """Each slot as its distance from its day's midnight, for bisecting."""
    return tuple(
        dt.timedelta(days=d, hours=t.hour, minutes=t.minute) for d, t in day_slots(schedule)
    )


def push_out_of_quiet(moment: dt.datetime, schedule: Schedule, zone: dt.tzinfo) -> dt.datetime:
    """``moment``, or the end of the quiet hours it falls in."""
    qs, qe = schedule.quiet_start, schedule.quiet_end
    if qs is None or qe is None or qs == qe:
        return moment
    local = moment.astimezone(zone)
    wall = local.time().replace(tzinfo=None)
    if not in_quiet(wall, qs, qe):
        return moment
    day = local.date() + (DAY if qs > qe and wall >= qs else dt.timedelta())
    return max(moment, resolve(dt.datetime.combine(day, qe), zone))


def first_scheduled_after(
    schedule: Schedule, floor: dt.datetime, after: dt.datetime | None, zone: dt.tzinfo
) -> dt.datetime | None:
    """The first scheduled moment ``>= floor`` and ``> after`` (both aware UTC)."""
    if schedule.at is not None:
        return _first_moment(schedule.at, floor, after)
    slots = day_slots(schedule)
    if not slots:
        return None
    if after is not None and after >= floor:
        floor = after + dt.timedelta(microseconds=1)
    # Local slots map to instants in order, so scan days from the floor's local day;
    # one day earlier catches a late time that quiet hours moved into this morning.
    start = floor.astimezone(zone).replace(tzinfo=None)
    day = start.date() - DAY
    for _ in range(SEARCH_DAYS):
        if day.weekday() in schedule.weekdays:
            # Slots whose wall time is well before the floor's can't reach it (resolving
            # is monotone and clocks change by less than SKIP_MARGIN), so skip them
            # unresolved: an every-5-minutes rule would otherwise resolve ~288 a day.
            base = dt.datetime.combine(day, MIDNIGHT)
            first = bisect.bisect_left(_slot_keys(schedule), start - SKIP_MARGIN - base)
            for offset, wall in slots[first:]:
                moment = resolve(dt.datetime.combine(day + offset * DAY, wall), zone)
                if moment >= floor:
                    return moment
        day += DAY
    return None


def _first_moment(
    moments: tuple[dt.datetime, ...], floor: dt.datetime, after: dt.datetime | None
) -> dt.datetime | None:
    """The first one-off moment ``>= floor`` and ``> after``; ``moments`` are sorted."""
    i = bisect.bisect_left(moments, floor)
    if after is not None:
        i = max(i, bisect.bisect_right(moments, after))
    return moments[i] if i < len(moments) else None


# -- the public maths ----------------------------------------------------------------------
def snooze_live(
    rule: Rule, last_fired: dt.datetime | None, paused_until: dt.datetime | None
) -> bool:
    snoozed = rule.snoozed_until
    if snoozed is None:
        return False
    if last_fired is not None and snoozed <= last_fired:
        return False  # already fired
    return paused_until is None or snoozed >= paused_until


def next_due(
    rule: Rule,
    last_fired: dt.datetime | None,
    now: dt.datetime,
    *,
    paused_until: dt.datetime | None = None,
    local_tz: dt.tzinfo | None = None,
) -> dt.datetime | None:
    """The next moment (aware UTC) ``>= now`` the rule fires; None if it never will.

    ``local_tz`` is the zone a rule with ``tz == ""`` follows (default: the computer's).
    """
    if not rule.enabled:
        return None
    now = _aware(now, "now")
    last = None if last_fired is None else _aware(last_fired, "last_fired")
    paused = None if paused_until is None else _aware(paused_until, "paused_until")
    zone = rule_zone(rule.schedule, local_tz)
    if snooze_live(rule, last, paused):
        assert rule.snoozed_until is not None
        return push_out_of_quiet(
            max(_aware(rule.snoozed_until, "snoozed_until"), now), rule.schedule, zone
        )
    floor = now if paused is None or paused <= now else paused
    return first_scheduled_after(rule.schedule, floor, last, zone)


def missed_since(
    rule: Rule,
    since: dt.datetime,
    now: dt.datetime,
    *,
    paused_until: dt.datetime | None = None,
    local_tz: dt.tzinfo | None = None,
) -> int:
    """How many scheduled fires fell after ``since`` and up to ``now`` (not counting any
    inside a pause). For deciding to coalesce: never shown to the person as a number."""
    plain = Rule(rule.id, rule.kind, rule.enabled, rule.schedule, rule.params)
    last = _aware(since, "since")
    now = _aware(now, "now")
    count = 0
    while count < MAX_MISSED:
        t = next_due(plain, last, last, paused_until=paused_until, local_tz=local_tz)
        if t is None or t > now:
            break
        count += 1
        last = t
    return count


def snooze_until(choice: SnoozeChoice, now: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    """When a snooze chosen at ``now`` ends (aware UTC). "Tomorrow" keeps the local time."""
    now = _aware(now, "now")
    if choice is SnoozeChoice.TEN_MINUTES:
        return now + dt.timedelta(minutes=10)
    if choice is SnoozeChoice.ONE_HOUR:
        return now + dt.timedelta(hours=1)
    local = now.astimezone(zone).replace(tzinfo=None)
    return resolve(local + DAY, zone)
