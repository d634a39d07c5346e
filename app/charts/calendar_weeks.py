"""The calendar over many years: one row per year, one square per week.

Seven rows of days per year stop being readable past two years in a window,
so "All" with more than ``DAY_STRIP_YEARS`` years shows each week's average
(over the days answered that week) instead, rounded to the nearest answer for
its colour. Columns are weeks of the year (Monday-based), so a column is the
same time of year in every row. A week with no answers is hatched; weeks before
the first check-in or after today are blank. The read-out gives the exact
average and how many days it is over.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection

from app.charts.base import FONT_SMALL, number, short_day
from app.charts.palette import Theme
from app.charts.series import DailySeries, Floats

DAY_STRIP_YEARS = 2
COLUMNS = 54  # a year touches at most 54 Monday-based weeks
_CORNERS = np.array([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)])


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def year_origin(year: int) -> dt.date:
    """The Monday of column 0 for ``year`` (on or before 1 January)."""
    return monday(dt.date(year, 1, 1))


@dataclass(frozen=True)
class Week:
    first: dt.date  # inside its year and the view
    last: dt.date
    mean: float  # NaN: no answers
    answered: int


class WeekGrid:
    """Weekly averages of one signal, a row per year (newest first), from start to end."""

    def __init__(self, data: DailySeries, signal: str, start: dt.date, end: dt.date) -> None:
        self.data, self.signal, self.start, self.end = data, signal, start, end
        self.years = list(range(end.year, start.year - 1, -1))
        self.means = np.full((len(self.years), COLUMNS), np.nan)
        self.counts = np.zeros((len(self.years), COLUMNS), dtype=np.int64)
        self.inside = np.zeros((len(self.years), COLUMNS), dtype=bool)
        values = data.scales[signal]
        for row, year in enumerate(self.years):
            first, last = max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31))
            self._fill_year(row, year, first, last, values)

    def _fill_year(
        self, row: int, year: int, first: dt.date, last: dt.date, values: Floats
    ) -> None:
        origin = year_origin(year)
        days = np.arange((first - origin).days, (last - origin).days + 1)
        cols = days // 7
        index = days + self.data.index_of(origin)
        known = (index >= 0) & (index < self.data.size)
        got = np.full(len(days), np.nan)
        got[known] = values[index[known]]
        answered = ~np.isnan(got)
        counts = np.bincount(cols[answered], minlength=COLUMNS)
        sums = np.bincount(cols[answered], weights=got[answered], minlength=COLUMNS)
        self.counts[row] = counts[:COLUMNS]
        with np.errstate(invalid="ignore", divide="ignore"):
            self.means[row] = np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)[:COLUMNS]
        self.inside[row, np.unique(cols[index >= 0])] = True  # on or after the first check-in

    def draw(self, ax: Axes, theme: Theme) -> None:
        rows, cols = np.indices(self.means.shape)
        squares = np.stack([cols.ravel(), rows.ravel()], axis=1)[:, None, :] + _CORNERS
        means, inside = self.means.ravel(), self.inside.ravel()
        answered = inside & ~np.isnan(means)
        colours = [theme.heat[_nearest(m) - 1] for m in means[answered]]
        ax.add_collection(PolyCollection(squares[answered], facecolors=colours,
                                         edgecolors=theme.background, linewidths=0.8))  # fmt: skip
        gaps = inside & np.isnan(means)
        ax.add_collection(PolyCollection(squares[gaps], facecolors=theme.surface,
                                         edgecolors=theme.missing, linewidths=0,
                                         hatch="////"))  # fmt: skip
        ax.set_xlim(-0.5, COLUMNS - 0.5)
        ax.set_ylim(len(self.years) - 0.5, -0.5)
        ax.set_facecolor(theme.background)
        for spine in ax.spines.values():
            spine.set_visible(False)
        ax.tick_params(labelsize=FONT_SMALL, colors=theme.muted, length=0)
        ax.set_yticks(range(len(self.years)), [str(y) for y in self.years])
        origin = year_origin(self.end.year)
        months = [dt.date(self.end.year, m, 1) for m in range(1, 13)]
        ax.set_xticks([(m - origin).days // 7 for m in months], [f"{m:%b}" for m in months])
        ax.xaxis.set_ticks_position("top")

    # -- reading --------------------------------------------------------------------
    def cell(self, x: float, y: float) -> tuple[int, int] | None:
        row, col = round(y), round(x)
        if 0 <= row < len(self.years) and 0 <= col < COLUMNS:
            return row, col
        return None

    def week(self, row: int, col: int) -> Week | None:
        """The week in that square, clipped to its year and the view; None if outside both."""
        year = self.years[row]
        start = year_origin(year) + dt.timedelta(days=7 * col)
        first = max(start, dt.date(year, 1, 1), self.start)
        last = min(start + dt.timedelta(days=6), dt.date(year, 12, 31), self.end)
        if first > last:
            return None
        return Week(first, last, float(self.means[row, col]), int(self.counts[row, col]))

    def cell_of(self, day: dt.date) -> tuple[int, int]:
        return self.end.year - day.year, (day - year_origin(day.year)).days // 7

    def describe(self, label: str, week: Week) -> str:
        span = f"{short_day(week.first)} to {short_day(week.last)}"
        if week.answered:
            days = "1 day" if week.answered == 1 else f"{week.answered} days"
            return f"{label}, {span}: average {number(week.mean)} over {days}"
        return f"{label}, {span}: no answers"


def _nearest(mean: float) -> int:
    """The answer a weekly average is coloured as: rounded half up, within 1..5."""
    return max(1, min(5, math.floor(mean + 0.5)))
