"""Date axes: one kind of label per axis, on whole days, never crowding each other."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from app.charts.day_ticks import calendar_ticks
from app.charts.exposure import build_exposure
from app.charts.figures import chart_data
from app.charts.palette import LIGHT
from app.charts.rest import build_rest
from app.charts.series import Span, day_number, from_day_number
from app.charts.trends import build_trends
from app.domain import Checkin, DayKind

TODAY = dt.date(2026, 11, 22)
FORMATS = {
    "day": (re.compile(r"^(\d{1,2}) ([A-Z][a-z]{2})$"), "{d.day} {d:%b}"),
    "month": (re.compile(r"^([A-Z][a-z]{2}) (\d{4})$"), "{d:%b} {d.year}"),
    "year": (re.compile(r"^(\d{4})$"), "{d.year}"),
}
BUILDERS = {"rest": build_rest, "trends": build_trends, "exposure": build_exposure}


def checkins(days: int) -> list[Checkin]:
    return [
        Checkin(
            day=TODAY - dt.timedelta(days=i),
            mood=3,
            energy=3,
            day_kind=DayKind.DAY_OFF if i % 7 == 0 else DayKind.WORK,
        )
        for i in range(days)
    ]


def drawn_ticks(ax) -> list[tuple[float, str]]:
    lo, hi = sorted(ax.get_xlim())
    ticks = [t for t in ax.xaxis.get_major_ticks() if t.label1.get_visible()]
    return [(t.get_loc(), t.label1.get_text()) for t in ticks if lo <= t.get_loc() <= hi]


def kind_of(labels: list[str]) -> str:
    kinds = {
        name for name, (pattern, _) in FORMATS.items() for text in labels if pattern.match(text)
    }
    assert len(kinds) == 1, labels  # never "Nov, 08, 15" or "2026, Mar, May"
    (kind,) = kinds
    assert all(FORMATS[kind][0].match(text) for text in labels), labels
    return kind


def check_axis(ax) -> str | None:
    ticks = drawn_ticks(ax)
    if not ticks:
        return None  # a panel sharing the dates of the one below it
    kind = kind_of([text for _, text in ticks])
    for x, text in ticks:
        assert x == int(x)  # on a day, never at an hour
        day = from_day_number(x)
        assert text == FORMATS[kind][1].format(d=day)  # the label names the tick's own day
        if kind == "month":
            assert day.day == 1
        if kind == "year":
            assert (day.month, day.day) == (1, 1)
    renderer = ax.figure.canvas.get_renderer()
    lo, hi = sorted(ax.get_xlim())
    boxes = [
        t.label1.get_window_extent(renderer)
        for t in ax.xaxis.get_major_ticks()
        if t.label1.get_visible() and lo <= t.get_loc() <= hi
    ]
    assert all(b.width > 0 for b in boxes)
    for left, right in itertools.pairwise(boxes):
        assert left.x1 < right.x0, "labels overlap"
    return kind


@pytest.mark.parametrize("chart", sorted(BUILDERS))
@pytest.mark.parametrize("days", [1, 12, 200, 1500, 5000])
@pytest.mark.parametrize("width", [3.4, 9.6])
def test_every_span_labels_its_dates_one_way(chart, days, width):
    built = BUILDERS[chart](chart_data(checkins(days), TODAY).daily, LIGHT, TODAY, Span.WEEKS_4)
    built.figure.set_size_inches(width, 6.0)
    FigureCanvasAgg(built.figure)
    for span in Span:
        built.set_span(span)
        built.figure.canvas.draw()
        kinds = [check_axis(panel.axes[0]) for panel in built.panels]
        assert any(kinds), "a chart with no dates"


def test_the_days_off_chart_reads_days_then_months_then_years():
    built = build_rest(chart_data(checkins(1500), TODAY).daily, LIGHT, TODAY, Span.WEEKS_4)
    FigureCanvasAgg(built.figure)
    seen = {}
    for span in Span:
        built.set_span(span)
        built.figure.canvas.draw()
        seen[span] = check_axis(built.panels[0].axes[0])
    assert seen[Span.WEEKS_4] == seen[Span.MONTHS_3] == "day"
    assert seen[Span.YEAR] == "month"
    assert seen[Span.ALL] in ("month", "year")
    built.set_span(Span.WEEKS_4)
    built.figure.canvas.draw()
    mondays = [from_day_number(x).weekday() for x, _ in drawn_ticks(built.panels[0].axes[0])]
    assert mondays == [0] * len(mondays)  # four weeks: a tick each Monday


def test_a_first_day_gets_one_date_and_no_hours():
    built = build_rest(chart_data(checkins(1), TODAY).daily, LIGHT, TODAY, Span.WEEKS_4)
    FigureCanvasAgg(built.figure).draw()
    assert drawn_ticks(built.panels[0].axes[0]) == [(day_number(TODAY), "22 Nov")]


@pytest.mark.parametrize(
    ("days", "room", "unit", "step"),
    [
        (5, 7, "day", 1),
        (10, 7, "day", 2),
        (28, 7, "day", 7),
        (91, 7, "day", 14),
        (91, 3, "month", None),
        (365, 7, "month", None),
        (3650, 7, "year", None),
    ],
)
def test_calendar_ticks_pick_the_finest_step_that_fits(days, room, unit, step):
    hi = day_number(TODAY) + 0.5
    got_unit, ticks = calendar_ticks(hi - days, hi, room)
    assert got_unit == unit
    assert 1 <= len(ticks) <= room
    if step is not None:
        assert {b - a for a, b in itertools.pairwise(ticks)} == {step}
