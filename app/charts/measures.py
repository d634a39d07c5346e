"""Measure scores over time, one panel per subscale, with the bands shaded behind.

Bands come from the measure's definition (``app.measures``). Each band is
shaded by its rank (0 = least concern, lighter) and named in words at the
right edge, so colour is never the only cue. The edge between two bands sits
halfway between one band's top and the next band's bottom (22 | 23 -> 22.5).
A result whose subscale could not be scored (too many answers skipped) leaves
a gap in the line.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from app.charts.base import (
    FONT,
    FONT_SMALL,
    Chart,
    Margins,
    Panel,
    Readout,
    cursor_for,
    date_axis,
    long_day,
    new_figure,
    short_day,
    style_axes,
)
from app.charts.palette import Theme
from app.charts.series import Span, day_number
from app.measures.definitions import Band, Definition, Subscale
from app.services.measures import MeasureResult

MARGINS = Margins(left=34, right=66, top=24, bottom=28, hspace=24, wspace=84)


@dataclass(frozen=True)
class MeasureHistory:
    """One measure's definition and its results, oldest first."""

    definition: Definition
    results: tuple[MeasureResult, ...]


def score_text(value: float) -> str:
    return f"{round(value, 2):g}"


def band_edges(sub: Subscale) -> list[tuple[Band, float, float]]:
    """Each band with the (low, high) it covers on the chart, touching its neighbours."""
    lo, hi = sub.range
    bands = list(sub.bands)
    out = []
    for i, band in enumerate(bands):
        below = bands[i - 1] if i else None
        above = bands[i + 1] if i + 1 < len(bands) else None
        start = (
            lo
            if below is None or below.high is None or band.low is None
            else ((below.high + band.low) / 2)
        )
        end = (
            hi
            if above is None or above.low is None or band.high is None
            else ((band.high + above.low) / 2)
        )
        out.append((band, start, end))
    return out


def grid_shape(panels: int) -> tuple[int, int]:
    cols = 1 if panels <= 3 else 2
    return max(1, -(-panels // cols)), cols


class MeasuresChart(Chart):
    title = "Measures"

    def __init__(
        self,
        histories: list[MeasureHistory],
        theme: Theme,
        today: dt.date,
        span: Span,
        figure: Figure,
    ) -> None:
        super().__init__(figure, theme, today, span)
        self.histories = [h for h in histories if h.results]
        days = [h.results[0].day for h in self.histories]
        self.first_day = min(days) if days else today
        self.series: list[tuple[Definition, Subscale, list[dt.date], list[float]]] = []
        for h in self.histories:
            for sub in h.definition.subscales:
                values = [_score(r, sub.id) for r in h.results]
                self.series.append((h.definition, sub, [r.day for r in h.results], values))
        self._draw()
        self.apply_span()

    def _draw(self) -> None:
        rows, cols = grid_shape(len(self.series))
        if not self.series:
            return
        grid = self.figure.subplots(rows, cols, sharex=True, squeeze=False)
        for ax in grid.flat[len(self.series) :]:
            ax.set_visible(False)
        for n, ((defn, sub, days, values), ax) in enumerate(
            zip(self.series, grid.flat, strict=False)
        ):
            self._panel(ax, defn, sub, days, values)
            self.panels.append(
                Panel(
                    f"{defn.short_name or defn.name}, {sub.label}",
                    (ax,),
                    cursor_for(ax, self.theme),
                    self._reader(n),
                )
            )
        date_axis(grid.flat[0], self.theme)
        for ax in grid.flat:  # shared x: show dates on the lowest visible panel of each column
            ax.tick_params(labelbottom=False)
        for col in range(cols):
            column = [a for a in grid[:, col] if a.get_visible()]
            if column:
                column[-1].tick_params(labelbottom=True)

    def _panel(
        self, ax: Axes, defn: Definition, sub: Subscale, days: list[dt.date], values: list[float]
    ) -> None:
        theme = self.theme
        style_axes(ax, theme, ygrid=False)
        lo, hi = sub.range
        label_at = ax.get_yaxis_transform()  # x in axes fractions, y in scores
        for band, start, end in band_edges(sub):
            colour, alpha = theme.band(band.rank)
            ax.axhspan(start, end, color=colour, alpha=alpha, linewidth=0)
            ax.text(
                1.015,  # just outside the axes, clear of the line
                (start + end) / 2,
                band.label,
                transform=label_at,
                ha="left",
                va="center",
                fontsize=FONT_SMALL - 0.5,
                color=theme.muted,
            )
        x = np.array([day_number(d) for d in days], dtype=np.float64)
        ax.plot(
            x,
            np.array(values),
            color=theme.signal("mood"),
            linewidth=1.6,
            marker="o",
            markersize=4.5,
        )
        pad = (hi - lo) * 0.03
        ax.set_ylim(lo - pad, hi + pad)
        way = "higher is easier" if sub.higher_is_better else "lower is easier"
        ax.set_title(
            f"{defn.short_name or defn.name}: {sub.label}  ·  {way}",
            loc="left",
            fontsize=FONT,
            color=theme.text,
            pad=4,
            y=1.0,  # placed, not fitted around tick labels on every draw
        )

    # -- read-outs ------------------------------------------------------------------
    def _reader(self, n: int) -> Callable[[dt.date], Readout | None]:
        def read(day: dt.date) -> Readout | None:
            return self._nearest(n, day)

        return read

    def _scored(self, n: int) -> list[int]:
        """Indexes of the results in panel ``n`` that have a score and are in view."""
        start, end = self.view()
        _, _, days, values = self.series[n]
        return [
            i
            for i, (d, v) in enumerate(zip(days, values, strict=True))
            if start <= d <= end and math.isfinite(v)
        ]

    def _nearest(self, n: int, day: dt.date) -> Readout | None:
        _, _, days, _ = self.series[n]
        scored = self._scored(n)
        if not scored:
            return None
        i = min(scored, key=lambda k: (abs((days[k] - day).days), -k))
        return self._result(n, i)

    def _result(self, n: int, i: int) -> Readout:
        defn, sub, days, values = self.series[n]
        band = _band_of(sub, values[i])
        said = score_text(values[i]) + (f", {band.label.lower()}" if band else "")
        text = f"{defn.short_name or defn.name}, {sub.label} on {long_day(days[i])}: {said}"
        return Readout(n, days[i], text, float(day_number(days[i])), values[i])

    def step(self, current: Readout | None, days: int = 0, panels: int = 0) -> Readout | None:
        """Left/right: the previous or next result; up/down: another subscale."""
        if not self.panels:
            return None
        if current is None:
            return next((r for n in range(len(self.series)) if (r := self._latest(n))), None)
        n = max(0, min(len(self.series) - 1, current.panel + panels))
        scored = self._scored(n)
        if not scored:
            return None
        dates = self.series[n][2]
        if days > 0:
            later = [i for i in scored if dates[i] > current.day]
            return self._result(n, later[0]) if later else self._result(n, scored[-1])
        if days < 0:
            earlier = [i for i in scored if dates[i] < current.day]
            return self._result(n, earlier[-1]) if earlier else self._result(n, scored[0])
        return self._nearest(n, current.day)

    def _latest(self, n: int) -> Readout | None:
        scored = self._scored(n)
        return self._result(n, scored[-1]) if scored else None

    # -- words ----------------------------------------------------------------------
    def text_summary(self) -> str:
        if not self.series:
            return "No measures taken yet."
        start, end = self.view()
        lines = [f"Measures from {short_day(start)} to {short_day(end)}."]
        for n, (defn, sub, days, values) in enumerate(self.series):
            name = f"{defn.short_name or defn.name}, {sub.label}"
            scored = self._scored(n)
            if not scored:
                lines.append(f"{name}: not taken in this range.")
                continue
            shown = [values[i] for i in scored]
            latest = self._result(n, scored[-1]).text.split(": ", 1)[1]
            lines.append(
                f"{name}: latest {latest} ({short_day(days[scored[-1]])}); taken "
                f"{len(scored)} {'time' if len(scored) == 1 else 'times'} in this range, "
                f"lowest {score_text(min(shown))}, highest {score_text(max(shown))}. "
                f"Bands: {_bands_text(sub)}."
            )
        return "\n".join(lines)


def _score(result: MeasureResult, subscale_id: str) -> float:
    value = result.scores.get(subscale_id)
    return math.nan if value is None else float(value)


def _band_of(sub: Subscale, value: float) -> Band | None:
    return next((b for b in sub.bands if b.contains(value)), None)


def _bands_text(sub: Subscale) -> str:
    parts = []
    for band in sub.bands:
        if band.low is None or band.low <= sub.range[0]:
            parts.append(f"{band.label.lower()} up to {score_text(band.high or sub.range[1])}")
        elif band.high is None or band.high >= sub.range[1]:
            parts.append(f"{band.label.lower()} {score_text(band.low)} and above")
        else:
            parts.append(f"{band.label.lower()} {score_text(band.low)}–{score_text(band.high)}")
    return ", ".join(parts)


def build_measures(
    histories: list[MeasureHistory],
    theme: Theme,
    today: dt.date,
    span: Span = Span.YEAR,
    figure: Figure | None = None,
) -> MeasuresChart:
    shown = [h for h in histories if h.results]
    rows, cols = grid_shape(sum(len(h.definition.subscales) for h in shown))
    return MeasuresChart(shown, theme, today, span, new_figure(theme, MARGINS, rows, cols, figure))
