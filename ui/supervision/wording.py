"""Slots and bookings in plain words, in this person's own time zone."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from app.supervision.dates import clock_time, weekday_day_month
from app.supervision.model import MODALITY_LABEL, Modality, Slot
from app.supervision.policy import AttendanceStatus

if TYPE_CHECKING:
    from app.supervision.service_rows import Booking

STATUS_LABEL = {
    AttendanceStatus.BOOKED: "booked",
    AttendanceStatus.CANCELLED: "cancelled",
    AttendanceStatus.HELD: "held",
    AttendanceStatus.MISSED: "missed",
}
MAX_LOCATION_SHOWN = 60


def day_heading(moment: dt.datetime, zone: dt.tzinfo, today: dt.date) -> str:
    local = moment.astimezone(zone).date()
    if local == today:
        return "Today"
    if local == today + dt.timedelta(days=1):
        return "Tomorrow"
    return weekday_day_month(local, year=local.year != today.year)


def length(start: dt.datetime, end: dt.datetime) -> str:
    minutes = int((end - start).total_seconds() // 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{minutes} min"
    if not rest:
        return "1 hour" if hours == 1 else f"{hours} hours"
    return f"{hours} h {rest} min"


def where(modality: Modality, location: str) -> str:
    """ "Video call · https://meet…", "In person · Room 4", or just "Phone"."""
    place = " ".join(location.split())
    if len(place) > MAX_LOCATION_SHOWN:
        place = place[: MAX_LOCATION_SHOWN - 1] + "…"
    text = MODALITY_LABEL[modality]
    return f"{text} · {place}" if place else text


def places(slot: Slot) -> str:
    if slot.capacity <= 1:
        return ""
    left = "1 place left" if slot.seats_left == 1 else f"{slot.seats_left} places left"
    return f"group · {left}"


def slot_line(slot: Slot, zone: dt.tzinfo, supervisor: str = "") -> str:
    """ "10:00 with Sam Lee · 1 hour · Video call · https://… · group · 2 places left"."""
    time = clock_time(slot.start.astimezone(zone))
    parts = [
        f"{time} with {supervisor}" if supervisor else time,
        length(slot.start, slot.end),
        where(slot.modality, slot.location),
    ]
    if extra := places(slot):
        parts.append(extra)
    return " · ".join(parts)


def when(start: dt.datetime, end: dt.datetime, zone: dt.tzinfo, today: dt.date) -> str:
    """ "Tuesday 24 November, 10:00–11:00"."""
    a, b = start.astimezone(zone), end.astimezone(zone)
    day = weekday_day_month(a.date(), year=a.year != today.year)
    return f"{day}, {clock_time(a)}–{clock_time(b)}"


def moved_words(b: Booking, zone: dt.tzinfo, today: dt.date) -> str:
    """ "moved to Tuesday 1 December at 10:00": a rescheduled booking's new time."""
    if b.moved_to is None:  # the new booking can't be seen from here
        return "moved to another time"
    local = b.moved_to.start.astimezone(zone)
    day = weekday_day_month(local.date(), year=local.year != today.year)
    return f"moved to {day} at {clock_time(local)}"
