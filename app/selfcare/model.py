"""The self-care plan's words: areas, kinds, items, suggestions and weekly reviews."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from app.errors import ValidationError

MAX_ITEM_CHARS = 300
MAX_REVIEW_CHARS = 4000


class Area(StrEnum):
    BODY = "body"
    MIND = "mind"
    CONNECTION = "connection"
    BOUNDARIES = "boundaries"


class Kind(StrEnum):
    RESTORES = "restores"
    DRAINS = "drains"


AREA_LABELS: dict[Area, str] = {
    Area.BODY: "Body",
    Area.MIND: "Mind",
    Area.CONNECTION: "Connection",
    Area.BOUNDARIES: "Boundaries at work",
}
AREA_ORDER = tuple(Area)
_AREAS = frozenset(a.value for a in Area)
_KINDS = frozenset(k.value for k in Kind)


@dataclass(frozen=True)
class PlanItem:
    id: str
    area: Area
    kind: Kind
    text: str
    position: int
    created_at: dt.datetime  # aware, UTC
    updated_at: dt.datetime  # aware, UTC


@dataclass(frozen=True)
class Suggestion:
    """One of Tend's starter ideas (resources/prompts/selfcare.json)."""

    id: str
    area: Area
    kind: Kind
    text: str


@dataclass(frozen=True)
class WeeklyReview:
    id: str
    week_start: dt.date  # a Monday
    helped: str
    drained: str
    next_week: str
    created_at: dt.datetime  # aware, UTC
    updated_at: dt.datetime  # aware, UTC


def week_start(day: dt.date) -> dt.date:
    """The Monday of the week ``day`` falls in."""
    return day - dt.timedelta(days=day.weekday())


def to_area(value: object) -> Area:
    # The enum's own ValueError would repeat the value.
    if isinstance(value, str) and value in _AREAS:
        return Area(value)
    raise ValidationError("That isn't one of the plan's areas.")


def to_kind(value: object) -> Kind:
    if isinstance(value, str) and value in _KINDS:
        return Kind(value)
    raise ValidationError("A plan item either restores you or drains you.")


def _no_nul(text: str, what: str) -> None:
    if "\x00" in text:
        raise ValidationError(f"{what} contains a character Tend can't store.")


def check_item_text(text: object) -> str:
    """Trimmed item text, or a calm ValidationError that never repeats it."""
    if not isinstance(text, str):
        raise ValidationError("A plan item needs to be text.")
    cleaned = " ".join(text.split())
    if not cleaned:
        raise ValidationError("There's nothing written for this item yet.")
    if len(cleaned) > MAX_ITEM_CHARS:
        raise ValidationError(
            f"A plan item can be up to {MAX_ITEM_CHARS} characters. A short line works best."
        )
    _no_nul(cleaned, "This item")
    return cleaned


def check_review_text(text: object, what: str) -> str:
    if not isinstance(text, str):
        raise ValidationError(f"{what} needs to be text.")
    if len(text) > MAX_REVIEW_CHARS:  # before trimming: spaces count too
        raise ValidationError(f"{what} can be up to {MAX_REVIEW_CHARS:,} characters.")
    _no_nul(text, what)
    return text.strip()


def check_week(value: object, today: dt.date) -> dt.date:
    """A week's Monday, no later than this week's."""
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError("That isn't a calendar date.")
    if value.weekday() != 0:
        raise ValidationError("A week in Tend starts on a Monday.")
    if value > week_start(today) or value < dt.date(1970, 1, 5):
        raise ValidationError("A weekly review can be for this week or any week before it.")
    return value
