"""Booking and cancelling inside one team-store transaction.

A booking re-checks its slot with data read inside the write transaction, then
inserts the session (or joins an open group session) and the attendance. The
database has the last word: PostgreSQL's exclusion constraint, and SQLite's
triggers under the write lock, refuse a second open session over the same time;
that refusal becomes ``SlotTaken`` for whoever lost. Seats are counted by the
database too: a new session starts with none taken, and inserting an attendance
takes one (or is refused when the session is full or cancelled); cancelling one
gives it back, and the last one given back cancels the session. Caseworkers never
update a session themselves (see migrations/team/rls_0001.py).
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from zoneinfo import ZoneInfo

from sqlalchemy import select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.errors import NotAllowed, SlotTaken, ValidationError
from app.supervision import service_rows as rows
from app.supervision.model import Slot
from app.supervision.policy import AttendanceStatus
from app.supervision.slots import slot_fits
from app.team import models
from app.team.store import Person

log = logging.getLogger(__name__)

TAKEN = "That time was just taken. Please choose another."
NOT_FOUND = "Tend couldn't find that booking. It may have changed: please look again."
TOO_LATE = (
    "This session starts soon, so it can't be cancelled here. "
    "Please let your supervisor know directly."
)
NOT_ASSIGNED = "You can book with the supervisors assigned to you."
NO_ROLE = "Your team role doesn't include that. Your administrator can add it."
ALREADY = "You're already booked for that time."
MAX_REASON = 500

# SQLSTATEs that mean "someone else got there first".
_CONFLICT_STATES = frozenset({"23P01", "40001", "40P01"})
_LIVE_INDEX = "uq_attendances_live"


def is_conflict(exc: DBAPIError) -> bool:
    """Did the database refuse this because the time or seat was taken?"""
    orig = exc.orig
    state = getattr(orig, "sqlstate", None)
    if state in _CONFLICT_STATES:
        return True
    if state == "23505":
        diag = getattr(orig, "diag", None)
        return getattr(diag, "constraint_name", None) == _LIVE_INDEX
    text = str(orig)
    return "tend_slot_taken" in text or "attendances.session_id, attendances.person_id" in text


def is_refused(exc: DBAPIError) -> bool:
    """Did row-level security (or a missing grant) refuse this?"""
    return getattr(exc.orig, "sqlstate", None) == "42501"


def clean_reason(reason: str | None, *, required: bool) -> str | None:
    words = " ".join((reason or "").split())
    if not words:
        if required:
            raise ValidationError("Please give a short reason, so people know why.")
        return None
    if len(words) > MAX_REASON:
        raise ValidationError("Please keep the reason to 500 characters.")
    return words


def book_in(
    s: Session,
    me: Person,
    supervisor_id: str,
    slot: Slot,
    now: dt.datetime,
    fallback: ZoneInfo,
) -> rows.Booking:
    """Book ``slot`` for ``me`` in the open transaction ``s``; SlotTaken if it's gone."""
    if not rows.is_assigned(s, me.id, supervisor_id):
        raise NotAllowed(NOT_ASSIGNED)
    _queue(s, supervisor_id)
    start = slot.start.astimezone(dt.UTC)
    offer = rows.load_offer(s, supervisor_id, fallback, min(now, start), start)
    fit = slot_fits(offer.settings, offer.windows, offer.busy, now, offer.zone, start)
    if fit is None:
        raise SlotTaken(TAKEN)
    if fit.session_id is not None:
        session = s.get(models.SessionRow, fit.session_id)
        assert session is not None
        if _live(s, session.id, me.id):
            raise ValidationError(ALREADY)
    else:
        session = _new_session(s, me, supervisor_id, fit, offer.settings.buffer, now)
    attendance = models.Attendance(
        id=str(uuid.uuid4()),
        session_id=session.id,
        person_id=me.id,
        status=AttendanceStatus.BOOKED.value,
        reason=None,
        changed_by=me.id,
        booked_at=now,
        updated_at=now,
    )
    s.add(attendance)
    s.flush()  # the database takes the seat here, or refuses: SlotTaken
    s.refresh(session)
    supervisor = s.get(models.Person, supervisor_id)
    name = supervisor.display_name if supervisor is not None else ""
    return rows.booking(attendance, session, name, me.display_name)


def _queue(s: Session, supervisor_id: str) -> None:
    """On PostgreSQL, bookings with one supervisor take turns (as SQLite's write lock
    makes them): the fresh check then sees the last booking, and racing inserts don't
    deadlock each other inside the exclusion constraint. The constraint still has the
    last word. The lock ends with the transaction."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(
            text("SELECT pg_advisory_xact_lock(hashtext(:key))"),
            {"key": f"tend-booking:{supervisor_id}"},
        )


def _live(s: Session, session_id: str, person_id: str) -> bool:
    A = models.Attendance
    found = s.scalar(
        select(A.id).where(
            A.session_id == session_id, A.person_id == person_id, A.status != "cancelled"
        )
    )
    return found is not None


def _new_session(
    s: Session, me: Person, supervisor_id: str, fit: Slot, buffer: dt.timedelta, now: dt.datetime
) -> models.SessionRow:
    session = models.SessionRow(
        id=str(uuid.uuid4()),
        supervisor_id=supervisor_id,
        starts_at=fit.start,
        ends_at=fit.end,
        blocked_until=fit.end + buffer,
        capacity=fit.capacity,
        seats_taken=0,  # the attendance takes its seat, as when joining
        modality=fit.modality.value,
        location=fit.location,
        status="open",
        created_at=now,
        updated_at=now,
    )
    s.add(session)
    s.flush()  # the attendance's foreign key needs it there first
    return session


def cancel_in(
    s: Session,
    me: Person,
    attendance_id: str,
    reason: str | None,
    now: dt.datetime,
) -> bool:
    """Cancel my own booking, within the supervisor's notice. False if it already was."""
    found = rows.attendance_with_session(s, attendance_id)
    if found is None or found[0].person_id != me.id:
        raise ValidationError(NOT_FOUND)
    attendance, session = found
    if attendance.status == AttendanceStatus.CANCELLED:
        return False
    if attendance.status != AttendanceStatus.BOOKED:
        raise NotAllowed("That session has already happened, so it can't be cancelled.")
    notice = rows.offer_settings(rows.settings_of(s, session.supervisor_id)).min_notice_hours
    if now > session.starts_at - dt.timedelta(hours=notice):
        raise NotAllowed(TOO_LATE)
    attendance.status = AttendanceStatus.CANCELLED.value
    attendance.reason, attendance.changed_by, attendance.updated_at = reason, me.id, now
    s.flush()  # the database gives the seat back (and frees the time if it was the last)
    s.expire_all()  # a reschedule reads this session again in the same transaction
    return True
