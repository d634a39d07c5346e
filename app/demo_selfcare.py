"""A made-up self-care plan and a few weekly reviews for the demo person.

The plan is a handful of Tend's own starter ideas in each area; the reviews
are short, gentle, generic words written for this file. Deterministic for a
seed. Only used by ``app.demo.generate``.
"""

from __future__ import annotations

import datetime as dt
import random
import uuid

from app.selfcare.model import AREA_ORDER, Kind, PlanItem, WeeklyReview, week_start
from app.selfcare.suggestions import starter_suggestions

REVIEW_WEEKS = 6
# (restoring, draining) ideas kept in each area, in AREA_ORDER.
_PER_AREA = ((3, 1), (2, 1), (3, 0), (2, 1))

_HELPED = (
    "The walk on Wednesday, and leaving on time twice.",
    "Supervision. Saying it out loud made it lighter.",
    "An early night on Thursday. I noticed the difference.",
    "Lunch with the team. We laughed about nothing much.",
    "A quiet Sunday with the phone in a drawer.",
    "Cooking a proper dinner a few nights.",
)
_DRAINED = (
    "Two late finishes in a row.",
    "Court on Tuesday, the waiting more than anything.",
    "Answering messages on Saturday morning.",
    "Skipping lunch more often than I meant to.",
    "A heavy visit that stayed with me for a couple of days.",
    "",
)
_NEXT = (
    "Block an hour on Friday for paperwork.",
    "Book a day off before the end of the month.",
    "A walk at lunch at least twice.",
    "Work phone off after seven.",
    "Ask about sharing the new referrals.",
    "Go a bit easier on myself.",
)


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _at(day: dt.date, hour: int, tz: dt.tzinfo | None, rng: random.Random) -> dt.datetime:
    local = dt.datetime.combine(day, dt.time(hour, 0), tzinfo=tz)
    return (local + dt.timedelta(minutes=rng.randint(0, 50))).astimezone(dt.UTC)


def plan(start: dt.date, rng: random.Random, tz: dt.tzinfo | None) -> list[PlanItem]:
    """A few kept starter ideas per area, as if chosen on the first day."""
    ideas = starter_suggestions()
    at = _at(start, 19, tz, rng)
    items = []
    for area, counts in zip(AREA_ORDER, _PER_AREA, strict=True):
        for kind, count in zip((Kind.RESTORES, Kind.DRAINS), counts, strict=True):
            pool = [g for g in ideas if g.area is area and g.kind is kind]
            for position, idea in enumerate(rng.sample(pool, count)):
                items.append(PlanItem(_uuid(rng), area, kind, idea.text, position, at, at))
    return items


def reviews(
    start: dt.date, end: dt.date, rng: random.Random, tz: dt.tzinfo | None
) -> list[WeeklyReview]:
    """Reviews for about two in three of the last few weeks that ended before ``end``."""
    out = []
    monday = week_start(end) - dt.timedelta(days=7 * REVIEW_WEEKS)
    for _ in range(REVIEW_WEEKS):
        monday += dt.timedelta(days=7)
        sunday = monday + dt.timedelta(days=6)
        if monday < start or sunday >= end or rng.random() < 0.35:
            continue
        at = _at(sunday, 18, tz, rng)
        out.append(
            WeeklyReview(
                id=_uuid(rng),
                week_start=monday,
                helped=rng.choice(_HELPED),
                drained=rng.choice(_DRAINED),
                next_week=rng.choice(_NEXT),
                created_at=at,
                updated_at=at,
            )
        )
    return out
