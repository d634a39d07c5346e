"""What a supervisor offers, what is already taken, and what can be booked.

Windows are in the supervisor's local wall-clock time (naive datetimes, read in
their zone); everything that is a moment (a session, a slot) is an aware UTC datetime.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from zoneinfo import ZoneInfo

from app.errors import ValidationError

MAX_LOCATION_CHARS = 500
MAX_CAPACITY = 20


class Modality(StrEnum):
    IN_PERSON = "in_person"
    PHONE = "phone"
    VIDEO = "video"


MODALITY_LABEL = {
    Modality.IN_PERSON: "In person",
    Modality.PHONE: "Phone",
    Modality.VIDEO: "Video call",
}


class WindowKind(StrEnum):
    WEEKLY = "weekly"
    EXTRA = "extra"
    LEAVE = "leave"


def _within(value: int, low: int, high: int, message: str) -> None:
    if not low <= value <= high:
        raise ValidationError(message)


@dataclass(frozen=True)
class OfferSettings:
    """One per supervisor. ``tz`` "" means this computer's zone (the service resolves it)."""

    session_minutes: int = 60
    buffer_minutes: int = 15
    min_notice_hours: int = 24
    horizon_days: int = 42
    daily_max: int = 4
    tz: str = ""

    def validate(self) -> OfferSettings:
        """``self`` when every value can be saved; else ValidationError in calm words."""
        _within(self.session_minutes, 15, 240, "A session can be 15 minutes to 4 hours long.")
        _within(self.buffer_minutes, 0, 120, "The break between sessions can be up to 2 hours.")
        _within(self.min_notice_hours, 0, 336, "Notice can be up to two weeks (336 hours).")
        _within(self.horizon_days, 1, 366, "People can book from 1 day to a year ahead.")
        _within(self.daily_max, 1, 24, "The daily limit can be from 1 to 24 sessions.")
        if self.tz:
            zone_named(self.tz)
        return self

    @property
    def session(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.session_minutes)

    @property
    def buffer(self) -> dt.timedelta:
        return dt.timedelta(minutes=self.buffer_minutes)


def zone_named(name: str) -> ZoneInfo:
    """The IANA zone ``name``; ValidationError (without repeating it) when unknown."""
    try:
        return ZoneInfo(name)
    except (KeyError, ValueError, OSError):  # ZoneInfoNotFoundError is a KeyError
        raise ValidationError("Tend doesn't know that time zone.") from None


@dataclass(frozen=True)
class Window:
    """A stretch of the supervisor's local time: weekly availability, a one-off extra
    window, or leave. WEEKLY/EXTRA end on the day they start; LEAVE may last days."""

    id: str
    kind: WindowKind
    start: dt.datetime
    end: dt.datetime
    rrule: str | None = None
    modality: Modality = Modality.VIDEO
    location: str = ""
    capacity: int = 1

    def validate(self) -> Window:
        """This window with its rule normalised; ValidationError in calm words otherwise."""
        if self.start.tzinfo is not None or self.end.tzinfo is not None:
            raise ValidationError("Window times are local times, without a time zone.")
        if self.end <= self.start:
            raise ValidationError("A window needs to end after it starts.")
        if self.kind is not WindowKind.LEAVE and self.end.date() != self.start.date():
            raise ValidationError("A window needs to start and end on the same day.")
        if len(self.location) > MAX_LOCATION_CHARS:
            raise ValidationError("The place or link is too long: 500 characters at most.")
        _within(self.capacity, 1, MAX_CAPACITY, "A session can be for 1 to 20 people.")
        if self.kind is WindowKind.WEEKLY:
            if not self.rrule:
                raise ValidationError("A weekly window needs the days it repeats on.")
            # recurrence imports this module; importing it here avoids the cycle.
            from app.supervision.recurrence import check_rule

            return dataclasses.replace(self, rrule=check_rule(self.rrule))
        if self.rrule:
            raise ValidationError("Only weekly windows repeat.")
        return self


@dataclass(frozen=True)
class Busy:
    """An existing non-cancelled session of the supervisor (aware UTC)."""

    session_id: str
    start: dt.datetime
    blocked_until: dt.datetime  # end + buffer
    capacity: int
    seats_taken: int


@dataclass(frozen=True)
class Slot:
    """A time someone can book: a new session (``session_id`` None) or a seat in an
    existing group session (``session_id`` set)."""

    start: dt.datetime
    end: dt.datetime
    modality: Modality
    location: str
    capacity: int
    seats_left: int
    session_id: str | None
