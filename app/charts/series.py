"""Check-ins as daily arrays: one slot per calendar day, NaN where there is no answer.

Nothing is invented. A day without a check-in, or a question left blank, stays
NaN, and a chart draws it as a gap.

Rolling averages (``rolling_mean``) are *trailing* windows of calendar days
ending on (and including) the day itself: the 7-day average on 12 Nov covers
6–12 Nov. The average is taken over the days in the window that have an
answer, and only when at least half of the window's days have one (4 of 7,
14 of 28); otherwise it is NaN, so a thin stretch of answers never passes for
a trend. Days before the first check-in count as unanswered.

Days since the last day off or leave (``days_since_rest``) counts calendar
days since the most recent check-in marked "day off" or "leave" (0 on such a
day). Days without a check-in are counted as days too: they may have been days
off, but Tend wasn't told, so the count says "since the last one you recorded".
Before the first recorded day off or leave it is NaN (unknown, not zero).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.charts.kinds import SPAN_DAYS as SPAN_DAYS  # re-exported with Span
from app.charts.kinds import Span as Span
from app.domain import SCALES, Checkin, DayKind, Exposure

Floats = NDArray[np.float64]

EPOCH = dt.date(1970, 1, 1)  # matplotlib's default date epoch: x = days since this day
EXPOSURE_LEVEL = {Exposure.NONE: 0.0, Exposure.SOME: 1.0, Exposure.A_LOT: 2.0}
# Day kinds as small integers; NO_CHECKIN marks a day with no check-in at all.
NO_CHECKIN = -1
KIND_CODE = {DayKind.WORK: 0, DayKind.DAY_OFF: 1, DayKind.LEAVE: 2}
SHORT_WINDOW = 7
LONG_WINDOW = 28


def day_number(day: dt.date) -> int:
    """A date as matplotlib's x value (days since 1970-01-01)."""
    return (day - EPOCH).days


def from_day_number(x: float) -> dt.date:
    return EPOCH + dt.timedelta(days=round(x))


@dataclass(frozen=True, eq=False)
class DailySeries:
    """Every calendar day from ``first`` to ``last`` inclusive, one array slot each."""

    first: dt.date
    last: dt.date
    scales: dict[str, Floats]  # SCALES -> 1..5 or NaN
    exposure: Floats  # 0 none, 1 some, 2 a lot, NaN unknown
    exposure_hours: Floats
    kinds: NDArray[np.int8]  # KIND_CODE values, NO_CHECKIN where there is no check-in

    @property
    def size(self) -> int:
        return len(self.kinds)

    @property
    def x(self) -> Floats:
        """Each slot's day as a matplotlib date number (fast: no datetime objects)."""
        start = day_number(self.first)
        return np.arange(start, start + self.size, dtype=np.float64)

    @property
    def checkin_count(self) -> int:
        return int(np.count_nonzero(self.kinds != NO_CHECKIN))

    def index_of(self, day: dt.date) -> int:
        """The slot for ``day``, which may lie outside 0..size-1."""
        return (day - self.first).days

    def day_at(self, index: int) -> dt.date:
        return self.first + dt.timedelta(days=index)

    def window(self, start: dt.date, end: dt.date) -> slice:
        """The slots between two days (inclusive), clipped to the series."""
        lo = min(self.size, max(0, self.index_of(start)))
        hi = min(self.size, self.index_of(end) + 1)
        return slice(lo, max(lo, hi))


def daily_series(
    checkins: Sequence[Checkin], first: dt.date | None = None, last: dt.date | None = None
) -> DailySeries:
    """Arrays from ``checkins`` covering ``first``..``last`` (default: the check-ins' own span).

    Check-ins outside the span are left out. With no check-ins and no span, the
    series is one empty day (today is not known here).
    """
    days = [c.day for c in checkins]
    first = first or (min(days) if days else EPOCH)
    last = last or (max(days) if days else first)
    if last < first:
        last = first
    size = (last - first).days + 1
    index = np.fromiter(((d - first).days for d in days), dtype=np.int64, count=len(days))
    keep = (index >= 0) & (index < size)
    index = index[keep]

    def column(values: list[float | None]) -> Floats:
        out = np.full(size, np.nan)
        # dtype=float turns None into NaN.
        out[index] = np.asarray(values, dtype=np.float64)[keep]
        return out

    scales = {name: column([getattr(c, name) for c in checkins]) for name in SCALES}
    exposure = column(
        [None if c.exposure is None else EXPOSURE_LEVEL[c.exposure] for c in checkins]
    )
    hours = column([c.exposure_hours for c in checkins])
    kinds = np.full(size, NO_CHECKIN, dtype=np.int8)
    kinds[index] = np.asarray([KIND_CODE[c.day_kind] for c in checkins], dtype=np.int8)[keep]
    return DailySeries(first, last, scales, exposure, hours, kinds)


def min_answers(window: int) -> int:
    """How many answered days a window needs for an average: at least half, rounded up."""
    return -(-window // 2)


def rolling_mean(values: Floats, window: int, min_count: int | None = None) -> Floats:
    """The trailing ``window``-day mean over answered days (see the module docstring).

    Vectorised with prefix sums: O(n) for any window, fast for decades of days.
    """
    if window < 1:
        raise ValueError("window must be at least 1")
    need = min_answers(window) if min_count is None else min_count
    answered = ~np.isnan(values)
    sums = np.concatenate(([0.0], np.cumsum(np.where(answered, values, 0.0))))
    counts = np.concatenate(([0], np.cumsum(answered)))
    ends = np.arange(1, len(values) + 1)
    starts = np.maximum(ends - window, 0)
    total = sums[ends] - sums[starts]
    count = counts[ends] - counts[starts]
    out = np.full(len(values), np.nan)
    enough = count >= max(need, 1)
    out[enough] = total[enough] / count[enough]
    return out


def days_since_rest(kinds: NDArray[np.int8]) -> Floats:
    """Days since the last recorded day off or leave, for every day (see the docstring)."""
    index = np.arange(len(kinds))
    rest = (kinds == KIND_CODE[DayKind.DAY_OFF]) | (kinds == KIND_CODE[DayKind.LEAVE])
    last_rest = np.maximum.accumulate(np.where(rest, index, -1))
    out = (index - last_rest).astype(np.float64)
    out[last_rest < 0] = np.nan
    return out


def weekly_peaks(values: Floats, first: dt.date) -> tuple[Floats, Floats]:
    """Each calendar week's (Monday to Sunday) highest value, ignoring NaN.

    Returns (x of each week's middle, Thursday, as a date number; the peaks). A week
    with no values at all is NaN. Used where a year of daily sawteeth would be a blur.
    """
    if not len(values):
        return np.zeros(0), np.zeros(0)
    offset = first.weekday()
    starts = np.flatnonzero((np.arange(len(values)) + offset) % 7 == 0)
    if not len(starts) or starts[0] != 0:
        starts = np.concatenate(([0], starts))
    peaks = np.fmax.reduceat(values, starts)  # fmax: NaN only when the whole week is NaN
    mondays = day_number(first) + starts - (starts + offset) % 7
    return mondays.astype(np.float64) + 3, peaks


def span_start(span: Span, today: dt.date) -> dt.date | None:
    """The first day ``span`` shows when it ends today (None: from the very first day)."""
    days = SPAN_DAYS[span]
    return None if days is None else today - dt.timedelta(days=days - 1)


def answered_days(values: Floats) -> int:
    return int(np.count_nonzero(~np.isnan(values)))
