"""Supervision policy: how often each person is due, and where they stand.

The organisation's rules say how often by length of service: the rule with the
greatest ``from_month`` at or below the person's whole months of service applies
(by default weekly in the first six months, fortnightly after). A session counts
when it was held, or when it was booked and has ended without being marked yet
(presumed held). Cancelled and missed sessions never count. Dates are local dates
in the person's zone, so a daylight-saving change never shifts a due date.

``overdue`` means the due date has passed and nothing is booked yet: once a
session is booked, the person has done what they can. Words here are Tend's own,
plain and without blame.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from app.supervision.dates import clock_time, day_month, weekday_day_month


@dataclass(frozen=True)
class PolicyRule:
    from_month: int
    every_days: int


DEFAULT_POLICY = (PolicyRule(0, 7), PolicyRule(6, 14))


class AttendanceStatus(StrEnum):
    BOOKED = "booked"
    CANCELLED = "cancelled"
    HELD = "held"
    MISSED = "missed"


@dataclass(frozen=True)
class Attended:
    start: dt.datetime  # aware UTC
    end: dt.datetime
    status: AttendanceStatus


@dataclass(frozen=True)
class Standing:
    last_held: dt.date | None  # local date of the last session that counts
    days_since: int | None
    due_by: dt.date  # local date the next session is due by
    every_days: int  # the rule in force
    next_booked: dt.datetime | None  # aware UTC start of the next booked session
    overdue: bool  # due_by has passed and nothing is booked
    days_overdue: int  # 0 unless overdue


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` moved by whole months, kept inside the month (31 August + 6 = 28 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(
        year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1])
    )


def months_of_service(started_on: dt.date, on: dt.date) -> int:
    """Whole months from ``started_on`` to ``on``: they change on each monthly anniversary."""
    months = (on.year - started_on.year) * 12 + on.month - started_on.month
    if months > 0 and add_months(started_on, months) > on:
        months -= 1
    return max(months, 0)


def rule_for(rules: Sequence[PolicyRule], started_on: dt.date | None, on: dt.date) -> PolicyRule:
    """The rule in force on ``on``. Without a start date, the person is taken to be
    established (the rule with the greatest ``from_month``): the fact most often
    missing is when long-standing staff began."""
    ordered = sorted(rules or DEFAULT_POLICY, key=lambda r: r.from_month)
    if started_on is None:
        return ordered[-1]
    months = months_of_service(started_on, on)
    applying = [r for r in ordered if r.from_month <= months]
    return applying[-1] if applying else ordered[0]


def _counts(item: Attended, now: dt.datetime) -> bool:
    if item.status is AttendanceStatus.HELD:
        return True
    return item.status is AttendanceStatus.BOOKED and item.end <= now


def standing(
    rules: Sequence[PolicyRule],
    started_on: dt.date | None,
    history: Sequence[Attended],
    now: dt.datetime,
    zone: dt.tzinfo,
) -> Standing:
    """Where a person stands at ``now``: last session, due date, next booking."""
    if now.tzinfo is None:
        raise ValueError("now must be an aware datetime")
    today = now.astimezone(zone).date()
    every = rule_for(rules, started_on, today).every_days
    counted = [a.start for a in history if _counts(a, now)]
    upcoming = [a.start for a in history if a.status is AttendanceStatus.BOOKED and a.end > now]
    next_booked = min(upcoming).astimezone(dt.UTC) if upcoming else None
    if counted:
        held = max(counted).astimezone(zone).date()
        last_held: dt.date | None = held
        days_since: int | None = (today - held).days
        due_by = held + dt.timedelta(days=every)
    else:
        last_held = days_since = None
        due_by = today if started_on is None else started_on + dt.timedelta(days=every)
    overdue = due_by < today and next_booked is None
    return Standing(
        last_held=last_held,
        days_since=days_since,
        due_by=due_by,
        every_days=every,
        next_booked=next_booked,
        overdue=overdue,
        days_overdue=(today - due_by).days if overdue else 0,
    )


def _day(day: dt.date, today: dt.date) -> str:
    return day_month(day, year=day.year != today.year)


def _last(standing: Standing) -> str:
    days = standing.days_since
    if days is None:
        return "There's no supervision on record for you yet."
    if days <= 0:
        return "Your last supervision was today."
    if days == 1:
        return "Your last supervision was yesterday."
    return f"Your last supervision was {days} days ago."


def describe(standing: Standing, today: dt.date, zone: dt.tzinfo | None = None) -> str:
    """Two calm sentences: "Your last supervision was 23 days ago. The next is due by
    2 December." ``zone`` shows a booking's local time (None: this computer's zone)."""
    first = _last(standing)
    if standing.next_booked is not None:
        local = standing.next_booked.astimezone(zone)
        when = weekday_day_month(local.date(), year=local.year != today.year)
        return f"{first} Your next supervision is booked for {when} at {clock_time(local)}."
    word = "first" if standing.last_held is None else "next"
    if standing.due_by == today:
        return f"{first} The {word} is due today."
    if standing.due_by > today:
        return f"{first} The {word} is due by {_day(standing.due_by, today)}."
    return (
        f"{first} The {word} was due by {_day(standing.due_by, today)}: "
        "you can book a time whenever suits."
    )
