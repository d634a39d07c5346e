"""Every daily signal over time, with its 7- and 28-day averages: small multiples.

Six panels share one date axis and one 1–5 scale. The 28-day average is the
boldest line (the slow trend), the 7-day average thinner, and each day's own
answer a faint dotted line that is shown only up to three months: at a year or
more it would be noise.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable

import numpy as np
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from app.charts.base import (
    FONT,
    Chart,
    Margins,
    Panel,
    Readout,
    cursor_for,
    date_axis,
    figure_legend,
    long_day,
    new_figure,
    number,
    short_day,
    style_axes,
)
from app.charts.palette import Theme
from app.charts.series import (
    LONG_WINDOW,
    SHORT_WINDOW,
    DailySeries,
    Span,
    day_number,
    rolling_mean,
)
from app.domain import SCALE_INFO, SCALES

ROWS, COLS = 3, 2
DAILY_SPANS = (Span.WEEKS_4, Span.MONTHS_3)
MARGINS = Margins(left=26, right=10, top=34, bottom=26, hspace=22, wspace=14)


def direction(name: str) -> str:
    return "higher is easier" if SCALE_INFO[name].higher_is_better else "lower is easier"


class TrendsChart(Chart):
    title = "Daily signals"

    def __init__(
        self, data: DailySeries, theme: Theme, today: dt.date, span: Span, figure: Figure
    ) -> None:
        super().__init__(figure, theme, today, span)
        self.data = data
        self.first_day = data.first
        self.short = {n: rolling_mean(data.scales[n], SHORT_WINDOW) for n in SCALES}
        self.long = {n: rolling_mean(data.scales[n], LONG_WINDOW) for n in SCALES}
        self.daily_lines: list[Line2D] = []
        self.short_lines: list[Line2D] = []
        self._draw()
        self.apply_span()

    def _draw(self) -> None:
        theme, x = self.theme, self.data.x
        # Not shared axes: every panel gets the same limits instead. Sharing would make
        # each draw measure all six axes' tick labels for every panel (a third of the time).
        grid = self.figure.subplots(ROWS, COLS, squeeze=False)
        for index, (name, ax) in enumerate(zip(SCALES, grid.flat, strict=True)):
            colour = theme.signal(name)
            style_axes(ax, theme)
            (daily,) = ax.plot(
                x,
                self.data.scales[name],
                color=colour,
                linestyle="none",
                alpha=0.55,
                marker="o",
                markersize=3,
            )
            (short,) = ax.plot(x, self.short[name], color=colour, linewidth=1.2, alpha=0.8)
            self.short_lines.append(short)
            ax.plot(x, self.long[name], color=colour, linewidth=2.4)
            self.daily_lines.append(daily)
            ax.set_title(
                f"{SCALE_INFO[name].label}  ·  {direction(name)}",
                loc="left",
                fontsize=FONT,
                color=theme.text,
                pad=4,
                y=1.0,  # placed, not fitted around tick labels: fitting costs every draw
            )
            ax.set_ylim(0.6, 5.4)
            ax.set_yticks([1, 3, 5])
            if index % COLS:
                ax.tick_params(labelleft=False)
            if index < (ROWS - 1) * COLS:
                ax.xaxis.set_visible(False)  # dates once, under the bottom row
            else:
                date_axis(ax, theme)
            self.panels.append(
                Panel(
                    SCALE_INFO[name].label,
                    (ax,),
                    cursor_for(ax, theme),
                    self._reader(name, len(self.panels)),
                )
            )

    @property
    def short_alpha(self) -> float:
        return 0.8 if self.span in DAILY_SPANS else 0.4

    def _legend(self) -> None:
        theme, daily = self.theme, self.span in DAILY_SPANS
        handles = [
            Line2D(
                [],
                [],
                color=theme.muted,
                linewidth=1.2,
                alpha=self.short_alpha,
                label="7-day average",
            ),
            Line2D([], [], color=theme.muted, linewidth=2.4, label="28-day average"),
        ]
        if daily:
            handles.insert(
                0,
                Line2D(
                    [],
                    [],
                    color=theme.muted,
                    linestyle="none",
                    alpha=0.6,
                    marker="o",
                    markersize=3,
                    label="Each day",
                ),
            )
        figure_legend(self.figure, handles, theme, handlelength=2.4)

    def apply_span(self) -> None:
        super().apply_span()
        daily = self.span in DAILY_SPANS
        for line in self.daily_lines:
            line.set_visible(daily)
        for line in self.short_lines:  # over a year or more the weekly wiggle is background
            line.set_alpha(self.short_alpha)
        self._legend()

    # -- read-outs ------------------------------------------------------------------
    def _reader(self, name: str, panel: int) -> Callable[[dt.date], Readout | None]:
        def read(day: dt.date) -> Readout | None:
            i = self.data.index_of(day)
            if not 0 <= i < self.data.size:
                return Readout(
                    panel,
                    day,
                    f"{SCALE_INFO[name].label} on {long_day(day)}: before your first check-in.",
                    day_number(day),
                    math.nan,
                )
            return self.read_day(name, panel, i)

        return read

    def read_day(self, name: str, panel: int, i: int) -> Readout:
        day = self.data.day_at(i)
        value = float(self.data.scales[name][i])
        short, long = float(self.short[name][i]), float(self.long[name][i])
        parts = [
            f"{value:.0f} of 5" if math.isfinite(value) else "no answer that day",
            f"7-day average {number(short)}" if math.isfinite(short) else "",
            f"28-day average {number(long)}" if math.isfinite(long) else "",
        ]
        text = f"{SCALE_INFO[name].label} on {long_day(day)}: " + ", ".join(p for p in parts if p)
        daily = self.span in DAILY_SPANS
        y = next(
            (v for v in ((value if daily else math.nan), short, long) if math.isfinite(v)), math.nan
        )
        return Readout(panel, day, text, float(day_number(day)), y)

    # -- words ----------------------------------------------------------------------
    def text_summary(self) -> str:
        start, end = self.view()
        window = self.data.window(start, end)
        lines = [f"Daily signals from {short_day(start)} to {short_day(end)}."]
        for name in SCALES:
            lines.append(self._summary_line(name, window, end))
        return "\n".join(lines)

    def _summary_line(self, name: str, window: slice, end: dt.date) -> str:
        label = f"{SCALE_INFO[name].label} ({direction(name)})"
        values, long = self.data.scales[name][window], self.long[name][window]
        answered = int(np.count_nonzero(~np.isnan(values)))
        if not answered:
            return f"{label}: no answers in this range."
        parts = [f"answered on {answered} of {len(values)} days"]
        parts.append(f"average {number(float(np.nanmean(values)))}")
        if np.any(~np.isnan(long)):
            lo, hi = int(np.nanargmin(long)), int(np.nanargmax(long))
            start = window.start or 0
            parts.append(
                f"28-day average lowest {number(float(long[lo]))} "
                f"({short_day(self.data.day_at(start + lo))}), highest "
                f"{number(float(long[hi]))} ({short_day(self.data.day_at(start + hi))})"
            )
            last = self.data.index_of(end)
            if 0 <= last < self.data.size and math.isfinite(self.long[name][last]):
                parts.append(f"latest 28-day average {number(float(self.long[name][last]))}")
        return f"{label}: " + "; ".join(parts) + "."


def build_trends(
    data: DailySeries,
    theme: Theme,
    today: dt.date,
    span: Span = Span.MONTHS_3,
    figure: Figure | None = None,
) -> TrendsChart:
    return TrendsChart(data, theme, today, span, new_figure(theme, MARGINS, ROWS, COLS, figure))
