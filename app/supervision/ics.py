"""Calendar files (.ics) for bookings, for Outlook, Google Calendar and Thunderbird.

Times are written in the person's zone with its VTIMEZONE (not floating, not only
UTC) so calendars show them at the right local time even across a DST change.
Callers put plain words in ``summary`` ("Clinical supervision with Sam") and never
anything from the private store (an agenda note stays there).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from icalendar import Calendar, Event

PRODID = "-//Tend//Clinical supervision//EN"
# VTIMEZONE rules cover this margin around the events, so a calendar that expands
# them never meets a moment the file doesn't describe.
ZONE_MARGIN = dt.timedelta(days=400)


@dataclass(frozen=True)
class CalendarItem:
    uid: str
    start: dt.datetime  # aware
    end: dt.datetime  # aware
    summary: str
    location: str
    description: str
    cancelled: bool = False


def summary_for(other_name: str, *, group: bool = False) -> str:
    """The plain title of a booking: "Clinical supervision with Sam"."""
    kind = "Group supervision" if group else "Clinical supervision"
    name = " ".join(other_name.split())
    return f"{kind} with {name}" if name else kind


def _when(moment: dt.datetime, zone: ZoneInfo) -> dt.datetime:
    """``moment`` in ``zone``; in UTC when it is the second of a repeated hour (clocks
    going back), which a local time with a TZID can't say: RFC 5545 reads it as the first."""
    local = moment.astimezone(zone)
    if local.fold and local.replace(fold=0).utcoffset() != local.utcoffset():
        return moment.astimezone(dt.UTC)
    return local


def _event(item: CalendarItem, zone: ZoneInfo, stamp: dt.datetime) -> Event:
    if item.start.tzinfo is None or item.end.tzinfo is None:
        raise ValueError("calendar items need aware datetimes")
    event = Event()
    event.add("uid", item.uid)
    event.add("dtstamp", stamp)
    event.add("dtstart", _when(item.start, zone))
    event.add("dtend", _when(item.end, zone))
    event.add("summary", item.summary)
    if item.location:
        event.add("location", item.location)
    if item.description:
        event.add("description", item.description)
    event.add("status", "CANCELLED" if item.cancelled else "CONFIRMED")
    event.add("transp", "TRANSPARENT" if item.cancelled else "OPAQUE")
    return event


def calendar(
    items: Sequence[CalendarItem], zone: ZoneInfo, *, stamp: dt.datetime | None = None
) -> bytes:
    """A VCALENDAR (METHOD:PUBLISH) with one VEVENT per item and ``zone``'s VTIMEZONE.
    ``stamp`` is each event's DTSTAMP (default: now, UTC)."""
    stamp = (stamp or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    for item in items:
        cal.add_component(_event(item, zone, stamp))
    if items:
        first = min(i.start for i in items).astimezone(zone).date() - ZONE_MARGIN
        last = max(i.end for i in items).astimezone(zone).date() + ZONE_MARGIN
        cal.add_missing_timezones(first_date=first, last_date=last)
    return bytes(cal.to_ical())
