"""Checking the self-care parts of an import (schema version 3).

Plan items and weekly reviews go through the same checks as when they are
typed (``app.selfcare.model``). Messages name positions and fields, never
the words themselves.
"""

from __future__ import annotations

import datetime as dt

from app.data import schema
from app.data.validate import _day, _domain_checked, _fields, _text, _timestamp, _uuid
from app.errors import ImportRejected
from app.selfcare.model import (
    PlanItem,
    WeeklyReview,
    check_item_text,
    check_review_text,
    check_week,
    to_area,
    to_kind,
)

MAX_POSITION = 100_000


def item(raw: object, n: int) -> PlanItem:
    where = f"self-care item {n}"
    f = _fields(raw, schema.SELFCARE_ITEM_FIELDS, where)
    position = f["position"]
    if isinstance(position, bool) or not isinstance(position, int):
        raise ImportRejected(f"{where.capitalize()} has a “position” that isn't a whole number.")
    if not 0 <= position <= MAX_POSITION:
        raise ImportRejected(
            f"{where.capitalize()} has a “position” that isn't from 0 to {MAX_POSITION:,}."
        )
    text = _text(f["text"], where, "text")
    return PlanItem(
        id=_uuid(f["id"], where),
        area=_domain_checked(lambda: to_area(f["area"]), where),
        kind=_domain_checked(lambda: to_kind(f["kind"]), where),
        text=_domain_checked(lambda: check_item_text(text), where),
        position=position,
        created_at=_timestamp(f["created_at"], where, "created_at"),
        updated_at=_timestamp(f["updated_at"], where, "updated_at"),
    )


def review(raw: object, n: int, today: dt.date) -> WeeklyReview:
    where = f"weekly review {n}"
    f = _fields(raw, schema.WEEKLY_REVIEW_FIELDS, where)
    # A day's grace, as for check-ins: the file may come from a clock a little ahead.
    week = _domain_checked(
        lambda: check_week(_day(f["week_start"], where), today + dt.timedelta(days=1)), where
    )
    answers: dict[str, str] = {}
    for field, label in (
        ("helped", "What helped"),
        ("drained", "What drained you"),
        ("next_week", "One thing for next week"),
    ):
        value = _text(f[field], where, field)
        answers[field] = _domain_checked(lambda v=value, w=label: check_review_text(v, w), where)
    if not any(answers.values()):
        raise ImportRejected(f"{where.capitalize()} has nothing written in it.")
    return WeeklyReview(
        id=_uuid(f["id"], where),
        week_start=week,
        helped=answers["helped"],
        drained=answers["drained"],
        next_week=answers["next_week"],
        created_at=_timestamp(f["created_at"], where, "created_at"),
        updated_at=_timestamp(f["updated_at"], where, "updated_at"),
    )


def selfcare(
    items: object, reviews: object, today: dt.date
) -> tuple[list[PlanItem], list[WeeklyReview]]:
    for key, value in (("selfcare_items", items), ("weekly_reviews", reviews)):
        if not isinstance(value, list):
            raise ImportRejected(f"The file's “{key}” isn't a list of entries.")
    assert isinstance(items, list) and isinstance(reviews, list)
    out_i = [item(raw, i) for i, raw in enumerate(items, start=1)]
    out_r = [review(raw, i, today) for i, raw in enumerate(reviews, start=1)]
    weeks: dict[dt.date, int] = {}
    for i, r in enumerate(out_r, start=1):
        if r.week_start in weeks:
            raise ImportRejected(
                f"Weekly review {i} is for the same week as weekly review {weeks[r.week_start]}; "
                "there can be one review a week."
            )
        weeks[r.week_start] = i
    return out_i, out_r
