"""Importing: a faithful round trip, safe to repeat, strict about what it accepts."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from app.data import entries, importer
from app.data.export import export_bytes, export_file
from app.data.importer import ImportReport, import_bytes, import_file
from app.domain import MAX_NOTE_CHARS, CheckinDraft, JournalFilter, NoteDraft
from app.errors import ImportRejected
from tests.app.data.conftest import DAY, snapshot
from tests.helpers.fakes import PASSPHRASE


def _doc(tend) -> dict[str, Any]:
    return json.loads(export_bytes(tend.require_store(), "json")[0])


def _bytes(doc: object) -> bytes:
    return json.dumps(doc).encode("utf-8")


@pytest.fixture
def fresh(make_tend):
    t = make_tend("fresh")
    t.unlock(t.vault.create(PASSPHRASE).key)
    return t


# -- the round trip -------------------------------------------------------------------------
def test_export_then_import_into_a_fresh_store_gives_the_same_content(filled, fresh, tmp_path):
    export_file(filled.require_store(), tmp_path / "all.json")

    report = import_file(fresh.require_store(), tmp_path / "all.json")

    # 5 entries; 2 measure responses and 1 wording
    assert report == ImportReport(added=5, measures_added=3)
    assert snapshot(fresh.require_store()) == snapshot(filled.require_store())


def test_imported_entries_keep_ids_tags_and_are_searchable(filled, fresh):
    original = filled.require_store().checkins.get(DAY)
    import_bytes(fresh.require_store(), snapshot(filled.require_store()))
    store = fresh.require_store()

    copy_ = store.checkins.get(DAY)
    assert copy_ == original
    assert store.journal.tags() == ["court", "hard case", "team", "walk"]
    for word, expected in (("supervision", 1), ("unicode", 1), ("rested", 1), ("nothing", 0)):
        assert store.journal.count(JournalFilter(query=word)) == expected
    assert store.journal.count(JournalFilter(tag="court")) == 1


def test_importing_the_same_file_twice_adds_nothing(filled, fresh):
    data = snapshot(filled.require_store())
    store = fresh.require_store()
    assert import_bytes(store, data).added == 5
    before = snapshot(store)

    again = import_bytes(store, data)

    assert again == ImportReport(added=0, updated=0, unchanged=5, measures_unchanged=3)
    assert not again.changed_anything
    assert snapshot(store) == before


def test_importing_into_the_store_it_came_from_changes_nothing(filled):
    store = filled.require_store()
    before = snapshot(store)
    assert import_bytes(store, before) == ImportReport(unchanged=5, measures_unchanged=3)
    assert snapshot(store) == before


# -- merging --------------------------------------------------------------------------------
def _bump(entry: dict[str, Any], minutes: int) -> None:
    moment = dt.datetime.fromisoformat(entry["updated_at"]) + dt.timedelta(minutes=minutes)
    entry["updated_at"] = moment.astimezone(dt.UTC).isoformat()


def test_a_newer_copy_in_the_file_replaces_the_entry(filled):
    store = filled.require_store()
    doc = _doc(filled)
    checkin = next(c for c in doc["checkins"] if c["day"] == DAY.isoformat())
    checkin.update(mood=5, note="fresh words", tags=["walk"])
    _bump(checkin, 10)
    note = doc["notes"][0]
    note["body"] = "rewritten later"
    _bump(note, 10)

    report = import_bytes(store, _bytes(doc))

    assert (report.added, report.updated, report.unchanged) == (0, 2, 3)
    saved = store.checkins.get(DAY)
    assert saved is not None and saved.mood == 5 and saved.tags == ("walk",)
    assert store.journal.count(JournalFilter(query="fresh")) == 1
    assert store.journal.count(JournalFilter(query="court")) == 0  # old words left the index
    assert store.journal.count(JournalFilter(query="rewritten")) == 1
    assert "hard case" not in store.journal.tags()  # no longer used by anything


def test_an_older_copy_in_the_file_leaves_the_entry_alone(filled):
    store = filled.require_store()
    doc = _doc(filled)
    checkin = next(c for c in doc["checkins"] if c["day"] == DAY.isoformat())
    checkin["mood"] = 5
    _bump(checkin, -10)
    before = snapshot(store)

    assert import_bytes(store, _bytes(doc)) == ImportReport(unchanged=5, measures_unchanged=3)
    assert snapshot(store) == before


def _other_checkin_for(doc: dict[str, Any], day: dt.date, minutes: int) -> dict[str, Any]:
    other = copy.deepcopy(next(c for c in doc["checkins"] if c["day"] == day.isoformat()))
    other["id"] = "0b0d7c1e-5a43-4c55-9a0e-6a8f0b1c2d3e"
    other["mood"] = 1
    _bump(other, minutes)
    return {
        **doc,
        "checkins": [other],
        "notes": [],
        "measure_responses": [],
        "measure_wordings": [],
    }


def test_a_different_checkin_for_a_taken_day_wins_if_it_was_updated_later(filled):
    store = filled.require_store()
    doc = _other_checkin_for(_doc(filled), DAY, +5)

    report = import_bytes(store, _bytes(doc))

    assert report == ImportReport(added=0, updated=1, unchanged=0, day_conflicts=1)
    saved = store.checkins.get(DAY)
    assert saved is not None and saved.id == doc["checkins"][0]["id"] and saved.mood == 1
    # and importing it again is now a no-op
    assert import_bytes(store, _bytes(doc)) == ImportReport(unchanged=1)


def test_a_different_checkin_for_a_taken_day_loses_if_older(filled):
    store = filled.require_store()
    before = snapshot(store)
    doc = _other_checkin_for(_doc(filled), DAY, -5)

    report = import_bytes(store, _bytes(doc))

    assert report == ImportReport(unchanged=1, day_conflicts=1)
    assert snapshot(store) == before


def test_an_entry_that_moved_day_frees_its_old_day_for_a_new_one(filled):
    store = filled.require_store()
    doc = _doc(filled)
    moved = next(c for c in doc["checkins"] if c["day"] == DAY.isoformat())
    newcomer = copy.deepcopy(moved)
    moved["day"] = (DAY - dt.timedelta(days=10)).isoformat()
    _bump(moved, 5)
    newcomer["id"] = "3f2a1b0c-1111-4222-8333-944455566677"
    doc["checkins"] = [newcomer, moved]  # the new one first: order in the file doesn't matter
    doc["notes"] = []

    report = import_bytes(store, _bytes(doc))

    assert (report.added, report.updated, report.day_conflicts) == (1, 1, 0)
    assert store.checkins.get(DAY).id == newcomer["id"]  # type: ignore[union-attr]
    assert store.checkins.get(DAY - dt.timedelta(days=10)).id == moved["id"]  # type: ignore[union-attr]


def test_imported_entries_mix_with_entries_made_later(filled, fresh):
    store = fresh.require_store()
    import_bytes(store, snapshot(filled.require_store()))
    store.checkins.save(CheckinDraft(day=DAY, mood=3, tags=("court",)))
    store.journal.add_note(NoteDraft(day=DAY, body="after the import", tags=("team",)))
    assert store.journal.count(JournalFilter()) == 6


# -- rejections -----------------------------------------------------------------------------
SECRET = "PRIVATE-WORDS-7731"


def _mutate(path: str, value: Any) -> Any:
    def apply(doc: dict[str, Any]) -> dict[str, Any]:
        target: Any = doc
        keys = [int(k) if k.isdigit() else k for k in path.split(".")]
        for key in keys[:-1]:
            target = target[key]
        if value is KeyError:
            del target[keys[-1]]
        else:
            target[keys[-1]] = value
        return doc

    return apply


def _duplicate_id(doc: dict[str, Any]) -> dict[str, Any]:
    doc["notes"][1]["id"] = doc["checkins"][0]["id"]
    return doc


def _duplicate_day(doc: dict[str, Any]) -> dict[str, Any]:
    doc["checkins"][1]["day"] = doc["checkins"][0]["day"]
    return doc


def _secret_note(doc: dict[str, Any], value: str) -> dict[str, Any]:
    doc["checkins"][0]["note"] = SECRET + value
    return doc


REJECTIONS = [
    (_mutate("format", "something-else"), "isn't a Tend export"),
    (_mutate("schema_version", 5), "made by a newer version of Tend"),
    (_mutate("schema_version", "1"), "no readable schema version"),
    (_mutate("schema_version", True), "no readable schema version"),
    (_mutate("checkins", {}), "“checkins” isn't a list"),
    (_mutate("notes", KeyError), "missing its “notes” field"),
    (_mutate("colour", "blue"), "doesn't know (“colour”)"),
    (_mutate("checkins.0.mood", KeyError), "Check-in 1 is missing its “mood” field"),
    (_mutate("checkins.1.extra", 1), "Check-in 2 has a field Tend doesn't know"),
    (_mutate("checkins.0", "not an entry"), "Check-in 1 isn't written as a set of fields"),
    (_mutate("notes.0.id", "not-a-uuid"), "Note 1 has an id that isn't a valid UUID"),
    (_mutate("notes.0.id", 42), "valid UUID"),
    (_duplicate_id, "Note 2 has the same id as check-in 1"),
    (_duplicate_day, "same day as check-in 1"),
    (_mutate("checkins.0.day", "2026-13-01"), "isn't a YYYY-MM-DD date"),
    (_mutate("checkins.0.day", "20261101"), "isn't a YYYY-MM-DD date"),
    (_mutate("checkins.0.day", "2031-01-01"), "today or any day before it"),
    (_mutate("checkins.0.mood", 6), "“mood” that isn't a number from 1 to 5"),
    (_mutate("checkins.0.mood", True), "number from 1 to 5"),
    (_mutate("checkins.0.mood", 3.0), "number from 1 to 5"),
    (_mutate("checkins.0.sleep", "4"), "number from 1 to 5"),
    (_mutate("checkins.0.exposure", "lots"), "“exposure” that isn't one of"),
    (_mutate("checkins.0.exposure_hours", 25), "from 0 to 24"),
    (_mutate("checkins.0.exposure_hours", False), "from 0 to 24"),
    (_mutate("checkins.0.day_kind", None), "“day_kind” that isn't one of"),
    (_mutate("checkins.0.note", None), "“note” that isn't text"),
    (_mutate("checkins.0.note", "x" * (MAX_NOTE_CHARS + 1)), "can be up to 50,000 characters"),
    (_mutate("notes.0.body", "   "), "nothing in this note yet"),
    (_mutate("notes.0.tags", "court"), "tags that aren't a list"),
    (_mutate("notes.0.tags", [SECRET, 3]), "“tags” that isn't text"),
    (_mutate("notes.0.tags", [SECRET * 5]), "Tags can be up to 40 characters"),
    (_mutate("notes.0.tags", [f"t{i}" for i in range(21)]), "Up to 20 tags"),
    (_mutate("checkins.0.created_at", "2026-11-20T10:00:00"), "with a time zone"),
    (_mutate("checkins.0.updated_at", "yesterday"), "with a time zone"),
    (_mutate("exported_at", 0), "with a time zone"),
    (_mutate("app_version", "9" * 101), "too long"),
    (lambda d: _secret_note(d, "\x00"), "character Tend can't store"),
    (lambda d: _secret_note(d, "\ud800"), "characters Tend can't store"),
    (lambda d: [d], "isn't a Tend export"),
]


@pytest.mark.parametrize(("mutation", "message"), REJECTIONS)
def test_bad_files_are_rejected_with_a_plain_reason_and_nothing_changes(filled, mutation, message):
    store = filled.require_store()
    before = snapshot(store)
    doc = mutation(_doc(filled))

    with pytest.raises(ImportRejected) as caught:
        import_bytes(store, json.dumps(doc, ensure_ascii=True).encode("utf-8"))

    assert message in caught.value.message
    assert SECRET not in caught.value.message
    assert "\n" not in caught.value.message
    assert snapshot(store) == before


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "isn't complete JSON"),
        (b"\xff\xfe\x00garbage", "isn't readable text"),
        (b'{"format": "tend-export", "schema_version": 1', "cut short"),
        (b'{"a": NaN}', "NaN or Infinity"),
        (b'{"a": -Infinity}', "NaN or Infinity"),
        (b'{"a": 1e400}', "NaN or Infinity"),
        (b'{"format": "tend-export", "format": "tend-export"}', "repeats a field name"),
        (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
        (b'{"a": ' + b"9" * 5000 + b"}", "isn't complete JSON"),
    ],
)
def test_unreadable_files_are_rejected(unlocked, data, message):
    with pytest.raises(ImportRejected, match=message):
        import_bytes(unlocked.require_store(), data)


def test_a_utf8_byte_order_mark_is_fine(filled, fresh):
    data = b"\xef\xbb\xbf" + snapshot(filled.require_store())
    assert import_bytes(fresh.require_store(), data).added == 5


def test_files_over_the_size_cap_are_refused_before_parsing(unlocked, tmp_path, monkeypatch):
    monkeypatch.setattr(importer, "MAX_IMPORT_BYTES", 1024 * 1024)
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (1024 * 1024 + 1))
    with pytest.raises(ImportRejected, match="larger than 1 MB"):
        import_file(unlocked.require_store(), big)


def test_a_missing_file_is_a_plain_error(unlocked, tmp_path):
    with pytest.raises(ImportRejected, match="couldn't open that file"):
        import_file(unlocked.require_store(), tmp_path / "nope.json")


def test_many_distinct_tags_are_created_in_slices(fresh, monkeypatch):
    """Tag lookups go in slices (SQLite caps bound values per statement); ids must match up."""
    monkeypatch.setattr(entries, "TAG_SLICE", 7)
    notes = [
        {
            "id": f"00000000-0000-4000-8000-{i:012d}",
            "day": "2026-11-01",
            "body": f"note {i}",
            "tags": ["shared", *(f"t{i}-{j}" for j in range(5))],
            "created_at": "2026-11-01T00:00:00Z",
            "updated_at": "2026-11-01T00:00:00Z",
        }
        for i in range(40)
    ]
    doc = {
        "format": "tend-export",
        "schema_version": 1,
        "exported_at": "2026-11-01T00:00:00Z",
        "app_version": "test",
        "checkins": [],
        "notes": notes,
    }
    store = fresh.require_store()
    assert import_bytes(store, _bytes(doc)).added == 40
    assert len(store.journal.tags()) == 201
    assert store.journal.count(JournalFilter(tag="shared")) == 40
    note = store.journal.get_note("00000000-0000-4000-8000-000000000039")
    assert note is not None and note.tags == ("shared", *(f"t39-{j}" for j in range(5)))
