"""Free slots for a supervisor with a year of weekly availability and 500 sessions.

Five weekly windows (Monday to Friday, 09:00-17:00, Sydney), 60-minute sessions with a
15-minute buffer, booking open a year ahead, and 500 sessions already booked across that
year (Friday's window is for groups, so about a fifth are group sessions, some full).
The baseline is the same call with nothing booked: the ratio shows what the sessions cost.
"""

from __future__ import annotations

import datetime as dt
import random
from zoneinfo import ZoneInfo

from app.supervision import recurrence
from app.supervision.model import Busy, OfferSettings, Window, WindowKind
from app.supervision.slots import free_slots
from bench.common import median, p95, ratio, report, timed

ZONE = ZoneInfo("Australia/Sydney")
NOW = dt.datetime(2026, 11, 22, 9, tzinfo=ZONE)
SETTINGS = OfferSettings(
    session_minutes=60, buffer_minutes=15, min_notice_hours=24, horizon_days=366, daily_max=8
)
BUSY = 500
RUNS = 25
GOAL_MS = 50.0


def make_windows() -> list[Window]:
    first_monday = dt.datetime(2025, 11, 24, 9)  # a year before NOW: the rules already run
    return [
        Window(
            f"w{day}",
            WindowKind.WEEKLY,
            first_monday + dt.timedelta(days=day),
            first_monday + dt.timedelta(days=day, hours=8),
            recurrence.weekly_rule([day]),
            capacity=6 if day == 4 else 1,  # Friday: group supervision
        )
        for day in range(5)
    ]


def make_busy(windows: list[Window], n: int, seed: int = 5) -> list[Busy]:
    """``n`` sessions on free slots spread over the year, never overlapping."""
    free = free_slots(SETTINGS, windows, [], NOW, ZONE)
    rng = random.Random(seed)
    chosen = sorted(rng.sample(free, n), key=lambda s: s.start)
    buffer = SETTINGS.buffer
    return [
        Busy(f"s{i}", s.start, s.end + buffer, s.capacity, rng.randint(1, s.capacity))
        for i, s in enumerate(chosen)
    ]


def _run(windows: list[Window], busy: list[Busy]) -> int:
    recurrence._parse.cache_clear()  # each run parses its rules afresh, as after a restart
    return len(free_slots(SETTINGS, windows, busy, NOW, ZONE))


def run() -> None:
    windows = make_windows()
    busy = make_busy(windows, BUSY)
    _run(windows, busy)  # warm-up: imports, zone data
    empty_ms, busy_ms = [], []
    for _ in range(RUNS):  # alternated, so both see the same machine
        empty_ms.append(timed(lambda: _run(windows, [])) * 1000)
        busy_ms.append(timed(lambda: _run(windows, busy)) * 1000)
    report("slots_year_windows", len(windows))
    report("slots_year_busy", len(busy))
    report("slots_year_offered_empty", _run(windows, []))
    report("slots_year_offered_busy", _run(windows, busy))
    report("slots_year_empty_ms", median(empty_ms))
    report("slots_year_500_busy_ms", median(busy_ms))
    report("slots_year_500_busy_p95_ms", p95(busy_ms))
    report("slots_year_ratio_busy_over_empty", ratio(median(busy_ms), median(empty_ms)))
    report("slots_year_goal_met", str(median(busy_ms) <= GOAL_MS).lower())


if __name__ == "__main__":
    run()
