"""Days since the last day off or leave, with the days off and leave themselves shaded.

The count is ``series.days_since_rest``: it climbs one a day and drops to 0 on
a recorded day off or leave; before the first one it is unknown and not drawn.
A faint line marks 60 days, the point where Tend's early-warning signal would
gently mention it.
"""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from numpy.typing import NDArray

from app.charts.base import (
    FONT,
    FONT_SMALL,
    Chart,
    Margins,
    Panel,
    Readout,
    cursor_for,
    date_axis,
    figure_legend,
    long_day,
    new_figure,
    short_day,
    style_axes,
)
from app.charts.palette import Theme
from app.charts.series import (
    KIND_CODE,
    NO_CHECKIN,
    DailySeries,
    Floats,
    Span,
    day_number,
    days_since_rest,
    weekly_peaks,
)
from app.domain import DayKind

REFERENCE_DAYS = 60
MARGINS = Margins(left=34, right=12, top=34, bottom=28)
KIND_WORDS = {
    NO_CHECKIN: "no check-in",
    KIND_CODE[DayKind.WORK]: "a work day",
    KIND_CODE[DayKind.DAY_OFF]: "a day off",
    KIND_CODE[DayKind.LEAVE]: "leave",
}


def day_blocks(x: Floats, marked: NDArray[np.bool_]) -> list[NDArray[np.float64]]:
    """One rectangle per run of marked days, each day a full day wide.

    Day ``x`` covers ``x - 0.5`` to ``x + 0.5`` (the tick sits in its middle), so a
    single day off is one day wide and a weekend two; the rectangles run from the
    bottom (0) to the top (1) of the axes.
    """
    edges = np.diff(np.concatenate(([0], marked.astype(np.int8), [0])))
    starts, ends = np.flatnonzero(edges == 1), np.flatnonzero(edges == -1) - 1
    return [
        np.array([(x[a] - 0.5, 0.0), (x[b] + 0.5, 0.0), (x[b] + 0.5, 1.0), (x[a] - 0.5, 1.0)])
        for a, b in zip(starts, ends, strict=True)
    ]


class RestChart(Chart):
    title = "Days off"

    def __init__(
        self, data: DailySeries, theme: Theme, today: dt.date, span: Span, figure: Figure
    ) -> None:
        super().__init__(figure, theme, today, span)
        self.data = data
        self.first_day = data.first
        self.since = days_since_rest(data.kinds)
        self.week_x, self.week_peak = weekly_peaks(self.since, data.first)
        self._draw()
        self.apply_span()

    def _draw(self) -> None:
        theme, x, kinds = self.theme, self.data.x, self.data.kinds
        ax = self.figure.subplots()
        style_axes(ax, theme)
        band = ax.get_xaxis_transform()  # x in days, y from the bottom to the top of the axes
        shades = []
        for code, colour, alpha in (
            (KIND_CODE[DayKind.DAY_OFF], theme.day_off, 0.22),
            (KIND_CODE[DayKind.LEAVE], theme.leave, 0.30),
        ):
            shade = PolyCollection(
                day_blocks(x, kinds == code),
                transform=band,
                facecolors=colour,
                alpha=alpha,
                linewidths=0,
            )
            ax.add_collection(shade, autolim=False)
            shades.append(shade)
        self.day_off_shade = shades[0]
        colour = theme.signal("mood")
        (self.daily,) = ax.plot(x, self.since, color=colour, linewidth=2.0, drawstyle="steps-mid")
        (self.weekly,) = ax.plot(
            self.week_x, self.week_peak, color=colour, linewidth=1.6, drawstyle="steps-mid"
        )
        self.reference = ax.axhline(
            REFERENCE_DAYS, color=theme.muted, linewidth=0.9, linestyle=(0, (4, 3))
        )
        self.reference_label = ax.text(
            0.005,
            REFERENCE_DAYS,
            f" {REFERENCE_DAYS} days",
            transform=ax.get_yaxis_transform(),
            color=theme.muted,
            fontsize=FONT_SMALL,
            va="bottom",
            ha="left",
        )
        ax.set_title(
            "Days since your last recorded day off or leave",
            loc="left",
            fontsize=FONT,
            color=theme.text,
            pad=4,
            y=1.0,  # placed, not fitted around tick labels on every draw
        )
        date_axis(ax, theme)
        self.panels.append(Panel("Days since", (ax,), cursor_for(ax, theme), self._read))

    @property
    def by_day(self) -> bool:
        """Up to three months every day; longer, each week's highest (a year of daily
        sawteeth is a solid block)."""
        return self.span in (Span.WEEKS_4, Span.MONTHS_3)

    def _legend(self) -> None:
        theme = self.theme
        name = "Days since" if self.by_day else "Days since, each week's highest"
        handles: list[Line2D | Patch] = [
            Line2D([], [], color=theme.signal("mood"), linewidth=2.0, label=name),
            Patch(color=theme.leave, alpha=0.30, label="Leave"),
        ]
        if self.by_day:
            handles.insert(1, Patch(color=theme.day_off, alpha=0.22, label="Day off"))
        figure_legend(self.figure, handles, theme, ncols=3)

    def apply_span(self) -> None:
        super().apply_span()
        self.daily.set_visible(self.by_day)
        self.weekly.set_visible(not self.by_day)
        self.day_off_shade.set_visible(self.by_day)
        self._legend()
        start, end = self.view()
        shown = self.since[self.data.window(start, end)]
        top = float(np.nanmax(shown)) if np.any(~np.isnan(shown)) else 0.0
        # Room above the highest count; the 60-day line only when it is near.
        self.panels[0].axes[0].set_ylim(0, max(14.0, top * 1.15 + 1))
        near = top >= REFERENCE_DAYS * 0.6
        self.reference.set_visible(near)
        self.reference_label.set_visible(near)

    def _read(self, day: dt.date) -> Readout | None:
        i = self.data.index_of(day)
        if not 0 <= i < self.data.size:
            return None
        since, kind = float(self.since[i]), int(self.data.kinds[i])
        if math.isfinite(since):
            count = "1 day" if since == 1 else f"{since:.0f} days"
            said = f"{count} since the last day off or leave"
        else:
            said = "no day off or leave recorded before this"
        text = f"{long_day(day)}: {KIND_WORDS[kind]}; {said}"
        y = since
        if not self.by_day:  # the line shows each week's highest: mark and say that
            week = int(np.searchsorted(self.week_x, day_number(day) - 3))
            if week < len(self.week_peak) and math.isfinite(self.week_peak[week]):
                y = float(self.week_peak[week])
                text += f"; that week's highest: {y:.0f}"
        return Readout(0, day, text, day_number(day), y)

    def text_summary(self) -> str:
        start, end = self.view()
        window = self.data.window(start, end)
        kinds, since = self.data.kinds[window], self.since[window]
        leave = int(np.count_nonzero(kinds == KIND_CODE[DayKind.LEAVE]))
        off = int(np.count_nonzero(kinds == KIND_CODE[DayKind.DAY_OFF]))
        lines = [
            f"From {short_day(start)} to {short_day(end)}: {off} days off and {leave} days "
            "of leave recorded."
        ]
        last = self.data.index_of(end)
        if 0 <= last < self.data.size and math.isfinite(self.since[last]):
            lines.append(
                f"On {short_day(end)} it had been {self.since[last]:.0f} days since the last "
                "day off or leave."
            )
        if np.any(~np.isnan(since)):
            longest = int(np.nanargmax(since))
            day = self.data.day_at((window.start or 0) + longest)
            lines.append(
                f"The longest stretch in this range: {since[longest]:.0f} days, "
                f"reached on {short_day(day)}."
            )
        return "\n".join(lines)


def build_rest(
    data: DailySeries,
    theme: Theme,
    today: dt.date,
    span: Span = Span.MONTHS_3,
    figure: Figure | None = None,
) -> RestChart:
    return RestChart(data, theme, today, span, new_figure(theme, MARGINS, 1, 1, figure))
