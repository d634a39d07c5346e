"""store.agenda: private agenda notes for supervision bookings."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from sqlalchemy.orm import Session

from app.domain import Changes
from app.errors import ValidationError
from app.services.agenda import MAX_AGENDA_CHARS
from app.store import models

NOTE = "talk about the Reynolds home visit"  # private words: never in logs or messages
A, B = "5d1c1f0e-0000-4000-8000-00000000000a", "5d1c1f0e-0000-4000-8000-00000000000b"


def test_a_note_is_kept_read_back_and_listed(store):
    assert store.agenda.get(A) == "" and store.agenda.ids() == set()
    assert store.agenda.save(A, NOTE) == Changes(supervision=True)
    assert store.agenda.get(A) == NOTE and store.agenda.get(B) == ""
    store.agenda.save(B, "and rest")
    assert store.agenda.ids() == {A, B}
    assert [n.attendance_id for n in store.agenda.notes()] == [A, B]


def test_saving_again_replaces_and_stamps_the_time(store, clock):
    store.agenda.save(A, NOTE)
    clock.advance(hours=1)
    store.agenda.save(A, "something else")
    [note] = store.agenda.notes()
    assert note.text == "something else" and note.updated_at == clock.now().astimezone(dt.UTC)


@pytest.mark.parametrize("empty", ["", "   \n\t"])
def test_an_empty_note_removes_it(store, empty):
    store.agenda.save(A, NOTE)
    assert store.agenda.save(A, empty) == Changes(supervision=True)
    assert store.agenda.get(A) == "" and store.agenda.ids() == set()
    with Session(store.engine) as s:
        assert s.get(models.SupervisionAgenda, A) is None
    store.agenda.save(B, "")  # nothing there: still fine
    assert store.agenda.ids() == set()


def test_the_limit_is_generous_and_the_refusal_calm(store, caplog):
    store.agenda.save(A, "x" * MAX_AGENDA_CHARS)
    with caplog.at_level(logging.DEBUG), pytest.raises(ValidationError) as info:
        store.agenda.save(B, NOTE + "x" * MAX_AGENDA_CHARS)
    message = str(info.value)
    assert "4,000" in message and NOTE not in message and NOTE not in caplog.text
    assert "!" not in message and store.agenda.ids() == {A}


@pytest.mark.parametrize("bad", ["", " x", "x" * 37, "a\nb", None, 5])
def test_odd_booking_ids_are_refused(store, bad):
    with pytest.raises(ValidationError):
        store.agenda.save(bad, NOTE)
    with pytest.raises(ValidationError):
        store.agenda.get(bad)


def test_odd_text_is_refused(store):
    for bad in (None, 5, "nul\x00byte"):
        with pytest.raises(ValidationError):
            store.agenda.save(A, bad)
    assert store.agenda.ids() == set()


def test_logs_hold_no_text_and_no_ids(store, caplog):
    with caplog.at_level(logging.DEBUG):
        store.agenda.save(A, NOTE)
        store.agenda.get(A)
        store.agenda.save(A, "")
    assert NOTE not in caplog.text and A not in caplog.text
