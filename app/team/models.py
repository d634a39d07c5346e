"""Tables of the team store, the same on SQLite and PostgreSQL.

Timestamps are aware UTC in Python on both databases (``UtcDateTime``);
availability windows are wall-clock times in the supervisor's own zone, because
"Tuesdays at 10:00" stays 10:00 across daylight saving. PostgreSQL-only parts
(roles, grants, row-level security, the exclusion constraint) live in the
migrations, not here. Nothing private ever has a column here: no notes, no
scores, no agenda.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    TypeDecorator,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
ID = String(36)
ROLE_VALUES = ("caseworker", "supervisor", "coordinator", "handler", "admin")
MODALITIES = ("in_person", "phone", "video")


class UtcDateTime(TypeDecorator[dt.datetime]):
    """Aware UTC in and out: ``timestamptz`` on PostgreSQL, naive UTC text on SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("the team store keeps aware datetimes only")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        assert isinstance(value, dt.datetime)
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class TeamBase(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class Person(TeamBase):
    __tablename__ = "people"
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    login: Mapped[str] = mapped_column(String(63), unique=True)
    display_name: Mapped[str] = mapped_column(String(120))
    started_on: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    removed_at: Mapped[dt.datetime | None] = mapped_column(UtcDateTime)


class PersonRole(TeamBase):
    __tablename__ = "person_roles"
    __table_args__ = (CheckConstraint(_in("role", ROLE_VALUES), name="role"),)
    person_id: Mapped[str] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class Assignment(TeamBase):
    """Who supervises whom."""

    __tablename__ = "assignments"
    __table_args__ = (CheckConstraint("supervisee_id <> supervisor_id", name="not_self"),)
    supervisee_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)
    supervisor_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)


class PolicyRuleRow(TeamBase):
    """From this many whole months of service, supervision every ``every_days`` days."""

    __tablename__ = "supervision_policy"
    __table_args__ = (
        CheckConstraint("from_month >= 0 AND from_month <= 600", name="from_month"),
        CheckConstraint("every_days >= 1 AND every_days <= 366", name="every_days"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    from_month: Mapped[int] = mapped_column(Integer, unique=True)
    every_days: Mapped[int] = mapped_column(Integer)


class SupervisorSettings(TeamBase):
    __tablename__ = "supervisor_settings"
    supervisor_id: Mapped[str] = mapped_column(ForeignKey("people.id"), primary_key=True)
    session_minutes: Mapped[int] = mapped_column(Integer)
    buffer_minutes: Mapped[int] = mapped_column(Integer)
    min_notice_hours: Mapped[int] = mapped_column(Integer)
    horizon_days: Mapped[int] = mapped_column(Integer)
    daily_max: Mapped[int] = mapped_column(Integer)
    tz: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Availability(TeamBase):
    """A weekly window (with an RRULE), a one-off extra window, or leave."""

    __tablename__ = "availability"
    __table_args__ = (
        CheckConstraint(_in("kind", ("weekly", "extra", "leave")), name="kind"),
        CheckConstraint(_in("modality", MODALITIES), name="modality"),
        CheckConstraint("capacity >= 1 AND capacity <= 20", name="capacity"),
        CheckConstraint("ends_local > starts_local", name="span"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    supervisor_id: Mapped[str] = mapped_column(ForeignKey("people.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))
    starts_local: Mapped[dt.datetime] = mapped_column(DateTime)
    ends_local: Mapped[dt.datetime] = mapped_column(DateTime)
    rrule: Mapped[str | None] = mapped_column(String(200))
    modality: Mapped[str] = mapped_column(String(10))
    location: Mapped[str] = mapped_column(String(500), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class SessionRow(TeamBase):
    """A supervision session: the supervisor's time, taken. Who attends is in attendances."""

    __tablename__ = "sessions"
    __table_args__ = (
        CheckConstraint(_in("status", ("open", "cancelled")), name="status"),
        CheckConstraint(_in("modality", MODALITIES), name="modality"),
        CheckConstraint("ends_at > starts_at", name="span"),
        CheckConstraint("blocked_until >= ends_at", name="buffer"),
        CheckConstraint("capacity >= 1 AND capacity <= 20", name="capacity"),
        CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity", name="seats"),
        Index("ix_sessions_supervisor_start", "supervisor_id", "starts_at"),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    supervisor_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    starts_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    ends_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    blocked_until: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    modality: Mapped[str] = mapped_column(String(10))
    location: Mapped[str] = mapped_column(String(500), default="")
    status: Mapped[str] = mapped_column(String(10), default="open")
    created_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


class Attendance(TeamBase):
    __tablename__ = "attendances"
    __table_args__ = (
        CheckConstraint(_in("status", ("booked", "cancelled", "held", "missed")), name="status"),
        Index("ix_attendances_person", "person_id"),
        Index("ix_attendances_session", "session_id"),
        # One live place per person per session (cancelled rows may repeat).
        Index(
            "uq_attendances_live",
            "session_id",
            "person_id",
            unique=True,
            sqlite_where=text("status <> 'cancelled'"),
            postgresql_where=text("status <> 'cancelled'"),
        ),
    )
    id: Mapped[str] = mapped_column(ID, primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"))
    person_id: Mapped[str] = mapped_column(ForeignKey("people.id"))
    status: Mapped[str] = mapped_column(String(10), default="booked")
    reason: Mapped[str | None] = mapped_column(String(500))
    changed_by: Mapped[str | None] = mapped_column(ForeignKey("people.id"))
    booked_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(UtcDateTime)


TEAM_TABLES: tuple[str, ...] = tuple(TeamBase.metadata.tables)
