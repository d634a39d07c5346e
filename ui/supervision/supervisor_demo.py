"""Demo data for the Supervising screenshots: a supervisor, four supervisees, some history.

Written to a throwaway team file (the screenshots' temporary data folder) through
the real service, with clocks set back in time so past sessions are real bookings.
Names and times are made up; nothing here comes from anyone's private store.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from app.clock import FixedClock
from app.supervision.model import Modality, OfferSettings, Window, WindowKind
from app.supervision.policy import AttendanceStatus
from app.supervision.recurrence import weekly_rule
from app.supervision.service import SupervisionService
from app.team import provision
from app.team.roles import Role
from app.team.store import TeamStore

SUPERVISOR = "sam"
PEOPLE = (
    ("alex", "Alex Chen", dt.date(2025, 2, 3)),
    ("jo", "Jo Bennett", dt.date(2026, 9, 14)),
    ("kim", "Kim Nguyen", dt.date(2024, 5, 1)),
    ("priya", "Priya Shah", dt.date(2026, 6, 1)),
)
LINK = "https://meet.example.org/sam-rivera"
# (who, when they booked, the session's local start)
BOOKINGS = (
    ("alex", (2026, 10, 26), (2026, 10, 29, 9)),
    ("priya", (2026, 11, 5), (2026, 11, 10, 9)),
    ("jo", (2026, 11, 5), (2026, 11, 17, 10)),
    ("kim", (2026, 11, 5), (2026, 11, 19, 9)),
    ("jo", (2026, 11, 22), (2026, 11, 24, 10)),
    ("priya", (2026, 11, 22), (2026, 11, 26, 11)),
    ("kim", (2026, 11, 22), (2026, 12, 2, 14)),
    ("jo", (2026, 11, 22), (2026, 12, 2, 14)),
    ("priya", (2026, 11, 22), (2026, 12, 1, 9)),
)


def seed(url: str, now: dt.datetime, zone: ZoneInfo) -> str:
    """Fill the team file at ``url``; return the supervisor's login."""
    provision.init(url)
    provision.add_user(url, SUPERVISOR, [Role.SUPERVISOR], display_name="Sam Rivera")
    for login, name, started in PEOPLE:
        provision.add_user(url, login, [Role.CASEWORKER], display_name=name, started_on=started)
        provision.assign(url, login, SUPERVISOR)
    clock = FixedClock(now)
    logins = [SUPERVISOR, *(p[0] for p in PEOPLE)]
    stores = {login: TeamStore.open(url, login=login) for login in logins}
    try:
        sam = SupervisionService(stores[SUPERVISOR], clock, zone)
        sam.save_offer(OfferSettings(50, 10, 24, 42, 4, zone.key))
        day = dt.date(2026, 10, 1)
        at = dt.datetime.combine
        morning = (at(day, dt.time(9)), at(day, dt.time(12)))
        sam.add_window(
            Window("", WindowKind.WEEKLY, *morning, weekly_rule({1, 3}), Modality.VIDEO, LINK)
        )
        wednesday = dt.date(2026, 10, 7)
        afternoon = (at(wednesday, dt.time(14)), at(wednesday, dt.time(16)))
        group = Window(
            "", WindowKind.WEEKLY, *afternoon, weekly_rule({2}, interval=2),
            Modality.IN_PERSON, "Room 4, Level 2", 6,
        )  # fmt: skip
        sam.add_window(group)
        sam.add_window(
            Window("", WindowKind.LEAVE, dt.datetime(2026, 12, 21), dt.datetime(2027, 1, 5))
        )
        sam_id = stores[SUPERVISOR].me.id  # type: ignore[union-attr]
        booked = {}
        for login, on, starts in BOOKINGS:
            clock.set(dt.datetime(*on, 9, tzinfo=zone))
            service = SupervisionService(stores[login], clock, zone)
            wanted = dt.datetime(*starts, tzinfo=zone)
            slot = next(s for s in service.free_slots(sam_id) if s.start == wanted)
            booked[(login, starts)] = service.book(sam_id, slot)
        clock.set(now)
        sam.mark(booked[("jo", (2026, 11, 17, 10))].attendance_id, AttendanceStatus.HELD)
        sam.mark(booked[("kim", (2026, 11, 19, 9))].attendance_id, AttendanceStatus.MISSED)
        sam.cancel_session(
            booked[("priya", (2026, 12, 1, 9))].session_id,
            "A training day moved onto this morning. Sorry: please pick another time.",
        )
    finally:
        for store in stores.values():
            store.close()
    return SUPERVISOR
