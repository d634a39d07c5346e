"""Tables of the private store.

Dates are local calendar days (``date``); timestamps are UTC. Scales are 1–5
and optional: a person may skip any question.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

SCALE_COLUMNS = ("mood", "energy", "sleep", "stress", "workload", "connection")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


checkin_tags = Table(
    "checkin_tags",
    Base.metadata,
    Column("checkin_id", ForeignKey("checkins.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)

note_tags = Table(
    "note_tags",
    Base.metadata,
    Column("note_id", ForeignKey("notes.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
)


class Tag(Base):
    __tablename__ = "tags"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(40), unique=True)


def _scale(name: str) -> CheckConstraint:
    return CheckConstraint(f"{name} IS NULL OR {name} BETWEEN 1 AND 5", name=f"{name}_range")


class Checkin(Base):
    __tablename__ = "checkins"
    __table_args__ = (
        *(_scale(c) for c in SCALE_COLUMNS),
        CheckConstraint(
            "exposure IS NULL OR exposure IN ('none', 'some', 'a_lot')", name="exposure_kind"
        ),
        CheckConstraint(
            "exposure_hours IS NULL OR (exposure_hours >= 0 AND exposure_hours <= 24)",
            name="exposure_hours_range",
        ),
        CheckConstraint("day_kind IN ('work', 'day_off', 'leave')", name="day_kind_kind"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, unique=True)
    mood: Mapped[int | None] = mapped_column(Integer)
    energy: Mapped[int | None] = mapped_column(Integer)
    sleep: Mapped[int | None] = mapped_column(Integer)
    stress: Mapped[int | None] = mapped_column(Integer)
    workload: Mapped[int | None] = mapped_column(Integer)
    connection: Mapped[int | None] = mapped_column(Integer)
    exposure: Mapped[str | None] = mapped_column(String(8))
    exposure_hours: Mapped[float | None] = mapped_column(Float)
    day_kind: Mapped[str] = mapped_column(String(8), default="work")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    tags: Mapped[list[Tag]] = relationship(secondary=checkin_tags, lazy="selectin")


class Note(Base):
    __tablename__ = "notes"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    day: Mapped[dt.date] = mapped_column(Date, index=True)
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    tags: Mapped[list[Tag]] = relationship(secondary=note_tags, lazy="selectin")


# The full-text index is an FTS5 virtual table created by the migration:
#   journal_fts(body, tags, kind UNINDEXED, ref UNINDEXED)
# and kept in step by the journal service inside the same transaction.
FTS_TABLE = "journal_fts"


class MeasureResponse(Base):
    """One completed questionnaire. ``answers`` is a JSON list (item order, null =
    skipped); ``scores`` a JSON object {subscale id: number}, computed by
    ``app.measures.scoring`` when saved (kept so charts need not re-score)."""

    __tablename__ = "measure_responses"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    measure_id: Mapped[str] = mapped_column(String(40), index=True)
    definition_version: Mapped[int] = mapped_column(Integer)
    day: Mapped[dt.date] = mapped_column(Date)
    taken_at: Mapped[dt.datetime] = mapped_column(DateTime)
    answers: Mapped[str] = mapped_column(Text)
    scores: Mapped[str] = mapped_column(Text)


class MeasureWording(Base):
    """Item wording of a published instrument, supplied by the person or their
    organisation (never shipped with Tend). ``items`` is a JSON list of strings."""

    __tablename__ = "measure_wordings"
    measure_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    items: Mapped[str] = mapped_column(Text)
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class SignalDismissal(Base):
    """A person set an early-warning signal aside, optionally saying why."""

    __tablename__ = "signal_dismissals"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    signal_key: Mapped[str] = mapped_column(String(80), index=True)
    dismissed_at: Mapped[dt.datetime] = mapped_column(DateTime)
    reason: Mapped[str] = mapped_column(Text, default="")


class SelfCareItem(Base):
    """One line of the person's self-care plan: something that restores or drains them."""

    __tablename__ = "selfcare_items"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    area: Mapped[str] = mapped_column(String(20))  # body | mind | connection | boundaries
    kind: Mapped[str] = mapped_column(String(10))  # restores | drains
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class WeeklyReview(Base):
    """'What helped this week?' — one per week (weeks start on Monday)."""

    __tablename__ = "weekly_reviews"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    week_start: Mapped[dt.date] = mapped_column(Date, unique=True)
    helped: Mapped[str] = mapped_column(Text, default="")
    drained: Mapped[str] = mapped_column(Text, default="")
    next_week: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class ReminderRule(Base):
    """A reminder rule. ``schedule`` is JSON (times of day, weekdays or an interval, quiet
    hours, time zone); ``params`` is JSON for the kind (e.g. a self-care item id)."""

    __tablename__ = "reminder_rules"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    enabled: Mapped[bool] = mapped_column(Boolean, default=True)
    schedule: Mapped[str] = mapped_column(Text)
    params: Mapped[str] = mapped_column(Text, default="{}")
    last_fired_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    snoozed_until: Mapped[dt.datetime | None] = mapped_column(DateTime)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class PrivateSetting(Base):
    """Small private key/value state that must not sit in plain settings.json
    (for example "paused until" and when reminders were last checked)."""

    __tablename__ = "private_settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class SupervisionAgenda(Base):
    """What the person wants to bring to one supervision booking. Private: the booking
    itself (``attendance_id``) lives in the team store, this text never does."""

    __tablename__ = "supervision_agenda"
    attendance_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
