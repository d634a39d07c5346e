"""Private agenda notes for supervision bookings (``store.agenda``).

A person may jot down what they want to bring to a booked supervision session.
The booking lives in the team store; the note lives only here, in the private
store, keyed by the booking's attendance id. Nothing here ever talks to the
team store. Logs carry counts and event names only, never ids or text.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from app.clock import Clock
from app.domain import Changes
from app.errors import ValidationError
from app.store import models
from app.store.engine import writer

log = logging.getLogger(__name__)

MAX_AGENDA_CHARS = 4000
MAX_ID_CHARS = 36
CHANGED = Changes(supervision=True)


@dataclass(frozen=True)
class AgendaNote:
    attendance_id: str
    text: str
    updated_at: dt.datetime  # aware UTC

    @property
    def id(self) -> str:
        """For merging on import, like other entries: the booking it belongs to."""
        return self.attendance_id


def check_attendance_id(attendance_id: object) -> str:
    if (
        not isinstance(attendance_id, str)
        or not 0 < len(attendance_id) <= MAX_ID_CHARS
        or not attendance_id.isprintable()
        or attendance_id.strip() != attendance_id
    ):
        raise ValidationError("Tend couldn't find that booking.")
    return attendance_id


def check_agenda_text(text: object) -> str:
    """The note as it will be kept ("" for none): at most ``MAX_AGENDA_CHARS``."""
    if not isinstance(text, str) or "\x00" in text:
        raise ValidationError("Tend couldn't read that note.")
    if len(text) > MAX_AGENDA_CHARS:
        raise ValidationError(
            f"An agenda note can be up to {MAX_AGENDA_CHARS:,} characters. "
            "Could you shorten it a little?"
        )
    return text if text.strip() else ""


class AgendaService:
    def __init__(self, engine: Engine, clock: Clock) -> None:
        self._read = engine
        self._write = writer(engine)
        self._clock = clock

    def get(self, attendance_id: str) -> str:
        """The note for a booking; "" when there is none."""
        attendance_id = check_attendance_id(attendance_id)
        with Session(self._read) as s:
            row = s.get(models.SupervisionAgenda, attendance_id)
            return "" if row is None else row.text

    def save(self, attendance_id: str, text: str) -> Changes:
        """Keep ``text`` as the booking's note; "" (or only spaces) removes it."""
        attendance_id = check_attendance_id(attendance_id)
        text = check_agenda_text(text)
        now = self._clock.now().astimezone(dt.UTC).replace(tzinfo=None)
        with Session(self._write) as s, s.begin():
            row = s.get(models.SupervisionAgenda, attendance_id)
            if not text:
                if row is not None:
                    s.delete(row)
            elif row is None:
                s.add(
                    models.SupervisionAgenda(attendance_id=attendance_id, text=text, updated_at=now)
                )
            elif row.text != text:
                row.text, row.updated_at = text, now
        log.info("agenda note saved")
        return CHANGED

    def ids(self) -> set[str]:
        """The attendance ids that have a note."""
        with Session(self._read) as s:
            return set(s.scalars(select(models.SupervisionAgenda.attendance_id)))

    def notes(self) -> list[AgendaNote]:
        """Every note, oldest change first (for export)."""
        t = models.SupervisionAgenda
        with Session(self._read) as s:
            rows = s.scalars(select(t).order_by(t.updated_at, t.attendance_id))
            return [
                AgendaNote(r.attendance_id, r.text, r.updated_at.replace(tzinfo=dt.UTC))
                for r in rows
            ]
