"""The words Tend's services speak: plain, immutable values (no ORM rows)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from app.errors import ValidationError

SCALES = ("mood", "energy", "sleep", "stress", "workload", "connection")


@dataclass(frozen=True)
class ScaleInfo:
    """How a daily 1–5 answer reads as a signal: its label and which way is easier."""

    label: str
    higher_is_better: bool


SCALE_INFO: dict[str, ScaleInfo] = {
    "mood": ScaleInfo("Mood", True),
    "energy": ScaleInfo("Energy", True),
    "sleep": ScaleInfo("Sleep", True),
    "stress": ScaleInfo("Stress", False),
    "workload": ScaleInfo("Workload", False),
    "connection": ScaleInfo("Connected and supported", True),
}
MAX_NOTE_CHARS = 50_000
MAX_TAGS = 20
MAX_TAG_CHARS = 40
EARLIEST_DAY = dt.date(1970, 1, 1)

_E = TypeVar("_E", bound=StrEnum)


class Exposure(StrEnum):
    NONE = "none"
    SOME = "some"
    A_LOT = "a_lot"


class DayKind(StrEnum):
    WORK = "work"
    DAY_OFF = "day_off"
    LEAVE = "leave"


def clean_tags(tags: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Trim, lower-case, de-duplicate (keeping order) and check tags."""
    seen: dict[str, None] = {}
    for raw in tags:
        if not isinstance(raw, str):
            raise ValidationError("Tags need to be words.")
        tag = " ".join(raw.strip().lower().split()).lstrip("#")
        if not tag:
            continue
        if len(tag) > MAX_TAG_CHARS:
            raise ValidationError(f"Tags can be up to {MAX_TAG_CHARS} characters.")
        if "," in tag:
            raise ValidationError("Tags can't contain commas.")
        seen[tag] = None
    if len(seen) > MAX_TAGS:
        raise ValidationError(f"Up to {MAX_TAGS} tags fit on one entry.")
    return tuple(seen)


def check_day(day: object, today: dt.date) -> dt.date:
    if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
        raise ValidationError("That isn't a calendar date.")
    if day < EARLIEST_DAY or day > today + dt.timedelta(days=1):
        raise ValidationError("Entries can be for today or any day before it.")
    return day


def check_text(text: object, what: str = "A note") -> str:
    if not isinstance(text, str):
        raise ValidationError(f"{what} needs to be text.")
    if len(text) > MAX_NOTE_CHARS:
        raise ValidationError(
            f"{what} can be up to {MAX_NOTE_CHARS:,} characters. "
            "Splitting it into two notes works well."
        )
    if "\x00" in text:
        raise ValidationError(f"{what} contains a character Tend can't store.")
    return text


def _choice(kind: type[_E], value: object) -> _E:
    """The enum member for ``value``; the enum's own ValueError would echo the input."""
    try:
        if isinstance(value, str):
            return kind(value)
    except ValueError:
        pass
    raise ValidationError("That answer isn't one of the choices.")


@dataclass(frozen=True)
class CheckinDraft:
    """What a person enters for one day. Every answer is optional."""

    day: dt.date
    mood: int | None = None
    energy: int | None = None
    sleep: int | None = None
    stress: int | None = None
    workload: int | None = None
    connection: int | None = None
    exposure: Exposure | None = None
    exposure_hours: float | None = None
    day_kind: DayKind = DayKind.WORK
    note: str = ""
    tags: tuple[str, ...] = ()

    def validated(self, today: dt.date) -> CheckinDraft:
        check_day(self.day, today)
        for name in SCALES:
            value = getattr(self, name)
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5
            ):
                raise ValidationError("Each answer is a number from 1 to 5.")
        exposure = None if self.exposure is None else _choice(Exposure, self.exposure)
        hours = self.exposure_hours
        if hours is not None:
            if isinstance(hours, bool) or not isinstance(hours, int | float) or hours != hours:
                raise ValidationError("Hours need to be a number.")
            if not 0 <= hours <= 24:
                raise ValidationError("Hours need to be between 0 and 24.")
            hours = float(hours)
        return CheckinDraft(
            day=self.day,
            **{name: getattr(self, name) for name in SCALES},
            exposure=exposure,
            exposure_hours=hours,
            day_kind=_choice(DayKind, self.day_kind),
            note=check_text(self.note),
            tags=clean_tags(self.tags),
        )


@dataclass(frozen=True)
class Checkin(CheckinDraft):
    id: str = ""
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    updated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


@dataclass(frozen=True)
class NoteDraft:
    day: dt.date
    body: str
    tags: tuple[str, ...] = ()

    def validated(self, today: dt.date) -> NoteDraft:
        check_day(self.day, today)
        body = check_text(self.body)
        if not body.strip():
            raise ValidationError("There's nothing in this note yet.")
        return NoteDraft(day=self.day, body=body, tags=clean_tags(self.tags))


@dataclass(frozen=True)
class Note(NoteDraft):
    id: str = ""
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    updated_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))


class EntryKind(StrEnum):
    CHECKIN = "checkin"
    NOTE = "note"


@dataclass(frozen=True)
class JournalItem:
    """One row of the journal list: a check-in or a note."""

    kind: EntryKind
    id: str
    day: dt.date
    created_at: dt.datetime
    text: str
    tags: tuple[str, ...]
    checkin: Checkin | None = None


@dataclass(frozen=True)
class JournalFilter:
    start: dt.date | None = None
    end: dt.date | None = None
    tag: str | None = None
    query: str = ""
    kinds: frozenset[EntryKind] = frozenset(EntryKind)


@dataclass(frozen=True)
class Changes:
    """What a service call changed, so pages know what to redraw."""

    checkins: bool = False
    notes: bool = False
    tags: bool = False
    measures: bool = False
    signals: bool = False
    selfcare: bool = False
    reminders: bool = False
    supervision: bool = False  # team-store bookings, availability, or a private agenda note
    everything: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f: getattr(self, f) or getattr(other, f) for f in _CHANGE_FIELDS})


_CHANGE_FIELDS = (
    "checkins",
    "notes",
    "tags",
    "measures",
    "signals",
    "selfcare",
    "reminders",
    "supervision",
    "everything",
)
