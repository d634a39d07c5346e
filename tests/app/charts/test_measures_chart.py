"""Measure subscales over time, with their bands shaded and named."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from matplotlib.patches import Rectangle

from app.charts.base import long_day
from app.charts.measures import band_edges, build_measures, grid_shape
from app.charts.palette import LIGHT
from app.charts.series import Span, day_number
from app.measures.definitions import load_definitions
from tests.app.charts.conftest import TODAY


@pytest.fixture
def chart(data):
    return build_measures(list(data.measures), LIGHT, TODAY, Span.YEAR)


def test_one_panel_per_subscale_of_each_measure_taken(chart):
    assert [p.name for p in chart.panels] == [
        "WHO-5, Wellbeing",
        "ProQOL, Compassion satisfaction",
        "ProQOL, Burnout",
        "ProQOL, Secondary traumatic stress",
    ]
    assert grid_shape(4) == (2, 2) and grid_shape(3) == (3, 1) and grid_shape(0) == (1, 1)


def test_every_band_is_shaded_and_named(chart):
    defs = load_definitions()
    subs = [defs["who5"].subscales[0], *defs["proqol5"].subscales]
    for panel, sub in zip(chart.panels, subs, strict=True):
        ax = panel.axes[0]
        shades = [p for p in ax.patches if isinstance(p, Rectangle)]
        assert len(shades) == len(sub.bands)
        names = {t.get_text() for t in ax.texts}
        assert {b.label for b in sub.bands} <= names
        for (band, _lo, _hi), shade in zip(band_edges(sub), shades, strict=True):
            _colour, alpha = LIGHT.band(band.rank)
            assert shade.get_alpha() == alpha


def test_band_edges_meet_halfway_and_cover_the_range():
    cs = load_definitions()["proqol5"].subscale("cs")
    assert [(b.id, lo, hi) for b, lo, hi in band_edges(cs)] == [
        ("low", 10, 22.5),
        ("moderate", 22.5, 41.5),
        ("high", 41.5, 50),
    ]


def test_an_unscored_result_leaves_a_gap(chart):
    line = chart.panels[1].axes[0].lines[0]
    assert list(line.get_ydata()[[0, 2]]) == [30, 50]
    assert math.isnan(line.get_ydata()[1])


def test_read_out_names_the_band(chart):
    on = TODAY - dt.timedelta(days=2)
    ax = chart.panels[1].axes[0]
    readout = chart.readout_at(ax, day_number(on) - 5, 40)  # nearest result wins
    assert readout is not None
    assert readout.text == f"ProQOL, Compassion satisfaction on {long_day(on)}: 50, high"
    assert (readout.day, readout.y) == (on, 50)
    who = chart.panels[0].read(TODAY)
    assert who is not None and who.text.endswith(": 48, low")


def test_keyboard_moves_from_result_to_result_skipping_gaps(chart):
    first = chart.step(None)
    assert first is not None and (first.panel, first.day) == (0, TODAY)
    earlier = chart.step(first, days=-1)
    assert earlier is not None and earlier.day == TODAY - dt.timedelta(days=14)
    proqol = chart.step(earlier, panels=1)
    assert proqol is not None and proqol.panel == 1
    older = chart.step(proqol, days=-1)  # the unscored result in between is skipped
    assert older is not None and older.day == TODAY - dt.timedelta(days=60)
    assert chart.step(older, days=1).day == TODAY - dt.timedelta(days=2)


def test_range_limits_what_is_read_and_summarised(chart):
    chart.set_span(Span.WEEKS_4)
    text = chart.text_summary()
    assert "WHO-5, Wellbeing: latest 48, low" in text
    assert "taken 2 times in this range" in text  # 8 and 22 Nov; 25 Oct is before 26 Oct
    assert "ProQOL, Burnout: latest 30, average (20 Nov 2026); taken 1 time" in text
    assert "Bands: low up to 22, average 23–41, high 42 and above." in text


def test_no_measures_taken():
    chart = build_measures([], LIGHT, TODAY, Span.YEAR)
    assert chart.panels == [] and chart.step(None) is None
    assert chart.text_summary() == "No measures taken yet."


def test_lines_hold_the_scores(chart):
    who = chart.panels[0].axes[0].lines[0]
    assert np.array_equal(who.get_ydata(), [60, 56, 52, 48])
