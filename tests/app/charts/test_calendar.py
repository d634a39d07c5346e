"""The calendar heat map: one square per day, gaps hatched, days before the start blank."""

from __future__ import annotations

import datetime as dt

import pytest
from matplotlib.colors import to_hex

from app.charts.base import long_day
from app.charts.calendar import build_calendar, monday
from app.charts.figures import chart_data
from app.charts.palette import LIGHT
from app.charts.series import Span
from app.domain import Checkin
from tests.app.charts.conftest import FIRST, TODAY, day


def cells(chart, panel=0):
    answered, gaps = chart.panels[panel].axes[0].collections
    return answered, gaps


def test_four_weeks_one_square_per_day(data):
    chart = build_calendar(data.daily, LIGHT, TODAY, Span.WEEKS_4)
    answered, gaps = cells(chart)
    # Days 172-199; no check-in on 179, 189 and 199.
    assert len(answered.get_paths()) == 25
    assert len(gaps.get_paths()) == 3
    assert gaps.get_hatch() == "////"
    expected = [LIGHT.heat[(i % 5)] for i in range(172, 200) if i % 10 != 9]  # mood 1 + i % 5
    assert [to_hex(c) for c in answered.get_facecolors()] == [c.lower() for c in expected]


def test_a_year_leaves_days_before_the_first_check_in_blank(data):
    chart = build_calendar(data.daily, LIGHT, TODAY, Span.YEAR)
    answered, gaps = cells(chart)
    assert len(answered.get_paths()) == 180  # every check-in has a mood
    assert len(gaps.get_paths()) == 20  # the days without one; nothing before FIRST
    assert chart.view()[0] == TODAY - dt.timedelta(days=364) < FIRST


def test_another_signal(data):
    chart = build_calendar(data.daily, LIGHT, TODAY, Span.WEEKS_4, signal="sleep")
    answered, gaps = cells(chart)
    assert len(answered.get_paths()) + len(gaps.get_paths()) == 28
    assert "Sleep" in chart.figure.axes[0].get_title(loc="left")


def test_read_out_by_square(data):
    chart = build_calendar(data.daily, LIGHT, TODAY, Span.WEEKS_4)
    origin = monday(TODAY - dt.timedelta(days=27))
    target = day(195)  # mood 1
    offset = (target - origin).days
    ax = chart.panels[0].axes[0]
    readout = chart.readout_at(ax, offset // 7 + 0.2, offset % 7 - 0.3)
    assert readout is not None and readout.text == f"Mood on {long_day(target)}: 1 of 5"
    missing = chart.step(readout, days=-6)  # day 189: no check-in
    assert missing is not None and missing.text.endswith(": no check-in")
    assert chart.readout_at(ax, 0, 9) is None  # below Sunday


def test_switching_range_rebuilds_the_strips_in_the_same_figure(data):
    chart = build_calendar(data.daily, LIGHT, TODAY, Span.WEEKS_4)
    figure = chart.figure
    chart.set_span(Span.YEAR)
    assert chart.figure is figure and len(figure.axes) == 1
    assert chart.panels[0].axes[0] is figure.axes[0]


def test_all_over_two_years_is_one_strip_per_calendar_year_newest_first():
    checkins = [
        Checkin(day=dt.date(2025, 12, 20) - dt.timedelta(days=i), mood=3) for i in range(300)
    ]
    today = dt.date(2026, 1, 10)
    data = chart_data(checkins, today)
    chart = build_calendar(data.daily, LIGHT, today, Span.ALL)
    assert chart.weeks is None
    assert [p.name for p in chart.panels] == ["2026", "2025"]
    # Check-ins from 24 Feb to 20 Dec 2025; nothing since.
    assert [len(cells(chart, i)[0].get_paths()) for i in range(2)] == [0, 300]
    assert [len(cells(chart, i)[1].get_paths()) for i in range(2)] == [10, 11]
    readout = chart.step(None)
    assert readout is not None and readout.panel == 0 and readout.day == today
    older = chart.readout_at(chart.panels[1].axes[0], 50, 4)  # column 0 starts Mon 30 Dec 2024
    assert older is not None and older.day == dt.date(2025, 12, 19) and older.panel == 1
    assert older.text == "Mood on Fri 19 Dec 2025: 3 of 5"


def test_all_over_many_years_is_a_square_per_week():
    # Four years: mood 2 on Mondays and 4 on other days, nothing in the first week of 2025.
    first, today = dt.date(2023, 3, 1), dt.date(2026, 6, 30)
    days = [first + dt.timedelta(days=i) for i in range((today - first).days + 1)]
    checkins = [
        Checkin(day=d, mood=2 if d.weekday() == 0 else 4)
        for d in days
        if not dt.date(2024, 12, 30) <= d <= dt.date(2025, 1, 5)
    ]
    data = chart_data(checkins, today)
    chart = build_calendar(data.daily, LIGHT, today, Span.ALL)
    assert chart.weeks is not None and chart.weeks.years == [2026, 2025, 2024, 2023]
    assert len(chart.panels) == 1
    _answered, gaps = chart.panels[0].axes[0].collections
    assert len(gaps.get_paths()) == 2  # that week, in the 2024 row and the 2025 row
    full = chart.weeks.week(1, 10)  # 2025, column 10: a whole week
    assert full is not None and full.answered == 7
    assert full.mean == pytest.approx((2 + 6 * 4) / 7)
    readout = chart.readout_at(chart.panels[0].axes[0], 10.2, 0.9)
    assert readout is not None
    assert readout.text == (
        f"Mood, {full.first.day} Mar 2025 to {full.last.day} Mar 2025: average 3.7 over 7 days"
    )
    gap = chart.readout_at(chart.panels[0].axes[0], 0, 1)  # 2025's first (part) week
    assert gap is not None and gap.text == "Mood, 1 Jan 2025 to 5 Jan 2025: no answers"
    assert chart.readout_at(chart.panels[0].axes[0], 2, 3) is None  # January 2023: blank
    start = chart.step(None)
    assert start is not None and (start.x, start.y) == (26, 0)  # today's week, top row
    assert chart.step(start, days=-1).x == 25  # a week back
    assert chart.step(start, panels=1).y == 1  # the year below: 2025
    assert "June 2026: average" in chart.text_summary()


def test_month_by_month_words(data):
    chart = build_calendar(data.daily, LIGHT, TODAY, Span.MONTHS_3)
    lines = chart.text_summary().splitlines()
    assert lines[0].startswith("Mood from 24 Aug 2026 to 22 Nov 2026")
    assert lines[1].startswith("August 2026: average")
    assert lines[-1].startswith("November 2026: average")


@pytest.mark.parametrize("span", list(Span))
def test_every_range_builds(data, span):
    chart = build_calendar(data.daily, LIGHT, TODAY, span)
    assert chart.step(None) is not None
