"""Measure responses, supplied item wordings, dismissed early-warning signals.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "measure_responses",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("measure_id", sa.String(length=40), nullable=False),
        sa.Column("definition_version", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("taken_at", sa.DateTime(), nullable=False),
        sa.Column("answers", sa.Text(), nullable=False),
        sa.Column("scores", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_measure_responses")),
    )
    op.create_index(op.f("ix_measure_responses_measure_id"), "measure_responses", ["measure_id"])
    op.create_table(
        "measure_wordings",
        sa.Column("measure_id", sa.String(length=40), nullable=False),
        sa.Column("items", sa.Text(), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("measure_id", name=op.f("pk_measure_wordings")),
    )
    op.create_table(
        "signal_dismissals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("signal_key", sa.String(length=80), nullable=False),
        sa.Column("dismissed_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signal_dismissals")),
    )
    op.create_index(op.f("ix_signal_dismissals_signal_key"), "signal_dismissals", ["signal_key"])


def downgrade() -> None:
    op.drop_index(op.f("ix_signal_dismissals_signal_key"), table_name="signal_dismissals")
    op.drop_table("signal_dismissals")
    op.drop_table("measure_wordings")
    op.drop_index(op.f("ix_measure_responses_measure_id"), table_name="measure_responses")
    op.drop_table("measure_responses")
