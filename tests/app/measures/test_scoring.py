"""Every shipped definition against hand-worked examples.

Item numbers are 1-based, as on the forms. ``fill`` builds answers whose total
is known in advance, so each band edge is checked on both sides.
"""

from __future__ import annotations

import pytest

from app.measures.definitions import load_definitions
from app.measures.scoring import score

DEFS = load_definitions()


def fill(total: int, count: int, top: int) -> list[int]:
    """``count`` answers from 0 to ``top`` adding up to ``total`` (largest first)."""
    out = []
    for _ in range(count):
        out.append(min(top, total))
        total -= out[-1]
    assert total == 0
    return out


def bands(result) -> dict[str, str | None]:
    return {k: None if b is None else b.id for k, b in result.bands.items()}


# -- ProQOL 5 -------------------------------------------------------------------

CS = (3, 6, 12, 16, 18, 20, 22, 24, 27, 30)
BURNOUT = (1, 4, 8, 10, 15, 17, 19, 21, 26, 29)
STS = (2, 5, 7, 9, 11, 13, 14, 23, 25, 28)


def proqol(cs=None, burnout=None, sts=None, rest=3) -> list[int | None]:
    """Answers with the given values on each subscale's items (in item order)."""
    answers: list[int | None] = [rest] * 30
    for items, values in ((CS, cs), (BURNOUT, burnout), (STS, sts)):
        if values is not None:
            for item, value in zip(items, values, strict=True):
                answers[item - 1] = value
    return answers


def test_proqol_worked_example():
    # Answers cycle 1, 2, 3, 4, 5, 1, 2, … by item number.
    answers = [(i - 1) % 5 + 1 for i in range(1, 31)]
    # CS items 3,6,12,16,18,20,22,24,27,30 → 3+1+2+1+3+5+2+4+2+5 = 28.
    # Burnout raw 1,4,3,5,5,2,4,1,1,4; reversed items 1,4,15,17,29 become
    # 5,2,1,4,2 → 5+2+3+5+1+4+4+1+1+2 = 28.
    # STS items 2,5,7,9,11,13,14,23,25,28 → 2+5+2+4+1+3+4+3+5+3 = 32.
    result = score(DEFS["proqol5"], answers)
    assert result.scores == {"cs": 28, "burnout": 28, "sts": 32}
    assert bands(result) == {"cs": "moderate", "burnout": "moderate", "sts": "moderate"}
    assert not result.safety_triggered and not result.follow_up and result.incomplete == ()


def test_proqol_reverse_keys():
    # All 1s: the five reversed burnout items count 5 each → 25 + 5 = 30.
    assert score(DEFS["proqol5"], [1] * 30).scores == {"cs": 10, "burnout": 30, "sts": 10}
    assert score(DEFS["proqol5"], [5] * 30).scores == {"cs": 50, "burnout": 30, "sts": 50}
    # Worst burnout: 5 on the plain items, 1 on the reversed ones.
    worst = [1 if i in (1, 4, 15, 17, 29) else 5 for i in BURNOUT]
    assert score(DEFS["proqol5"], proqol(burnout=worst)).scores["burnout"] == 50
    best = [5 if i in (1, 4, 15, 17, 29) else 1 for i in BURNOUT]
    assert score(DEFS["proqol5"], proqol(burnout=best)).scores["burnout"] == 10


@pytest.mark.parametrize(
    ("total", "band", "rank_cs", "rank_sts"),
    [(10, "low", 2, 0), (22, "low", 2, 0), (23, "moderate", 1, 1), (41, "moderate", 1, 1),
     (42, "high", 0, 2), (50, "high", 0, 2)],
)  # fmt: skip
def test_proqol_band_edges(total, band, rank_cs, rank_sts):
    values = [v + 1 for v in fill(total - 10, 10, 4)]  # 1–5 answers summing to total
    result = score(DEFS["proqol5"], proqol(cs=values, sts=values))
    assert result.scores["cs"] == result.scores["sts"] == total
    assert result.bands["cs"].id == result.bands["sts"].id == band
    assert (result.bands["cs"].rank, result.bands["sts"].rank) == (rank_cs, rank_sts)


def test_proqol_missing_answers():
    # One missing on CS: nine answered 2,2,2,2,2,3,3,3,3 (22) → 22/9 × 10 = 24.4 → 24.
    values = [2, 2, 2, 2, 2, 3, 3, 3, 3, None]
    result = score(DEFS["proqol5"], proqol(cs=values))
    assert result.scores["cs"] == 24 and result.bands["cs"].id == "moderate"
    # A missing reversed burnout item: the other nine keyed values stand in.
    # Burnout items 1,4,8,10,15,17,19,21,26,29 answered –,5,5,5,1,5,5,5,5,1; reversed
    # items 4,15,17,29 become 1,5,1,5 → keyed 1+5+5+5+1+5+5+5+5 = 37 → 37/9 × 10 = 41.1 → 41.
    result = score(DEFS["proqol5"], proqol(burnout=[None, 5, 5, 5, 1, 5, 5, 5, 5, 1]))
    assert result.scores["burnout"] == 41 and result.bands["burnout"].id == "moderate"
    # Two missing on STS: no STS score, the others still scored.
    result = score(DEFS["proqol5"], proqol(sts=[None, None, 3, 3, 3, 3, 3, 3, 3, 3]))
    assert result.scores["sts"] is None and result.bands["sts"] is None
    assert result.incomplete == ("sts",)
    assert result.scores["cs"] == 30


# -- WHO-5 ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "wellbeing", "band", "follow_up"),
    [
        ([0, 0, 0, 0, 0], 0, "very-low", True),
        ([2, 2, 2, 1, 0], 28, "very-low", True),  # raw 7
        ([2, 2, 2, 2, 0], 32, "low", True),  # raw 8
        ([2, 2, 2, 3, 3], 48, "low", True),  # raw 12 < 13: follow-up from the total alone
        ([3, 3, 3, 2, 2], 52, "good", False),  # raw 13, no item at 0–1
        ([5, 5, 5, 5, 1], 84, "good", True),  # high total, but one item at 1
        ([5, 5, 5, 5, 0], 80, "good", True),  # … or at 0
        ([5, 5, 5, 5, 2], 88, "good", False),
        ([5, 5, 5, 5, 5], 100, "good", False),
    ],
)
def test_who5(answers, wellbeing, band, follow_up):
    result = score(DEFS["who5"], answers)
    assert result.scores == {"wellbeing": wellbeing}
    assert result.bands["wellbeing"].id == band
    assert result.follow_up is follow_up


def test_who5_needs_every_answer():
    result = score(DEFS["who5"], [5, 5, 5, 5, None])
    assert result.scores == {"wellbeing": None} and result.incomplete == ("wellbeing",)
    assert not result.follow_up
    assert score(DEFS["who5"], [5, 5, 1, 5, None]).follow_up  # the answered item still counts


# -- PHQ-8, PHQ-9, GAD-7 --------------------------------------------------------

PHQ_EDGES = [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
             (14, "moderate"), (15, "moderately-severe"), (19, "moderately-severe"),
             (20, "severe")]  # fmt: skip


@pytest.mark.parametrize(("total", "band"), [*PHQ_EDGES, (24, "severe")])
def test_phq8_band_edges(total, band):
    result = score(DEFS["phq8"], fill(total, 8, 3))
    assert result.scores == {"total": total} and result.bands["total"].id == band
    assert not result.safety_triggered


@pytest.mark.parametrize(("total", "band"), [*PHQ_EDGES, (27, "severe")])
def test_phq9_band_edges(total, band):
    answers = fill(total, 8, 3) if total <= 24 else [3] * 8
    answers.append(total - sum(answers))
    result = score(DEFS["phq9"], answers)
    assert result.scores == {"total": total} and result.bands["total"].id == band
    assert result.safety_triggered is (answers[8] > 0)


@pytest.mark.parametrize("item9", [1, 2, 3])
def test_phq9_any_answer_above_zero_on_item_9_is_a_safety_answer(item9):
    result = score(DEFS["phq9"], [0] * 8 + [item9])
    assert result.safety_triggered
    assert result.scores["total"] == item9 and result.bands["total"].id == "minimal"
    assert DEFS["phq9"].safety_hit(9, item9)


def test_phq9_item_9_at_zero_or_skipped_is_not():
    assert not score(DEFS["phq9"], [3] * 8 + [0]).safety_triggered
    assert not score(DEFS["phq9"], [3] * 8 + [None]).safety_triggered
    assert not DEFS["phq9"].safety_hit(9, 0) and not DEFS["phq9"].safety_hit(8, 3)
    # Even a form with little else answered triggers on item 9.
    partial = score(DEFS["phq9"], [None] * 8 + [2])
    assert partial.safety_triggered and partial.scores["total"] is None


def test_phq_missing_answers_prorate_half_up():
    # One missing of nine: 1+1+1+1 = 4 over eight answered → 4/8 × 9 = 4.5 → 5.
    assert score(DEFS["phq9"], [1, 1, 1, 1, 0, 0, 0, 0, None]).scores["total"] == 5
    # 12/8 × 9 = 13.5 → 14; two missing → no score.
    assert score(DEFS["phq9"], [3, 3, 3, 3, 0, 0, None, 0, 0]).scores["total"] == 14
    assert score(DEFS["phq9"], [3, 3, 3, 3, 0, 0, None, None, 0]).scores["total"] is None
    # PHQ-8: 7 answered summing to 7 → 7/7 × 8 = 8.
    assert score(DEFS["phq8"], [1, 1, 1, 1, 1, 1, 1, None]).scores["total"] == 8


@pytest.mark.parametrize(
    ("total", "band"),
    [(0, "minimal"), (4, "minimal"), (5, "mild"), (9, "mild"), (10, "moderate"),
     (14, "moderate"), (15, "severe"), (21, "severe")],
)  # fmt: skip
def test_gad7_band_edges(total, band):
    result = score(DEFS["gad7"], fill(total, 7, 3))
    assert result.scores == {"total": total} and result.bands["total"].id == band


def test_gad7_missing_answers():
    # 6 answered summing to 9 → 9/6 × 7 = 10.5 → 11.
    assert score(DEFS["gad7"], [3, 3, 3, 0, 0, 0, None]).scores["total"] == 11
    assert score(DEFS["gad7"], [3, 3, 3, 0, 0, None, None]).incomplete == ("total",)


# -- Tend's weekly pulse --------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "load", "load_band", "recovery", "recovery_band"),
    [
        ([0, 0, 0, 4, 4, 4], 0.0, "light", 4.0, "good"),
        ([4, 4, 4, 0, 0, 0], 4.0, "heavy", 0.0, "low"),
        ([1, 2, 1, 1, 2, 1], 1.33, "light", 1.33, "low"),
        ([1, 2, 2, 2, 2, 1], 1.67, "moderate", 1.67, "some"),
        ([2, 3, 2, 3, 2, 2], 2.33, "moderate", 2.33, "some"),
        ([2, 3, 3, 3, 3, 2], 2.67, "heavy", 2.67, "good"),
        ([1, 2, None, None, 3, 2], 1.5, "moderate", 2.5, "good"),  # edges, one skipped each
        ([1, None, None, 3, 2, 2], None, None, 2.33, "some"),
    ],
)
def test_pulse(answers, load, load_band, recovery, recovery_band):
    result = score(DEFS["tend-pulse"], answers)
    assert result.scores == {"load": load, "recovery": recovery}
    assert bands(result) == {"load": load_band, "recovery": recovery_band}
    assert not result.safety_triggered and not result.follow_up


def test_wrong_answer_count_is_a_bug():
    with pytest.raises(ValueError, match="6 items"):
        score(DEFS["tend-pulse"], [1, 2, 3])
