"""Clinical supervision over the team store: offers, free slots, bookings, standing.

Every method opens and closes its own team-store session, so the UI calls them on a
worker thread and gets plain values back. Tend checks roles here too (a local
SQLite file has no row-level security); on PostgreSQL the server's policies are
the real guard, and a refusal from them becomes the same calm ``NotAllowed``.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Callable, Sequence
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from app.clock import Clock
from app.errors import NotAllowed, SlotTaken, ValidationError
from app.supervision import ics
from app.supervision import service_booking as booking
from app.supervision import service_rows as rows
from app.supervision.model import MODALITY_LABEL, OfferSettings, Slot, Window
from app.supervision.policy import AttendanceStatus, Standing, standing
from app.supervision.service_rows import MOVED_REASON, Booking, Move
from app.supervision.slots import free_slots
from app.team import models
from app.team.roles import Role
from app.team.store import Person, TeamStore

__all__ = ["MOVED_REASON", "Booking", "Move", "SupervisionService", "service_zone"]

log = logging.getLogger(__name__)
T = TypeVar("T")
A, S = models.Attendance, models.SessionRow
NOT_YOURS = "Tend couldn't find that session among yours. It may have changed: please look again."


def _at(work: Callable[[Session, dt.datetime], T], now: dt.datetime) -> Callable[[Session], T]:
    return lambda s: work(s, now)


def service_zone(clock: Clock) -> ZoneInfo:
    """The clock's zone when it names one (tests), else this computer's (a real zone)."""
    tz = clock.now().tzinfo
    if isinstance(tz, ZoneInfo):
        return tz
    from app.reminders.due import system_zone

    found = system_zone()
    return found if isinstance(found, ZoneInfo) else ZoneInfo("UTC")


class SupervisionService:
    def __init__(self, team: TeamStore, clock: Clock, zone: ZoneInfo | None = None) -> None:
        self.team = team
        self.clock = clock
        self.zone = zone or service_zone(clock)

    def _now(self) -> dt.datetime:
        return self.clock.now().astimezone(dt.UTC)

    def _write(self, work: Callable[[Session], T]) -> T:
        """``work`` in one write transaction; the database's refusals in calm words."""
        try:
            with self.team.write() as s:
                return work(s)
        except DBAPIError as exc:
            if booking.is_refused(exc):
                log.warning("team store refused a supervision change")
                raise NotAllowed(booking.NO_ROLE) from None
            raise

    # -- supervisor ------------------------------------------------------------------------
    def offer(self) -> OfferSettings:
        me = self.team.require(Role.SUPERVISOR)
        with self.team.read() as s:
            return rows.offer_settings(rows.settings_of(s, me.id))

    def save_offer(self, settings: OfferSettings) -> None:
        me = self.team.require(Role.SUPERVISOR)
        settings = settings.validate()
        # "" means this computer's zone: store its name, so people elsewhere see real times.
        tz = settings.tz or self.zone.key
        now = self._now()

        def work(s: Session) -> None:
            row = rows.settings_of(s, me.id)
            if row is None:
                row = models.SupervisorSettings(supervisor_id=me.id)
                s.add(row)
            row.session_minutes, row.buffer_minutes = (
                settings.session_minutes,
                settings.buffer_minutes,
            )
            row.min_notice_hours, row.horizon_days = (
                settings.min_notice_hours,
                settings.horizon_days,
            )
            row.daily_max, row.tz, row.updated_at = settings.daily_max, tz, now

        self._write(work)
        log.info("supervision offer saved")

    def windows(self) -> list[Window]:
        me = self.team.require(Role.SUPERVISOR)
        with self.team.read() as s:
            return rows.windows_of(s, me.id)

    def add_window(self, w: Window) -> Window:
        me = self.team.require(Role.SUPERVISOR)
        w = dataclasses.replace(w.validate(), id=w.id or str(uuid.uuid4()))
        now = self._now()

        def work(s: Session) -> None:
            if rows.settings_of(s, me.id) is None:  # the offer's defaults, in my zone
                d = OfferSettings()
                s.add(
                    models.SupervisorSettings(
                        supervisor_id=me.id,
                        session_minutes=d.session_minutes,
                        buffer_minutes=d.buffer_minutes,
                        min_notice_hours=d.min_notice_hours,
                        horizon_days=d.horizon_days,
                        daily_max=d.daily_max,
                        tz=self.zone.key,
                        updated_at=now,
                    )
                )
            s.add(
                models.Availability(
                    id=w.id,
                    supervisor_id=me.id,
                    kind=w.kind.value,
                    starts_local=w.start,
                    ends_local=w.end,
                    rrule=w.rrule,
                    modality=w.modality.value,
                    location=w.location,
                    capacity=w.capacity,
                    created_at=now,
                )
            )

        self._write(work)
        log.info("supervision window added (%s)", w.kind.value)
        return w

    def remove_window(self, window_id: str) -> None:
        """Sessions already booked in the window stay booked."""
        me = self.team.require(Role.SUPERVISOR)
        Av = models.Availability

        def work(s: Session) -> None:
            s.execute(delete(Av).where(Av.id == window_id, Av.supervisor_id == me.id))

        self._write(work)

    def sessions_between(self, start: dt.datetime, end: dt.datetime) -> list[Booking]:
        """Everyone booked on my sessions starting in [start, end), any status."""
        me = self.team.require(Role.SUPERVISOR)
        query = rows.bookings_query().where(
            S.supervisor_id == me.id, S.starts_at >= start, S.starts_at < end
        )
        with self.team.read() as s:
            return rows.bookings(s, query, supervisor_id=me.id)

    def cancel_session(self, session_id: str, reason: str) -> None:
        """Cancel one of my sessions at any time; everyone on it sees ``reason``."""
        me = self.team.require(Role.SUPERVISOR)
        text = booking.clean_reason(reason, required=True)
        now = self._now()

        def work(s: Session) -> int:
            session = s.get(S, session_id)
            if session is None or session.supervisor_id != me.id:
                raise ValidationError(NOT_YOURS)
            session.status, session.seats_taken, session.updated_at = "cancelled", 0, now
            told = 0
            for a in s.scalars(select(A).where(A.session_id == session_id, A.status == "booked")):
                a.status, a.reason, a.changed_by, a.updated_at = "cancelled", text, me.id, now
                told += 1
            return told

        told = self._write(work)
        log.info("supervision session cancelled by supervisor (%d attendees)", told)

    def mark(self, attendance_id: str, status: AttendanceStatus) -> None:
        """Held or missed, once the session has started."""
        me = self.team.require(Role.SUPERVISOR)
        if status not in (AttendanceStatus.HELD, AttendanceStatus.MISSED):
            raise ValidationError("A session can be marked as held or missed.")
        now = self._now()

        def work(s: Session) -> None:
            found = rows.attendance_with_session(s, attendance_id)
            if found is None or found[1].supervisor_id != me.id:
                raise ValidationError(NOT_YOURS)
            attendance, session = found
            if session.starts_at > now:
                raise NotAllowed("A session can be marked once it has started.")
            if attendance.status == AttendanceStatus.CANCELLED:
                raise NotAllowed("That booking was cancelled, so there's nothing to mark.")
            attendance.status, attendance.changed_by = status.value, me.id
            attendance.updated_at = now

        self._write(work)
        log.info("supervision attendance marked %s", status.value)

    def supervisees(self) -> list[tuple[Person, Standing]]:
        """The people I supervise and where they stand with me: overdue first."""
        me = self.team.require(Role.SUPERVISOR)
        now = self._now()
        with self.team.read() as s:
            ids = list(
                s.scalars(
                    select(models.Assignment.supervisee_id).where(
                        models.Assignment.supervisor_id == me.id
                    )
                )
            )
            rules = rows.policy_rules(s)
            past = rows.history(s, ids, supervisor_id=me.id)
        people = {p.id: p for p in self.team.people() if p.id in past}
        found = [
            (p, standing(rules, p.started_on, past[p.id], now, self.zone)) for p in people.values()
        ]
        found.sort(
            key=lambda ps: (
                not ps[1].overdue,
                -ps[1].days_overdue,
                ps[1].due_by,
                ps[0].display_name,
            )
        )
        return found

    # -- caseworker ------------------------------------------------------------------------
    def my_supervisors(self) -> list[Person]:
        me = self.team.require(Role.CASEWORKER)
        with self.team.read() as s:
            ids = set(
                s.scalars(
                    select(models.Assignment.supervisor_id).where(
                        models.Assignment.supervisee_id == me.id
                    )
                )
            )
        return [p for p in self.team.people() if p.id in ids]

    def free_slots(
        self, supervisor_id: str, start: dt.datetime | None = None, end: dt.datetime | None = None
    ) -> list[Slot]:
        me = self.team.require(Role.CASEWORKER)
        now = self._now()
        with self.team.read() as s:
            if not rows.is_assigned(s, me.id, supervisor_id):
                raise NotAllowed(booking.NOT_ASSIGNED)
            settings = rows.offer_settings(rows.settings_of(s, supervisor_id))
            since = max(now, start) if start is not None else now
            until = now + dt.timedelta(days=settings.horizon_days)
            until = min(until, end) if end is not None else until
            offer = rows.load_offer(s, supervisor_id, self.zone, since, until)
        z = offer.zone
        return free_slots(offer.settings, offer.windows, offer.busy, now, z, start=start, end=end)

    def book(self, supervisor_id: str, slot: Slot) -> Booking:
        """Book ``slot``; SlotTaken when someone else got there first."""
        me = self.team.require(Role.CASEWORKER)
        result = self._booking(
            slot,
            lambda s, now: booking.book_in(s, me, supervisor_id, slot, now, self.zone),
        )
        log.info("supervision booked (%s)", "group" if result.group else "individual")
        return result

    def cancel(self, attendance_id: str, reason: str | None = None) -> None:
        """Cancel my booking, up to the supervisor's notice before it starts."""
        me = self.team.require(Role.CASEWORKER)
        text = booking.clean_reason(reason, required=False)
        now = self._now()
        if self._write(lambda s: booking.cancel_in(s, me, attendance_id, text, now)):
            log.info("supervision booking cancelled")

    def reschedule(self, attendance_id: str, supervisor_id: str, slot: Slot) -> Booking:
        """Move my booking to ``slot``: both changes happen, or neither does.

        The old booking is let go with ``MOVED_REASON`` at the moment the new one is
        booked, which is how ``my_bookings`` and ``sessions_between`` tell where it went
        (``Booking.moved_to``)."""
        me = self.team.require(Role.CASEWORKER)

        def work(s: Session, now: dt.datetime) -> Booking:
            if not booking.cancel_in(s, me, attendance_id, rows.MOVED_REASON, now):
                raise ValidationError(booking.NOT_FOUND)  # already cancelled: nothing to move
            return booking.book_in(s, me, supervisor_id, slot, now, self.zone)

        result = self._booking(slot, work)
        log.info("supervision booking rescheduled")
        return result

    def _booking(self, slot: Slot, work: Callable[[Session, dt.datetime], Booking]) -> Booking:
        """Run a booking; a group slot whose session someone else just opened is tried once
        more, as a seat in that session."""
        attempts = 2 if slot.capacity > 1 else 1
        for attempt in range(attempts):
            now = self._now()
            try:
                return self._write(_at(work, now))
            except DBAPIError as exc:
                if not booking.is_conflict(exc):
                    raise
            log.info("supervision slot taken by someone else (attempt %d)", attempt + 1)
        raise SlotTaken(booking.TAKEN)

    def my_bookings(self, *, include_past: bool = False) -> list[Booking]:
        """My bookings, soonest first, any status (a cancelled one shows why)."""
        me = self.team.require(Role.CASEWORKER)
        query = rows.bookings_query().where(A.person_id == me.id)
        if not include_past:
            query = query.where(S.ends_at > self._now())
        with self.team.read() as s:
            return rows.bookings(s, query)

    def my_standing(self) -> Standing:
        if self.team.me is None:
            raise NotAllowed("Please choose who you are in the team first.")
        me = self.team.me
        with self.team.read() as s:
            rules = rows.policy_rules(s)
            past = rows.history(s, [me.id])[me.id]
        return standing(rules, me.started_on, past, self._now(), self.zone)

    def calendar_for(self, bookings: Sequence[Booking]) -> bytes:
        """An .ics file of these bookings: times, place and modality only."""
        me = self.team.me
        items = []
        for b in bookings:
            other = (
                b.person_name if me is not None and me.id == b.supervisor_id else b.supervisor_name
            )
            items.append(
                ics.CalendarItem(
                    uid=f"{b.attendance_id}@tend",
                    start=b.start,
                    end=b.end,
                    summary=ics.summary_for(other, group=b.group),
                    location=b.location,
                    description=MODALITY_LABEL[b.modality],
                    cancelled=b.status is AttendanceStatus.CANCELLED,
                )
            )
        return ics.calendar(items, self.zone, stamp=self._now())
