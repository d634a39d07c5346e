"""Full-text search: forgiving for people, harmless for FTS syntax, always in step."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import CheckinDraft, JournalFilter, NoteDraft
from app.services.index import fts_query
from tests.app.services.conftest import fts_rows

TODAY = dt.date(2026, 11, 22)


def search(store, text: str) -> list[str]:
    items = store.journal.entries(JournalFilter(query=text))
    assert store.journal.count(JournalFilter(query=text)) == len(items)
    return [i.text for i in items]


@pytest.fixture
def notes(store):
    bodies = [
        "Walked by the harbour after the hearing.",
        "Café with Zoë, felt lighter.",
        "NEAR the end of the shift: tired AND sad",
        'She said "enough" and left',
        "title: review meeting",
    ]
    for n, body in enumerate(bodies):
        store.journal.add_note(NoteDraft(day=TODAY - dt.timedelta(days=n), body=body))
    return bodies


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("harb", [0]),  # prefix
        ("HARBOUR", [0]),  # case
        ("Harbour hearing", [0]),  # every word must match
        ("harbour sad", []),
        ("cafe", [1]),  # diacritics, either way round
        ("zoe", [1]),
        ("café zoë", [1]),
        ("CAFÉ", [1]),
        ("enough", [3]),
    ],
)
def test_search_is_forgiving(store, notes, typed, expected):
    assert search(store, typed) == [notes[i] for i in expected]


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"harbour',
        "harbour*",
        "*",
        "NEAR(",
        "NEAR(harbour hearing, 2)",
        "AND",
        "tired AND",
        "OR",
        "NOT sad",
        "body:harbour",
        "title:",
        "-",
        "^harbour",
        "(",
        ")",
        "{body tags}: x",
        "'",
        "\\",
        "%_",
        "\x00",
    ],
)
def test_fts_syntax_typed_by_a_person_is_harmless(store, notes, typed):
    got = search(store, typed)
    assert all(isinstance(t, str) for t in got)


def test_operators_are_words(store, notes):
    assert search(store, "AND") == [notes[2], notes[3]]  # "AND" in 2, "and" in 3
    assert search(store, "near") == [notes[2]]
    assert search(store, "title:") == [notes[4]]
    assert search(store, '"enough"') == [notes[3]]


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=40))
def test_any_typed_text_is_safe(store, typed):
    store.journal.entries(JournalFilter(query=typed))
    store.journal.count(JournalFilter(query=typed))


@given(st.text(max_size=200))
def test_fts_query_quotes_every_token(typed):
    query = fts_query(typed)
    if query is None:
        return
    for part in query.split(" "):
        assert part.startswith('"') and part.endswith('"*')
        assert '"' not in part[1:-2]
    assert len(query.split(" ")) <= 16


def test_tags_are_searchable(store):
    store.journal.add_note(NoteDraft(day=TODAY, body="nothing special", tags=("supervision",)))
    assert search(store, "superv") == ["nothing special"]


def test_index_stays_in_step(store):
    note, _ = store.journal.add_note(NoteDraft(day=TODAY, body="pelican"))
    checkin, _ = store.checkins.save(CheckinDraft(day=TODAY, note="albatross"))
    assert search(store, "pelican") == ["pelican"]
    assert search(store, "albatross") == ["albatross"]

    store.journal.update_note(note.id, NoteDraft(day=TODAY, body="heron"))
    store.checkins.save(CheckinDraft(day=TODAY, note="kestrel"))
    assert search(store, "pelican") == [] and search(store, "albatross") == []
    assert search(store, "heron") == ["heron"] and search(store, "kestrel") == ["kestrel"]

    note_snap, _ = store.journal.delete_note(note.id)
    checkin_snap, _ = store.checkins.delete(checkin.id)
    assert search(store, "heron") == [] and search(store, "kestrel") == []
    assert fts_rows(store) == []

    store.journal.restore_note(note_snap)
    store.checkins.restore(checkin_snap)
    assert search(store, "heron") == ["heron"] and search(store, "kestrel") == ["kestrel"]
    assert sorted(r[1] for r in fts_rows(store)) == sorted([note.id, checkin.id])


def test_index_has_one_row_per_entry(store):
    for n in range(5):
        d = TODAY - dt.timedelta(days=n)
        store.checkins.save(CheckinDraft(day=d, note=f"c{n}"))
        store.checkins.save(CheckinDraft(day=d, note=f"again {n}"))
        store.journal.add_note(NoteDraft(day=d, body=f"n{n}"))
    assert len(fts_rows(store)) == 10
