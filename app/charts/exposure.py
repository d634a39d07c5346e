"""Distressing material at work, overlaid on mood and energy.

One panel. Mood and energy (7-day averages, and each day's answer up to three
months) on the 1–5 scale at the left; exposure shaded behind them on its own
scale at the right (none, some, a lot). Up to three months the shading is each
day's answer; over longer ranges it is the 7-day average, which reads as how
heavy each stretch was.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Literal

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

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
    number,
    short_day,
    style_axes,
)
from app.charts.palette import Theme
from app.charts.series import (
    LONG_WINDOW,
    SHORT_WINDOW,
    DailySeries,
    Floats,
    Span,
    day_number,
    rolling_mean,
)

DAILY_SPANS = (Span.WEEKS_4, Span.MONTHS_3)
SIGNALS = ("mood", "energy")
EXPOSURE = "exposure"
LEVEL_WORDS = ("none", "some", "a lot")
MARGINS = Margins(left=30, right=44, top=34, bottom=28)


class ExposureChart(Chart):
    title = "Distressing material"

    def __init__(
        self, data: DailySeries, theme: Theme, today: dt.date, span: Span, figure: Figure
    ) -> None:
        super().__init__(figure, theme, today, span)
        self.data = data
        self.first_day = data.first
        columns = {**{n: data.scales[n] for n in SIGNALS}, EXPOSURE: data.exposure}
        self.averages = {
            window: {n: rolling_mean(v, window) for n, v in columns.items()}
            for window in (SHORT_WINDOW, LONG_WINDOW)
        }
        self.daily: list[Artist] = []
        self.by_window: dict[int, list[Artist]] = {SHORT_WINDOW: [], LONG_WINDOW: []}
        self._draw()
        self.apply_span()

    @property
    def window(self) -> int:
        """Up to three months a week's average; longer ranges read better over four weeks."""
        return SHORT_WINDOW if self.span in DAILY_SPANS else LONG_WINDOW

    def _draw(self) -> None:
        theme, x = self.theme, self.data.x
        ax = self.figure.subplots()
        style_axes(ax, theme)
        twin = ax.twinx()
        twin.set_zorder(ax.get_zorder() - 1)  # shading behind the lines
        ax.patch.set_visible(False)
        twin.set_facecolor(theme.surface)
        for side, spine in twin.spines.items():
            spine.set_visible(side == "right")
            spine.set_color(theme.grid)
        twin.tick_params(labelsize=FONT_SMALL, colors=theme.muted, length=3)
        self.daily.append(self._shade(twin, self.data.exposure, step="mid"))
        for window, avgs in self.averages.items():
            self.by_window[window].append(self._shade(twin, avgs[EXPOSURE]))
        twin.set_ylim(0, 2.9)
        twin.set_yticks([0, 1, 2], list(LEVEL_WORDS))
        for name in SIGNALS:
            colour = theme.signal(name)
            (dots,) = ax.plot(
                x,
                self.data.scales[name],
                color=colour,
                linestyle="none",
                marker="o",
                markersize=3,
                alpha=0.55,
            )
            self.daily.append(dots)
            for window, avgs in self.averages.items():
                (line,) = ax.plot(x, avgs[name], color=colour, linewidth=2.2)
                self.by_window[window].append(line)
        ax.set_ylim(0.6, 5.4)
        ax.set_yticks([1, 2, 3, 4, 5])
        ax.set_title(
            "Mood and energy (1–5), with distressing material behind them",
            loc="left",
            fontsize=FONT,
            color=theme.text,
            pad=4,
            y=1.0,  # placed, not fitted around tick labels on every draw
        )
        date_axis(ax, theme)
        self.panels.append(
            Panel("Distressing material", (ax, twin), cursor_for(ax, theme), self._read)
        )

    def _shade(self, ax: Axes, level: Floats, step: Literal["mid"] | None = None) -> PolyCollection:
        # Unrecorded days get no shading at all (a gap), not a made-up "none".
        return ax.fill_between(
            self.data.x,
            0,
            np.nan_to_num(level),
            where=~np.isnan(level),
            step=step,
            color=self.theme.exposure,
            alpha=0.35,
            linewidth=0,
        )

    def _legend(self) -> None:
        theme = self.theme
        handles: list[Line2D | Patch] = [
            Line2D(
                [],
                [],
                color=theme.signal(n),
                linewidth=2.2,
                label=f"{n.title()}, {self.window}-day average",
            )
            for n in SIGNALS
        ]
        shading = "each day" if self.span in DAILY_SPANS else f"{self.window}-day average"
        handles.append(
            Patch(color=theme.exposure, alpha=0.35, label=f"Distressing material, {shading}")
        )
        figure_legend(self.figure, handles, theme, ncols=3)

    def apply_span(self) -> None:
        super().apply_span()
        daily = self.span in DAILY_SPANS
        for artist in self.daily:
            artist.set_visible(daily)
        for window, artists in self.by_window.items():
            for artist in artists:
                # The exposure average is shaded only when the days themselves are not.
                shaded = isinstance(artist, PolyCollection)
                artist.set_visible(window == self.window and not (shaded and daily))
        self._legend()

    def _read(self, day: dt.date) -> Readout | None:
        i = self.data.index_of(day)
        if not 0 <= i < self.data.size:
            return None
        level, hours = float(self.data.exposure[i]), float(self.data.exposure_hours[i])
        if math.isfinite(level):
            said = f"distressing material: {LEVEL_WORDS[int(level)]}"
            if math.isfinite(hours):
                said += f" ({hours:g} hours)"
        else:
            said = "distressing material not recorded"
        parts = [said]
        for name in SIGNALS:
            value = float(self.data.scales[name][i])
            avg = float(self.averages[self.window][name][i])
            word = f"{value:.0f}" if math.isfinite(value) else "no answer"
            if math.isfinite(avg):
                word += f" ({self.window}-day average {number(avg)})"
            parts.append(f"{name} {word}")
        y = float(self.averages[self.window]["mood"][i])
        return Readout(0, day, f"{long_day(day)}: " + ", ".join(parts), day_number(day), y)

    def text_summary(self) -> str:
        start, end = self.view()
        window = self.data.window(start, end)
        level = self.data.exposure[window]
        mood = self.data.scales["mood"][window]
        counts = [int(np.count_nonzero(level == v)) for v in (0.0, 1.0, 2.0)]
        unknown = len(level) - sum(counts)
        lines = [
            f"Distressing material from {short_day(start)} to {short_day(end)}: "
            f"a lot on {counts[2]} days, some on {counts[1]}, none on {counts[0]}; "
            f"not recorded on {unknown}."
        ]
        heavy, other = mood[level == 2.0], mood[(level == 0.0) | (level == 1.0)]
        if np.any(~np.isnan(heavy)) and np.any(~np.isnan(other)):
            lines.append(
                f"Average mood on days with a lot: {number(float(np.nanmean(heavy)))}; "
                f"on other days: {number(float(np.nanmean(other)))}."
            )
        hours = self.data.exposure_hours[window]
        if np.any(~np.isnan(hours)):
            lines.append(f"Hours recorded in this range: {float(np.nansum(hours)):g}.")
        return "\n".join(lines)


def build_exposure(
    data: DailySeries,
    theme: Theme,
    today: dt.date,
    span: Span = Span.MONTHS_3,
    figure: Figure | None = None,
) -> ExposureChart:
    return ExposureChart(data, theme, today, span, new_figure(theme, MARGINS, 1, 1, figure))
