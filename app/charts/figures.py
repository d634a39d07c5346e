"""One entry point for every chart: the data they share, and a builder per kind.

``load_chart_data`` runs on a worker thread (it reads the private store);
``build_chart`` runs where the figure will be drawn (matplotlib is not
thread-safe). Charts for export are built afresh in the light theme at a
fixed, print-friendly size, whatever the screen shows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from matplotlib.figure import Figure

from app.charts.base import Chart
from app.charts.calendar import build_calendar
from app.charts.export import format_of, render_figure
from app.charts.exposure import build_exposure
from app.charts.kinds import ChartKind
from app.charts.measures import MeasureHistory, build_measures
from app.charts.palette import LIGHT, Theme
from app.charts.rest import build_rest
from app.charts.series import DailySeries, Span, daily_series
from app.charts.trends import build_trends
from app.domain import EARLIEST_DAY, Checkin

if TYPE_CHECKING:
    from app.services.store import PrivateStore

EXPORT_SIZE = (10.0, 6.25)  # inches


@dataclass(frozen=True, eq=False)
class ChartData:
    """Everything the charts draw, loaded once: daily arrays and measure histories."""

    today: dt.date
    daily: DailySeries
    measures: tuple[MeasureHistory, ...]

    @property
    def has_checkins(self) -> bool:
        return self.daily.checkin_count > 0

    @property
    def has_measures(self) -> bool:
        return any(h.results for h in self.measures)

    def has(self, kind: ChartKind) -> bool:
        return self.has_measures if kind is ChartKind.MEASURES else self.has_checkins


def chart_data(
    checkins: Sequence[Checkin], today: dt.date, measures: tuple[MeasureHistory, ...] = ()
) -> ChartData:
    """ChartData from check-ins (any order) ending today."""
    last = max([today, *(c.day for c in checkins)])
    first = min([today, *(c.day for c in checkins)])
    return ChartData(today, daily_series(checkins, first, last), measures)


def load_chart_data(store: PrivateStore, today: dt.date) -> ChartData:
    """Read what the charts need from the store. Slow-ish: call it on a worker thread."""
    checkins = store.checkins.between(EARLIEST_DAY, today + dt.timedelta(days=1))
    histories = []
    for defn in store.measures.definitions().values():
        results = store.measures.history(defn.id, end=today + dt.timedelta(days=1))
        if results:
            histories.append(MeasureHistory(defn, tuple(results)))
    return chart_data(checkins, today, tuple(histories))


def build_chart(
    kind: ChartKind,
    data: ChartData,
    theme: Theme,
    span: Span,
    figure: Figure | None = None,
    *,
    signal: str = "mood",
    measure: str | None = None,
) -> Chart:
    """Build ``kind`` (into ``figure`` if given). ``signal``: the calendar's; ``measure``:
    show only that measure (None: every measure taken)."""
    if kind is ChartKind.TRENDS:
        return build_trends(data.daily, theme, data.today, span, figure)
    if kind is ChartKind.CALENDAR:
        return build_calendar(data.daily, theme, data.today, span, figure, signal)
    if kind is ChartKind.EXPOSURE:
        return build_exposure(data.daily, theme, data.today, span, figure)
    if kind is ChartKind.REST:
        return build_rest(data.daily, theme, data.today, span, figure)
    histories = [h for h in data.measures if measure is None or h.definition.id == measure]
    return build_measures(histories, theme, data.today, span, figure)


def export_bytes(
    kind: ChartKind,
    data: ChartData,
    span: Span,
    path: Path,
    *,
    signal: str = "mood",
    measure: str | None = None,
) -> bytes:
    """The chart as a file for ``path`` (PNG, SVG or PDF by its extension), light theme."""
    fmt = format_of(path)
    figure = Figure(figsize=EXPORT_SIZE, dpi=100)
    chart = build_chart(kind, data, LIGHT, span, figure, signal=signal, measure=measure)
    return render_figure(chart.figure, fmt)
