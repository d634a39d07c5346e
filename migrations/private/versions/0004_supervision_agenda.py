"""Private agenda notes for supervision bookings (one per attendance in the team store).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "supervision_agenda",
        sa.Column("attendance_id", sa.String(length=36), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("attendance_id", name=op.f("pk_supervision_agenda")),
    )


def downgrade() -> None:
    op.drop_table("supervision_agenda")
