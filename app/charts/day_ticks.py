"""Date ticks for time charts: whole days, weeks, months or years, one format per axis.

matplotlib's ``ConciseDateFormatter`` labels "Nov, 08, 15, 22" and "Sep, 15, Oct,
15": day numbers and month names side by side, where a reader cannot tell which
is which. And over a day or two ``AutoDateLocator`` ticks hours, which a chart of
days has no use for. Here every tick of one axis has the same kind of label:

- days or weeks apart: "9 Nov" (weeks start on a Monday);
- months apart: "Nov 2026" (on the 1st);
- years apart: "2026" (on 1 January).

The step is the smallest that leaves each label room at the axes' current width,
so a narrow window gets fewer ticks, never overlapping ones. Ticks sit on whole
day numbers (matplotlib's x: days since 1970-01-01), so never between two days.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import Formatter, Locator

from app.charts.series import day_number, from_day_number

Unit = Literal["day", "month", "year"]

DAY_STEPS = (1, 2, 7, 14)  # 7 and 14 fall on Mondays
MONTH_STEPS = (1, 2, 3, 6)
YEAR_STEPS = (1, 2, 5, 10, 20, 50, 100)
MONDAY = day_number(dt.date(1970, 1, 5))
LABEL_ROOM = 64.0  # points per label ("Nov 2026" in small type, with space around it)
MOST_TICKS = 7


def day_label(day: dt.date) -> str:
    return f"{day.day} {day:%b}"


def month_label(day: dt.date) -> str:
    return f"{day:%b %Y}"


def year_label(day: dt.date) -> str:
    return f"{day.year}"


LABELS = {"day": day_label, "month": month_label, "year": year_label}


def _month_index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def calendar_ticks(lo: float, hi: float, room: int) -> tuple[Unit, list[int]]:
    """The unit and the day numbers of at most ``room`` ticks between ``lo`` and ``hi``.

    The finest step that fits wins; past the coarsest, the coarsest is used anyway.
    """
    lo, hi = min(lo, hi), max(lo, hi)
    first, last = math.ceil(lo), math.floor(hi)
    room = max(1, room)
    if last < first:
        return "day", []
    for step in DAY_STEPS:
        origin = MONDAY if step >= 7 else 0
        days = list(range(first + (origin - first) % step, last + 1, step))
        if len(days) <= room:
            return "day", days
    start, end = from_day_number(first), from_day_number(last)
    months: list[int] = []
    for step in MONTH_STEPS:
        months = []
        for k in range(_month_index(start), _month_index(end) + 1):
            x = day_number(dt.date(k // 12, k % 12 + 1, 1))
            if k % step == 0 and first <= x <= last:
                months.append(x)
        if len(months) <= room:
            return "month", months
    years: list[int] = []
    for step in YEAR_STEPS:
        years = []
        for year in range(start.year, end.year + 1):
            x = day_number(dt.date(year, 1, 1))
            if year % step == 0 and first <= x <= last:
                years.append(x)
        if len(years) <= room:
            break
    return "year", years


class DayTicks(Locator):
    """Ticks from ``calendar_ticks``, as many as the axes' width has room for."""

    def __init__(self) -> None:
        self.unit: Unit = "day"

    def room(self) -> int:
        axes = getattr(self.axis, "axes", None)
        if not isinstance(axes, Axes):
            return MOST_TICKS
        width = axes.bbox.width * 72 / axes.figure.dpi
        return max(2, min(MOST_TICKS, int(width // LABEL_ROOM)))

    def __call__(self) -> list[int]:
        lo, hi = self.axis.get_view_interval() if self.axis is not None else (0.0, 0.0)
        return self.tick_values(float(lo), float(hi))

    def tick_values(self, vmin: float, vmax: float) -> list[int]:
        self.unit, ticks = calendar_ticks(vmin, vmax, self.room())
        return ticks


class DayLabels(Formatter):
    """One label format for every tick on the axis, chosen by ``DayTicks``' unit."""

    def __init__(self, ticks: DayTicks) -> None:
        self.ticks = ticks

    def __call__(self, x: float, pos: int | None = None) -> str:
        if not np.isfinite(x):
            return ""
        return LABELS[self.ticks.unit](from_day_number(x))

    def format_data_short(self, value: float) -> str:
        day = from_day_number(value)
        return f"{day.day} {day:%b %Y}"
