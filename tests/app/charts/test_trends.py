"""The daily-signals chart: six panels, three lines each, ranges, read-outs, words."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest

from app.charts.base import long_day
from app.charts.palette import DARK, LIGHT
from app.charts.series import Span, day_number
from app.charts.trends import build_trends
from app.domain import SCALE_INFO, SCALES
from tests.app.charts.conftest import FIRST, TODAY, day


@pytest.fixture
def chart(data):
    return build_trends(data.daily, LIGHT, TODAY, Span.MONTHS_3)


def test_one_panel_per_signal_with_daily_answers_and_both_averages(chart, data):
    assert [p.name for p in chart.panels] == [SCALE_INFO[n].label for n in SCALES]
    for name, panel in zip(SCALES, chart.panels, strict=True):
        ax = panel.axes[0]
        daily, short, long, cursor = ax.lines
        assert np.array_equal(daily.get_ydata(), data.daily.scales[name], equal_nan=True)
        assert np.array_equal(short.get_ydata(), chart.short[name], equal_nan=True)
        assert np.array_equal(long.get_ydata(), chart.long[name], equal_nan=True)
        assert long.get_linewidth() > short.get_linewidth()  # the slow trend stands out
        assert cursor.get_animated()  # drawn by blitting only, never into exports
        assert ax.get_title(loc="left").startswith(SCALE_INFO[name].label)
    assert chart.figure.get_facecolor()[:3] == pytest.approx((0xF5 / 255, 0xF6 / 255, 0xF2 / 255))


def test_gaps_are_gaps(chart):
    sleep = chart.panels[2].axes[0].lines[0].get_ydata()
    assert math.isnan(sleep[0]) and math.isnan(sleep[9])  # not answered / no check-in


def test_switching_range_moves_the_shared_x_limits_without_rebuilding(chart):
    axes = [p.axes[0] for p in chart.panels]
    lines_before = [list(ax.lines) for ax in axes]
    chart.set_span(Span.WEEKS_4)
    expected = (day_number(TODAY - dt.timedelta(days=27)) - 0.5, day_number(TODAY) + 0.5)
    assert all(ax.get_xlim() == pytest.approx(expected) for ax in axes)
    assert chart.daily_lines[0].get_visible()
    chart.set_span(Span.YEAR)  # the data starts later than a year ago: start there
    assert axes[0].get_xlim()[0] == pytest.approx(day_number(FIRST) - 0.5)
    assert not any(line.get_visible() for line in chart.daily_lines)  # a year of dots is noise
    chart.set_span(Span.ALL)
    assert axes[-1].get_xlim()[0] == pytest.approx(day_number(FIRST) - 0.5)
    assert [list(ax.lines) for ax in axes] == lines_before
    labels = [t.get_text() for t in chart.figure.legends[0].get_texts()]
    assert labels == ["7-day average", "28-day average"]


def test_read_out_of_a_known_day(chart):
    # Day 195: mood 1. Its 7-day window (189-195) lost day 189 (no check-in), so the
    # average is over six days: (1 + 2 + 3 + 4 + 5 + 1) / 6 = 2.67.
    target = day(195)
    ax = chart.panels[0].axes[0]
    readout = chart.readout_at(ax, day_number(target) + 0.3, 3.0)
    assert readout is not None
    assert readout.text.startswith(f"Mood on {long_day(target)}: 1 of 5, 7-day average 2.7, ")
    assert "28-day average" in readout.text
    assert (readout.panel, readout.day, readout.y) == (0, target, 1.0)


def test_read_out_of_a_day_without_a_check_in(chart):
    readout = chart.panels[1].read(day(189))
    assert readout is not None and "Energy" in readout.text and "no answer that day" in readout.text


def test_no_read_out_outside_the_view_or_the_axes(chart):
    ax = chart.panels[0].axes[0]
    assert chart.readout_at(ax, day_number(TODAY) + 3, 3) is None
    assert chart.readout_at(object(), day_number(TODAY), 3) is None
    assert chart.readout_at(ax, None, None) is None


def test_keyboard_steps_along_days_and_across_panels(chart):
    start = chart.step(None)
    assert start is not None and (start.panel, start.day) == (0, TODAY)
    back = chart.step(start, days=-1)
    assert back is not None and back.day == TODAY - dt.timedelta(days=1)
    down = chart.step(back, panels=1)
    assert down is not None and down.panel == 1 and down.text.startswith("Energy")
    far = chart.step(down, days=-100_000)
    assert far is not None and far.day == chart.view()[0]  # stays in view
    assert chart.step(start, days=5).day == TODAY


def test_cursor_marks_only_the_read_panel(chart):
    readout = chart.panels[3].read(day(190))
    cursors = chart.mark(readout)
    assert [c.get_visible() for c in cursors] == [False, False, False, True, False, False]
    assert list(cursors[3].get_xdata()) == [day_number(day(190))]
    assert not any(c.get_visible() for c in chart.mark(None))


def test_text_summary_names_every_signal_and_says_which_way_is_easier(chart):
    text = chart.text_summary()
    lines = text.splitlines()
    assert len(lines) == 1 + len(SCALES)
    assert lines[1].startswith("Mood (higher is easier): answered on")
    assert "Stress (lower is easier)" in text
    assert "Sleep (higher is easier): answered on 54 of 91 days" in text


def test_dark_theme_colours(data):
    chart = build_trends(data.daily, DARK, TODAY, Span.WEEKS_4)
    ax = chart.panels[0].axes[0]
    assert ax.get_facecolor()[:3] == pytest.approx((0x26 / 255, 0x30 / 255, 0x35 / 255))
    assert ax.lines[2].get_color() == DARK.signal("mood")


def test_building_into_a_given_figure_reuses_it(data):
    first = build_trends(data.daily, LIGHT, TODAY, Span.WEEKS_4)
    again = build_trends(data.daily, DARK, TODAY, Span.YEAR, first.figure)
    assert again.figure is first.figure and len(again.figure.axes) == 6
