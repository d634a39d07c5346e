"""A calendar heat map: one square per day, coloured by that day's answer (1–5).

Up to a year: one strip of weeks (columns) by weekday (rows, Monday on top).
"All": one strip per calendar year, the newest on top, weeks aligned so the
same column is the same time of year; past two years, one row per year with a
square per week instead (``calendar_weeks``). A day with a check-in but no answer for
this signal, or no check-in at all, is hatched ("no answer"); days before the
first check-in are left blank. Switching range rebuilds the strips (cheap:
two ``PolyCollection`` per strip).
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from app.charts.base import (
    FONT,
    FONT_SMALL,
    Chart,
    Margins,
    Panel,
    Readout,
    cursor_for,
    figure_legend,
    long_day,
    new_figure,
    number,
    short_day,
)
from app.charts.calendar_weeks import DAY_STRIP_YEARS, WeekGrid, monday
from app.charts.palette import Theme
from app.charts.series import NO_CHECKIN, DailySeries, Span, span_start
from app.domain import SCALE_INFO

WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_CORNERS = np.array([(-0.5, -0.5), (0.5, -0.5), (0.5, 0.5), (-0.5, 0.5)])
MARGINS = Margins(left=40, right=12, top=40, bottom=10, hspace=14)


class CalendarChart(Chart):
    title = "Calendar"

    def __init__(
        self,
        data: DailySeries,
        theme: Theme,
        today: dt.date,
        span: Span,
        figure: Figure,
        signal: str = "mood",
    ) -> None:
        super().__init__(figure, theme, today, span)
        self.data = data
        self.first_day = data.first
        self.signal = signal
        self.origins: list[dt.date] = []  # the Monday of each strip's first column
        self.weeks: WeekGrid | None = None  # "All" over many years: a square per week
        self.apply_span()

    def view(self) -> tuple[dt.date, dt.date]:
        """Up to a year: the whole span, even before the first check-in. All: from the first."""
        start = span_start(self.span, self.today)
        return (min(self.first_day, self.today) if start is None else start), self.today

    def strips(self) -> list[tuple[dt.date, dt.date]]:
        """(first day, last day) of each strip, newest first."""
        start, end = self.view()
        if self.span is not Span.ALL:
            return [(start, end)]
        return [
            (max(start, dt.date(year, 1, 1)), min(end, dt.date(year, 12, 31)))
            for year in range(end.year, start.year - 1, -1)
        ]

    def apply_span(self) -> None:
        strips = self.strips()
        self.panels, self.origins, self.weeks = [], [], None
        if len(strips) > DAY_STRIP_YEARS:
            self._draw_weeks()
            return
        new_figure(self.theme, MARGINS, len(strips), 1, self.figure)
        axes = self.figure.subplots(len(strips), 1, squeeze=False).flat
        many = len(strips) > 1
        for ax, (first, last) in zip(axes, strips, strict=True):
            origin = monday(dt.date(first.year, 1, 1)) if many else monday(first)
            self._strip(ax, origin, first, last, label=str(first.year) if many else "")
            self.origins.append(origin)
            self.panels.append(
                Panel(str(first.year), (ax,), cursor_for(ax, self.theme), self._read)
            )
        if many:  # the same week of the year in every strip
            width = 54
            for ax in self.figure.axes:
                ax.set_xlim(-0.5, width - 0.5)
        self._title("one square per day")
        self._legend()

    def _draw_weeks(self) -> None:
        new_figure(self.theme, MARGINS, 1, 1, self.figure)
        ax = self.figure.subplots()
        self.weeks = WeekGrid(self.data, self.signal, *self.view())
        self.weeks.draw(ax, self.theme)
        self.panels.append(Panel("Weeks", (ax,), cursor_for(ax, self.theme), self._read))
        self._title("one square per week, its average")
        self._legend()

    def _title(self, what: str) -> None:
        label = SCALE_INFO[self.signal].label
        way = "higher is easier" if SCALE_INFO[self.signal].higher_is_better else "lower is easier"
        self.figure.axes[0].set_title(
            f"{label}, {what}  ·  {way}", loc="left", fontsize=FONT, color=self.theme.text, pad=6
        )

    def _strip(self, ax: Axes, origin: dt.date, first: dt.date, last: dt.date, label: str) -> None:
        theme = self.theme
        ax.set_facecolor(theme.background)
        for spine in ax.spines.values():
            spine.set_visible(False)
        days = np.arange((first - origin).days, (last - origin).days + 1)
        col, row = days // 7, days % 7
        index = days + self.data.index_of(origin)  # each day's slot in the series
        known = (index >= 0) & (index < self.data.size)
        values = np.full(len(days), np.nan)
        values[known] = self.data.scales[self.signal][index[known]]
        started = index >= 0  # on or after the first check-in
        answered = ~np.isnan(values)
        squares = np.stack([col, row], axis=1)[:, None, :] + _CORNERS[None, :, :]
        edge = 0.6 if label else 1.2
        colours = [theme.heat[int(v) - 1] for v in values[answered]]
        ax.add_collection(
            PolyCollection(
                squares[answered],
                facecolors=colours,
                edgecolors=theme.background,
                linewidths=edge,
            )
        )
        gaps = started & ~answered
        ax.add_collection(
            PolyCollection(
                squares[gaps],
                facecolors=theme.surface,
                edgecolors=theme.missing,
                linewidths=0,
                hatch="////",
            )
        )
        ax.set_xlim(-0.5, int(col.max()) + 0.5 if len(col) else 0.5)
        ax.set_ylim(6.5, -0.5)
        ax.set_aspect("equal", adjustable="box")
        ax.tick_params(labelsize=FONT_SMALL, colors=theme.muted, length=0)
        ax.set_yticks([0, 2, 4, 6], [WEEKDAYS[i] for i in (0, 2, 4, 6)] if not label else [])
        if label:
            ax.set_ylabel(
                label,
                fontsize=FONT_SMALL,
                color=theme.muted,
                rotation=0,
                ha="right",
                va="center",
                labelpad=4,
            )
        if not label:
            ticks = _month_starts(origin, first, last)
        elif ax is self.figure.axes[0]:  # year strips line up: months once, over the top one
            ticks = _month_starts(origin, dt.date(first.year, 1, 1), dt.date(first.year, 12, 31))
        else:
            ticks = []
        ax.set_xticks([c for c, _ in ticks], [m for _, m in ticks])
        ax.xaxis.set_ticks_position("top")

    def _legend(self) -> None:
        theme = self.theme
        handles = [Patch(facecolor=theme.heat[v - 1], label=str(v)) for v in range(1, 6)]
        handles.append(
            Patch(
                facecolor=theme.surface,
                edgecolor=theme.missing,
                hatch="////",
                linewidth=0,
                label="no answer",
            )
        )
        figure_legend(self.figure, handles, theme, handlelength=1.2, columnspacing=0.8)

    # -- read-outs ------------------------------------------------------------------
    def readout_at(self, axes: object, x: float | None, y: float | None) -> Readout | None:
        panel = self.panel_of(axes)
        if panel is None or x is None or y is None or not (math.isfinite(x) and math.isfinite(y)):
            return None
        if self.weeks is not None:
            cell = self.weeks.cell(x, y)
            week = None if cell is None else self.weeks.week(*cell)
            return None if week is None else self._read(week.first)
        row = round(y)
        if not 0 <= row <= 6:
            return None
        day = self.origins[panel] + dt.timedelta(days=7 * round(x) + row)
        return self._read(day)

    def step(self, current: Readout | None, days: int = 0, panels: int = 0) -> Readout | None:
        """Left/right and up/down both walk day by day (a row down is the next day).

        By weeks (many years): left/right a week, up/down a year (the row above is newer).
        """
        start, end = self.view()
        if current is None:
            return self._read(end)
        moved = 7 * days - 364 * panels if self.weeks is not None else days + panels
        day = current.day + dt.timedelta(days=moved)
        return self._read(max(start, min(end, day)))

    def _read(self, day: dt.date) -> Readout | None:
        start, end = self.view()
        if not start <= day <= end:
            return None
        if self.weeks is not None:
            row, col = self.weeks.cell_of(day)
            week = self.weeks.week(row, col)
            if week is None:
                return None
            label = SCALE_INFO[self.signal].label
            return Readout(0, week.first, self.weeks.describe(label, week), col, row)
        panel = end.year - day.year if self.span is Span.ALL else 0
        delta = (day - self.origins[panel]).days
        i = self.data.index_of(day)
        inside = 0 <= i < self.data.size
        value = float(self.data.scales[self.signal][i]) if inside else math.nan
        label = SCALE_INFO[self.signal].label
        if math.isfinite(value):
            said = f"{value:.0f} of 5"
        elif i < 0:
            said = "before your first check-in"
        elif not inside or self.data.kinds[i] == NO_CHECKIN:
            said = "no check-in"
        else:
            said = "no answer"
        return Readout(panel, day, f"{label} on {long_day(day)}: {said}", delta // 7, delta % 7)

    def text_summary(self) -> str:
        start, end = self.view()
        label = SCALE_INFO[self.signal].label
        lines = [f"{label} from {short_day(start)} to {short_day(end)}, month by month:"]
        month = dt.date(start.year, start.month, 1)
        while month <= end:
            after = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
            values = self.data.scales[self.signal][
                self.data.window(max(month, start), min(after - dt.timedelta(days=1), end))
            ]
            answered = int(np.count_nonzero(~np.isnan(values)))
            name = f"{month:%B %Y}"
            if answered:
                mean = number(float(np.nanmean(values)))
                lines.append(f"{name}: average {mean}, answered on {answered} days.")
            else:
                lines.append(f"{name}: no answers.")
            month = after
        return "\n".join(lines)


def _month_starts(origin: dt.date, first: dt.date, last: dt.date) -> list[tuple[int, str]]:
    """(column, short month name) for each month that starts inside the strip."""
    out = []
    month = dt.date(first.year, first.month, 1)
    while month <= last:
        if month >= first or first.day <= 14:  # no label crowding the next month's
            shown = max(month, first)
            out.append(((shown - origin).days // 7, f"{month:%b}"))
        month = dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return out


def build_calendar(
    data: DailySeries,
    theme: Theme,
    today: dt.date,
    span: Span = Span.YEAR,
    figure: Figure | None = None,
    signal: str = "mood",
) -> CalendarChart:
    figure = figure if figure is not None else new_figure(theme, MARGINS, 1, 1)
    return CalendarChart(data, theme, today, span, figure, signal)
