"""The pause's end and the words around it, without Qt."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.reminder_delivery import (
    SNOOZE_CHOICES,
    WELCOME_BACK,
    day_words,
    end_finished_pause,
    pause_end,
    resting_line,
)
from app.reminders.due import SnoozeChoice

SYDNEY = ZoneInfo("Australia/Sydney")
SANTIAGO = ZoneInfo("America/Santiago")


def test_pause_ends_at_the_start_of_the_day_the_person_is_back():
    now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=SYDNEY)
    end = pause_end(dt.date(2026, 12, 3), now)
    assert end.tzinfo == dt.UTC
    assert end.astimezone(SYDNEY) == dt.datetime(2026, 12, 3, 0, 0, tzinfo=SYDNEY)


def test_a_midnight_that_does_not_exist_ends_the_pause_at_the_first_real_moment():
    # Chile springs forward at midnight: 6 September 2026 starts at 01:00.
    now = dt.datetime(2026, 8, 20, 12, 0, tzinfo=SANTIAGO)
    end = pause_end(dt.date(2026, 9, 6), now).astimezone(SANTIAGO)
    assert (end.date(), end.hour, end.minute) == (dt.date(2026, 9, 6), 1, 0)


def test_resting_line_is_warm_and_local():
    now = dt.datetime(2026, 11, 22, 9, 0, tzinfo=SYDNEY)
    end = pause_end(dt.date(2026, 12, 3), now)  # 2 December in UTC
    assert resting_line(end, now) == "Reminders are resting until 3 December. Enjoy the break."
    next_year = pause_end(dt.date(2027, 1, 4), now)
    assert resting_line(next_year, now) == (
        "Reminders are resting until 4 January 2027. Enjoy the break."
    )


def test_day_words_have_no_leading_zero():
    now = dt.datetime(2026, 1, 1, tzinfo=SYDNEY)
    assert day_words(dt.date(2026, 3, 5), now) == "5 March"


def test_the_words_never_count_or_blame():
    words = [WELCOME_BACK] + [w for _c, a, b in SNOOZE_CHOICES for w in (a, b)]
    for text in words:
        for unkind in ("missed", "forgot", "streak", "overdue", "behind"):
            assert unkind not in text.lower()


def test_snooze_choices_are_the_engines():
    assert [c for c, _a, _b in SNOOZE_CHOICES] == list(SnoozeChoice)


def test_a_finished_pause_is_welcomed_once(unlocked, clock):
    store = unlocked.require_store()
    assert end_finished_pause(store, clock.now()) is False  # never paused
    store.reminders.pause_until(clock.now() + dt.timedelta(days=3))
    assert end_finished_pause(store, clock.now()) is False  # still resting
    clock.advance(days=3, minutes=1)
    assert end_finished_pause(store, clock.now()) is True
    assert end_finished_pause(store, clock.now()) is False  # said once
    assert store.reminders.paused_until() is None
