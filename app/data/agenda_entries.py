"""Supervision agenda notes, moved in bulk (export, import).

Plain values (``app.services.agenda.AgendaNote``), read and written with
SQLAlchemy Core inside a caller-owned Session, like ``app.data.entries``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from app.services.agenda import AgendaNote
from app.store import models

AGENDA: Table = models.SupervisionAgenda.__table__  # type: ignore[assignment]


def load_agenda(session: Session) -> list[AgendaNote]:
    """Every agenda note, oldest change first."""
    query = select(AGENDA).order_by(AGENDA.c.updated_at, AGENDA.c.attendance_id)
    return [
        AgendaNote(row["attendance_id"], row["text"], row["updated_at"].replace(tzinfo=dt.UTC))
        for row in session.execute(query).mappings()
    ]


def insert_agenda(session: Session, notes: Sequence[AgendaNote]) -> None:
    if notes:
        session.execute(
            insert(AGENDA),
            [
                {
                    "attendance_id": n.attendance_id,
                    "text": n.text,
                    "updated_at": n.updated_at.astimezone(dt.UTC).replace(tzinfo=None),
                }
                for n in notes
            ],
        )


def delete_agenda(session: Session, ids: Iterable[str]) -> None:
    for ident in ids:
        session.execute(delete(AGENDA).where(AGENDA.c.attendance_id == ident))
