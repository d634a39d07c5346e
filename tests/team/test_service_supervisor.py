"""A supervisor's side of supervision: the offer, windows, sessions, marking, standing,
and calendar files. On SQLite and on a real PostgreSQL (each person as their own login)."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from app.errors import NotAllowed, ValidationError
from app.supervision.model import Modality, OfferSettings, Window, WindowKind
from app.supervision.policy import AttendanceStatus
from app.supervision.service import SupervisionService
from app.team.roles import Role
from tests.team.world import SYDNEY, World, local, standard, weekly


def move_to(world: World, moment: dt.datetime) -> None:
    world.clock.set(moment.astimezone(SYDNEY))


def book(service: SupervisionService, world: World, moment: dt.datetime) -> str:
    slot = next(s for s in service.free_slots(world.ids["sam"]) if s.start == moment)
    return service.book(world.ids["sam"], slot).attendance_id


def test_the_offer_round_trips_and_is_checked(world: World) -> None:
    sam = world.service("sam")
    assert sam.offer() == OfferSettings(tz="Australia/Sydney")
    sam.save_offer(OfferSettings(session_minutes=50, buffer_minutes=10, daily_max=2))
    # "" (this computer's zone) is stored as the zone's name, for people elsewhere.
    assert sam.offer() == OfferSettings(50, 10, 24, 42, 2, "Australia/Sydney")
    for bad in (OfferSettings(session_minutes=5), OfferSettings(tz="Mars/Olympus")):
        with pytest.raises(ValidationError):
            sam.save_offer(bad)
    with pytest.raises(NotAllowed):
        world.service("alex").save_offer(OfferSettings())
    with pytest.raises(NotAllowed):
        world.service("alex").offer()


def test_windows_add_list_remove(world: World) -> None:
    sam = world.service("sam")
    (weekly_window,) = sam.windows()
    assert weekly_window.rrule == "FREQ=WEEKLY;BYDAY=TU,TH" and weekly_window.id
    extra = sam.add_window(
        Window(
            "",
            WindowKind.EXTRA,
            dt.datetime(2026, 11, 30, 14),
            dt.datetime(2026, 11, 30, 15),
            modality=Modality.PHONE,
            location="0400 000 000",
        )
    )
    assert extra.id and extra in sam.windows()
    alex = world.service("alex")
    phone = [s for s in alex.free_slots(world.ids["sam"]) if s.modality is Modality.PHONE]
    assert [s.start for s in phone] == [local(2026, 11, 30, 14)]
    sam.remove_window(extra.id)
    assert sam.windows() == [weekly_window]
    with pytest.raises(ValidationError):  # not a sane weekly rule
        sam.add_window(Window("", WindowKind.WEEKLY, weekly().start, weekly().end, "FREQ=DAILY"))
    with pytest.raises(NotAllowed):
        alex.add_window(weekly())
    with pytest.raises(NotAllowed):
        alex.windows()


def test_leave_removes_slots(world: World) -> None:
    sam = world.service("sam")
    sam.add_window(
        Window("", WindowKind.LEAVE, dt.datetime(2026, 11, 30), dt.datetime(2026, 12, 7))
    )
    starts = [s.start for s in world.service("alex").free_slots(world.ids["sam"])]
    assert local(2026, 11, 26, 10) in starts and local(2026, 12, 8, 10) in starts
    assert not [s for s in starts if local(2026, 11, 30, 0) <= s < local(2026, 12, 7, 0)]


def test_sessions_between_shows_who_and_when(world: World) -> None:
    alex, blair, sam = world.service("alex"), world.service("blair"), world.service("sam")
    book(alex, world, local(2026, 11, 24, 10))
    book(blair, world, local(2026, 11, 26, 11, 15))
    book(blair, world, local(2026, 12, 10, 10))
    found = sam.sessions_between(local(2026, 11, 23, 0), local(2026, 12, 1, 0))
    assert [(b.person_name, b.start) for b in found] == [
        ("Alex", local(2026, 11, 24, 10)),
        ("Blair", local(2026, 11, 26, 11, 15)),
    ]
    assert all(b.supervisor_name == "Sam Supervisor" for b in found)
    with pytest.raises(NotAllowed):
        alex.sessions_between(local(2026, 11, 23, 0), local(2026, 12, 1, 0))


def test_cancel_session_tells_everyone_why(team_url: str, role_prefix: str) -> None:
    world = standard(team_url, role_prefix, capacity=3)
    try:
        world.add("kim", Role.SUPERVISOR, display="Kim")
        alex, blair, sam = world.service("alex"), world.service("blair"), world.service("sam")
        book(alex, world, local(2026, 11, 24, 10))
        book(blair, world, local(2026, 11, 24, 10))
        (session_id,) = {b.session_id for b in alex.my_bookings()}
        for bad in ("   ", "x" * 501):
            with pytest.raises(ValidationError):
                sam.cancel_session(session_id, bad)
        with pytest.raises(ValidationError):  # not Kim's session
            world.service("kim").cancel_session(session_id, "Unwell")
        with pytest.raises(NotAllowed):
            alex.cancel_session(session_id, "Unwell")
        # Inside the caseworkers' notice: a supervisor may still cancel.
        move_to(world, local(2026, 11, 24, 9))
        sam.cancel_session(session_id, "I'm unwell today, sorry.")
        for person in (alex, blair):
            (mine,) = person.my_bookings()
            assert mine.status is AttendanceStatus.CANCELLED
            assert mine.reason == "I'm unwell today, sorry."
        assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 0
        move_to(world, local(2026, 11, 22, 9))
        assert local(2026, 11, 24, 10) in [s.start for s in alex.free_slots(world.ids["sam"])]
    finally:
        world.close()


def test_mark_held_or_missed_only_once_started(world: World) -> None:
    alex, sam = world.service("alex"), world.service("sam")
    attendance = book(alex, world, local(2026, 11, 24, 10))
    with pytest.raises(NotAllowed):
        sam.mark(attendance, AttendanceStatus.HELD)
    move_to(world, local(2026, 11, 24, 10))
    with pytest.raises(ValidationError):
        sam.mark(attendance, AttendanceStatus.CANCELLED)
    sam.mark(attendance, AttendanceStatus.HELD)
    assert alex.my_bookings()[0].status is AttendanceStatus.HELD
    sam.mark(attendance, AttendanceStatus.MISSED)  # a slip of the finger can be put right
    assert alex.my_bookings()[0].status is AttendanceStatus.MISSED
    with pytest.raises(NotAllowed):
        alex.mark(attendance, AttendanceStatus.HELD)
    world.add("kim", Role.SUPERVISOR, display="Kim")
    with pytest.raises(ValidationError):
        world.service("kim").mark(attendance, AttendanceStatus.HELD)


def test_standing_and_the_overdue_list(world: World) -> None:
    """Alex (in the first six months: weekly) and Blair (fortnightly) have held
    sessions; Blair's missed one doesn't count; Dana has one booked ahead."""
    world.add("dana", Role.CASEWORKER, display="Dana", started_on=dt.date(2020, 5, 1))
    world.assign("dana", "sam")
    alex, blair, dana, sam = (world.service(n) for n in ("alex", "blair", "dana", "sam"))
    a1 = book(alex, world, local(2026, 11, 24, 10))
    b1 = book(blair, world, local(2026, 11, 24, 11, 15))
    b2 = book(blair, world, local(2026, 12, 1, 10))
    move_to(world, local(2026, 12, 1, 12))
    sam.mark(a1, AttendanceStatus.HELD)
    sam.mark(b1, AttendanceStatus.HELD)
    sam.mark(b2, AttendanceStatus.MISSED)
    book(dana, world, local(2026, 12, 22, 10))
    move_to(world, local(2026, 12, 18, 9))

    mine = alex.my_standing()
    assert (mine.last_held, mine.every_days, mine.due_by) == (
        dt.date(2026, 11, 24),
        7,
        dt.date(2026, 12, 1),
    )
    assert mine.overdue and mine.days_overdue == 17 and mine.next_booked is None
    listed = sam.supervisees()
    assert [(p.display_name, s.overdue, s.days_overdue) for p, s in listed] == [
        ("Alex", True, 17),
        ("Blair", True, 10),  # held 24 Nov, due 8 Dec; the missed 1 Dec doesn't count
        ("Dana", False, 0),
    ]
    assert listed[0][1] == mine
    assert listed[2][1].next_booked == local(2026, 12, 22, 10)
    with pytest.raises(NotAllowed):
        alex.supervisees()


def test_calendar_of_one_and_of_all_bookings(world: World) -> None:
    alex = world.service("alex")
    book(alex, world, local(2026, 11, 24, 10))
    second = book(alex, world, local(2026, 12, 3, 11, 15))
    alex.cancel(second)
    bookings = alex.my_bookings()

    one = Calendar.from_ical(alex.calendar_for(bookings[:1]))
    (event,) = one.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Clinical supervision with Sam Supervisor"
    assert str(event["LOCATION"]) == "https://meet.example/sam"
    assert str(event["DESCRIPTION"]) == "Video call"
    start = event.decoded("DTSTART")
    assert start == local(2026, 11, 24, 10) and start.tzinfo is not None
    assert (start.astimezone(SYDNEY).hour, str(event["DTSTART"].params["TZID"])) == (
        10,
        "Australia/Sydney",
    )
    assert event.decoded("DTEND") - start == dt.timedelta(hours=1)
    assert str(event["UID"]) == f"{bookings[0].attendance_id}@tend"
    assert [str(tz["TZID"]) for tz in one.walk("VTIMEZONE")] == ["Australia/Sydney"]

    every = Calendar.from_ical(alex.calendar_for(bookings))
    events = every.walk("VEVENT")
    assert [str(e["STATUS"]) for e in events] == ["CONFIRMED", "CANCELLED"]
    assert events[1].decoded("DTSTART") == local(2026, 12, 3, 11, 15)
    # The supervisor's copy names the caseworker instead.
    sam_view = world.service("sam").sessions_between(local(2026, 11, 1, 0), local(2027, 1, 1, 0))
    theirs = Calendar.from_ical(world.service("sam").calendar_for(sam_view[:1]))
    assert str(theirs.walk("VEVENT")[0]["SUMMARY"]) == "Clinical supervision with Alex"
