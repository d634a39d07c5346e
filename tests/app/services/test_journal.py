"""The journal: notes, the combined list, filters, paging and full-text search."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import CheckinDraft, EntryKind, JournalFilter, NoteDraft
from app.errors import ValidationError

TODAY = dt.date(2026, 11, 22)
ALL = JournalFilter()


def day(n: int) -> dt.date:
    return TODAY - dt.timedelta(days=n)


def ids(items) -> list[str]:
    return [i.id for i in items]


# -- notes ---------------------------------------------------------------------


def test_note_crud(store, clock):
    note, changes = store.journal.add_note(NoteDraft(day=day(1), body="First.", tags=("Home",)))
    assert changes.notes
    assert store.journal.get_note(note.id) == note
    assert note.tags == ("home",)
    clock.advance(minutes=10)
    edited, _ = store.journal.update_note(note.id, NoteDraft(day=day(2), body="Second."))
    assert (edited.id, edited.created_at) == (note.id, note.created_at)
    assert edited.updated_at == note.updated_at + dt.timedelta(minutes=10)
    assert (edited.day, edited.body, edited.tags) == (day(2), "Second.", ())
    assert store.journal.tags() == []

    snapshot, _ = store.journal.delete_note(note.id)
    assert snapshot == edited
    assert store.journal.get_note(note.id) is None
    assert store.journal.delete_note(note.id) == (None, type(changes)())
    store.journal.restore_note(snapshot)
    assert store.journal.get_note(note.id) == edited
    assert not store.journal.restore_note(snapshot).notes  # already back: nothing to do


def test_empty_or_bad_notes_are_refused(store):
    for body in ("", "   \n\t"):
        with pytest.raises(ValidationError):
            store.journal.add_note(NoteDraft(day=TODAY, body=body))
    with pytest.raises(ValidationError):
        store.journal.add_note(NoteDraft(day=TODAY + dt.timedelta(days=5), body="later"))
    note, _ = store.journal.add_note(NoteDraft(day=TODAY, body="ok"))
    with pytest.raises(ValidationError):
        store.journal.update_note(note.id, NoteDraft(day=TODAY, body="bad\x00"))
    store.journal.delete_note(note.id)
    with pytest.raises(ValidationError):
        store.journal.update_note(note.id, NoteDraft(day=TODAY, body="gone"))
    assert store.journal.count(ALL) == 0


# -- the combined list -----------------------------------------------------------


@pytest.fixture
def filled(store, clock):
    """Three days, notes and check-ins mixed, created in a known order."""
    made = {}
    made["c3"] = store.checkins.save(CheckinDraft(day=day(3), mood=2, note="court", tags=("a",)))[0]
    clock.advance(minutes=1)
    made["n3"] = store.journal.add_note(NoteDraft(day=day(3), body="after court", tags=("b",)))[0]
    clock.advance(minutes=1)
    made["n1"] = store.journal.add_note(NoteDraft(day=day(1), body="quiet", tags=("a", "b")))[0]
    clock.advance(minutes=1)
    made["c1"] = store.checkins.save(CheckinDraft(day=day(1), mood=4))[0]
    clock.advance(minutes=1)
    made["n0"] = store.journal.add_note(NoteDraft(day=day(0), body="today"))[0]
    clock.advance(minutes=1)
    made["old"] = store.journal.add_note(NoteDraft(day=day(9), body="backdated, made last"))[0]
    return {k: v.id for k, v in made.items()}


def test_entries_newest_first_mixing_kinds(store, filled):
    items = store.journal.entries(ALL)
    assert ids(items) == [filled[k] for k in ("n0", "c1", "n1", "n3", "c3", "old")]
    kinds = [i.kind for i in items]
    assert kinds.count(EntryKind.CHECKIN) == 2
    checkin_item = items[1]
    assert checkin_item.checkin is not None and checkin_item.checkin.mood == 4
    assert items[0].checkin is None and items[0].text == "today"
    assert store.journal.count(ALL) == 6


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (JournalFilter(start=day(3), end=day(1)), ["c1", "n1", "n3", "c3"]),
        (JournalFilter(start=day(1)), ["n0", "c1", "n1"]),
        (JournalFilter(end=day(3)), ["n3", "c3", "old"]),
        (JournalFilter(start=day(2), end=day(2)), []),
        (JournalFilter(tag="a"), ["n1", "c3"]),
        (JournalFilter(tag="b", start=day(2)), ["n1"]),
        (JournalFilter(tag="nope"), []),
        (JournalFilter(kinds=frozenset({EntryKind.NOTE})), ["n0", "n1", "n3", "old"]),
        (JournalFilter(kinds=frozenset({EntryKind.CHECKIN})), ["c1", "c3"]),
        (JournalFilter(kinds=frozenset()), []),
        (JournalFilter(query="court"), ["n3", "c3"]),
        (JournalFilter(query="court", kinds=frozenset({EntryKind.CHECKIN})), ["c3"]),
        (JournalFilter(query="court", tag="b"), ["n3"]),
        (JournalFilter(query="b"), ["n1", "n3", "old"]),  # tag "b", and "backdated"
    ],
)
def test_filters_and_count_agree(store, filled, flt, expected):
    items = store.journal.entries(flt)
    assert ids(items) == [filled[k] for k in expected]
    assert store.journal.count(flt) == len(items)


def test_paging_covers_everything_once(store, clock):
    # Many entries share a day and a timestamp: paging must still be stable.
    for n in range(12):
        store.checkins.save(CheckinDraft(day=day(n), mood=3))
        store.journal.add_note(NoteDraft(day=day(n), body=f"note {n}"))
        store.journal.add_note(NoteDraft(day=day(n), body=f"second {n}"))
    everything = ids(store.journal.entries(ALL))
    assert len(everything) == store.journal.count(ALL) == 36
    pages = [ids(store.journal.entries(ALL, limit=5, offset=o)) for o in range(0, 40, 5)]
    assert [len(p) for p in pages] == [5, 5, 5, 5, 5, 5, 5, 1]
    assert [i for page in pages for i in page] == everything
    assert store.journal.entries(ALL, limit=5, offset=100) == []
