"""A rescheduled booking knows where it went: both sides see "moved", and to when.

Runs on SQLite and on a real PostgreSQL, where row-level security decides what each
person can see of the booking that replaced another.
"""

from __future__ import annotations

import datetime as dt

from app.supervision.model import Slot
from app.supervision.policy import AttendanceStatus
from app.supervision.service import MOVED_REASON, Booking, Move
from app.team.roles import Role
from tests.team.world import World, local, weekly


def at(slots: list[Slot], moment: dt.datetime) -> Slot:
    return next(s for s in slots if s.start == moment)


def by_id(bookings: list[Booking]) -> dict[str, Booking]:
    return {b.attendance_id: b for b in bookings}


def test_a_reschedule_says_where_the_booking_went(world: World) -> None:
    alex, sam, sam_id = world.service("alex"), world.service("sam"), world.ids["sam"]
    slots = alex.free_slots(sam_id)
    old = alex.book(sam_id, at(slots, local(2026, 11, 24, 10)))
    world.clock.advance(minutes=5)
    new = alex.reschedule(old.attendance_id, sam_id, at(slots, local(2026, 12, 1, 10)))

    mine = by_id(alex.my_bookings())
    assert mine[old.attendance_id].status is AttendanceStatus.CANCELLED
    assert mine[old.attendance_id].moved
    assert mine[old.attendance_id].reason == MOVED_REASON
    assert mine[old.attendance_id].moved_to == Move(new.attendance_id, local(2026, 12, 1, 10))
    assert not mine[new.attendance_id].moved and mine[new.attendance_id].moved_to is None
    # The supervisor sees the same, through their own rows.
    theirs = by_id(sam.sessions_between(local(2026, 11, 23, 0), local(2026, 12, 31, 0)))
    assert theirs[old.attendance_id].moved_to == Move(new.attendance_id, new.start)


def test_moved_twice_points_to_the_latest_time(world: World) -> None:
    alex, sam_id = world.service("alex"), world.ids["sam"]
    slots = alex.free_slots(sam_id)
    first = alex.book(sam_id, at(slots, local(2026, 11, 24, 10)))
    world.clock.advance(minutes=1)
    second = alex.reschedule(first.attendance_id, sam_id, at(slots, local(2026, 11, 26, 10)))
    world.clock.advance(minutes=1)
    third = alex.reschedule(second.attendance_id, sam_id, at(slots, local(2026, 12, 3, 11, 15)))

    mine = by_id(alex.my_bookings())
    latest = Move(third.attendance_id, local(2026, 12, 3, 11, 15))
    assert mine[first.attendance_id].moved_to == latest
    assert mine[second.attendance_id].moved_to == latest
    assert mine[third.attendance_id].status is AttendanceStatus.BOOKED


def test_cancelling_and_booking_again_is_not_a_move(world: World) -> None:
    """Even at the same moment (the test clock stands still): only a reschedule moves."""
    alex, sam_id = world.service("alex"), world.ids["sam"]
    slots = alex.free_slots(sam_id)
    old = alex.book(sam_id, at(slots, local(2026, 11, 24, 10)))
    alex.cancel(old.attendance_id)
    alex.book(sam_id, at(slots, local(2026, 11, 26, 10)))
    gone = by_id(alex.my_bookings())[old.attendance_id]
    assert gone.status is AttendanceStatus.CANCELLED
    assert not gone.moved and gone.moved_to is None


def test_a_supervisor_cancelling_is_not_a_move(world: World) -> None:
    alex, sam, sam_id = world.service("alex"), world.service("sam"), world.ids["sam"]
    booked = alex.book(sam_id, at(alex.free_slots(sam_id), local(2026, 11, 24, 10)))
    sam.cancel_session(booked.session_id, "Unwell today, sorry")
    [gone] = alex.my_bookings()
    assert gone.reason == "Unwell today, sorry" and not gone.moved and gone.moved_to is None


def test_an_unclear_match_claims_no_time(world: World) -> None:
    """Two bookings made at the moment of the move: Tend can't tell which replaced it."""
    alex, sam_id = world.service("alex"), world.ids["sam"]
    slots = alex.free_slots(sam_id)
    alex.book(sam_id, at(slots, local(2026, 11, 24, 10)))
    old = alex.book(sam_id, at(slots, local(2026, 11, 26, 10)))
    alex.reschedule(old.attendance_id, sam_id, at(slots, local(2026, 12, 1, 10)))
    gone = by_id(alex.my_bookings())[old.attendance_id]
    assert gone.moved and gone.moved_to is None


def test_a_move_to_another_supervisor_stays_theirs(world: World) -> None:
    """Moved to Robin: Alex sees the new time; Sam sees that it moved, not where to."""
    world.add("robin", Role.SUPERVISOR, display="Robin")
    world.assign("alex", "robin")
    robin = world.service("robin")
    robin.add_window(weekly())
    alex, sam = world.service("alex"), world.service("sam")
    sam_id, robin_id = world.ids["sam"], world.ids["robin"]
    old = alex.book(sam_id, at(alex.free_slots(sam_id), local(2026, 11, 24, 10)))
    world.clock.advance(minutes=1)
    target = at(alex.free_slots(robin_id), local(2026, 11, 26, 11, 15))
    new = alex.reschedule(old.attendance_id, robin_id, target)

    assert by_id(alex.my_bookings())[old.attendance_id].moved_to == Move(
        new.attendance_id, target.start
    )
    seen_by_sam = by_id(sam.sessions_between(local(2026, 11, 23, 0), local(2026, 12, 31, 0)))
    assert seen_by_sam[old.attendance_id].moved
    assert new.attendance_id not in seen_by_sam
    assert seen_by_sam[old.attendance_id].moved_to is None  # Robin's session isn't Sam's
