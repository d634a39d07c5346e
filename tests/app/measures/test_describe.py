"""The words around measures: due badges that never nag, dates, scores, cadence."""

from __future__ import annotations

import datetime as dt

import pytest

from app.measures import describe
from app.measures.definitions import load_definitions

DEFS = load_definitions()
TODAY = dt.date(2026, 11, 22)  # a Sunday


@pytest.mark.parametrize(
    ("measure", "days", "text"),
    [
        ("proqol5", 3, "ProQOL due in 3 days"),
        ("tend-pulse", 1, "Pulse due tomorrow"),
        ("who5", 13, "WHO-5 due in 13 days"),
        ("proqol5", 0, "Ready when you are"),
        ("proqol5", -40, "Ready when you are"),  # never "overdue"
        ("gad7", None, "Ready when you are"),  # never taken
    ],
)
def test_badge_text(measure, days, text):
    assert describe.badge_text(DEFS[measure], days, has_wording=True) == text


@pytest.mark.parametrize("days", [None, 0, -40, 3])
def test_a_published_measure_without_its_wording_is_never_ready_or_due(days):
    for measure in ("proqol5", "who5", "phq9", "phq8", "gad7"):
        text = describe.badge_text(DEFS[measure], days, has_wording=False)
        assert text == "Needs its wording first"
        assert not describe.can_take(DEFS[measure], has_wording=False)
        assert describe.can_take(DEFS[measure], has_wording=True)


def test_tends_own_pulse_ships_its_wording():
    pulse = DEFS["tend-pulse"]
    assert describe.can_take(pulse, has_wording=False)
    assert describe.badge_text(pulse, None, has_wording=False) == "Ready when you are"


def test_a_measure_without_cadence_is_whenever_you_like():
    import dataclasses

    loose = dataclasses.replace(DEFS["gad7"], cadence_days=None)
    assert describe.badge_text(loose, None, has_wording=True) == "Whenever you like"
    assert describe.cadence_text(loose) == "Take it whenever you like."


@pytest.mark.parametrize(
    ("last", "text"),
    [
        (None, "Not taken yet"),
        (TODAY, "Last taken today"),
        (TODAY - dt.timedelta(days=1), "Last taken yesterday"),
        (TODAY - dt.timedelta(days=3), "Last taken on Thursday"),
        (dt.date(2026, 11, 3), "Last taken 3 Nov 2026"),
    ],
)
def test_last_taken_text(last, text):
    assert describe.last_taken_text(last, TODAY) == text


def test_due_count_ignores_measures_never_taken():
    statuses = [(None, None), (TODAY, 7), (TODAY - dt.timedelta(days=20), -6), (TODAY, 0)]
    assert describe.due_count(statuses) == 2
    assert describe.due_count([]) == 0


def test_score_and_cadence_words():
    proqol, pulse = DEFS["proqol5"], DEFS["tend-pulse"]
    assert describe.score_text(proqol.subscale("cs"), 28.0) == "28 on a scale from 10 to 50"
    assert describe.score_text(pulse.subscale("load"), 2.33) == "2.33 on a scale from 0 to 4"
    assert describe.score_text(pulse.subscale("load"), None) == "Not enough answers for a score"
    assert describe.cadence_text(pulse) == "Suggested every week. It asks about the past 7 days."
    assert describe.cadence_text(DEFS["who5"]).startswith("Suggested every 2 weeks.")
    assert describe.cadence_text(proqol).startswith("Suggested every 30 days.")


def test_the_kind_words_stay_kind():
    kind_words = (describe.NOT_A_DIAGNOSIS, describe.FOLLOW_UP, describe.SAFETY, describe.READY)
    for text in (*kind_words, describe.NEEDS_WORDING):
        lowered = text.lower()
        for word in ("overdue", "fail", "must", "disorder", "you should"):
            assert word not in lowered
    assert "not a diagnosis" in describe.NOT_A_DIAGNOSIS
    assert "not a clinical instrument" in describe.NOT_CLINICAL
