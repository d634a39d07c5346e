"""Made-up questionnaire history for the demo person, drawn from their own check-ins.

The pulse comes weekly, WHO-5 fortnightly and ProQOL monthly (each now and
then skipped or a day or two late, as real life goes). Answers follow the
person's last week of check-ins, so harder stretches show in the measures too,
and they are scored by ``app.measures.scoring`` like any other response.
Wording for the published questionnaires is never added: the demo shows the
"add the wording" path.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid
from collections.abc import Callable, Sequence

from app.data.measure_entries import StoredResponse
from app.domain import Checkin
from app.measures.definitions import Definition, load_definitions
from app.measures.scoring import score

# (measure id, days between, chance of skipping one, greatest delay in days)
SCHEDULE = (("tend-pulse", 7, 0.12, 1), ("who5", 14, 0.15, 2), ("proqol5", 30, 0.1, 4))
BURNOUT_REVERSED = (1, 4, 15, 17, 29)
CS = (3, 6, 12, 16, 18, 20, 22, 24, 27, 30)
BURNOUT = (1, 4, 8, 10, 15, 17, 19, 21, 26, 29)


def _state(week: Sequence[Checkin]) -> tuple[float, float]:
    """(wellbeing, strain), each 0–1, from the last week's check-ins."""

    def mean(name: str, default: float) -> float:
        values = [getattr(c, name) for c in week if getattr(c, name) is not None]
        return sum(values) / len(values) if values else default

    well = (mean("mood", 3.4) + mean("energy", 3.2) + mean("sleep", 3.3)) / 3
    wellbeing = (well - 1) / 4
    strain = ((mean("stress", 2.8) - 1) / 4 + (1 - wellbeing)) / 2
    return wellbeing, strain


def _answer(defn: Definition, centre: float, rng: random.Random, spread: float = 0.7) -> int:
    value = round(centre + rng.gauss(0, spread))
    return max(defn.scale_min, min(defn.scale_max, value))


def _pulse(defn: Definition, wellbeing: float, strain: float, rng: random.Random) -> list[int]:
    load = [_answer(defn, 0.3 + 3.6 * strain, rng) for _ in range(3)]
    recovery = [_answer(defn, 0.2 + 3.6 * wellbeing, rng) for _ in range(3)]
    return load + recovery


def _who5(defn: Definition, wellbeing: float, strain: float, rng: random.Random) -> list[int]:
    return [_answer(defn, 0.6 + 4.4 * wellbeing, rng) for _ in range(5)]


def _proqol(defn: Definition, wellbeing: float, strain: float, rng: random.Random) -> list[int]:
    answers = []
    for item in range(1, 31):
        if item in CS:
            centre = 3.4 + 1.2 * (wellbeing - 0.5)
        elif item in BURNOUT:
            centre = 1.4 + 3.0 * strain
        else:  # secondary traumatic stress
            centre = 1.3 + 2.6 * strain
        value = _answer(defn, centre, rng)
        answers.append(6 - value if item in BURNOUT_REVERSED else value)
    return answers


_MAKERS: dict[str, Callable[[Definition, float, float, random.Random], list[int]]] = {
    "tend-pulse": _pulse,
    "who5": _who5,
    "proqol5": _proqol,
}


def responses(
    checkins: Sequence[Checkin],
    start: dt.date,
    end: dt.date,
    rng: random.Random,
    tz: dt.tzinfo | None,
) -> list[StoredResponse]:
    """Responses between ``start`` and ``end``, oldest first, deterministic for ``rng``."""
    defs = load_definitions()
    by_day = {c.day: c for c in checkins}
    out: list[StoredResponse] = []
    for measure_id, every, skip, delay in SCHEDULE:
        defn = defs[measure_id]
        due = start + dt.timedelta(days=rng.randint(3, every))
        while due <= end:
            day = min(end, due + dt.timedelta(days=rng.randint(0, delay)))
            if rng.random() >= skip:
                week = [
                    by_day[d] for d in (day - dt.timedelta(days=i) for i in range(7)) if d in by_day
                ]
                wellbeing, strain = _state(week)
                answers = _MAKERS[measure_id](defn, wellbeing, strain, rng)
                local = dt.datetime.combine(day, dt.time(18, 0), tzinfo=tz)
                taken = local + dt.timedelta(minutes=rng.randint(0, 180))
                out.append(
                    StoredResponse(
                        id=str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                        measure_id=measure_id,
                        definition_version=defn.version,
                        day=day,
                        taken_at=taken.astimezone(dt.UTC),
                        answers=tuple(answers),
                        scores=tuple(score(defn, answers).scores.items()),
                    )
                )
            due = day + dt.timedelta(days=every)
    out.sort(key=lambda r: (r.day, r.taken_at))
    return out
