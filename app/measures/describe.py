"""Plain, kind words about measures for the screens: due badges, dates, scores.

Pure text (no Qt), so it is tested without a window. "Never nag": a measure
that is due is simply "Ready when you are"; nothing is ever overdue. A published
questionnaire whose wording hasn't been added yet can't be taken, so it is
never "ready" or "due": it says it needs its wording first.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from app.measures.definitions import Definition, Subscale

READY = "Ready when you are"
NEEDS_WORDING = "Needs its wording first"
NOT_CLINICAL = (
    "This is Tend's own questionnaire, not a clinical instrument: it can't diagnose "
    "anything, it just helps you notice your own patterns."
)
NOT_A_DIAGNOSIS = (
    "These results are a way to notice how you're going. They are not a diagnosis. "
    "If anything here worries you, your GP, EAP or a counsellor can help you make sense of it."
)
FOLLOW_UP = (
    "Some of your answers suggest it could help to talk things over with someone you "
    "trust, such as your GP, EAP or a counsellor."
)
SAFETY = (
    "Thank you for answering honestly. If you're having thoughts of hurting yourself, "
    "you don't have to carry them alone: the support lines are open now, and talking "
    "to someone can help."
)


def is_ready(days_until: int | None) -> bool:
    """Never taken, or its cadence has come round."""
    return days_until is None or days_until <= 0


def can_take(defn: Definition, has_wording: bool) -> bool:
    """Tend's own measures ship their wording; a published one needs it added first."""
    return defn.own or has_wording


def badge_text(defn: Definition, days_until: int | None, *, has_wording: bool) -> str:
    """``"ProQOL due in 3 days"``, ``"Pulse due tomorrow"``, ``"Ready when you are"``, or
    ``"Needs its wording first"`` for a published questionnaire without its wording."""
    if not can_take(defn, has_wording):
        return NEEDS_WORDING
    if defn.cadence_days is None and days_until is None:
        return "Whenever you like"
    if is_ready(days_until):
        return READY
    assert days_until is not None
    when = "tomorrow" if days_until == 1 else f"in {days_until} days"
    return f"{defn.short_name} due {when}"


def last_taken_text(last: dt.date | None, today: dt.date) -> str:
    if last is None:
        return "Not taken yet"
    days = (today - last).days
    if days == 0:
        return "Last taken today"
    if days == 1:
        return "Last taken yesterday"
    if days < 7:
        return f"Last taken on {last:%A}"
    return f"Last taken {last.day} {last:%b %Y}"


def due_count(statuses: Iterable[tuple[dt.date | None, int | None]]) -> int:
    """How many measures already in a rhythm (taken before) have come round again.

    Measures never taken don't count: a new person shouldn't see a number of
    things "waiting" for them.
    """
    return sum(1 for last, days in statuses if last is not None and days is not None and days <= 0)


def score_text(sub: Subscale, value: float | None) -> str:
    """``"28 on a scale from 10 to 50"``; means with up to two decimals."""
    if value is None:
        return "Not enough answers for a score"
    low, high = sub.range
    return f"{value:g} on a scale from {low:g} to {high:g}"


def cadence_text(defn: Definition) -> str:
    if defn.cadence_days is None:
        return "Take it whenever you like."
    if defn.cadence_days % 7 == 0:
        weeks = defn.cadence_days // 7
        every = "every week" if weeks == 1 else f"every {weeks} weeks"
    else:
        every = f"every {defn.cadence_days} days"
    return f"Suggested {every}. It asks about {defn.recall}."
