"""Scoring: pure functions from answers to scores, bands and flags.

The missing-answer rule (documented in resources/measures/README.md):
a subscale with more than ``max_missing`` unanswered items has no score. With
fewer, the answered items' mean stands in for each missing one ("prorating"),
so a sum becomes ``mean × item count``. Sums and scaled scores are then rounded
half up to a whole number (before the factor is applied), means to 2 decimals,
so every score lands on a value the bands cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from app.measures.definitions import Band, Definition, Subscale


@dataclass(frozen=True)
class Scored:
    scores: dict[str, float | None]
    bands: dict[str, Band | None]
    safety_triggered: bool
    follow_up: bool
    incomplete: tuple[str, ...]  # subscales left unscored: too many answers missing


def _round(value: float, places: int) -> float:
    exp = Decimal(1).scaleb(-places)
    return float(Decimal(repr(value)).quantize(exp, rounding=ROUND_HALF_UP))


def keyed(defn: Definition, sub: Subscale, item: int, answer: int) -> int:
    """An answer as it counts towards ``sub``: reverse-keyed items flipped (min + max − x)."""
    if item in sub.reverse:
        return defn.scale_min + defn.scale_max - answer
    return answer


def subscale_score(defn: Definition, sub: Subscale, answers: Sequence[int | None]) -> float | None:
    values = [keyed(defn, sub, i, a) for i in sub.items if (a := answers[i - 1]) is not None]
    if len(sub.items) - len(values) > sub.max_missing:
        return None
    mean = sum(values) / len(values)
    if sub.rule == "mean":
        return _round(mean, 2)
    raw = _round(mean * len(sub.items), 0)
    return raw * sub.factor if sub.rule == "scaled" else raw


def band_for(sub: Subscale, score: float | None) -> Band | None:
    """The band holding ``score`` (inclusive bounds); None for no score."""
    if score is None:
        return None
    for band in sub.bands:
        if band.contains(score):
            return band
    return None


def _follow_up(
    defn: Definition, answers: Sequence[int | None], scores: dict[str, float | None]
) -> bool:
    for rule in defn.follow_up:
        if rule.kind == "score_below" and rule.subscale is not None:
            value = scores.get(rule.subscale)
            if value is not None and value < rule.value:
                return True
        elif rule.kind == "any_item_at_most" and any(
            a is not None and a <= rule.value for a in answers
        ):
            return True
    return False


def score(defn: Definition, answers: Sequence[int | None]) -> Scored:
    """Score a (possibly partial) set of answers, in item order, ``None`` = skipped.

    Answers must already be valid (the service checks them): a wrong count is a bug.
    """
    if len(answers) != defn.item_count:
        raise ValueError(f"{defn.id} has {defn.item_count} items, got {len(answers)} answers")
    scores = {sub.id: subscale_score(defn, sub, answers) for sub in defn.subscales}
    return Scored(
        scores=scores,
        bands={sub.id: band_for(sub, scores[sub.id]) for sub in defn.subscales},
        safety_triggered=any(
            defn.safety_hit(rule.item, answers[rule.item - 1]) for rule in defn.safety_items
        ),
        follow_up=_follow_up(defn, answers, scores),
        incomplete=tuple(sid for sid, s in scores.items() if s is None),
    )
