"""The team store: people, roles, supervision (settings, availability, sessions, attendances).

On PostgreSQL this also sets up who may see and change what: grants to the
group roles ``tend init`` made, row-level security enabled and FORCED on every
table, and an exclusion constraint so one supervisor's open sessions never
overlap. On SQLite, triggers refuse the same overlap inside the write lock.
The expected permissions are written out in docs/team-permissions.md.

Revision ID: 0001
Revises:
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from migrations.team.rls_0001 import postgres_security, sqlite_overlap_triggers

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

ID = sa.String(36)
TS = sa.DateTime(timezone=True)
MODALITY = "modality IN ('in_person', 'phone', 'video')"


def _people() -> None:
    op.create_table(
        "people",
        sa.Column("id", ID, primary_key=True),
        sa.Column("login", sa.String(63), nullable=False),
        sa.Column("display_name", sa.String(120), nullable=False),
        sa.Column("started_on", sa.Date()),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("removed_at", TS),
        sa.UniqueConstraint("login", name=op.f("uq_people_login")),
    )
    op.create_table(
        "person_roles",
        sa.Column(
            "person_id",
            ID,
            sa.ForeignKey("people.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("role", sa.String(20), primary_key=True),
        sa.CheckConstraint(
            "role IN ('caseworker', 'supervisor', 'coordinator', 'handler', 'admin')",
            name=op.f("ck_person_roles_role"),
        ),
    )
    op.create_table(
        "assignments",
        sa.Column("supervisee_id", ID, sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("supervisor_id", ID, sa.ForeignKey("people.id"), primary_key=True),
        sa.CheckConstraint("supervisee_id <> supervisor_id", name=op.f("ck_assignments_not_self")),
    )
    policy = op.create_table(
        "supervision_policy",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("from_month", sa.Integer(), nullable=False),
        sa.Column("every_days", sa.Integer(), nullable=False),
        sa.UniqueConstraint("from_month", name=op.f("uq_supervision_policy_from_month")),
        sa.CheckConstraint(
            "from_month >= 0 AND from_month <= 600", name=op.f("ck_supervision_policy_from_month")
        ),
        sa.CheckConstraint(
            "every_days >= 1 AND every_days <= 366", name=op.f("ck_supervision_policy_every_days")
        ),
    )
    # A common starting rhythm: weekly in the first six months, then fortnightly.
    op.bulk_insert(
        policy, [{"from_month": 0, "every_days": 7}, {"from_month": 6, "every_days": 14}]
    )


def _supervision() -> None:
    op.create_table(
        "supervisor_settings",
        sa.Column("supervisor_id", ID, sa.ForeignKey("people.id"), primary_key=True),
        sa.Column("session_minutes", sa.Integer(), nullable=False),
        sa.Column("buffer_minutes", sa.Integer(), nullable=False),
        sa.Column("min_notice_hours", sa.Integer(), nullable=False),
        sa.Column("horizon_days", sa.Integer(), nullable=False),
        sa.Column("daily_max", sa.Integer(), nullable=False),
        sa.Column("tz", sa.String(64), nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "availability",
        sa.Column("id", ID, primary_key=True),
        sa.Column("supervisor_id", ID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("starts_local", sa.DateTime(), nullable=False),
        sa.Column("ends_local", sa.DateTime(), nullable=False),
        sa.Column("rrule", sa.String(200)),
        sa.Column("modality", sa.String(10), nullable=False),
        sa.Column("location", sa.String(500), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.CheckConstraint(
            "kind IN ('weekly', 'extra', 'leave')", name=op.f("ck_availability_kind")
        ),
        sa.CheckConstraint(MODALITY, name=op.f("ck_availability_modality")),
        sa.CheckConstraint(
            "capacity >= 1 AND capacity <= 20", name=op.f("ck_availability_capacity")
        ),
        sa.CheckConstraint("ends_local > starts_local", name=op.f("ck_availability_span")),
    )
    op.create_index(op.f("ix_availability_supervisor_id"), "availability", ["supervisor_id"])
    op.create_table(
        "sessions",
        sa.Column("id", ID, primary_key=True),
        sa.Column("supervisor_id", ID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("starts_at", TS, nullable=False),
        sa.Column("ends_at", TS, nullable=False),
        sa.Column("blocked_until", TS, nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("seats_taken", sa.Integer(), nullable=False),
        sa.Column("modality", sa.String(10), nullable=False),
        sa.Column("location", sa.String(500), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint("status IN ('open', 'cancelled')", name=op.f("ck_sessions_status")),
        sa.CheckConstraint(MODALITY, name=op.f("ck_sessions_modality")),
        sa.CheckConstraint("ends_at > starts_at", name=op.f("ck_sessions_span")),
        sa.CheckConstraint("blocked_until >= ends_at", name=op.f("ck_sessions_buffer")),
        sa.CheckConstraint("capacity >= 1 AND capacity <= 20", name=op.f("ck_sessions_capacity")),
        sa.CheckConstraint(
            "seats_taken >= 0 AND seats_taken <= capacity", name=op.f("ck_sessions_seats")
        ),
    )
    op.create_index("ix_sessions_supervisor_start", "sessions", ["supervisor_id", "starts_at"])
    op.create_table(
        "attendances",
        sa.Column("id", ID, primary_key=True),
        sa.Column("session_id", ID, sa.ForeignKey("sessions.id"), nullable=False),
        sa.Column("person_id", ID, sa.ForeignKey("people.id"), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("reason", sa.String(500)),
        sa.Column("changed_by", ID, sa.ForeignKey("people.id")),
        sa.Column("booked_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint(
            "status IN ('booked', 'cancelled', 'held', 'missed')",
            name=op.f("ck_attendances_status"),
        ),
    )
    op.create_index("ix_attendances_person", "attendances", ["person_id"])
    op.create_index("ix_attendances_session", "attendances", ["session_id"])
    # One live place per person per session (cancelled rows may repeat).
    op.create_index(
        "uq_attendances_live",
        "attendances",
        ["session_id", "person_id"],
        unique=True,
        sqlite_where=sa.text("status <> 'cancelled'"),
        postgresql_where=sa.text("status <> 'cancelled'"),
    )


def upgrade() -> None:
    _people()
    _supervision()
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        for statement in postgres_security():
            op.execute(statement)
    else:
        for statement in sqlite_overlap_triggers():
            op.execute(statement)


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("DROP TRIGGER IF EXISTS attendances_count_seats ON attendances")
        for name in (
            "tend_count_seats",
            "tend_me",
            "tend_assigned_to",
            "tend_attends",
            "tend_supervises_session",
            "tend_may_book",
        ):
            op.execute(f"DROP FUNCTION IF EXISTS {name} CASCADE")
    for table in (
        "attendances",
        "sessions",
        "availability",
        "supervisor_settings",
        "supervision_policy",
        "assignments",
        "person_roles",
        "people",
    ):
        op.drop_table(table)
