"""Delivery without Qt: snooze buttons, the pause's end, and the words around them.

The due-time maths is ``app.reminders``'s; this module only turns the
person's choices ("until 3 December") into aware UTC moments for
``store.reminders``, in their own local time, and words them back.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING

from app.reminders.due import SnoozeChoice, local_zone, resolve

if TYPE_CHECKING:
    from app.services.store import PrivateStore

# (choice, button words, accessible words)
SNOOZE_CHOICES: tuple[tuple[SnoozeChoice, str, str], ...] = (
    (SnoozeChoice.TEN_MINUTES, "10 minutes", "Remind me again in 10 minutes"),
    (SnoozeChoice.ONE_HOUR, "1 hour", "Remind me again in an hour"),
    (SnoozeChoice.TOMORROW, "Tomorrow", "Remind me again tomorrow at this time"),
)


def pause_end(back_on: dt.date, now: dt.datetime) -> dt.datetime:
    """Paused "until 3 December": reminders start again at the start of that local day."""
    return resolve(dt.datetime.combine(back_on, dt.time(0, 0)), local_zone(now))


def day_words(day: dt.date, now: dt.datetime) -> str:
    """A day as "3 December" ("3 December 2027" when not this year), no leading zero."""
    words = f"{day.day} {day.strftime('%B')}"
    return words if day.year == now.year else f"{words} {day.year}"


def local_day(moment: dt.datetime, now: dt.datetime) -> dt.date:
    """The person's calendar day of an aware ``moment``."""
    return moment.astimezone(local_zone(now)).date()


def resting_line(paused_until: dt.datetime, now: dt.datetime) -> str:
    """The warm line while paused."""
    return (
        f"Reminders are resting until {day_words(local_day(paused_until, now), now)}. "
        "Enjoy the break."
    )


# Shown once after a pause ends: nothing owed, nothing counted.
WELCOME_BACK = "Welcome back. Reminders carry on from today, with nothing to catch up on."


def end_finished_pause(store: PrivateStore, now: dt.datetime) -> bool:
    """True, once, when a pause has run its course: it is then cleared, so the welcome
    back is said a single time. ``store.reminders.paused_until()`` is None both before a
    pause and after one, so this reads the stored end itself."""
    from sqlalchemy.orm import Session

    from app.reminders.service import PAUSED_KEY
    from app.store.models import PrivateSetting

    with Session(store.engine) as s:
        row = s.get(PrivateSetting, PAUSED_KEY)
        raw = None if row is None else json.loads(row.value)
    if not isinstance(raw, str):
        return False
    try:
        ended = dt.datetime.fromisoformat(raw)
    except ValueError:
        return False
    if ended.tzinfo is None or ended > now:
        return False
    store.reminders.pause_until(None)
    return True
