"""What each kind of reminder says, and when a kind has nothing to say.

Titles and bodies appear in notifications, which other people may see and the
desktop keeps: they are generic and kind, with no plan text, scores or tags.
``detail`` is for inside the unlocked app and may use the person's own plan.
There are no counts of misses, no streaks and no "you forgot".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from app.domain import CheckinDraft, DayKind
from app.reminders.model import ReminderKind


class PromptSource(Protocol):
    """The self-care plan's prompt picker (``store.selfcare``)."""

    def pick_prompt(self, today: dt.date) -> str | None: ...


class MeasureDue(Protocol):
    """What ``store.measures.due`` returns for each measure (app.services.measures.DueStatus)."""

    @property
    def measure_id(self) -> str: ...
    @property
    def due_on(self) -> dt.date | None: ...
    @property
    def days_until(self) -> int | None: ...


@dataclass(frozen=True)
class Words:
    title: str
    body: str
    target: str | None
    detail: str | None = None


WORDS: dict[ReminderKind, Words] = {
    ReminderKind.CHECKIN: Words(
        "Time for a quick check-in",
        "A minute to notice how today went, whenever suits you.",
        "checkin",
    ),
    ReminderKind.SELFCARE: Words(
        "A moment for yourself",
        "Something that restores you might fit in now.",
        "selfcare",
        "A small pause counts. Your plan has ideas when you want them.",
    ),
    ReminderKind.HEAVY_DAY: Words(
        "A gentle evening reminder",
        "Tend has something for you when you have a moment.",
        "selfcare",
        "Today sounded like it asked a lot of you. Something gentle this evening could help: "
        "whatever tends to bring you back to yourself.",
    ),
    ReminderKind.NO_DAY_OFF: Words(
        "A gentle reminder about rest",
        "Tend has a thought about rest for you.",
        "selfcare",
        "It's been a while since your check-ins showed a day off or leave. Rest is part of "
        "doing this work well, not a reward for it. Is there a day you could set aside?",
    ),
    ReminderKind.MEASURE_DUE: Words(
        "A regular check is ready",
        "A short questionnaire is ready whenever you are.",
        "measures",
        "A questionnaire you take now and then has come round again. There's no rush.",
    ),
    ReminderKind.SUPERVISION: Words(
        "Supervision coming up",
        "You have a supervision session soon.",
        "supervision",
    ),
}
CATCH_UP_DETAIL = (
    "Here's what came up while Tend was closed. Take whatever is useful and leave the rest."
)
CATCH_UP = Words(
    "Welcome back",
    "Tend kept a gentle reminder or two for you from while it was closed.",
    None,
    CATCH_UP_DETAIL,
)
FROM_PLAN = "From your plan: {}"


AGENDA_WAITING = "Your agenda note is on the Supervision page."


def session_detail(start: dt.datetime, now: dt.datetime, zone: dt.tzinfo, has_agenda: bool) -> str:
    """In-app words for a booked session: when it starts, and where the agenda note is.
    Never the note itself: only that there is one."""
    local, today = start.astimezone(zone), now.astimezone(zone).date()
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if local.date() == today:
        when = f"It starts at {clock} today."
    elif local.date() == today + dt.timedelta(days=1):
        when = f"It starts at {clock} tomorrow."
    else:
        when = f"It starts on {local:%A} {local.day} {local:%B} at {clock}."
    return f"{when} {AGENDA_WAITING}" if has_agenda else when


def upcoming_session(
    bookings: Sequence[tuple[str, dt.datetime]], leads: Sequence[int], now: dt.datetime
) -> tuple[str, dt.datetime] | None:
    """The soonest booking a supervision reminder shown at ``now`` is about: one whose
    first reminder moment has come and that hasn't started yet (a snoozed reminder still
    finds its session). A catch-up after Tend was closed never announces a session that
    already began: then there is nothing to say."""
    longest = dt.timedelta(minutes=max(leads, default=0))
    for ident, start in sorted(bookings, key=lambda b: b[1]):
        if start > now and start - longest <= now:
            return ident, start
    return None


def with_prompt(detail: str | None, prompt: str | None) -> str | None:
    """The kind's in-app words, followed by a practice from the plan when there is one."""
    if not prompt:
        return detail
    line = FROM_PLAN.format(prompt)
    return line if not detail else f"{detail}\n\n{line}"


def coalesced_target(targets: Iterable[str | None]) -> str | None:
    """The page to open for a catch-up: the one they all share, else none."""
    found = set(targets)
    return found.pop() if len(found) == 1 else None


def heavy_today(today_checkin: CheckinDraft | None) -> bool:
    return today_checkin is not None and today_checkin.exposure == "a_lot"


def no_day_off_for(checkins: Sequence[CheckinDraft], today: dt.date, days: int) -> bool:
    """True when the last ``days`` days (to ``today``) have check-ins but none marked a
    day off or leave, and there are enough check-ins to say so: a third of the days,
    with one in the first third (people often skip check-ins on days off, so silence
    alone never counts as no rest)."""
    start = today - dt.timedelta(days=days - 1)
    window = [c for c in checkins if start <= c.day <= today]
    if any(c.day_kind in (DayKind.DAY_OFF, DayKind.LEAVE) for c in window):
        return False
    early = start + dt.timedelta(days=max(1, days // 3))
    return len(window) >= max(3, days // 3) and any(c.day < early for c in window)


def fresh_measures(statuses: Iterable[MeasureDue], notified: dict[str, str]) -> list[MeasureDue]:
    """Measures due now whose current round hasn't had a reminder yet (once per round)."""
    return [
        s
        for s in statuses
        if s.due_on is not None
        and s.days_until is not None
        and s.days_until <= 0
        and notified.get(s.measure_id) != s.due_on.isoformat()
    ]
