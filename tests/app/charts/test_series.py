"""Check-ins as daily arrays: gaps stay gaps, averages follow their documented rule."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.charts.series import (
    EPOCH,
    KIND_CODE,
    NO_CHECKIN,
    Span,
    daily_series,
    day_number,
    days_since_rest,
    from_day_number,
    min_answers,
    rolling_mean,
    span_start,
    weekly_peaks,
)
from app.domain import SCALES, Checkin, DayKind, Exposure

D0 = dt.date(2026, 11, 1)


def checkin(offset: int, **answers: object) -> Checkin:
    return Checkin(day=D0 + dt.timedelta(days=offset), **answers)  # type: ignore[arg-type]


def nan_equal(a: np.ndarray, b: list[float]) -> bool:
    return bool(np.array_equal(a, np.array(b, dtype=float), equal_nan=True))


def test_one_slot_per_calendar_day_and_missing_days_stay_nan():
    series = daily_series([checkin(0, mood=4), checkin(3, mood=2, energy=5), checkin(1, energy=1)])
    assert (series.first, series.last, series.size) == (D0, D0 + dt.timedelta(days=3), 4)
    assert nan_equal(series.scales["mood"], [4, math.nan, math.nan, 2])
    assert nan_equal(series.scales["energy"], [math.nan, 1, math.nan, 5])
    assert nan_equal(series.scales["sleep"], [math.nan] * 4)  # never answered: all gaps
    assert list(series.kinds) == [0, 0, NO_CHECKIN, 0]
    assert series.checkin_count == 3
    assert series.x[0] == day_number(D0) and np.all(np.diff(series.x) == 1)


def test_exposure_levels_hours_and_day_kinds():
    series = daily_series(
        [
            checkin(0, exposure=Exposure.NONE, day_kind=DayKind.DAY_OFF),
            checkin(1, exposure=Exposure.SOME, exposure_hours=1.5),
            checkin(2, exposure=Exposure.A_LOT, exposure_hours=6.0, day_kind=DayKind.LEAVE),
            checkin(3),
        ]
    )
    assert nan_equal(series.exposure, [0, 1, 2, math.nan])
    assert nan_equal(series.exposure_hours, [math.nan, 1.5, 6, math.nan])
    assert list(series.kinds) == [
        KIND_CODE[DayKind.DAY_OFF], KIND_CODE[DayKind.WORK], KIND_CODE[DayKind.LEAVE], 0
    ]  # fmt: skip


def test_an_explicit_span_pads_with_gaps_and_drops_checkins_outside_it():
    series = daily_series(
        [checkin(-5, mood=1), checkin(1, mood=3)], first=D0, last=D0 + dt.timedelta(days=2)
    )
    assert nan_equal(series.scales["mood"], [math.nan, 3, math.nan])
    assert series.checkin_count == 1


def test_no_checkins_is_one_empty_day():
    series = daily_series([], first=D0)
    assert series.size == 1 and series.checkin_count == 0
    assert all(math.isnan(series.scales[n][0]) for n in SCALES)


def test_index_and_window_helpers():
    series = daily_series([checkin(0, mood=1), checkin(9, mood=1)])
    assert series.index_of(D0 + dt.timedelta(days=4)) == 4
    assert series.day_at(4) == D0 + dt.timedelta(days=4)
    assert series.window(D0 - dt.timedelta(days=3), D0 + dt.timedelta(days=2)) == slice(0, 3)
    assert series.window(D0 + dt.timedelta(days=20), D0 + dt.timedelta(days=30)) == slice(10, 10)
    assert from_day_number(day_number(D0) + 0.4) == D0


# -- rolling averages ------------------------------------------------------------------
def test_rolling_mean_by_hand():
    values = np.array([1, 2, 3, 4, 5, 6, 7, 8], dtype=float)
    # Window 4 needs 2 answered days; day 0 has only one, so it has no average.
    assert nan_equal(rolling_mean(values, 4), [math.nan, 1.5, 2, 2.5, 3.5, 4.5, 5.5, 6.5])


def test_rolling_mean_averages_only_answered_days_and_needs_half_the_window():
    nan = math.nan
    values = np.array([4, nan, nan, 2, nan, nan, nan, 5, nan, nan], dtype=float)
    out = rolling_mean(values, 7)  # needs 4 of 7: never here
    assert np.all(np.isnan(out))
    out = rolling_mean(values, 7, min_count=2)
    assert out[3] == 3.0  # (4 + 2) / 2: the gaps are skipped, not counted as zeros
    assert out[6] == 3.0
    assert out[7] == 3.5  # day 0 has left the window: (2 + 5) / 2
    assert math.isnan(out[0])  # only one answer so far


def test_min_answers_is_half_rounded_up():
    assert [min_answers(w) for w in (1, 7, 28, 5)] == [1, 4, 14, 3]
    with pytest.raises(ValueError):
        rolling_mean(np.zeros(3), 0)


def naive_rolling(values: list[float], window: int) -> list[float]:
    out = []
    for i in range(len(values)):
        seen = [v for v in values[max(0, i - window + 1) : i + 1] if not math.isnan(v)]
        out.append(sum(seen) / len(seen) if len(seen) >= min_answers(window) else math.nan)
    return out


@given(
    st.lists(st.one_of(st.none(), st.integers(1, 5)), max_size=80),
    st.sampled_from([1, 3, 7, 28]),
)
def test_rolling_mean_matches_the_rule_as_written(raw, window):
    values = [math.nan if v is None else float(v) for v in raw]
    got = rolling_mean(np.array(values, dtype=float), window)
    assert np.allclose(got, naive_rolling(values, window), equal_nan=True)


def test_ten_years_of_days_in_one_pass():
    values = np.tile(np.array([1, 2, math.nan, 4, 5]), 730)  # 3,650 days
    out = rolling_mean(values, 28)
    assert out.shape == (3650,) and not np.isnan(out[100])


# -- days since the last day off or leave ----------------------------------------------
def test_days_since_rest_counts_every_day_and_is_unknown_before_the_first():
    w, off, leave, none = (KIND_CODE[DayKind.WORK], KIND_CODE[DayKind.DAY_OFF],
                           KIND_CODE[DayKind.LEAVE], NO_CHECKIN)  # fmt: skip
    kinds = np.array([w, w, off, w, none, w, leave, leave, w], dtype=np.int8)
    assert nan_equal(days_since_rest(kinds), [math.nan, math.nan, 0, 1, 2, 3, 0, 0, 1])


def test_days_since_rest_with_no_rest_or_no_days():
    assert np.all(np.isnan(days_since_rest(np.zeros(5, dtype=np.int8))))
    assert days_since_rest(np.zeros(0, dtype=np.int8)).shape == (0,)


@given(st.lists(st.sampled_from([-1, 0, 1, 2]), max_size=60))
def test_days_since_rest_matches_a_plain_loop(raw):
    last = None
    expected = []
    for i, kind in enumerate(raw):
        if kind in (1, 2):
            last = i
        expected.append(math.nan if last is None else float(i - last))
    assert nan_equal(days_since_rest(np.array(raw, dtype=np.int8)), expected)


def test_day_numbers_are_matplotlib_dates():
    from matplotlib.dates import date2num

    assert date2num(D0) == day_number(D0)
    assert day_number(EPOCH) == 0


def test_span_start():
    today = dt.date(2026, 11, 22)
    assert span_start(Span.WEEKS_4, today) == dt.date(2026, 10, 26)  # 28 days inclusive
    assert span_start(Span.MONTHS_3, today) == today - dt.timedelta(days=90)
    assert span_start(Span.YEAR, today) == today - dt.timedelta(days=364)
    assert span_start(Span.ALL, today) is None


def test_weekly_peaks_run_monday_to_sunday_and_skip_gaps():
    nan = math.nan
    values = np.array([1, 2, nan, 4, 5, 0, 1, 2, 3, nan, nan, nan, nan, nan, nan, nan, nan, 7])
    wednesday = dt.date(2026, 11, 18)
    x, peaks = weekly_peaks(values, wednesday)
    assert [from_day_number(v) for v in x] == [
        dt.date(2026, 11, 19), dt.date(2026, 11, 26), dt.date(2026, 12, 3)
    ]  # each week's Thursday  # fmt: skip
    # Wed-Sun 1, 2, -, 4, 5; Mon-Sun 0, 1, 2, 3, -, -, -; Mon-Sat -, -, -, -, -, 7.
    assert nan_equal(peaks, [5, 3, 7])
    _, gaps = weekly_peaks(np.array([nan] * 10), dt.date(2026, 11, 23))
    assert nan_equal(gaps, [nan, nan])
    assert weekly_peaks(np.zeros(0), wednesday)[1].shape == (0,)
