"""A caseworker's side of supervision: free slots, booking, cancelling, rescheduling.

Every test runs on SQLite and on a real PostgreSQL, where each person connects as
their own login role (so row-level security is in play).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from app.errors import NotAllowed, SlotTaken, ValidationError
from app.supervision.model import Modality, OfferSettings, Slot
from app.supervision.policy import AttendanceStatus
from app.team.roles import Role
from tests.team.world import World, local, standard

TAKEN = "That time was just taken. Please choose another."


def at(slots: list[Slot], moment: dt.datetime) -> Slot:
    return next(s for s in slots if s.start == moment)


def test_free_slots_follow_the_offer(world: World) -> None:
    alex = world.service("alex")
    slots = alex.free_slots(world.ids["sam"])
    # Tuesdays and Thursdays from 24 November up to the 42-day horizon (3 January, 09:00).
    days = [24, 26], [1, 3, 8, 10, 15, 17, 22, 24, 29, 31]
    expected = [local(2026, 11, d, h, m) for d in days[0] for h, m in ((10, 0), (11, 15))]
    expected += [local(2026, 12, d, h, m) for d in days[1] for h, m in ((10, 0), (11, 15))]
    assert [s.start for s in slots] == expected
    first = slots[0]
    assert first.end - first.start == dt.timedelta(minutes=60)
    assert (first.modality, first.location) == (Modality.VIDEO, "https://meet.example/sam")
    assert (first.capacity, first.seats_left, first.session_id) == (1, 1, None)
    # A window's bounds narrow it down.
    narrow = alex.free_slots(world.ids["sam"], local(2026, 12, 1, 0), local(2026, 12, 2, 0))
    assert [s.start for s in narrow] == [local(2026, 12, 1, 10), local(2026, 12, 1, 11, 15)]


def test_booking_takes_the_slot_for_everyone(world: World) -> None:
    alex, blair = world.service("alex"), world.service("blair")
    sam_id = world.ids["sam"]
    slot = at(alex.free_slots(sam_id), local(2026, 11, 24, 10))
    booked = alex.book(sam_id, slot)
    assert booked.person_id == world.ids["alex"] and booked.person_name == "Alex"
    assert (booked.supervisor_id, booked.supervisor_name) == (sam_id, "Sam Supervisor")
    assert (booked.start, booked.end) == (slot.start, slot.end)
    assert booked.status is AttendanceStatus.BOOKED and booked.reason is None
    assert not booked.group and booked.modality is Modality.VIDEO
    assert alex.my_bookings() == [booked]
    assert blair.my_bookings() == []
    # Gone for Blair, and a stale copy of the slot is refused kindly.
    assert slot.start not in [s.start for s in blair.free_slots(sam_id)]
    with pytest.raises(SlotTaken) as taken:
        blair.book(sam_id, slot)
    assert str(taken.value) == TAKEN
    # The buffer after it still leaves the 11:15 slot.
    assert local(2026, 11, 24, 11, 15) in [s.start for s in blair.free_slots(sam_id)]
    assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 1
    assert world.count("SELECT seats_taken FROM sessions") == 1


def test_only_assigned_caseworkers_may_book(world: World) -> None:
    sam_id = world.ids["sam"]
    slot = world.service("alex").free_slots(sam_id)[0]
    chris = world.service("chris")
    assert chris.my_supervisors() == []
    with pytest.raises(NotAllowed):
        chris.free_slots(sam_id)
    with pytest.raises(NotAllowed):
        chris.book(sam_id, slot)
    with pytest.raises(NotAllowed):  # a supervisor without the caseworker role
        world.service("sam").book(sam_id, slot)
    assert world.count("SELECT count(*) FROM sessions") == 0


def test_my_supervisors(world: World) -> None:
    assert [p.id for p in world.service("alex").my_supervisors()] == [world.ids["sam"]]


def test_notice_and_horizon_are_checked_when_booking(world: World) -> None:
    alex, sam_id = world.service("alex"), world.ids["sam"]
    slots = alex.free_slots(sam_id)
    tuesday = at(slots, local(2026, 11, 24, 10))
    world.clock.set(local(2026, 11, 23, 11).astimezone(world.clock.now().tzinfo))
    # 23 hours ahead is inside the 24-hour notice.
    assert tuesday.start not in [s.start for s in alex.free_slots(sam_id)]
    with pytest.raises(SlotTaken):
        alex.book(sam_id, tuesday)
    beyond = dataclasses.replace(
        tuesday, start=local(2027, 1, 5, 10), end=local(2027, 1, 5, 11)
    )  # a Tuesday past the 42 days
    with pytest.raises(SlotTaken):
        alex.book(sam_id, beyond)
    assert world.count("SELECT count(*) FROM sessions") == 0


def test_daily_max(team_url: str, role_prefix: str) -> None:
    world = standard(
        team_url, role_prefix, settings=OfferSettings(daily_max=1, tz="Australia/Sydney")
    )
    try:
        alex, blair, sam_id = world.service("alex"), world.service("blair"), world.ids["sam"]
        slots = alex.free_slots(sam_id)
        alex.book(sam_id, at(slots, local(2026, 11, 24, 10)))
        later = at(slots, local(2026, 11, 24, 11, 15))
        starts = [s.start for s in blair.free_slots(sam_id)]
        assert later.start not in starts and local(2026, 11, 26, 10) in starts
        with pytest.raises(SlotTaken):
            blair.book(sam_id, later)
    finally:
        world.close()


def test_cancel_frees_the_time(world: World) -> None:
    alex, blair, sam_id = world.service("alex"), world.service("blair"), world.ids["sam"]
    slot = alex.free_slots(sam_id)[0]
    booked = alex.book(sam_id, slot)
    with pytest.raises(ValidationError):  # not Blair's to cancel
        blair.cancel(booked.attendance_id)
    alex.cancel(booked.attendance_id, "  Clashes with   court  ")
    (mine,) = alex.my_bookings()
    assert mine.status is AttendanceStatus.CANCELLED and mine.reason == "Clashes with court"
    assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 0
    alex.cancel(booked.attendance_id)  # twice is harmless
    again = blair.book(sam_id, slot)
    assert again.start == slot.start
    with pytest.raises(ValidationError):
        alex.cancel(again.attendance_id, "x" * 501)


def test_cancel_inside_the_notice_is_refused_kindly(world: World) -> None:
    alex, sam_id = world.service("alex"), world.ids["sam"]
    booked = alex.book(sam_id, at(alex.free_slots(sam_id), local(2026, 11, 26, 10)))
    world.clock.set(local(2026, 11, 25, 10, 30).astimezone(world.clock.now().tzinfo))
    with pytest.raises(NotAllowed) as refused:
        alex.cancel(booked.attendance_id)
    assert "let your supervisor know" in str(refused.value)
    assert alex.my_bookings()[0].status is AttendanceStatus.BOOKED
    # Exactly at the notice boundary it is still allowed.
    world.clock.set(local(2026, 11, 25, 10).astimezone(world.clock.now().tzinfo))
    alex.cancel(booked.attendance_id)
    assert alex.my_bookings()[0].status is AttendanceStatus.CANCELLED


def test_reschedule_moves_the_booking(world: World) -> None:
    alex, sam_id = world.service("alex"), world.ids["sam"]
    slots = alex.free_slots(sam_id)
    old = alex.book(sam_id, at(slots, local(2026, 11, 24, 10)))
    new = alex.reschedule(old.attendance_id, sam_id, at(slots, local(2026, 11, 26, 11, 15)))
    assert new.start == local(2026, 11, 26, 11, 15) and new.status is AttendanceStatus.BOOKED
    statuses = {b.attendance_id: b.status for b in alex.my_bookings()}
    assert statuses == {old.attendance_id: "cancelled", new.attendance_id: "booked"}
    assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 1
    # The old time is free again.
    assert old.start in [s.start for s in world.service("blair").free_slots(sam_id)]


def test_reschedule_to_an_overlapping_time(team_url: str, role_prefix: str) -> None:
    """The new time overlaps the old session: the old one is freed first, in the same
    transaction, so moving by half an hour works."""
    settings = OfferSettings(session_minutes=60, buffer_minutes=0, tz="Australia/Sydney")
    world = standard(team_url, role_prefix, settings=settings)
    try:
        alex, sam_id = world.service("alex"), world.ids["sam"]
        old = alex.book(sam_id, at(alex.free_slots(sam_id), local(2026, 11, 24, 10)))
        world.service("sam").save_offer(dataclasses.replace(settings, session_minutes=30))
        # 10:30 overlaps the booked 10:00-11:00, so it is only free once that is let go.
        half_past = local(2026, 11, 24, 10, 30)
        assert half_past not in [s.start for s in alex.free_slots(sam_id)]
        slot = Slot(
            half_past,
            half_past + dt.timedelta(minutes=30),
            Modality.VIDEO,
            "https://meet.example/sam",
            1,
            1,
            None,
        )
        moved = alex.reschedule(old.attendance_id, sam_id, slot)
        assert (moved.start, moved.end) == (slot.start, slot.end)
        assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 1
    finally:
        world.close()


def test_reschedule_is_all_or_nothing(world: World) -> None:
    alex, blair, sam_id = world.service("alex"), world.service("blair"), world.ids["sam"]
    slots = alex.free_slots(sam_id)
    mine = alex.book(sam_id, at(slots, local(2026, 11, 24, 10)))
    target = at(slots, local(2026, 11, 26, 10))
    blair.book(sam_id, target)
    with pytest.raises(SlotTaken):
        alex.reschedule(mine.attendance_id, sam_id, target)
    (still,) = alex.my_bookings()
    assert still.attendance_id == mine.attendance_id and still.status is AttendanceStatus.BOOKED
    assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 2
    # Inside the notice, neither half happens either.
    world.clock.set(local(2026, 11, 23, 12).astimezone(world.clock.now().tzinfo))
    later = at(alex.free_slots(sam_id), local(2026, 12, 1, 10))
    with pytest.raises(NotAllowed):
        alex.reschedule(mine.attendance_id, sam_id, later)
    assert [b.status for b in alex.my_bookings()] == [AttendanceStatus.BOOKED]


def test_group_sessions_fill_seat_by_seat(team_url: str, role_prefix: str) -> None:
    world = standard(team_url, role_prefix, capacity=2)
    try:
        world.add("dana", Role.CASEWORKER, display="Dana")
        world.assign("dana", "sam")
        alex, blair, dana = (world.service(n) for n in ("alex", "blair", "dana"))
        sam_id, when = world.ids["sam"], local(2026, 11, 24, 10)
        first = alex.book(sam_id, at(alex.free_slots(sam_id), when))
        assert first.group
        seat = at(blair.free_slots(sam_id), when)
        assert (seat.session_id, seat.capacity, seat.seats_left) == (first.session_id, 2, 1)
        with pytest.raises(ValidationError):  # already on it
            alex.book(sam_id, seat)
        second = blair.book(sam_id, seat)
        assert second.session_id == first.session_id
        assert world.count("SELECT seats_taken FROM sessions") == 2
        # Full: Dana isn't offered it, and a stale copy is refused.
        assert when not in [s.start for s in dana.free_slots(sam_id)]
        with pytest.raises(SlotTaken):
            dana.book(sam_id, seat)
        # Leaving frees one seat; the session stays until the last one leaves.
        alex.cancel(first.attendance_id)
        assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 1
        third = dana.book(sam_id, at(dana.free_slots(sam_id), when))
        assert third.session_id == first.session_id
        blair.cancel(second.attendance_id)
        dana.cancel(third.attendance_id)
        assert world.count("SELECT count(*) FROM sessions WHERE status = 'open'") == 0
        assert world.count("SELECT seats_taken FROM sessions") == 0
    finally:
        world.close()
