"""Time is injected, never patched."""

from __future__ import annotations

import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime:
        """The current moment as an aware datetime in local time."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never jumps."""
        ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()

    def monotonic(self) -> float:
        import time

        return time.monotonic()


class FixedClock:
    """A clock for tests: stands still until moved."""

    def __init__(self, start: dt.datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FixedClock needs an aware datetime")
        self._now = start
        self._mono = 1000.0

    def now(self) -> dt.datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def advance(self, **delta: float) -> None:
        step = dt.timedelta(**delta)
        # Elapsed time, not wall-clock arithmetic: across a DST change in a named zone,
        # adding to the local time would land an hour off (or on a time that never exists).
        self._now = (self._now.astimezone(dt.UTC) + step).astimezone(self._now.tzinfo)
        self._mono += step.total_seconds()

    def set(self, moment: dt.datetime) -> None:
        """Jump the wall clock without moving the monotonic one (sleep, manual change)."""
        self._now = moment


def today(clock: Clock) -> dt.date:
    return clock.now().date()
