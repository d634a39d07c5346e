"""What every chart shares: a Figure, its panels, range switching, read-outs and layout.

A ``Chart`` is built once per data load. Switching range never rebuilds it:
time charts change the shared x-limits (lines are sorted ``Line2D`` with NaN
gaps, so matplotlib draws only the visible slice) and show or hide detail
that would be clutter at a long range.

Layout is a tiny ``LayoutEngine`` with margins in points. It runs on every
draw and costs next to nothing, unlike constrained layout, and it keeps the
margins right when the window (and so the figure) is resized.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.layout_engine import LayoutEngine
from matplotlib.lines import Line2D

from app.charts.day_ticks import DayLabels, DayTicks
from app.charts.palette import Theme
from app.charts.series import Span, day_number, from_day_number, span_start

FONT_SMALL = 8.0
FONT = 9.0
DEFAULT_SIZE = (9.6, 6.0)  # inches at 100 dpi; the page resizes it to fit the window


def long_day(day: dt.date) -> str:
    """'Thu 12 Nov 2026': unambiguous in every English locale."""
    return f"{day:%a} {day.day} {day:%b %Y}"


def short_day(day: dt.date) -> str:
    return f"{day.day} {day:%b %Y}"


def number(value: float, places: int = 1) -> str:
    return f"{value:.{places}f}" if places else f"{value:.0f}"


@dataclass(frozen=True)
class Margins:
    """Space around and between axes, in points (so it scales with the screen's dpi)."""

    left: float = 34
    right: float = 12
    top: float = 34
    bottom: float = 30
    hspace: float = 24
    wspace: float = 20


class PointMargins(LayoutEngine):
    """Sets ``subplots_adjust`` from ``Margins`` in points at each draw."""

    _adjust_compatible = True
    _colorbar_gridspec = False

    def __init__(self, margins: Margins, rows: int, cols: int) -> None:
        super().__init__()
        self.margins, self.rows, self.cols = margins, rows, cols

    def set(self, **kwargs: object) -> None:
        raise NotImplementedError

    def execute(self, fig: Figure) -> None:
        m, px = self.margins, fig.dpi / 72
        width, height = fig.bbox.width, fig.bbox.height
        left, right = m.left * px / width, 1 - m.right * px / width
        bottom, top = m.bottom * px / height, 1 - m.top * px / height
        axes_h = (height * (top - bottom) - (self.rows - 1) * m.hspace * px) / self.rows
        axes_w = (width * (right - left) - (self.cols - 1) * m.wspace * px) / self.cols
        fig.subplots_adjust(
            left=min(left, 0.45),
            right=max(right, 0.55),
            bottom=min(bottom, 0.45),
            top=max(top, 0.55),
            hspace=m.hspace * px / max(axes_h, 1.0),
            wspace=m.wspace * px / max(axes_w, 1.0),
        )


def new_figure(
    theme: Theme,
    margins: Margins,
    rows: int,
    cols: int,
    figure: Figure | None = None,
    size: tuple[float, float] = DEFAULT_SIZE,
) -> Figure:
    """A clean figure (or ``figure``, cleared) laid out with ``margins``."""
    if figure is None:
        figure = Figure(figsize=size, dpi=100)
    else:
        figure.clear()
    figure.set_facecolor(theme.background)
    figure.set_layout_engine(PointMargins(margins, rows, cols))
    return figure


def figure_legend(figure: Figure, handles: Sequence[Any], theme: Theme, **options: Any) -> None:
    """Replace the figure's one legend: top right, frameless, small and muted."""
    for old in list(figure.legends):
        old.remove()
    settings: dict[str, Any] = {
        "loc": "upper right",
        "ncols": len(handles),
        "frameon": False,
        "fontsize": FONT_SMALL,
        "labelcolor": theme.muted,
        "borderaxespad": 0.4,
    }
    figure.legend(handles=list(handles), **{**settings, **options})


def style_axes(ax: Axes, theme: Theme, *, ygrid: bool = True) -> None:
    ax.set_facecolor(theme.surface)
    for side, spine in ax.spines.items():
        spine.set_visible(side in ("bottom", "left"))
        spine.set_color(theme.grid)
    ax.tick_params(labelsize=FONT_SMALL, colors=theme.muted, length=3)
    if ygrid:
        ax.grid(axis="y", color=theme.grid, linewidth=0.7)
    ax.set_axisbelow(True)


def date_axis(ax: Axes, theme: Theme) -> None:
    """Calendar ticks on day numbers, from days to years, one label format per axis
    ("9 Nov", "Nov 2026" or "2026": never day numbers beside month names)."""
    ticks = DayTicks()
    ax.xaxis.set_major_locator(ticks)
    ax.xaxis.set_major_formatter(DayLabels(ticks))


def cursor_for(ax: Axes, theme: Theme) -> Line2D:
    """The hover marker: animated, so ordinary draws (and exports) leave it out."""
    (marker,) = ax.plot(
        [],
        [],
        marker="o",
        markersize=8,
        markerfacecolor="none",
        markeredgecolor=theme.text,
        markeredgewidth=1.6,
        linestyle="none",
        animated=True,
    )
    return marker


@dataclass(frozen=True)
class Readout:
    """What is under the pointer (or the keyboard cursor), in words."""

    panel: int
    day: dt.date
    text: str
    x: float
    y: float  # NaN: nothing to mark (no answer that day)


@dataclass(eq=False)
class Panel:
    """One axes the reader can point at. ``axes`` may hold a twin for the same panel."""

    name: str
    axes: tuple[Axes, ...]
    cursor: Line2D
    read: Callable[[dt.date], Readout | None] = field(repr=False)


class Chart:
    """A built chart. Subclasses fill ``panels`` and override what differs."""

    title = ""

    def __init__(self, figure: Figure, theme: Theme, today: dt.date, span: Span) -> None:
        self.figure = figure
        self.theme = theme
        self.today = today
        self.span = span
        self.panels: list[Panel] = []
        self.first_day = today  # the earliest day with data; subclasses set it

    # -- range ----------------------------------------------------------------------
    def view(self) -> tuple[dt.date, dt.date]:
        """The first and last day the current span shows (never before the data starts)."""
        start = span_start(self.span, self.today)
        first = self.first_day if start is None else max(start, self.first_day)
        return min(first, self.today), self.today

    def set_span(self, span: Span) -> None:
        self.span = span
        self.apply_span()

    def apply_span(self) -> None:
        """Time charts: move every panel's x-limits. Override to show or hide detail."""
        start, end = self.view()
        for panel in self.panels:
            panel.axes[0].set_xlim(day_number(start) - 0.5, day_number(end) + 0.5)

    # -- read-outs ------------------------------------------------------------------
    def panel_of(self, axes: object) -> int | None:
        for i, panel in enumerate(self.panels):
            if any(axes is a for a in panel.axes):
                return i
        return None

    def readout_at(self, axes: object, x: float | None, y: float | None) -> Readout | None:
        """The read-out for the pointer at data coordinates (x, y) over ``axes``."""
        index = self.panel_of(axes)
        if index is None or x is None or not math.isfinite(x):
            return None
        day = from_day_number(x)
        start, end = self.view()
        if not start <= day <= end:
            return None
        return self.panels[index].read(day)

    def step(self, current: Readout | None, days: int = 0, panels: int = 0) -> Readout | None:
        """Keyboard reading: move ``days`` along and ``panels`` across, staying in view."""
        if not self.panels:
            return None
        start, end = self.view()
        if current is None:
            return self.panels[0].read(end)
        index = max(0, min(len(self.panels) - 1, current.panel + panels))
        day = max(start, min(end, current.day + dt.timedelta(days=days)))
        return self.panels[index].read(day)

    def mark(self, readout: Readout | None) -> list[Line2D]:
        """Move the cursor to ``readout`` (hide the others); return the cursors to redraw."""
        cursors = [p.cursor for p in self.panels]
        for i, cursor in enumerate(cursors):
            show = readout is not None and i == readout.panel and math.isfinite(readout.y)
            if show and readout is not None:
                cursor.set_data([readout.x], [readout.y])
            cursor.set_visible(show)
        return cursors

    # -- words ----------------------------------------------------------------------
    def text_summary(self) -> str:
        """The chart in words, for screen readers and anyone who prefers text."""
        return ""
