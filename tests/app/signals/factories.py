"""Building plain inputs for the signal rules: check-in runs and measure results."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Sequence

from app.domain import CheckinDraft, DayKind, Exposure
from app.measures.definitions import Definition, load_definitions
from app.measures.scoring import score
from app.services.measures import MeasureResult

TODAY = dt.date(2026, 11, 22)
DAY = dt.timedelta(days=1)


def ago(days: int, today: dt.date = TODAY) -> dt.date:
    return today - days * DAY


def run(
    first: int,
    last: int = 0,
    today: dt.date = TODAY,
    **values: object,
) -> list[CheckinDraft]:
    """One check-in a day from ``first`` days ago to ``last`` days ago, with ``values``.

    A value may be a function of the number of days ago, for patterns.
    """
    out = []
    for back in range(first, last - 1, -1):
        fields = {k: (v(back) if callable(v) else v) for k, v in values.items()}
        out.append(CheckinDraft(day=ago(back, today), **fields))  # type: ignore[arg-type]
    return out


def alternate(a: object, b: object) -> Callable[[int], object]:
    return lambda back: a if back % 2 else b


def weekends_off(back: int) -> DayKind:
    """Two days off in every seven."""
    return DayKind.DAY_OFF if back % 7 in (0, 1) else DayKind.WORK


def merged(*runs: Sequence[CheckinDraft]) -> list[CheckinDraft]:
    """Later runs replace earlier ones on the same day."""
    by_day: dict[dt.date, CheckinDraft] = {}
    for r in runs:
        for c in r:
            by_day[c.day] = c
    return [by_day[d] for d in sorted(by_day)]


def definition(measure_id: str) -> Definition:
    return load_definitions()[measure_id]


def result(measure_id: str, answers: Sequence[int | None], day: dt.date) -> MeasureResult:
    """A scored result as the measure service would return it."""
    defn = definition(measure_id)
    scored = score(defn, answers)
    return MeasureResult(
        id=str(uuid.uuid4()),
        measure_id=measure_id,
        day=day,
        taken_at=dt.datetime.combine(day, dt.time(9), tzinfo=dt.UTC),
        answers=tuple(answers),
        scores=scored.scores,
        bands=scored.bands,
        safety_triggered=scored.safety_triggered,
        follow_up=scored.follow_up,
    )


def phq9(total_from_first_eight: int, item9: int, day: dt.date) -> MeasureResult:
    """A PHQ-9 whose first eight answers add up to ``total_from_first_eight``."""
    answers = []
    left = total_from_first_eight
    for _ in range(8):
        answers.append(min(3, left))
        left -= answers[-1]
    assert left == 0
    return result("phq9", [*answers, item9], day)


__all__ = ["DayKind", "Exposure"]
