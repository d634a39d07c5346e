"""The check-in rules by example, at and around every threshold."""

from __future__ import annotations

import pytest

from app.domain import CheckinDraft, DayKind, Exposure
from app.signals import rules
from app.signals.rules import WindowStats, is_low, windows
from tests.app.signals.factories import TODAY, ago, alternate, merged, run, weekends_off


# -- (a) lower than usual ---------------------------------------------------------------------
def low_for(days: int, usual: int = 4, low: int = 2, scale: str = "mood") -> list[CheckinDraft]:
    """140 days of check-ins: ``usual`` then ``low`` for the last ``days`` days."""
    return merged(run(140, **{scale: usual}), run(days - 1, **{scale: low}))


def test_the_windows_are_the_28_days_to_the_day_and_the_90_before():
    recent, baseline = windows(TODAY)
    assert recent == (ago(27), TODAY)
    assert baseline == (ago(117), ago(28))
    assert (baseline[1] - baseline[0]).days + 1 == 90


def test_steady_answers_never_look_low():
    assert rules.low_mood(run(200, mood=4), TODAY) is None
    assert rules.low_mood(run(200, mood=alternate(2, 5)), TODAY) is None


def test_a_fall_that_holds_for_14_days_is_a_signal():
    signal = rules.low_mood(low_for(21), TODAY)
    assert signal is not None
    assert signal.key == signal.rule == "low-mood"
    assert signal.title == "Your mood has been lower than usual for you"
    assert "not a diagnosis" in signal.body
    assert "average 2.5 over 26 Oct – 22 Nov 2026 (28 answers)" in signal.based_on
    assert "usual 4 over 28 Jul – 25 Oct 2026 (90 answers)" in signal.based_on
    assert "each of the last 14 days" in signal.based_on
    assert ("See your trends", "trends") in signal.suggestions
    assert ("People to talk to now", "help") in signal.suggestions
    assert not signal.show_crisis


def test_a_fall_one_day_short_of_holding_14_days_is_not():
    # With a steady 4, the 28-day average drops under 3.5 once 8 low days are in it:
    # 21 low days keep it there on each of the last 14 days, 20 don't.
    assert rules.low_mood(low_for(20), TODAY) is None


def test_energy_has_its_own_signal():
    checkins = low_for(30, scale="energy")
    assert rules.low_mood(checkins, TODAY) is None
    signal = rules.low_energy(checkins, TODAY)
    assert signal is not None and signal.key == "low-energy"
    assert signal.title == "Your energy has been lower than usual for you"


def test_a_fall_within_ones_usual_spread_is_not_a_signal():
    # Usually 3 or 5 (SD about 1): a month of 3s is within what's usual; 2s are not.
    base = run(140, mood=alternate(3, 5))
    assert rules.low_mood(merged(base, run(40, mood=3)), TODAY) is None
    assert rules.low_mood(merged(base, run(40, mood=2)), TODAY) is not None


@pytest.mark.parametrize(
    ("recent", "baseline", "low"),
    [
        (WindowStats(14, 2.0, 0.0), WindowStats(30, 4.0, 0.5), True),
        (WindowStats(13, 2.0, 0.0), WindowStats(30, 4.0, 0.5), False),  # too few recent
        (WindowStats(14, 2.0, 0.0), WindowStats(29, 4.0, 0.5), False),  # too little baseline
        (WindowStats(28, 3.5, 0.0), WindowStats(90, 4.0, 0.5), False),  # exactly 1 SD: not more
        (WindowStats(28, 3.49, 0.0), WindowStats(90, 4.0, 0.5), True),
        (WindowStats(28, 3.6, 0.0), WindowStats(90, 4.0, 0.1), False),  # under the 0.5 floor
        (WindowStats(28, 2.9, 0.0), WindowStats(90, 4.0, 1.2), False),  # within a wide SD
    ],
)
def test_is_low_at_its_edges(recent, baseline, low):
    assert is_low(recent, baseline) is low


def test_sparse_answers_stay_quiet():
    every_third = [c for c in low_for(40) if (TODAY - c.day).days % 3 == 0]
    assert rules.low_mood(every_third, TODAY) is None  # under 14 answers in 28 days
    assert rules.low_mood(run(40, mood=1), TODAY) is None  # no baseline at all


def test_skipped_answers_are_gaps_not_zeros():
    checkins = merged(low_for(21), run(140, 60, mood=None))
    assert rules.low_mood(checkins, TODAY) is None  # baseline now under 30 answers


# -- (b) heavy exposure up, recovery down ----------------------------------------------------
def load(
    heavy_before: int,
    heavy_now: int,
    sleep_now: object = 4,
    days_off_dropped: int = 0,
) -> list[CheckinDraft]:
    """56 days: 'some' exposure, sleep 4, weekends off, plus heavy days in each window."""
    heavy = set(range(28, 28 + heavy_before)) | set(range(heavy_now))

    def kind(back: int) -> DayKind:
        return DayKind.WORK if back < days_off_dropped else weekends_off(back)

    def exposure(back: int) -> Exposure:
        return Exposure.A_LOT if back in heavy else Exposure.SOME

    return merged(
        run(55, exposure=exposure, sleep=4, day_kind=kind),
        run(27, exposure=exposure, sleep=sleep_now, day_kind=kind),
    )


@pytest.mark.parametrize(
    ("heavy_before", "heavy_now", "sleep_now", "dropped", "expected"),
    [
        (1, 5, 4, 0, False),  # more heavy days, but recovery held
        (1, 5, 4, 2, True),  # two fewer days off
        (1, 5, 4, 1, False),  # one fewer is within the week-to-week wobble
        (1, 5, alternate(3, 4), 0, True),  # sleep 3.5 against 4: half a point
        (1, 4, 4, 2, True),  # a rise of exactly 3
        (2, 4, 4, 2, False),  # a rise of 2
        (0, 3, 4, 2, False),  # under 4 heavy days
    ],
)
def test_exposure_and_recovery(heavy_before, heavy_now, sleep_now, dropped, expected):
    signal = rules.exposure_recovery(load(heavy_before, heavy_now, sleep_now, dropped), TODAY)
    assert (signal is not None) is expected


def test_the_exposure_signal_says_what_it_is_based_on():
    signal = rules.exposure_recovery(load(1, 6, alternate(3, 4), 2), TODAY)
    assert signal is not None and signal.key == "exposure-recovery"
    assert "your sleep and your days off went the other way" in signal.body
    assert signal.based_on == (
        "Days with a lot of distressing material: 6 in 26 Oct – 22 Nov 2026, "
        "against 1 in 28 Sep – 25 Oct 2026. Sleep average 3.5, against 4. "
        "Days off or leave: 6, against 8."
    )


def test_too_few_exposure_answers_stay_quiet():
    checkins = [c for c in load(1, 8, 4, 4) if (TODAY - c.day).days % 2 == 0 or c.day < ago(27)]
    assert len([c for c in checkins if c.day >= ago(27)]) == 14
    assert rules.exposure_recovery(checkins, TODAY) is not None
    fewer = [c for c in checkins if c.day != ago(26)]
    assert rules.exposure_recovery(fewer, TODAY) is None


# -- (d) a long stretch without a day off -----------------------------------------------------
def worked_since(last_off: int) -> list[CheckinDraft]:
    return merged(run(100, day_kind=DayKind.WORK), run(last_off, last_off, day_kind=DayKind.LEAVE))


@pytest.mark.parametrize(("last_off", "expected"), [(59, False), (60, False), (61, True)])
def test_more_than_60_days_without_a_day_off(last_off, expected):
    signal = rules.no_day_off(worked_since(last_off), TODAY)
    assert (signal is not None) is expected


def test_the_day_off_signal_says_when_the_last_one_was():
    signal = rules.no_day_off(worked_since(75), TODAY)
    assert signal is not None and signal.key == "no-day-off"
    assert signal.based_on == (
        "Your last day off or leave in Tend was 8 Sep 2026, 75 days ago. "
        "You checked in on 61 of the 61 days in 23 Sep – 22 Nov 2026, none of them a day off."
    )
    assert "set it aside" in signal.body


def test_no_day_off_ever_is_said_plainly():
    signal = rules.no_day_off(run(70, day_kind=DayKind.WORK), TODAY)
    assert signal is not None
    assert signal.based_on.startswith("There's no day off or leave in your check-ins before")


def test_each_half_of_the_stretch_needs_15_check_ins():
    second_half = run(30, day_kind=DayKind.WORK)
    first_half = [c for c in run(60, 31) if (TODAY - c.day).days % 2 == 0]
    assert len(first_half) == 15
    assert rules.no_day_off(first_half + second_half, TODAY) is not None
    assert rules.no_day_off(first_half[1:] + second_half, TODAY) is None
    assert rules.no_day_off(first_half + second_half[:14], TODAY) is None


def test_days_after_today_are_ignored():
    tomorrow = CheckinDraft(day=ago(-1), day_kind=DayKind.DAY_OFF)
    assert rules.no_day_off([*worked_since(90), tomorrow], TODAY) is not None


def test_low_scale_only_knows_mood_and_energy():
    with pytest.raises(ValueError, match="no low-sleep rule"):
        rules.low_scale("sleep", [], TODAY)
