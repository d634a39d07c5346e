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


def bookings(s: Session, query: BookingRows) -> list[Booking]:
    return [booking(a, r, sup, who) for a, r, sup, who in s.execute(query)]


def booking(
    a: models.Attendance, r: models.SessionRow, supervisor_name: str, person_name: str
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
    )


def attendance_with_session(
    s: Session, attendance_id: str
) -> tuple[models.Attendance, models.SessionRow] | None:
    row = s.execute(select(A, S).join(S, S.id == A.session_id).where(A.id == attendance_id)).first()
    return None if row is None else (row[0], row[1])
