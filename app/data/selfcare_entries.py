"""Self-care plan items and weekly reviews, moved in bulk (export, import, demo data).

Plain values (``app.selfcare.model``), read and written with SQLAlchemy Core
inside a caller-owned Session, like ``app.data.entries`` for check-ins and notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from app.selfcare.model import Area, Kind, PlanItem, WeeklyReview
from app.selfcare.service import plan_order
from app.store import models

ITEMS: Table = models.SelfCareItem.__table__  # type: ignore[assignment]
REVIEWS: Table = models.WeeklyReview.__table__  # type: ignore[assignment]


def _naive_utc(moment: dt.datetime) -> dt.datetime:
    return moment.astimezone(dt.UTC).replace(tzinfo=None)


def load_items(session: Session) -> list[PlanItem]:
    """Every plan item, in plan order (by area, restoring first, the person's own order)."""
    items = [
        PlanItem(
            id=row["id"],
            area=Area(row["area"]),
            kind=Kind(row["kind"]),
            text=row["text"],
            position=row["position"],
            created_at=row["created_at"].replace(tzinfo=dt.UTC),
            updated_at=row["updated_at"].replace(tzinfo=dt.UTC),
        )
        for row in session.execute(select(ITEMS)).mappings()
    ]
    return sorted(items, key=plan_order)


def load_reviews(session: Session) -> list[WeeklyReview]:
    """Every weekly review, oldest week first."""
    return [
        WeeklyReview(
            id=row["id"],
            week_start=row["week_start"],
            helped=row["helped"],
            drained=row["drained"],
            next_week=row["next_week"],
            created_at=row["created_at"].replace(tzinfo=dt.UTC),
            updated_at=row["updated_at"].replace(tzinfo=dt.UTC),
        )
        for row in session.execute(select(REVIEWS).order_by(REVIEWS.c.week_start)).mappings()
    ]


def insert_items(session: Session, items: Sequence[PlanItem]) -> None:
    if items:
        session.execute(
            insert(ITEMS),
            [
                {
                    "id": i.id,
                    "area": i.area.value,
                    "kind": i.kind.value,
                    "text": i.text,
                    "position": i.position,
                    "created_at": _naive_utc(i.created_at),
                    "updated_at": _naive_utc(i.updated_at),
                }
                for i in items
            ],
        )


def insert_reviews(session: Session, reviews: Sequence[WeeklyReview]) -> None:
    if reviews:
        session.execute(
            insert(REVIEWS),
            [
                {
                    "id": r.id,
                    "week_start": r.week_start,
                    "helped": r.helped,
                    "drained": r.drained,
                    "next_week": r.next_week,
                    "created_at": _naive_utc(r.created_at),
                    "updated_at": _naive_utc(r.updated_at),
                }
                for r in reviews
            ],
        )


def delete_items(session: Session, ids: Iterable[str]) -> None:
    for ident in ids:
        session.execute(delete(ITEMS).where(ITEMS.c.id == ident))


def delete_reviews(session: Session, ids: Iterable[str]) -> None:
    for ident in ids:
        session.execute(delete(REVIEWS).where(REVIEWS.c.id == ident))
