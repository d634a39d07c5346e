"""The Reminders page's words: what each kind is, and a schedule said in plain English."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.reminders.model import ALL_DAYS, WEEKDAYS, ReminderKind, Rule, Schedule

# kind: (name, what it does)
KINDS: dict[ReminderKind, tuple[str, str]] = {
    ReminderKind.CHECKIN: (
        "Daily check-in",
        "A nudge to take a minute for your check-in. It stays quiet on days you've "
        "already checked in.",
    ),
    ReminderKind.SELFCARE: (
        "Something from your self-care plan",
        "Brings back one of the things that restore you, drawn from your own plan. "
        "The practice itself only shows inside Tend, never on the desktop.",
    ),
    ReminderKind.HEAVY_DAY: (
        "After a heavy day",
        "When your check-in says the day held a lot of other people's pain, a gentle "
        "prompt later on to look after yourself.",
    ),
    ReminderKind.NO_DAY_OFF: (
        "A while without a day off",
        "Lets you know when it has been a long stretch without a day off or leave, so "
        "rest doesn't slip past unnoticed.",
    ),
    ReminderKind.MEASURE_DUE: (
        "A questionnaire has come round",
        "When one of your questionnaires is ready to take again.",
    ),
    ReminderKind.SUPERVISION: (
        "Before supervision",
        "A reminder before each supervision session you book, so you have a moment to "
        "gather your thoughts. Your desktop only ever says a session is coming up.",
    ),
}
# The lead times the supervision reminder offers (minutes before a session).
LEAD_CHOICES = (1440, 60, 15)

DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_FULL = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WEEKEND = frozenset({5, 6})

INTRO = (
    "Gentle nudges at the times you choose. Each one is easy to change or switch off, "
    "and nothing here keeps count of what you skip."
)
PAUSE_INTRO = (
    "Going on leave, or need a rest from reminders? Pause them all until the day you're "
    "back. Nothing piles up while they rest."
)
EMPTY = "No reminders yet. Add one whenever it would help."


def kind_name(kind: ReminderKind) -> str:
    return KINDS.get(kind, (str(kind), ""))[0]


def kind_about(kind: ReminderKind) -> str:
    return KINDS.get(kind, ("", ""))[1]


def hhmm(t: dt.time) -> str:
    return f"{t.hour:02d}:{t.minute:02d}"


def _join(words: list[str]) -> str:
    if len(words) <= 1:
        return "".join(words)
    return ", ".join(words[:-1]) + " and " + words[-1]


def days_words(days: frozenset[int]) -> str:
    if days == ALL_DAYS:
        return "every day"
    if days == WEEKDAYS:
        return "on weekdays"
    if days == WEEKEND:
        return "at weekends"
    return "on " + _join([DAY_NAMES[d] for d in sorted(days)])


def every_words(minutes: int) -> str:
    if minutes % 60 == 0:
        hours = minutes // 60
        return "every hour" if hours == 1 else f"every {hours} hours"
    return f"every {minutes} minutes"


def _first_up(text: str) -> str:
    return text[:1].upper() + text[1:]  # str.capitalize() would lower "Fri" to "fri"


def lead_words(minutes: int) -> str:
    """E.g. "1 day before", "1 hour before", "15 minutes before", "2 days before"."""
    for size, one, many in ((1440, "day", "days"), (60, "hour", "hours")):
        if minutes % size == 0:
            n = minutes // size
            return f"{n} {one if n == 1 else many} before"
    return f"{minutes} minutes before"


def leads_words(leads: Sequence[int]) -> str:
    """E.g. "1 day and 1 hour before each session you book"."""
    parts = [lead_words(m).removesuffix(" before") for m in sorted(leads, reverse=True)]
    return f"{_join(parts)} before each session you book" if parts else ""


def rule_words(rule: Rule) -> str:
    """A rule's "when", as its row on the page says it."""
    if rule.kind is ReminderKind.SUPERVISION:
        return _first_up(leads_words(rule.params.get("leads", [])))
    return schedule_words(rule.schedule)


def schedule_words(s: Schedule) -> str:
    """E.g. "On weekdays at 17:00" or "Every 2 hours, every day; quiet 22:00–07:00"."""
    if s.at is not None:
        return "Before each session you book"
    if s.every_minutes is not None:
        text = _first_up(f"{every_words(s.every_minutes)}, {days_words(s.weekdays)}")
    else:
        text = _first_up(f"{days_words(s.weekdays)} at {_join([hhmm(t) for t in s.times])}")
    if s.quiet_start is not None and s.quiet_end is not None:
        text += f"; quiet {hhmm(s.quiet_start)}–{hhmm(s.quiet_end)}"
    if s.tz:
        text += f" ({s.tz} time)"
    return text
