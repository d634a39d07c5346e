"""Questionnaire responses and supplied wording, in the private store."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.domain import Changes, check_day
from app.errors import ValidationError
from app.measures.definitions import Band, Definition, load_definitions
from app.measures.scoring import band_for, score
from app.measures.wording import check_items
from app.store import models
from app.store.engine import writer


@dataclass(frozen=True)
class MeasureResult:
    id: str
    measure_id: str
    day: dt.date
    taken_at: dt.datetime  # aware, UTC
    answers: tuple[int | None, ...]
    scores: dict[str, float | None]
    bands: dict[str, Band | None]
    safety_triggered: bool = False
    follow_up: bool = False
    definition_version: int = 1


@dataclass(frozen=True)
class DueStatus:
    measure_id: str
    last_taken: dt.date | None
    due_on: dt.date | None
    days_until: int | None  # <= 0 means due now; None: no cadence, or never taken


def check_answers(defn: Definition, answers: object) -> tuple[int | None, ...]:
    """Answers as a tuple, or a calm ValidationError that never repeats them."""
    if isinstance(answers, str | bytes) or not isinstance(answers, Sequence):
        raise ValidationError("The answers need to be a list.")
    if len(answers) != defn.item_count:
        raise ValidationError(f"This questionnaire needs {defn.item_count} answers.")
    for a in answers:
        if a is None:
            continue
        if isinstance(a, bool) or not isinstance(a, int):
            raise ValidationError("Each answer needs to be one of the choices.")
        if not defn.scale_min <= a <= defn.scale_max:
            raise ValidationError(
                f"Each answer is a number from {defn.scale_min} to {defn.scale_max}."
            )
    return tuple(answers)


class MeasureService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._read = engine
        self._write = writer(engine)
        self._clock = clock
        # Read (and checked) now, while the store opens on a worker thread, so the
        # GUI thread later finds them in the cache instead of reading files.
        load_definitions()

    def definitions(self) -> dict[str, Definition]:
        return load_definitions()

    def definition(self, measure_id: str) -> Definition:
        defn = load_definitions().get(measure_id)
        if defn is None:
            raise ValidationError("Tend doesn't know that questionnaire.")
        return defn

    # -- wording ----------------------------------------------------------------

    def wording(self, measure_id: str) -> tuple[str, ...] | None:
        """The item texts: shipped for Tend's own measures, supplied for published ones."""
        defn = self.definition(measure_id)
        if defn.wording is not None:
            return defn.wording
        with Session(self._read) as s:
            row = s.get(models.MeasureWording, measure_id)
            return None if row is None else tuple(json.loads(row.items))

    def supplied_wordings(self) -> set[str]:
        """Ids of the published questionnaires whose wording has been added."""
        with Session(self._read) as s:
            return set(s.scalars(select(models.MeasureWording.measure_id)))

    def set_wording(self, measure_id: str, items: Sequence[str]) -> Changes:
        defn = self.definition(measure_id)
        if defn.own:
            raise ValidationError("Tend's own questionnaires already come with their wording.")
        cleaned = check_items(items, defn.item_count)
        now = self._clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        with Session(self._write) as s, s.begin():
            row = s.get(models.MeasureWording, measure_id)
            if row is None:
                row = models.MeasureWording(measure_id=measure_id)
                s.add(row)
            row.items = json.dumps(list(cleaned), ensure_ascii=False)
            row.added_at = now
        return Changes(measures=True)

    def clear_wording(self, measure_id: str) -> Changes:
        self.definition(measure_id)
        with Session(self._write) as s, s.begin():
            row = s.get(models.MeasureWording, measure_id)
            if row is None:
                return Changes()
            s.delete(row)
        return Changes(measures=True)

    # -- responses --------------------------------------------------------------

    def save(
        self, measure_id: str, answers: Sequence[int | None], day: dt.date | None = None
    ) -> tuple[MeasureResult, Changes]:
        """Score and keep one completed questionnaire. Durable on return."""
        defn = self.definition(measure_id)
        clean = check_answers(defn, answers)
        now = self._clock.now()
        day = check_day(now.date() if day is None else day, now.date())
        scored = score(defn, clean)
        if scored.incomplete:
            raise ValidationError("A few more answers are needed before this can be scored.")
        row = models.MeasureResponse(
            id=str(uuid.uuid4()),
            measure_id=measure_id,
            definition_version=defn.version,
            day=day,
            taken_at=now.astimezone(dt.UTC).replace(tzinfo=None),
            answers=json.dumps(list(clean)),
            scores=json.dumps(scored.scores),
        )
        with Session(self._write) as s, s.begin():
            s.add(row)
            s.flush()
            result = self._to_result(defn, row)
        return result, Changes(measures=True)

    def delete(self, response_id: str) -> Changes:
        with Session(self._write) as s, s.begin():
            row = s.get(models.MeasureResponse, response_id)
            if row is None:
                return Changes()
            s.delete(row)
        return Changes(measures=True)

    def history(
        self, measure_id: str, start: dt.date | None = None, end: dt.date | None = None
    ) -> list[MeasureResult]:
        """Responses to one measure, oldest first."""
        defn = self.definition(measure_id)
        query = select(models.MeasureResponse).where(
            models.MeasureResponse.measure_id == measure_id
        )
        if start is not None:
            query = query.where(models.MeasureResponse.day >= start)
        if end is not None:
            query = query.where(models.MeasureResponse.day <= end)
        query = query.order_by(models.MeasureResponse.day, models.MeasureResponse.taken_at)
        with Session(self._read) as s:
            return [self._to_result(defn, r) for r in s.scalars(query)]

    def last_taken(self) -> dict[str, dt.date]:
        """The latest day each measure was taken (measures never taken are absent)."""
        query = select(models.MeasureResponse.measure_id, func.max(models.MeasureResponse.day))
        with Session(self._read) as s:
            rows = s.execute(query.group_by(models.MeasureResponse.measure_id)).all()
        return {str(m): d for m, d in rows if d is not None}

    def due(self, today: dt.date) -> list[DueStatus]:
        """When each measure next falls due. Just data for a gentle badge: never a nag."""
        last = self.last_taken()
        out = []
        for defn in load_definitions().values():
            taken = last.get(defn.id)
            due_on = None
            if taken is not None and defn.cadence_days is not None:
                due_on = taken + dt.timedelta(days=defn.cadence_days)
            days = None if due_on is None else (due_on - today).days
            out.append(DueStatus(defn.id, taken, due_on, days))
        return out

    @staticmethod
    def _to_result(defn: Definition, row: models.MeasureResponse) -> MeasureResult:
        answers = tuple(json.loads(row.answers))
        scores: dict[str, float | None] = json.loads(row.scores)
        bands = {}
        for sub in defn.subscales:
            bands[sub.id] = band_for(sub, scores.get(sub.id))
        rescored = score(defn, answers) if len(answers) == defn.item_count else None
        return MeasureResult(
            id=row.id,
            measure_id=row.measure_id,
            day=row.day,
            taken_at=row.taken_at.replace(tzinfo=dt.UTC),
            answers=answers,
            scores=scores,
            bands=bands,
            safety_triggered=bool(rescored and rescored.safety_triggered),
            follow_up=bool(rescored and rescored.follow_up),
            definition_version=row.definition_version,
        )
