"""Early-warning rules over questionnaire results: pure functions of plain data and ``today``.

(c) a measure's subscale in a worse band than the time before (from the second
step of concern up), or in its highest-concern band; and the safety rule: an
answer on a safety item (PHQ-9 question 9) in the latest result. Only results
on or before ``today`` count, and only the latest result, when it is at most
FRESH_DAYS old: an older one says little about now. Described with reasons in
docs/signals.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app.measures.definitions import Band, Definition, Subscale
from app.services.measures import MeasureResult
from app.signals import suggest
from app.signals.signal import Signal, day_text, number_text

FRESH_DAYS = 60  # the latest result counts for this many days after it was taken
# A move up counts from this rank on: stepping from the least-concern range into the
# next one (ProQOL "Low" to "Average", PHQ-9 "Minimal" to "Mild") is common and usually
# passes, and a card for it would teach people to skip the cards that matter.
MIN_RISE_RANK = 2


# Measures whose highest-concern band puts the crisis lines first (see docs/signals.md).
CRISIS_MEASURES = frozenset({"phq8", "phq9", "gad7", "who5"})


def _latest_two(
    results: Sequence[MeasureResult], today: dt.date
) -> tuple[MeasureResult | None, MeasureResult | None]:
    """(latest, the one before it) on or before ``today``; latest None when stale or absent."""
    past = sorted((r for r in results if r.day <= today), key=lambda r: (r.day, r.taken_at))
    if not past or (today - past[-1].day).days > FRESH_DAYS:
        return None, None
    return past[-1], past[-2] if len(past) > 1 else None


def highest_rank(sub: Subscale) -> int:
    return max(b.rank for b in sub.bands)


def _name(defn: Definition, sub: Subscale) -> str:
    """ "ProQOL burnout", or just "PHQ-9" when the measure has one score."""
    short = defn.short_name or defn.name
    return short if len(defn.subscales) == 1 else f"{short} {sub.label.lower()}"


def _band_text(band: Band) -> str:
    if band.low is None and band.high is None:
        return band.label
    if band.low is None:
        return f"{band.label}: up to {number_text(band.high or 0)}"
    if band.high is None:
        return f"{band.label}: {number_text(band.low)} or more"
    return f"{band.label}: {number_text(band.low)}–{number_text(band.high)}"


def _score_text(result: MeasureResult, sub: Subscale, band: Band) -> str:
    value = result.scores.get(sub.id)
    shown = "no score" if value is None else number_text(value)
    return f"{shown} on {day_text(result.day)} ({_band_text(band)})"


def measure_band(
    defn: Definition, subscale_id: str, results: Sequence[MeasureResult], today: dt.date
) -> Signal | None:
    """(c) The latest result's band for ``subscale_id`` ranks above the one before it
    (and at least MIN_RISE_RANK), or is the subscale's highest-concern band. Ranks
    already say which way is worse, so this reads the same where higher is better."""
    sub = defn.subscale(subscale_id)
    latest, previous = _latest_two(results, today)
    band = None if latest is None else latest.bands.get(sub.id)
    if latest is None or band is None:
        return None
    before = None if previous is None else previous.bands.get(sub.id)
    top = band.rank >= highest_rank(sub)
    worse = before is not None and band.rank > before.rank and band.rank >= MIN_RISE_RANK
    if not (worse or top):
        return None
    name = _name(defn, sub)
    way = "down" if sub.higher_is_better else "up"
    if worse:
        assert before is not None and previous is not None
        title = f"Your {name} score has moved into the “{band.label}” range"
        change = f"Your latest {name} score moved {way} from “{before.label}” to “{band.label}”."
        based_on = (
            f"{name}: {_score_text(latest, sub, band)}, against "
            f"{_score_text(previous, sub, before)}."
        )
    else:
        title = f"Your {name} score is in the “{band.label}” range"
        change = f"Your latest {name} score is in its “{band.label}” range."
        based_on = f"{name}: {_score_text(latest, sub, band)}."
    # The crisis lines come first only for instruments about mood, worry and wellbeing at
    # their most concerning; for work-life measures (ProQOL) a top band is not an emergency.
    crisis = top and defn.id in CRISIS_MEASURES
    closing = "It reflects your answers on one day, and it isn't a diagnosis."
    if not band.about:
        closing += " Talking it over with someone you trust can help make sense of it."
    body = " ".join(part for part in (change, band.about, closing) if part)
    return Signal(
        key=f"measure-band:{defn.id}:{sub.id}",
        rule="measure-band",
        title=title,
        body=body,
        based_on=based_on,
        suggestions=suggest.for_measure(crisis),
        show_crisis=crisis,
    )


def measure_safety(
    defn: Definition, results: Sequence[MeasureResult], today: dt.date
) -> Signal | None:
    """The latest result answered a safety item (e.g. PHQ-9 question 9) above "not at all"."""
    latest, _previous = _latest_two(results, today)
    if latest is None or len(latest.answers) != defn.item_count:
        return None
    items = [
        rule.item
        for rule in defn.safety_items
        if defn.safety_hit(rule.item, latest.answers[rule.item - 1])
    ]
    if not items:
        return None
    short = defn.short_name or defn.name
    questions = ", ".join(str(i) for i in sorted(set(items)))
    return Signal(
        key=f"measure-safety:{defn.id}",
        rule="measure-safety",
        title="Some of what you shared is heavy to carry alone",
        body=(
            f"On your latest {short} you gave an answer that tells Tend things may feel very "
            "hard right now. You don't have to hold that on your own. The people on the "
            "support lines are there for exactly this, at any hour, and your GP, EAP or "
            "someone you trust can help too."
        ),
        based_on=f"{short} of {day_text(latest.day)}, question {questions}.",
        suggestions=suggest.for_safety(),
        show_crisis=True,
    )


def measure_signals(
    defn: Definition, results: Sequence[MeasureResult], today: dt.date
) -> list[Signal]:
    """Every measure signal for one measure: safety first, then each subscale in order."""
    found = [measure_safety(defn, results, today)]
    found += [measure_band(defn, sub.id, results, today) for sub in defn.subscales]
    return [s for s in found if s is not None]
