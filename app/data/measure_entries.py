"""Measure responses and supplied wordings, moved in bulk (export, import, demo data).

Plain values, read and written with SQLAlchemy Core inside a caller-owned
Session, like ``app.data.entries`` for check-ins and notes.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from app.store import models

RESPONSES: Table = models.MeasureResponse.__table__  # type: ignore[assignment]
WORDINGS: Table = models.MeasureWording.__table__  # type: ignore[assignment]


@dataclass(frozen=True)
class StoredResponse:
    id: str
    measure_id: str
    definition_version: int
    day: dt.date
    taken_at: dt.datetime  # aware, UTC
    answers: tuple[int | None, ...]
    scores: tuple[tuple[str, float | None], ...]  # (subscale id, score), in definition order


@dataclass(frozen=True)
class StoredWording:
    measure_id: str
    items: tuple[str, ...]
    added_at: dt.datetime  # aware, UTC


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def load_responses(session: Session) -> list[StoredResponse]:
    query = select(RESPONSES).order_by(RESPONSES.c.day, RESPONSES.c.taken_at, RESPONSES.c.id)
    return [
        StoredResponse(
            id=row["id"],
            measure_id=row["measure_id"],
            definition_version=row["definition_version"],
            day=row["day"],
            taken_at=row["taken_at"].replace(tzinfo=dt.UTC),
            answers=tuple(json.loads(row["answers"])),
            scores=tuple(json.loads(row["scores"]).items()),
        )
        for row in session.execute(query).mappings()
    ]


def load_wordings(session: Session) -> list[StoredWording]:
    query = select(WORDINGS).order_by(WORDINGS.c.measure_id)
    return [
        StoredWording(
            measure_id=row["measure_id"],
            items=tuple(json.loads(row["items"])),
            added_at=row["added_at"].replace(tzinfo=dt.UTC),
        )
        for row in session.execute(query).mappings()
    ]


def insert_responses(session: Session, items: Sequence[StoredResponse]) -> None:
    if items:
        session.execute(
            insert(RESPONSES),
            [
                {
                    "id": r.id,
                    "measure_id": r.measure_id,
                    "definition_version": r.definition_version,
                    "day": r.day,
                    "taken_at": _naive_utc(r.taken_at),
                    "answers": json.dumps(list(r.answers)),
                    "scores": json.dumps(dict(r.scores)),
                }
                for r in items
            ],
        )


def replace_wordings(session: Session, items: Sequence[StoredWording]) -> None:
    for w in items:
        session.execute(delete(WORDINGS).where(WORDINGS.c.measure_id == w.measure_id))
        session.execute(
            insert(WORDINGS),
            {
                "measure_id": w.measure_id,
                "items": json.dumps(list(w.items), ensure_ascii=False),
                "added_at": _naive_utc(w.added_at),
            },
        )


def existing_response_ids(session: Session) -> set[str]:
    return set(session.scalars(select(RESPONSES.c.id)))
