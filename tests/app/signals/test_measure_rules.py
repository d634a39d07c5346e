"""Measure rules by example: band changes, the highest band, freshness and safety items."""

from __future__ import annotations

import pytest

from app.signals import measure_rules
from app.signals.measure_rules import FRESH_DAYS, measure_band, measure_safety, measure_signals
from tests.app.signals.factories import TODAY, ago, definition, phq9, result

PHQ9 = definition("phq9")
PROQOL = definition("proqol5")
CS_ITEMS = (3, 6, 12, 16, 18, 20, 22, 24, 27, 30)


def proqol(cs_each: int, day_ago: int, others: int = 3):
    """ProQOL answers with every compassion satisfaction item at ``cs_each``."""
    answers = [cs_each if i in CS_ITEMS else others for i in range(1, 31)]
    return result("proqol5", answers, ago(day_ago))


def test_a_worse_band_than_last_time_is_a_signal():
    results = [phq9(7, 0, ago(20)), phq9(12, 0, ago(3))]
    signal = measure_band(PHQ9, "total", results, TODAY)
    assert signal is not None
    assert signal.key == "measure-band:phq9:total" and signal.rule == "measure-band"
    assert signal.title == "Your PHQ-9 score has moved into the “Moderate” range"
    assert signal.body.startswith("Your latest PHQ-9 score moved up from “Mild” to “Moderate”.")
    assert "isn't a diagnosis" in signal.body
    assert signal.based_on == (
        "PHQ-9: 12 on 19 Nov 2026 (Moderate: 10–14), against 7 on 2 Nov 2026 (Mild: 5–9)."
    )
    assert not signal.show_crisis
    assert ("Look at your measures", "measures") in signal.suggestions


@pytest.mark.parametrize(("before", "now"), [(12, 7), (10, 14), (0, 4), (3, 7), (0, 9)])
def test_the_same_a_better_or_the_first_step_up_is_not(before, now):
    results = [phq9(before, 0, ago(20)), phq9(now, 0, ago(3))]
    assert measure_band(PHQ9, "total", results, TODAY) is None


def test_the_highest_band_is_a_signal_on_its_own_and_brings_the_crisis_lines():
    signal = measure_band(PHQ9, "total", [phq9(22, 0, ago(1))], TODAY)
    assert signal is not None and signal.show_crisis
    assert signal.title == "Your PHQ-9 score is in the “Severe” range"
    assert signal.suggestions[0] == ("People to talk to now", "help")
    again = measure_band(PHQ9, "total", [phq9(21, 0, ago(20)), phq9(22, 0, ago(1))], TODAY)
    assert again is not None  # still in the highest band: still worth showing


def test_where_higher_is_better_a_fall_reads_as_down():
    results = [proqol(3, 30), proqol(2, 2)]  # compassion satisfaction 30 -> 20
    signal = measure_band(PROQOL, "cs", results, TODAY)
    assert signal is not None and signal.key == "measure-band:proqol5:cs"
    assert "compassion satisfaction score moved down from “Average” to “Low”" in signal.body
    assert measure_band(PROQOL, "cs", [proqol(2, 30), proqol(3, 2)], TODAY) is None
    assert measure_band(PROQOL, "burnout", results, TODAY) is None


def test_tends_own_measures_never_ask_for_the_crisis_lines():
    pulse = definition("tend-pulse")
    sub = pulse.subscales[0]
    top = max(sub.bands, key=lambda b: b.rank)
    answers = [
        pulse.scale_max if i in sub.items else pulse.scale_min
        for i in range(1, 1 + pulse.item_count)
    ]
    latest = result("tend-pulse", answers, ago(1))
    assert latest.bands[sub.id] == top
    signal = measure_band(pulse, sub.id, [latest], TODAY)
    assert signal is not None and not signal.show_crisis


@pytest.mark.parametrize(("days", "shown"), [(FRESH_DAYS, True), (FRESH_DAYS + 1, False)])
def test_only_a_recent_result_counts(days, shown):
    results = [phq9(7, 0, ago(days + 14)), phq9(12, 0, ago(days))]
    assert (measure_band(PHQ9, "total", results, TODAY) is not None) is shown


def test_results_after_today_are_ignored():
    results = [phq9(7, 0, ago(20)), phq9(12, 0, ago(3)), phq9(2, 0, ago(-1))]
    assert measure_band(PHQ9, "total", results, TODAY) is not None


def test_a_safety_answer_in_the_latest_result_comes_first_with_the_crisis_lines():
    results = [phq9(3, 0, ago(15)), phq9(3, 1, ago(1))]
    signals = measure_signals(PHQ9, results, TODAY)
    assert [s.key for s in signals] == ["measure-safety:phq9"]
    safety = signals[0]
    assert safety.show_crisis and safety.suggestions[0].target == "help"
    assert safety.based_on == "PHQ-9 of 21 Nov 2026, question 9."
    assert "on your own" in safety.body


def test_a_later_result_without_the_safety_answer_clears_it():
    results = [phq9(3, 2, ago(15)), phq9(3, 0, ago(1))]
    assert measure_safety(PHQ9, results, TODAY) is None
    assert measure_safety(definition("gad7"), [], TODAY) is None


def test_highest_rank_reads_the_bands():
    assert measure_rules.highest_rank(PHQ9.subscales[0]) == 4
