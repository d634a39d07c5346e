"""Distressing material over mood and energy; days since the last day off or leave."""

from __future__ import annotations

import datetime as dt

import numpy as np

from app.charts.base import long_day
from app.charts.exposure import build_exposure
from app.charts.figures import chart_data
from app.charts.palette import LIGHT
from app.charts.rest import REFERENCE_DAYS, build_rest
from app.charts.series import Span, day_number
from app.domain import Checkin, DayKind
from tests.app.charts.conftest import FIRST, TODAY, day


def test_exposure_shades_each_day_up_to_three_months_then_an_average(data):
    chart = build_exposure(data.daily, LIGHT, TODAY, Span.MONTHS_3)
    assert all(a.get_visible() for a in chart.daily)
    assert [a.get_visible() for a in chart.by_window[7]] == [False, True, True]
    assert not any(a.get_visible() for a in chart.by_window[28])
    chart.set_span(Span.YEAR)
    assert not any(a.get_visible() for a in chart.daily)
    assert all(a.get_visible() for a in chart.by_window[28])
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert legend[-1] == "Distressing material, 28-day average"


def test_exposure_read_out(data):
    chart = build_exposure(data.daily, LIGHT, TODAY, Span.MONTHS_3)
    main, twin = chart.panels[0].axes
    readout = chart.readout_at(twin, day_number(day(197)), 1)  # day 197: a lot, 2 hours
    assert readout is not None
    assert readout.text.startswith(
        f"{long_day(day(197))}: distressing material: a lot (2 hours), mood 3 (7-day average "
    )
    gap = chart.readout_at(main, day_number(day(199)), 1)
    assert gap is not None and "distressing material not recorded" in gap.text
    assert "mood no answer" in gap.text


def test_exposure_words(data):
    chart = build_exposure(data.daily, LIGHT, TODAY, Span.WEEKS_4)
    text = chart.text_summary()
    # Days 172-199 without 179, 189, 199; i % 3 is 0 none, 1 some, 2 a lot.
    assert "a lot on 8 days, some on 9, none on 8; not recorded on 3." in text
    assert "Average mood on days with a lot:" in text


def test_rest_counts_from_the_last_recorded_day_off_or_leave(data):
    chart = build_rest(data.daily, LIGHT, TODAY, Span.MONTHS_3)
    early = chart.panels[0].read(day(3))
    assert early is not None and "no day off or leave recorded before this" in early.text
    assert np.isnan(early.y)
    leave = chart.panels[0].read(day(101))
    assert leave is not None and leave.text == (
        f"{long_day(day(101))}: leave; 0 days since the last day off or leave"
    )
    after = chart.panels[0].read(day(112))  # leave ended on day 109; day off on day 111
    assert after is not None and after.text.endswith(
        "a work day; 1 day since the last day off or leave"
    )
    shading = chart.panels[0].axes[0].collections
    assert len(shading) == 2  # days off, leave


def test_rest_over_long_ranges_shows_each_weeks_highest(data):
    chart = build_rest(data.daily, LIGHT, TODAY, Span.ALL)
    assert not chart.daily.get_visible() and chart.weekly.get_visible()
    assert not chart.day_off_shade.get_visible()  # hundreds of thin bars: noise at this range
    legend = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert legend == ["Days since, each week's highest", "Leave"]
    # Day 112 is Thu 27 Aug, a work day after the day off on day 111. Its week (Mon 24 to
    # Sun 30 Aug) counts 1, 2, 0, 1, 2, 3, 4: the highest is 4, on the Sunday.
    readout = chart.panels[0].read(day(112))
    assert readout is not None and readout.text.endswith(
        "1 day since the last day off or leave; that week's highest: 4"
    )
    assert readout.y == 4
    chart.set_span(Span.WEEKS_4)
    assert chart.daily.get_visible() and not chart.weekly.get_visible()


def test_rest_y_axis_and_sixty_day_line():
    today = dt.date(2026, 11, 22)
    checkins = [Checkin(day=today - dt.timedelta(days=90), day_kind=DayKind.LEAVE)]
    checkins += [Checkin(day=today - dt.timedelta(days=i)) for i in range(80)]
    chart = build_rest(chart_data(checkins, today).daily, LIGHT, today, Span.MONTHS_3)
    assert chart.reference.get_visible()
    assert chart.panels[0].axes[0].get_ylim()[1] > 90
    assert "it had been 90 days since the last day off or leave" in chart.text_summary()
    chart.set_span(Span.WEEKS_4)
    assert chart.reference.get_visible()  # 62-90 days: near the line
    recent = [Checkin(day=today - dt.timedelta(days=3), day_kind=DayKind.DAY_OFF)]
    short = build_rest(chart_data(recent, today).daily, LIGHT, today, Span.WEEKS_4)
    assert short.panels[0].axes[0].get_ylim() == (0, 14)  # room to read small counts
    assert not short.reference.get_visible()  # 3 days: the 60-day line would only shout
    assert REFERENCE_DAYS == 60


def test_rest_words(data):
    chart = build_rest(data.daily, LIGHT, TODAY, Span.ALL)
    text = chart.text_summary()
    assert f"From {FIRST.day} " in text and "days of leave recorded" in text
    assert "9 days of leave" in text  # days 100-109, but 109 has no check-in
