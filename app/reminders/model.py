"""Reminder rules as plain values, and their JSON in the private store.

``reminder_rules.schedule`` holds one JSON object (every key optional)::

    {"times": ["08:30", "17:00"],      # local wall-clock times, "HH:MM", up to 24
     "weekdays": [0, 1, 2, 3, 4],       # 0 = Monday .. 6 = Sunday; default every day
     "every_minutes": null,             # an interval (5..1440 minutes) instead of "times"
     "quiet_start": "22:00",            # quiet hours, both or neither; may cross
     "quiet_end": "07:00",              #   midnight; start inclusive, end exclusive
     "tz": "",                          # IANA zone ("Europe/London"); "" = this computer's
     "at": null}                        # one-off moments instead: ["2026-11-24T23:00:00Z"]

A schedule has times, or an interval, or one-off moments (``at``): exactly one
of the three. One-off moments are instants (ISO 8601 with an offset, kept as
UTC, up to 200, possibly none yet); they ignore weekdays and quiet hours (the
schedule is normalised to every day, no quiet hours): they exist for booked
supervision, a fixed appointment whose reminder is no use after the quiet hours
end. Only the supervision rule has them, made by ``sync_supervision``. An
interval's slots are wall-clock times on each chosen day, counted from the end
of the quiet hours (or from midnight without quiet hours); slots inside quiet
hours are left out. A chosen time inside quiet hours moves to their end. See
``app.reminders.due`` for the maths.

``reminder_rules.params`` holds the kind's options (every key optional):

* ``selfcare``: ``{"item_id": "<uuid>"}``: a particular practice from the plan
  (otherwise one restoring practice is drawn from the plan each time).
* ``no_day_off``: ``{"days": 21}``: how long without a day off or leave (7..90).
* ``supervision``: ``{"leads": [1440, 60], "bookings": [["<attendance id>",
  "2026-11-25T23:00:00Z"], ...]}``: how long before each booked session to remind
  (minutes, 1 to 3 distinct values from 5 to 10080), and the person's upcoming
  bookings (attendance id and start, soonest first, up to 50) as last synced from
  the team store. The schedule's moments are derived from these (see
  ``supervision_moments``); the bookings are kept so a reminder can say when its
  session starts and so a started session is never announced.
* every other kind: ``{}``.

Parsing is strict: unknown keys, wrong types and values out of range raise
``ValidationError`` with a calm message that never repeats the input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import ValidationError

ALL_DAYS: frozenset[int] = frozenset(range(7))
WEEKDAYS: frozenset[int] = frozenset(range(5))
MAX_TIMES = 24
MIN_EVERY, MAX_EVERY = 5, 1440
MAX_JSON_CHARS = 16_000  # 50 bookings or 200 moments fit comfortably
MAX_MOMENTS = 200
MAX_BOOKINGS = 50
MAX_LEADS = 3
MIN_LEAD, MAX_LEAD = 5, 10_080  # minutes: 5 minutes to a week
DEFAULT_LEADS = (1440, 60)
MAX_ID_CHARS = 36
NO_DAY_OFF_DEFAULT, NO_DAY_OFF_MIN, NO_DAY_OFF_MAX = 21, 7, 90

_HHMM = re.compile(r"\A([01]\d|2[0-3]):([0-5]\d)\Z")
_SCHEDULE_KEYS = {"times", "weekdays", "every_minutes", "quiet_start", "quiet_end", "tz", "at"}


class ReminderKind(StrEnum):
    CHECKIN = "checkin"
    SELFCARE = "selfcare"
    HEAVY_DAY = "heavy_day"
    NO_DAY_OFF = "no_day_off"
    MEASURE_DUE = "measure_due"
    SUPERVISION = "supervision"  # booked sessions from the team store: one-off moments


@dataclass(frozen=True)
class Schedule:
    times: tuple[dt.time, ...] = ()  # local wall-clock times; several per day OK
    weekdays: frozenset[int] = ALL_DAYS  # 0=Mon..6=Sun
    every_minutes: int | None = None  # an interval instead of times
    quiet_start: dt.time | None = None
    quiet_end: dt.time | None = None  # may cross midnight
    tz: str = ""  # IANA name; "" = the system's local zone
    at: tuple[dt.datetime, ...] | None = None  # one-off moments (aware UTC) instead; () = none yet


@dataclass(frozen=True)
class Rule:
    id: str  # "" for a rule not saved yet
    kind: ReminderKind
    enabled: bool
    schedule: Schedule
    params: dict[str, Any] = field(default_factory=dict)
    last_fired_at: dt.datetime | None = None  # aware UTC
    snoozed_until: dt.datetime | None = None  # aware UTC


@dataclass(frozen=True)
class Reminder:
    """One notice to show. ``title`` and ``body`` are generic and safe on a shared desktop
    (notification daemons keep history); ``detail`` may hold words from the person's own
    plan and is shown only inside the unlocked app, never in a notification."""

    rule_id: str  # "" for a coalesced catch-up: see ``rule_ids``
    kind: ReminderKind
    due_at: dt.datetime  # aware UTC
    title: str
    body: str
    target: str | None  # a page key for "Open": "checkin", "selfcare", "measures"...
    detail: str | None = None  # in-app only
    rule_ids: tuple[str, ...] = ()  # every rule this notice stands for (one, or several)

    @property
    def coalesced(self) -> bool:
        return self.rule_id == ""


# -- schedule ------------------------------------------------------------------------------
def _time(value: object) -> dt.time:
    if not isinstance(value, str) or not (m := _HHMM.match(value)):
        raise ValidationError("Times of day look like 17:00.")
    return dt.time(int(m.group(1)), int(m.group(2)))


def _hhmm(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def check_zone(tz: object) -> str:
    """``tz`` if it is "" or a time zone this computer knows."""
    if not isinstance(tz, str) or len(tz) > 64:
        raise ValidationError("Tend doesn't know that time zone.")
    if tz:
        try:
            ZoneInfo(tz)
        except (ZoneInfoNotFoundError, ValueError, OSError):
            raise ValidationError("Tend doesn't know that time zone.") from None
    return tz


def _moment(value: object) -> dt.datetime:
    """An aware instant in UTC, from a datetime or an ISO 8601 string with an offset."""
    if isinstance(value, str) and len(value) <= 40:
        with contextlib.suppress(ValueError):
            value = dt.datetime.fromisoformat(value)
    if not isinstance(value, dt.datetime) or value.utcoffset() is None:
        raise ValidationError("Tend couldn't read the time of a booked session.")
    try:
        return value.astimezone(dt.UTC).replace(microsecond=0)
    except OverflowError:
        raise ValidationError("Tend couldn't read the time of a booked session.") from None


def _iso(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _check_moments(s: Schedule) -> Schedule:
    at = s.at
    if not isinstance(at, tuple) or len(at) > MAX_MOMENTS:
        raise ValidationError("A reminder can keep up to 200 booked times.")
    if s.times or s.every_minutes is not None:
        raise ValidationError("Pick times of day or an interval, not both.")
    moments = tuple(sorted({_moment(m) for m in at}))
    return Schedule(at=moments, tz=check_zone(s.tz))


def check_schedule(s: Schedule) -> Schedule:
    """A schedule that can be saved, normalised (times sorted, without seconds)."""
    if s.at is not None:
        return _check_moments(s)
    if not isinstance(s.times, tuple) or len(s.times) > MAX_TIMES:
        raise ValidationError(f"A reminder can have up to {MAX_TIMES} times a day.")
    if not all(isinstance(t, dt.time) and t.tzinfo is None for t in s.times):
        raise ValidationError("Times of day look like 17:00.")
    times = tuple(sorted({t.replace(second=0, microsecond=0) for t in s.times}))
    days = s.weekdays
    if not isinstance(days, frozenset) or not days or not days <= ALL_DAYS:
        raise ValidationError("Pick at least one day of the week.")
    if any(isinstance(d, bool) for d in days):
        raise ValidationError("Pick at least one day of the week.")
    every = s.every_minutes
    if every is not None and (
        isinstance(every, bool) or not isinstance(every, int) or not MIN_EVERY <= every <= MAX_EVERY
    ):
        raise ValidationError(f"An interval can be from {MIN_EVERY} minutes to a day.")
    if times and every is not None:
        raise ValidationError("Pick times of day or an interval, not both.")
    if not times and every is None:
        raise ValidationError("Pick at least one time of day, or how often.")
    quiet = (s.quiet_start, s.quiet_end)
    if (quiet[0] is None) != (quiet[1] is None):
        raise ValidationError("Quiet hours need both a start and an end.")
    if quiet[0] is not None and quiet[1] is not None:
        if not all(isinstance(q, dt.time) and q.tzinfo is None for q in quiet):
            raise ValidationError("Times of day look like 17:00.")
        quiet = (
            quiet[0].replace(second=0, microsecond=0),
            quiet[1].replace(second=0, microsecond=0),
        )
        if quiet[0] == quiet[1]:
            raise ValidationError("Quiet hours need a start and an end that differ.")
    return Schedule(times, days, every, quiet[0], quiet[1], check_zone(s.tz))


def _json_object(text: object, what: str) -> dict[str, Any]:
    if not isinstance(text, str) or len(text) > MAX_JSON_CHARS:
        raise ValidationError(f"Tend couldn't read this reminder's {what}.")
    try:
        data = json.loads(text)
    except ValueError:
        raise ValidationError(f"Tend couldn't read this reminder's {what}.") from None
    if not isinstance(data, dict):
        raise ValidationError(f"Tend couldn't read this reminder's {what}.")
    return data


def parse_schedule(text: str) -> Schedule:
    """A checked Schedule from its JSON (see the module docstring)."""
    data = _json_object(text, "times")
    if set(data) - _SCHEDULE_KEYS:
        raise ValidationError("Tend couldn't read this reminder's times.")
    times = data.get("times", [])
    if not isinstance(times, list):
        raise ValidationError("Times of day look like 17:00.")
    days = data.get("weekdays", sorted(ALL_DAYS))
    if not isinstance(days, list) or not all(
        isinstance(d, int) and not isinstance(d, bool) for d in days
    ):
        raise ValidationError("Pick at least one day of the week.")
    qs, qe = data.get("quiet_start"), data.get("quiet_end")
    at = data.get("at")
    if at is not None and (not isinstance(at, list) or len(at) > MAX_MOMENTS):
        raise ValidationError("A reminder can keep up to 200 booked times.")
    return check_schedule(
        Schedule(
            times=tuple(_time(t) for t in times[: MAX_TIMES + 1]),
            weekdays=frozenset(days),
            every_minutes=data.get("every_minutes"),
            quiet_start=None if qs is None else _time(qs),
            quiet_end=None if qe is None else _time(qe),
            tz=data.get("tz", ""),
            at=None if at is None else tuple(_moment(m) for m in at),
        )
    )


def schedule_json(s: Schedule) -> str:
    s = check_schedule(s)
    data = {
        "times": [_hhmm(t) for t in s.times],
        "weekdays": sorted(s.weekdays),
        "every_minutes": s.every_minutes,
        "quiet_start": None if s.quiet_start is None else _hhmm(s.quiet_start),
        "quiet_end": None if s.quiet_end is None else _hhmm(s.quiet_end),
        "tz": s.tz,
        "at": None if s.at is None else [_iso(m) for m in s.at],
    }
    return json.dumps(data, separators=(",", ":"))


# -- params --------------------------------------------------------------------------------
def check_kind(kind: object) -> ReminderKind:
    try:
        if isinstance(kind, str):
            return ReminderKind(kind)
    except ValueError:
        pass
    raise ValidationError("Tend doesn't know that kind of reminder.")


def check_params(kind: ReminderKind, params: object) -> dict[str, Any]:
    """The kind's options with defaults filled in (see the module docstring)."""
    if not isinstance(params, dict):
        raise ValidationError("Tend couldn't read this reminder's options.")
    allowed = {
        ReminderKind.SELFCARE: {"item_id"},
        ReminderKind.NO_DAY_OFF: {"days"},
        ReminderKind.SUPERVISION: {"leads", "bookings"},
    }
    if set(params) - allowed.get(kind, set()):
        raise ValidationError("Tend couldn't read this reminder's options.")
    out: dict[str, Any] = {}
    if kind is ReminderKind.SELFCARE and params.get("item_id") is not None:
        item = params["item_id"]
        if not isinstance(item, str) or not 0 < len(item) <= MAX_ID_CHARS:
            raise ValidationError("Tend couldn't find that part of your plan.")
        out["item_id"] = item
    if kind is ReminderKind.NO_DAY_OFF:
        days = params.get("days", NO_DAY_OFF_DEFAULT)
        if isinstance(days, bool) or not isinstance(days, int):
            raise ValidationError("The number of days needs to be a whole number.")
        if not NO_DAY_OFF_MIN <= days <= NO_DAY_OFF_MAX:
            raise ValidationError(
                f"The number of days can be from {NO_DAY_OFF_MIN} to {NO_DAY_OFF_MAX}."
            )
        out["days"] = days
    if kind is ReminderKind.SUPERVISION:
        out["leads"] = list(check_leads(params.get("leads", DEFAULT_LEADS)))
        out["bookings"] = [[i, _iso(t)] for i, t in check_bookings(params.get("bookings", []))]
    return out


def check_leads(leads: object) -> tuple[int, ...]:
    """Lead times in minutes, longest first: 1 to 3 distinct, each 5 minutes to a week."""
    if not isinstance(leads, list | tuple) or not 0 < len(leads) <= MAX_LEADS:
        raise ValidationError("Pick at least one time to be reminded before a session.")
    if not all(
        isinstance(m, int) and not isinstance(m, bool) and MIN_LEAD <= m <= MAX_LEAD for m in leads
    ):
        raise ValidationError("A reminder can come from 5 minutes to a week before a session.")
    return tuple(sorted(set(leads), reverse=True))


def check_bookings(bookings: object) -> tuple[tuple[str, dt.datetime], ...]:
    """(attendance id, start as aware UTC) pairs, soonest first, ids unique."""
    if not isinstance(bookings, list | tuple) or len(bookings) > MAX_BOOKINGS:
        raise ValidationError("Tend couldn't read your booked sessions.")
    seen: dict[str, dt.datetime] = {}
    for pair in bookings:
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise ValidationError("Tend couldn't read your booked sessions.")
        ident, start = pair
        if not isinstance(ident, str) or not 0 < len(ident) <= MAX_ID_CHARS or ident in seen:
            raise ValidationError("Tend couldn't read your booked sessions.")
        seen[ident] = _moment(start)
    return tuple(sorted(seen.items(), key=lambda p: (p[1], p[0])))


def supervision_moments(params: dict[str, Any]) -> tuple[dt.datetime, ...]:
    """When a supervision rule fires: each booking's start less each lead time."""
    leads = check_leads(params.get("leads", DEFAULT_LEADS))
    bookings = check_bookings(params.get("bookings", []))
    moments = {start - dt.timedelta(minutes=lead) for _, start in bookings for lead in leads}
    return tuple(sorted(moments))


def parse_params(kind: ReminderKind, text: str) -> dict[str, Any]:
    return check_params(kind, _json_object(text, "options"))


def params_json(kind: ReminderKind, params: dict[str, Any]) -> str:
    return json.dumps(check_params(kind, params), separators=(",", ":"), sort_keys=True)


def check_rule(rule: Rule) -> Rule:
    """``rule`` with its kind, schedule and options checked and normalised."""
    if not isinstance(rule.id, str) or len(rule.id) > MAX_ID_CHARS:
        raise ValidationError("Tend doesn't know that reminder.")
    if not isinstance(rule.enabled, bool):
        raise ValidationError("A reminder is either on or off.")
    if not isinstance(rule.schedule, Schedule):
        raise ValidationError("Tend couldn't read this reminder's times.")
    kind = check_kind(rule.kind)
    params = check_params(kind, rule.params)
    schedule = rule.schedule
    if kind is ReminderKind.SUPERVISION:
        # Derived, never hand-edited: the bookings and lead times say when it fires.
        schedule = Schedule(at=supervision_moments(params), tz=schedule.tz)
    elif schedule.at is not None:
        raise ValidationError("Pick at least one time of day, or how often.")
    return Rule(
        id=rule.id,
        kind=kind,
        enabled=rule.enabled,
        schedule=check_schedule(schedule),
        params=params,
        last_fired_at=rule.last_fired_at,
        snoozed_until=rule.snoozed_until,
    )
