"""Rows of the team store as supervision's plain values, and the queries that load them.

Every function takes an open ``Session`` so a caller can read fresh data inside its
own write transaction (a booking re-checks the slot there). On PostgreSQL,
row-level security decides which rows a query sees; the filters here say the same
thing, so a local SQLite file shows each person what the server would.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from sqlalchemy import Select, select
from sqlalchemy.orm import Session, aliased

from app.errors import ValidationError
from app.supervision.model import Busy, Modality, OfferSettings, Window, WindowKind, zone_named
from app.supervision.policy import AttendanceStatus, Attended, PolicyRule
from app.team import models

A, S, P = models.Attendance, models.SessionRow, models.Person
# Enough either side of a range for daily limits (counted per local day) in any zone.
DAY_MARGIN = dt.timedelta(days=2)
BookingRows = Select[models.Attendance, models.SessionRow, str, str]
# The reason a reschedule gives the booking it lets go (people on older Tend versions
# read it as it is); with the time it was let go, it leads to the booking that replaced it.
MOVED_REASON = "Moved to another time"
MAX_MOVES = 20  # a chain of reschedules is followed this far, at most


@dataclass(frozen=True)
class Move:
    """The booking that took a rescheduled one's place (the last, if moved again)."""

    attendance_id: str
    start: dt.datetime  # aware UTC


@dataclass(frozen=True)
class Booking:
    """One person's place in one session, as both sides see it."""

    attendance_id: str
    session_id: str
    supervisor_id: str
    supervisor_name: str
    person_id: str
    person_name: str
    start: dt.datetime  # aware UTC
    end: dt.datetime  # aware UTC
    modality: Modality
    location: str
    status: AttendanceStatus
    reason: str | None
    group: bool  # capacity > 1
    # Rescheduled: where it went, when that booking can be seen (see ``replacements``).
    moved_to: Move | None = None

    @property
    def moved(self) -> bool:
        """Let go by a reschedule (a cancellation, but not one to show as "cancelled")."""
        return self.status is AttendanceStatus.CANCELLED and self.reason == MOVED_REASON


@dataclass(frozen=True)
class Offer:
    """Everything needed to work out a supervisor's free slots."""

    settings: OfferSettings
    zone: ZoneInfo
    windows: list[Window]
    busy: list[Busy]


def settings_of(s: Session, supervisor_id: str) -> models.SupervisorSettings | None:
    return s.get(models.SupervisorSettings, supervisor_id)


def offer_settings(row: models.SupervisorSettings | None) -> OfferSettings:
    if row is None:
        return OfferSettings()
    return OfferSettings(
        session_minutes=row.session_minutes,
        buffer_minutes=row.buffer_minutes,
        min_notice_hours=row.min_notice_hours,
        horizon_days=row.horizon_days,
        daily_max=row.daily_max,
        tz=row.tz,
    )


def zone_of(settings: OfferSettings, fallback: ZoneInfo) -> ZoneInfo:
    """The supervisor's zone; a zone this Tend doesn't know falls back rather than fails."""
    if not settings.tz:
        return fallback
    try:
        return zone_named(settings.tz)
    except ValidationError:
        return fallback


def window(row: models.Availability) -> Window:
    return Window(
        id=row.id,
        kind=WindowKind(row.kind),
        start=row.starts_local,
        end=row.ends_local,
        rrule=row.rrule,
        modality=Modality(row.modality),
        location=row.location,
        capacity=row.capacity,
    )


def windows_of(s: Session, supervisor_id: str) -> list[Window]:
    rows = s.scalars(
        select(models.Availability)
        .where(models.Availability.supervisor_id == supervisor_id)
        .order_by(models.Availability.starts_local, models.Availability.id)
    )
    return [window(r) for r in rows]


def busy_of(s: Session, supervisor_id: str, since: dt.datetime, until: dt.datetime) -> list[Busy]:
    rows = s.scalars(
        select(S).where(
            S.supervisor_id == supervisor_id,
            S.status == "open",
            S.starts_at < until,
            S.blocked_until > since,
        )
    )
    return [Busy(r.id, r.starts_at, r.blocked_until, r.capacity, r.seats_taken) for r in rows]


def load_offer(
    s: Session, supervisor_id: str, fallback: ZoneInfo, since: dt.datetime, until: dt.datetime
) -> Offer:
    settings = offer_settings(settings_of(s, supervisor_id))
    return Offer(
        settings,
        zone_of(settings, fallback),
        windows_of(s, supervisor_id),
        busy_of(s, supervisor_id, since - DAY_MARGIN, until + DAY_MARGIN),
    )


def is_assigned(s: Session, supervisee_id: str, supervisor_id: str) -> bool:
    return s.get(models.Assignment, (supervisee_id, supervisor_id)) is not None


def policy_rules(s: Session) -> list[PolicyRule]:
    rows = s.execute(
        select(models.PolicyRuleRow.from_month, models.PolicyRuleRow.every_days).order_by(
            models.PolicyRuleRow.from_month
        )
    )
    return [PolicyRule(int(m), int(d)) for m, d in rows]


def history(
    s: Session, person_ids: Iterable[str], supervisor_id: str | None = None
) -> dict[str, list[Attended]]:
    """Each person's attendances as policy sees them (optionally with one supervisor)."""
    ids = list(person_ids)
    query = select(A.person_id, S.starts_at, S.ends_at, A.status).join(S, S.id == A.session_id)
    query = query.where(A.person_id.in_(ids))
    if supervisor_id is not None:
        query = query.where(S.supervisor_id == supervisor_id)
    found: dict[str, list[Attended]] = {i: [] for i in ids}
    for person_id, start, end, status in s.execute(query):
        found[person_id].append(Attended(start, end, AttendanceStatus(status)))
    return found


def bookings_query() -> BookingRows:
    sup, who = aliased(P), aliased(P)
    return (
        select(A, S, sup.display_name, who.display_name)
        .join(S, S.id == A.session_id)
        .join(sup, sup.id == S.supervisor_id)
        .join(who, who.id == A.person_id)
        .order_by(S.starts_at, who.display_name, A.booked_at)
    )


def bookings(s: Session, query: BookingRows, supervisor_id: str | None = None) -> list[Booking]:
    """The bookings ``query`` finds, each moved one with where it went (only to sessions
    of ``supervisor_id`` when given: what a supervisor may see)."""
    found = list(s.execute(query))
    moves = replacements(s, [a for a, *_ in found], supervisor_id)
    return [booking(a, r, sup, who, moves.get(a.id)) for a, r, sup, who in found]


def _was_moved(a: models.Attendance) -> bool:
    return a.status == AttendanceStatus.CANCELLED and a.reason == MOVED_REASON


def replacements(
    s: Session, attendances: Iterable[models.Attendance], supervisor_id: str | None = None
) -> dict[str, Move]:
    """Where each rescheduled attendance went, by attendance id.

    A reschedule lets the old booking go and books the new one in one transaction, at
    one moment: the new booking is the same person's, booked at the very moment the old
    one was let go (``updated_at``), and it is the only one. A supervisor sees only
    their own sessions (``supervisor_id``; row-level security says the same on
    PostgreSQL), so a move to someone else's isn't found. A booking moved again is
    followed to the last one.
    """
    direct: dict[str, Move] = {}
    todo = [a for a in attendances if _was_moved(a)]
    for _ in range(MAX_MOVES):
        todo = [a for a in todo if a.id not in direct]
        if not todo:
            break
        query = (
            select(A, S.starts_at)
            .join(S, S.id == A.session_id)
            .where(
                A.person_id.in_({a.person_id for a in todo}),
                A.booked_at.in_({a.updated_at for a in todo}),
            )
        )
        if supervisor_id is not None:
            query = query.where(S.supervisor_id == supervisor_id)
        candidates = list(s.execute(query))
        after: list[models.Attendance] = []
        for old in todo:
            match = [
                (new, start)
                for new, start in candidates
                if new.person_id == old.person_id
                and new.booked_at == old.updated_at
                and new.id != old.id
            ]
            if len(match) == 1:
                new, start = match[0]
                direct[old.id] = Move(new.id, start)
                if _was_moved(new):
                    after.append(new)
        todo = after
    found: dict[str, Move] = {}
    for first, move in direct.items():
        seen = {first}
        while move.attendance_id in direct and move.attendance_id not in seen:
            seen.add(move.attendance_id)
            move = direct[move.attendance_id]
        found[first] = move
    return found


def booking(
    a: models.Attendance,
    r: models.SessionRow,
    supervisor_name: str,
    person_name: str,
    moved_to: Move | None = None,
) -> Booking:
    return Booking(
        attendance_id=a.id,
        session_id=r.id,
        supervisor_id=r.supervisor_id,
        supervisor_name=supervisor_name,
        person_id=a.person_id,
        person_name=person_name,
        start=r.starts_at,
        end=r.ends_at,
        modality=Modality(r.modality),
        location=r.location,
        status=AttendanceStatus(a.status),
        reason=a.reason,
        group=r.capacity > 1,
        moved_to=moved_to,
    )


def attendance_with_session(
    s: Session, attendance_id: str
) -> tuple[models.Attendance, models.SessionRow] | None:
    row = s.execute(select(A, S).join(S, S.id == A.session_id).where(A.id == attendance_id)).first()
    return None if row is None else (row[0], row[1])
