"""Check-ins, notes, tags and the full-text index.

Revision ID: 0001
Revises:
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

SCALES = ("mood", "energy", "sleep", "stress", "workload", "connection")


def upgrade() -> None:
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "checkins",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        *(sa.Column(name, sa.Integer(), nullable=True) for name in SCALES),
        sa.Column("exposure", sa.String(length=8), nullable=True),
        sa.Column("exposure_hours", sa.Float(), nullable=True),
        sa.Column("day_kind", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        *(
            sa.CheckConstraint(
                f"{name} IS NULL OR {name} BETWEEN 1 AND 5", name=op.f(f"ck_checkins_{name}_range")
            )
            for name in SCALES
        ),
        sa.CheckConstraint(
            "exposure IS NULL OR exposure IN ('none', 'some', 'a_lot')",
            name=op.f("ck_checkins_exposure_kind"),
        ),
        sa.CheckConstraint(
            "exposure_hours IS NULL OR (exposure_hours >= 0 AND exposure_hours <= 24)",
            name=op.f("ck_checkins_exposure_hours_range"),
        ),
        sa.CheckConstraint(
            "day_kind IN ('work', 'day_off', 'leave')", name=op.f("ck_checkins_day_kind_kind")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("day", name=op.f("uq_checkins_day")),
    )
    op.create_table(
        "notes",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notes")),
    )
    op.create_index(op.f("ix_notes_day"), "notes", ["day"])
    op.create_index(op.f("ix_notes_created_at"), "notes", ["created_at"])
    for owner, key in (("checkin", "checkins"), ("note", "notes")):
        op.create_table(
            f"{owner}_tags",
            sa.Column(f"{owner}_id", sa.String(length=36), nullable=False),
            sa.Column("tag_id", sa.Integer(), nullable=False),
            sa.ForeignKeyConstraint(
                [f"{owner}_id"],
                [f"{key}.id"],
                name=op.f(f"fk_{owner}_tags_{owner}_id_{key}"),
                ondelete="CASCADE",
            ),
            sa.ForeignKeyConstraint(
                ["tag_id"],
                ["tags.id"],
                name=op.f(f"fk_{owner}_tags_tag_id_tags"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint(f"{owner}_id", "tag_id", name=op.f(f"pk_{owner}_tags")),
        )
    op.execute(
        "CREATE VIRTUAL TABLE journal_fts USING fts5("
        "body, tags, kind UNINDEXED, ref UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute("INSERT INTO journal_fts(journal_fts, rank) VALUES ('secure-delete', 1)")


def downgrade() -> None:
    op.execute("DROP TABLE journal_fts")
    op.drop_table("note_tags")
    op.drop_table("checkin_tags")
    op.drop_index(op.f("ix_notes_created_at"), table_name="notes")
    op.drop_index(op.f("ix_notes_day"), table_name="notes")
    op.drop_table("notes")
    op.drop_table("checkins")
    op.drop_table("tags")
