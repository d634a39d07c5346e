"""Calendar files parsed back with icalendar: events, zones, status, text."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar, Event

from app.supervision.ics import PRODID, CalendarItem, calendar, summary_for

SYDNEY = ZoneInfo("Australia/Sydney")
LONDON = ZoneInfo("Europe/London")
STAMP = dt.datetime(2026, 11, 22, 9, 15, tzinfo=dt.UTC)
TRICKY = "Room 3, Level 2; bring notes\nSecond line — Zoë's café, 東京 \\ done"


def item(uid: str, start: dt.datetime, minutes: int = 60, **changes: object) -> CalendarItem:
    fields: dict[str, object] = {
        "uid": uid,
        "start": start,
        "end": start.astimezone(dt.UTC) + dt.timedelta(minutes=minutes),  # elapsed time
        "summary": summary_for("Sam"),
        "location": "Room 2",
        "description": "Video link: https://example.org/room?a=1;b=2",
        **changes,
    }
    return CalendarItem(**fields)  # type: ignore[arg-type]


def parse(data: bytes) -> tuple[Calendar, list[Event]]:
    cal = Calendar.from_ical(data)
    return cal, list(cal.walk("VEVENT"))


def test_round_trip_of_several_bookings() -> None:
    items = [
        item("a@tend", dt.datetime(2026, 12, 1, 10, tzinfo=SYDNEY)),
        item("b@tend", dt.datetime(2026, 12, 8, 23, 30, tzinfo=dt.UTC), cancelled=True),
        item("c@tend", dt.datetime(2027, 5, 3, 9, tzinfo=SYDNEY), minutes=90),  # after DST
    ]
    cal, events = parse(calendar(items, SYDNEY, stamp=STAMP))
    assert cal["METHOD"] == "PUBLISH" and cal["PRODID"] == PRODID and cal["VERSION"] == "2.0"
    assert [str(e["UID"]) for e in events] == ["a@tend", "b@tend", "c@tend"]
    for event, sent in zip(events, items, strict=True):
        assert event["DTSTAMP"].dt == STAMP
        for key, moment in (("DTSTART", sent.start), ("DTEND", sent.end)):
            assert event[key].params["TZID"] == "Australia/Sydney"
            assert event[key].dt.tzinfo is not None
            assert event[key].dt.astimezone(dt.UTC) == moment.astimezone(dt.UTC)
        assert str(event["SUMMARY"]) == "Clinical supervision with Sam"
        assert str(event["LOCATION"]) == "Room 2"
        assert str(event["DESCRIPTION"]) == sent.description
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CANCELLED", "CONFIRMED"]
    assert [tz.tz_name for tz in cal.walk("VTIMEZONE")] == ["Australia/Sydney"]


def test_local_times_are_written_in_the_zone_not_floating_or_utc() -> None:
    data = calendar([item("a@tend", dt.datetime(2026, 12, 1, 10, tzinfo=SYDNEY))], SYDNEY)
    text = data.decode()
    assert "DTSTART;TZID=Australia/Sydney:20261201T100000\r\n" in text
    assert "DTEND;TZID=Australia/Sydney:20261201T110000\r\n" in text
    assert text.startswith("BEGIN:VCALENDAR\r\n") and text.endswith("END:VCALENDAR\r\n")
    assert text.index("BEGIN:VTIMEZONE") < text.index("BEGIN:VEVENT")


@pytest.mark.parametrize(
    ("zone", "start"),
    [
        # Sydney's DST starts 4 October 2026 at 02:00: this booking runs across the gap.
        (SYDNEY, dt.datetime(2026, 10, 4, 1, 30, tzinfo=SYDNEY)),
        # ... and ends 5 April 2026 at 03:00: 02:30 happens twice (this is the first).
        (SYDNEY, dt.datetime(2026, 4, 5, 2, 30, tzinfo=SYDNEY)),
        (LONDON, dt.datetime(2026, 3, 29, 0, 30, tzinfo=LONDON)),
        (LONDON, dt.datetime(2026, 10, 25, 0, 30, tzinfo=LONDON)),
    ],
)
def test_bookings_on_dst_change_days_round_trip_exactly(zone: ZoneInfo, start: dt.datetime) -> None:
    sent = item("dst@tend", start, minutes=120)
    cal, [event] = parse(calendar([sent], zone, stamp=STAMP))
    assert event["DTSTART"].dt.astimezone(dt.UTC) == start.astimezone(dt.UTC)
    assert event["DTEND"].dt.astimezone(dt.UTC) == sent.end.astimezone(dt.UTC)
    assert event["DTEND"].dt.astimezone(dt.UTC) - event["DTSTART"].dt.astimezone(
        dt.UTC
    ) == dt.timedelta(hours=2)
    # The VTIMEZONE the file carries, as icalendar reads it, agrees with zoneinfo around the
    # booking: for calendars that read the file's zone rather than their own tz database.
    [vtimezone] = cal.walk("VTIMEZONE")
    own = vtimezone.to_tz()
    moment = start.astimezone(dt.UTC) - dt.timedelta(days=2)
    while moment < start.astimezone(dt.UTC) + dt.timedelta(days=2):
        assert moment.astimezone(own).utcoffset() == moment.astimezone(zone).utcoffset()
        moment += dt.timedelta(minutes=30)


def test_the_second_of_a_repeated_hour_is_written_in_utc() -> None:
    # London's clocks go back at 02:00 BST on 25 October 2026: 01:30 happens twice.
    second = dt.datetime(2026, 10, 25, 1, 30, fold=1, tzinfo=LONDON)
    first = second.replace(fold=0)
    data = calendar([item("one", first, minutes=30), item("two", second, minutes=30)], LONDON)
    _, events = parse(data)
    assert [e["DTSTART"].dt.astimezone(dt.UTC) for e in events] == [
        dt.datetime(2026, 10, 25, 0, 30, tzinfo=dt.UTC),
        dt.datetime(2026, 10, 25, 1, 30, tzinfo=dt.UTC),
    ]
    assert b"DTSTART;TZID=Europe/London:20261025T013000" in data
    assert b"DTSTART:20261025T013000Z" in data


def test_text_with_punctuation_newlines_and_unicode_round_trips() -> None:
    sent = item(
        "t@tend",
        dt.datetime(2026, 12, 1, 10, tzinfo=LONDON),
        summary=summary_for("Zoë  O'Brien-Ng"),
        location=TRICKY,
        description=TRICKY,
    )
    _, [event] = parse(calendar([sent], LONDON))
    assert str(event["SUMMARY"]) == "Clinical supervision with Zoë O'Brien-Ng"
    assert str(event["LOCATION"]) == TRICKY
    assert str(event["DESCRIPTION"]) == TRICKY


def test_empty_location_and_description_are_left_out() -> None:
    sent = item("e@tend", dt.datetime(2026, 12, 1, 10, tzinfo=SYDNEY), location="", description="")
    _, [event] = parse(calendar([sent], SYDNEY))
    assert "LOCATION" not in event and "DESCRIPTION" not in event


def test_an_empty_calendar_is_still_a_calendar() -> None:
    cal, events = parse(calendar([], SYDNEY))
    assert events == [] and cal["METHOD"] == "PUBLISH"


def test_default_stamp_is_now_in_utc() -> None:
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    _, [event] = parse(
        calendar([item("n@tend", dt.datetime(2026, 12, 1, 10, tzinfo=SYDNEY))], SYDNEY)
    )
    assert before <= event["DTSTAMP"].dt <= dt.datetime.now(dt.UTC)


def test_summary_is_plain_words() -> None:
    assert summary_for("Sam") == "Clinical supervision with Sam"
    assert summary_for("Sam", group=True) == "Group supervision with Sam"
    assert summary_for("  ") == "Clinical supervision"


def test_naive_times_are_a_bug() -> None:
    with pytest.raises(ValueError):
        calendar([item("x", dt.datetime(2026, 12, 1, 10))], SYDNEY)
