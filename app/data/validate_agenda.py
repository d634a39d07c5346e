"""Checking the supervision agenda notes of an import (schema version 4).

Each note goes through the same checks as when it is typed
(``app.services.agenda``). Messages name positions and fields, never the words.
"""

from __future__ import annotations

from app.data import schema
from app.data.validate import _domain_checked, _fields, _text, _timestamp
from app.errors import ImportRejected, ValidationError
from app.services.agenda import AgendaNote, check_agenda_text, check_attendance_id


def _booking_id(value: object, where: str) -> str:
    # The team store's attendance ids (UUIDs), checked as the service checks them.
    try:
        return check_attendance_id(value)
    except ValidationError:
        raise ImportRejected(
            f"{where.capitalize()} has an “attendance_id” Tend can't use."
        ) from None


def agenda_note(raw: object, n: int) -> AgendaNote:
    where = f"supervision agenda note {n}"
    f = _fields(raw, schema.SUPERVISION_AGENDA_FIELDS, where)
    text = _text(f["text"], where, "text")
    text = _domain_checked(lambda: check_agenda_text(text), where)
    if not text:
        raise ImportRejected(f"{where.capitalize()} has nothing written in it.")
    return AgendaNote(
        attendance_id=_booking_id(f["attendance_id"], where),
        text=text,
        updated_at=_timestamp(f["updated_at"], where, "updated_at"),
    )


def agenda_notes(raw: object) -> list[AgendaNote]:
    if not isinstance(raw, list):
        raise ImportRejected("The file's “supervision_agenda” isn't a list of entries.")
    notes = [agenda_note(item, i) for i, item in enumerate(raw, start=1)]
    seen: dict[str, int] = {}
    for i, note in enumerate(notes, start=1):
        if note.attendance_id in seen:
            raise ImportRejected(
                f"Supervision agenda note {i} is for the same booking as supervision agenda "
                f"note {seen[note.attendance_id]}; there can be one note a booking."
            )
        seen[note.attendance_id] = i
    return notes
