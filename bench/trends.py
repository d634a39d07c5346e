"""The Trends page's charts over ten years of daily data, against plain matplotlib.

Both sides draw to an Agg canvas of the same size (the size the chart has in a
1280x800 window), in this process, alternated, ``RUNS`` times after one untimed
warm-up each; medians are reported.

* Tend: from 3,650 check-ins (as the store returns them) to a drawn picture:
  daily arrays, 7- and 28-day averages, the six-panel figure at "All", drawn.
* Plain matplotlib: the same figure size, the same 3x2 grid of shared axes and
  the same twelve lines (each signal's 7- and 28-day average, the lines "All"
  shows), from arrays computed beforehand, plotted against dates, drawn.

``first_paint_matplotlib_loaded`` starts the GUI as ``tend --smoke`` does (a
set-up store, so the lock screen) in a fresh process and lists the heavy
modules loaded by the time it has painted and exited: matplotlib and numpy
must not be among them (the charts load when the Trends page is first shown).

Switching range is ``Chart.set_span`` and a full redraw of the same canvas,
cycling through the four ranges (what the page does, minus Qt's copy of the
finished picture to the screen).
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import median, open_tend, p95, ratio, report

RUNS = 7
SWITCHES = 40
DAYS = 3650
SIZE_PX = (1000, 560)  # the chart area of the page in a 1280x800 window
DPI = 100


def _checkins() -> tuple[list, dt.date]:  # type: ignore[type-arg]
    from app.demo import _history

    today = dt.date(2026, 11, 22)
    start = today - dt.timedelta(days=DAYS - 1)
    checkins, _notes = _history(start, today, random.Random(11), None)
    return checkins, today


def _draw(figure: object) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure).draw()  # type: ignore[arg-type]


def _tend(checkins: list, today: dt.date) -> object:  # type: ignore[type-arg]
    from matplotlib.figure import Figure

    from app.charts.figures import build_chart, chart_data
    from app.charts.kinds import ChartKind, Span
    from app.charts.palette import LIGHT

    figure = Figure(figsize=(SIZE_PX[0] / DPI, SIZE_PX[1] / DPI), dpi=DPI)
    chart = build_chart(ChartKind.TRENDS, chart_data(checkins, today), LIGHT, Span.ALL, figure)
    _draw(chart.figure)
    return chart


def _plain_inputs(checkins: list, today: dt.date) -> tuple[object, list[tuple[object, object]]]:  # type: ignore[type-arg]
    from app.charts.figures import chart_data
    from app.charts.series import rolling_mean
    from app.domain import SCALES

    daily = chart_data(checkins, today).daily
    dates = daily.x.astype("datetime64[D]")
    lines = [(rolling_mean(daily.scales[n], 7), rolling_mean(daily.scales[n], 28)) for n in SCALES]
    return dates, lines


def _plain(dates: object, lines: list[tuple[object, object]]) -> None:
    from matplotlib.figure import Figure

    figure = Figure(figsize=(SIZE_PX[0] / DPI, SIZE_PX[1] / DPI), dpi=DPI)
    axes = figure.subplots(3, 2, sharex=True, sharey=True)
    for ax, (short, long) in zip(axes.flat, lines, strict=True):
        ax.plot(dates, short)
        ax.plot(dates, long)
    _draw(figure)


def _switching(chart: object) -> list[float]:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from app.charts.kinds import Span

    canvas = FigureCanvasAgg(chart.figure)  # type: ignore[attr-defined]
    canvas.draw()
    spans = itertools.cycle([Span.WEEKS_4, Span.MONTHS_3, Span.YEAR, Span.ALL])
    took = []
    for span in itertools.islice(spans, SWITCHES):
        start = time.perf_counter()
        chart.set_span(span)  # type: ignore[attr-defined]
        canvas.draw()
        took.append((time.perf_counter() - start) * 1000)
    return took


def run() -> None:
    checkins, today = _checkins()
    dates, lines = _plain_inputs(checkins, today)
    _tend(checkins, today)  # warm-up: imports, font cache, first-use costs, untimed
    _plain(dates, lines)
    tend_ms, plain_ms = [], []
    for _ in range(RUNS):
        start = time.perf_counter()
        _tend(checkins, today)
        tend_ms.append((time.perf_counter() - start) * 1000)
        start = time.perf_counter()
        _plain(dates, lines)
        plain_ms.append((time.perf_counter() - start) * 1000)
    tend, plain = median(tend_ms), median(plain_ms)
    report("trends_10y_days", DAYS)
    report("trends_10y_build_draw_tend_ms", tend)
    report("trends_10y_plain_matplotlib_ms", plain)
    report("trends_10y_ratio", ratio(tend, plain))
    report("trends_10y_ratio_goal_met", str(ratio(tend, plain) <= 1.3).lower())
    switches = _switching(_tend(checkins, today))
    report("trends_range_switch_median_ms", median(switches))
    report("trends_range_switch_p95_ms", p95(switches))
    report("trends_range_switch_goal_met", str(p95(switches) <= 150).lower())


_FIRST_PAINT = """
import sys
from ui.launch import run_gui
code = run_gui(sys.argv[1], smoke=True)  # returns right after the first paint
loaded = {m.split(".")[0] for m in sys.modules}
print("matplotlib:", "matplotlib" in loaded)
print("numpy:", "numpy" in loaded)
sys.exit(code)
"""


def first_paint_check() -> None:
    """Is matplotlib (or numpy) loaded by the GUI's first paint? It must not be."""
    with tempfile.TemporaryDirectory(prefix="tend-bench-") as tmp:
        data = Path(tmp) / "data"
        with open_tend(data):
            pass  # a store that exists: Tend opens on its lock screen
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        out = subprocess.run(
            [sys.executable, "-c", _FIRST_PAINT, str(data)],
            capture_output=True,
            text=True,
            env=env,
            timeout=120,
            check=True,
        )
    found = dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line)
    report("first_paint_matplotlib_loaded", found.get("matplotlib", "?").lower())
    report("first_paint_numpy_loaded", found.get("numpy", "?").lower())
