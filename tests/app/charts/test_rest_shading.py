"""The Days-off chart shades each day off and each day of leave exactly one day wide."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from app.charts.figures import chart_data
from app.charts.palette import DARK, LIGHT
from app.charts.rest import build_rest
from app.charts.series import Span, day_number
from app.domain import Checkin, DayKind

TODAY = dt.date(2026, 11, 22)  # a Sunday
START = TODAY - dt.timedelta(days=27)  # the first day of the four weeks shown
OFF, LEAVE = DayKind.DAY_OFF, DayKind.LEAVE
# Day i of the four weeks: a single day off, a weekend, a lone day of leave, leave
# straight after a day off, and a day off on the last day shown.
KINDS = {3: OFF, 12: OFF, 13: OFF, 16: LEAVE, 20: OFF, 21: LEAVE, 22: LEAVE, 27: OFF}


def rest_chart(theme=LIGHT):
    checkins = [
        Checkin(day=START + dt.timedelta(days=i), day_kind=KINDS.get(i, DayKind.WORK))
        for i in range(28)
    ]
    chart = build_rest(chart_data(checkins, TODAY).daily, theme, TODAY, Span.WEEKS_4)
    FigureCanvasAgg(chart.figure).draw()
    return chart


def drawn_spans(chart, which):
    """Each shaded rectangle as (left, right) in data x (day numbers), measured from
    the vertices as drawn: path, through the collection's transform to the screen,
    and back through the axes' data transform."""
    ax = chart.panels[0].axes[0]
    shade = ax.collections[which]
    to_data = shade.get_transform() - ax.transData
    spans = []
    for path in shade.get_paths():
        x = to_data.transform(path.vertices)[:, 0]
        spans.append((float(x.min()), float(x.max())))
    return sorted(spans)


def day_span(first, last):
    """Where the days ``first``..``last`` of the four weeks lie on the axis."""
    return (day_number(START) + first - 0.5, day_number(START) + last + 0.5)


def same(spans, expected):
    assert np.array(spans).shape == np.array(expected).shape, spans
    np.testing.assert_allclose(np.array(spans), np.array(expected), rtol=0, atol=1e-6)


@pytest.mark.parametrize("theme", [LIGHT, DARK], ids=["light", "dark"])
def test_days_off_and_leave_are_shaded_at_their_true_width(theme):
    chart = rest_chart(theme)
    days_off, leave = drawn_spans(chart, 0), drawn_spans(chart, 1)
    same(days_off, [day_span(3, 3), day_span(12, 13), day_span(20, 20), day_span(27, 27)])
    same(leave, [day_span(16, 16), day_span(21, 22)])
    widths = [right - left for left, right in days_off]
    assert widths == pytest.approx([1.0, 2.0, 1.0, 1.0])  # one day, a weekend, one, one


def test_the_shading_covers_the_days_off_and_nothing_else():
    chart = rest_chart()
    for which, kind in ((0, OFF), (1, LEAVE)):
        spans = drawn_spans(chart, which)
        for i in range(28):
            middle = day_number(START) + i
            covered = any(left < middle < right for left, right in spans)
            assert covered == (KINDS.get(i) is kind), (kind, i)
    # A day off next to leave: the two touch and do not overlap.
    assert drawn_spans(chart, 0)[2][1] == pytest.approx(drawn_spans(chart, 1)[1][0])


def test_shading_runs_from_the_bottom_to_the_top_of_the_axes():
    chart = rest_chart()
    ax = chart.panels[0].axes[0]
    to_axes = ax.collections[0].get_transform() - ax.transAxes
    for path in ax.collections[0].get_paths():
        y = to_axes.transform(path.vertices)[:, 1]
        assert (y.min(), y.max()) == pytest.approx((0.0, 1.0))
    ax.set_ylim(0, 500)  # a longer stretch rescales the count, not the shading
    y = to_axes.transform(ax.collections[0].get_paths()[0].vertices)[:, 1]
    assert (y.min(), y.max()) == pytest.approx((0.0, 1.0))


def test_a_day_off_inside_the_view_is_drawn_on_screen_a_day_wide():
    chart = rest_chart()
    ax = chart.panels[0].axes[0]
    shade = ax.collections[0]
    pixels = shade.get_transform().transform(shade.get_paths()[0].vertices)[:, 0]
    one_day = ax.transData.transform([(1, 0)])[0, 0] - ax.transData.transform([(0, 0)])[0, 0]
    assert np.ptp(pixels) == pytest.approx(one_day)
    assert one_day > 5  # a visible band, not a hairline
