"""Reminder tests: a real unlocked store, with its fixed clock (Sydney, Sunday 22 Nov 2026 9:00)."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from app.reminders.model import ALL_DAYS, ReminderKind, Rule, Schedule
from app.services.store import PrivateStore

SYDNEY = ZoneInfo("Australia/Sydney")


@pytest.fixture
def store(unlocked) -> PrivateStore:
    return unlocked.require_store()


def sydney(*parts: int) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=SYDNEY)  # type: ignore[misc]


def new_rule(
    kind: ReminderKind = ReminderKind.CHECKIN,
    *times: str,
    days: frozenset[int] = ALL_DAYS,
    params: dict | None = None,
    enabled: bool = True,
    every: int | None = None,
) -> Rule:
    schedule = Schedule(
        times=tuple(dt.time.fromisoformat(t) for t in (times or (() if every else ("17:00",)))),
        weekdays=days,
        every_minutes=every,
    )
    return Rule("", kind, enabled, schedule, params or {})
