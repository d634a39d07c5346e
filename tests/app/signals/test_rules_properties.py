"""Properties of the rules over wide, sparse, messy input (hypothesis)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from app.domain import CheckinDraft, DayKind, Exposure
from app.signals import measure_rules, rules
from app.signals.signal import HELP, PAGE_TARGETS, Signal
from tests.app.signals.factories import TODAY, ago, definition, result

scale = st.none() | st.integers(1, 5)


@st.composite
def checkin(draw: st.DrawFn, oldest: int = 200, newest: int = -3) -> CheckinDraft:
    return CheckinDraft(
        day=ago(draw(st.integers(newest, oldest))),
        mood=draw(scale),
        energy=draw(scale),
        sleep=draw(scale),
        exposure=draw(st.none() | st.sampled_from(Exposure)),
        day_kind=draw(st.sampled_from(DayKind)),
    )


checkins = st.lists(checkin(), max_size=150)
HISTORY = 141  # days: enough for every check-in rule


@st.composite
def moods(draw: st.DrawFn) -> list[CheckinDraft]:
    """A usual level, maybe a drop for the last ``start`` days, noise and gaps.

    The noise comes as one byte string per example (fast to draw, still shrinks).
    """
    level, drop, start = draw(st.integers(2, 5)), draw(st.integers(0, 3)), draw(st.integers(0, 60))
    noise = draw(st.binary(min_size=HISTORY, max_size=HISTORY))
    out = []
    for back, byte in enumerate(noise):
        if byte % 5 == 0:
            continue  # no check-in that day
        value = level - (drop if back <= start else 0) + byte % 3 - 1
        out.append(CheckinDraft(day=ago(back), mood=min(5, max(1, value))))
    return out


@st.composite
def loads(draw: st.DrawFn) -> list[CheckinDraft]:
    """Two four-week windows with their own rates of heavy days, sleep and days off."""
    rates = [draw(st.integers(0, 255)) for _ in range(6)]
    noise = draw(st.binary(min_size=56 * 3, max_size=56 * 3))
    out = []
    for back in range(56):
        heavy, sleep, off = rates[:3] if back < 28 else rates[3:]
        a, b, c = noise[back * 3 : back * 3 + 3]
        if a % 7 == 0:
            continue
        out.append(
            CheckinDraft(
                day=ago(back),
                exposure=Exposure.A_LOT if a < heavy else Exposure.SOME,
                sleep=None if b % 6 == 0 else 2 + (b < sleep) + (b < sleep // 2),
                day_kind=DayKind.DAY_OFF if c < off // 2 else DayKind.WORK,
            )
        )
    return out


@st.composite
def workdays(draw: st.DrawFn) -> list[CheckinDraft]:
    """Mostly work days, sometimes a day off or leave, with gaps."""
    rest = draw(st.integers(0, 40))
    out = []
    for back, byte in enumerate(draw(st.binary(min_size=100, max_size=100))):
        if byte % 4 == 0:
            continue
        kind = DayKind.WORK if byte >= rest else (DayKind.LEAVE if byte % 2 else DayKind.DAY_OFF)
        out.append(CheckinDraft(day=ago(back), day_kind=kind))
    return out


def well_formed(signal: Signal | None) -> None:
    if signal is None:
        return
    assert signal.key and signal.title and signal.body and signal.based_on
    assert "nan" not in signal.based_on
    for suggestion in signal.suggestions:
        assert suggestion.label
        assert suggestion.target in (*PAGE_TARGETS, HELP, None)


@given(checkins, st.dates(dt.date(2000, 1, 1), dt.date(2100, 1, 1)))
def test_no_rule_raises_on_any_data_and_signals_are_whole(data, today):
    for rule in rules.CHECKIN_RULES:
        well_formed(rule(data, today))
    for rule in rules.CHECKIN_RULES:
        well_formed(rule(data, TODAY))


@given(st.binary(min_size=HISTORY, max_size=HISTORY), st.integers(1, 5), st.integers(1, 5))
def test_steady_answers_never_look_low(present, mood, energy):
    steady = [
        CheckinDraft(day=ago(back), mood=mood, energy=energy)
        for back, byte in enumerate(present)
        if byte % 3
    ]
    assert rules.low_mood(steady, TODAY) is None
    assert rules.low_energy(steady, TODAY) is None


@given(
    workdays() | checkins, st.integers(-3, 120), st.sampled_from([DayKind.DAY_OFF, DayKind.LEAVE])
)
def test_adding_a_day_off_never_creates_the_day_off_signal(data, back, kind):
    before = rules.no_day_off(data, TODAY)
    rested = [c for c in data if c.day != ago(back)] + [CheckinDraft(day=ago(back), day_kind=kind)]
    after = rules.no_day_off(rested, TODAY)
    assert before is not None or after is None


@given(moods(), st.sets(st.integers(0, 13)), st.booleans())
def test_lower_answers_in_the_last_14_days_never_clear_a_low_signal(data, days, lower):
    """Those days sit only in recent windows, so lowering them can only deepen a fall."""

    def nudge(c: CheckinDraft) -> CheckinDraft:
        if c.mood is None or (TODAY - c.day).days not in days:
            return c
        return dataclasses.replace(c, mood=max(1, c.mood - 1) if lower else min(5, c.mood + 1))

    before = rules.low_mood(data, TODAY) is not None
    after = rules.low_mood([nudge(c) for c in data], TODAY) is not None
    assert after >= before if lower else after <= before


@given(loads(), st.sets(st.integers(0, 27)))
def test_more_heavy_days_now_never_clear_the_exposure_signal(data, days):
    heavier = [
        dataclasses.replace(c, exposure=Exposure.A_LOT) if (TODAY - c.day).days in days else c
        for c in data
    ]
    if rules.exposure_recovery(data, TODAY) is not None:
        assert rules.exposure_recovery(heavier, TODAY) is not None


@given(loads(), st.sets(st.integers(0, 27)))
def test_more_days_off_now_never_create_the_exposure_signal(data, days):
    rested = [
        dataclasses.replace(c, day_kind=DayKind.DAY_OFF) if (TODAY - c.day).days in days else c
        for c in data
    ]
    if rules.exposure_recovery(data, TODAY) is None:
        assert rules.exposure_recovery(rested, TODAY) is None


def _answers(measure_id: str) -> st.SearchStrategy[list[int | None]]:
    defn = definition(measure_id)
    answer = st.integers(defn.scale_min, defn.scale_max)
    return st.lists(answer | st.none(), min_size=defn.item_count, max_size=defn.item_count)


@given(
    st.sampled_from(["proqol5", "who5", "phq9", "gad7", "tend-pulse"]).flatmap(
        lambda m: st.tuples(st.just(m), _answers(m), _answers(m))
    ),
    st.integers(1, 59),
)
def test_a_band_signal_means_a_clearly_worse_band_or_the_highest(case, gap):
    measure_id, first, second = case
    defn = definition(measure_id)
    older, newer = result(measure_id, first, ago(gap + 1)), result(measure_id, second, ago(1))
    for sub in defn.subscales:
        signal = measure_rules.measure_band(defn, sub.id, [newer, older], TODAY)
        well_formed(signal)
        now, then = newer.bands[sub.id], older.bands[sub.id]
        rose = then is not None and now is not None and now.rank > then.rank
        expected = now is not None and (
            now.rank == measure_rules.highest_rank(sub)
            or (rose and now.rank >= measure_rules.MIN_RISE_RANK)
        )
        assert (signal is not None) is expected
    safety = measure_rules.measure_safety(defn, [older, newer], TODAY)
    assert (safety is not None) is newer.safety_triggered
