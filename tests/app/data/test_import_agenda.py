"""Schema version 4: supervision agenda notes travel in the export and come back."""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pytest

from app.data import schema
from app.data.erase import delete_everything
from app.data.export import export_bytes
from app.data.importer import import_bytes
from app.errors import ImportRejected
from tests.app.data.conftest import AGENDA_IDS, fill_agenda, fill_selfcare, snapshot
from tests.helpers.fakes import PASSPHRASE

SECRET = "PRIVATE-AGENDA-5521"
LATER = "2026-11-21T23:00:00.000000Z"
EARLIER = "2026-01-01T00:00:00.000000Z"


@pytest.fixture
def agenda(filled):
    store = filled.require_store()
    fill_selfcare(store)
    fill_agenda(store)
    return filled


@pytest.fixture
def fresh(make_tend):
    t = make_tend("fresh")
    t.unlock(t.vault.create(PASSPHRASE).key)
    return t


def _doc(tend) -> dict[str, Any]:
    return json.loads(export_bytes(tend.require_store(), "json")[0])


def _bytes(doc: object) -> bytes:
    return json.dumps(doc).encode("utf-8")


def test_agenda_notes_are_in_the_json_export(agenda):
    doc = _doc(agenda)
    assert doc["schema_version"] == 4 and list(doc)[-1] == "supervision_agenda"
    notes = doc["supervision_agenda"]
    for entry in notes:
        assert list(entry) == list(schema.SUPERVISION_AGENDA_FIELDS)
        assert entry["updated_at"] == "2026-11-21T22:00:00.000000Z"
    assert [(n["attendance_id"], n["text"]) for n in notes] == [
        (AGENDA_IDS[0], "Talk about the Reynolds visit ✓"),
        (AGENDA_IDS[1], 'Caseload; "one more" referral'),
    ]


def test_agenda_notes_are_not_in_the_csv(agenda):
    data = export_bytes(agenda.require_store(), "csv")[0].decode("utf-8")
    assert "Reynolds" not in data
    rows = [row for row in csv.reader(io.StringIO(data)) if row][1:]
    assert {row[0] for row in rows} == {"checkin", "note"}


def test_a_round_trip_gives_back_every_note_and_a_second_import_adds_nothing(agenda, fresh):
    data = export_bytes(agenda.require_store(), "json")[0]
    report = import_bytes(fresh.require_store(), data)
    assert (report.agenda_added, report.agenda_updated, report.agenda_unchanged) == (2, 0, 0)
    assert "2 supervision agenda notes" in report.summary()
    store = fresh.require_store()
    assert store.agenda.ids() == set(AGENDA_IDS)
    assert store.agenda.get(AGENDA_IDS[0]) == "Talk about the Reynolds visit ✓"
    before = snapshot(store)
    assert before == data  # the same clock: byte for byte
    again = import_bytes(store, data)
    assert (again.agenda_added, again.agenda_updated, again.agenda_unchanged) == (0, 0, 2)
    assert not again.changed_anything
    assert snapshot(store) == before


def test_a_later_edit_wins_and_an_earlier_one_does_not(agenda):
    store = agenda.require_store()
    doc = _doc(agenda)
    older = copy.deepcopy(doc)
    older["supervision_agenda"][0].update(text="Older words", updated_at=EARLIER)
    assert import_bytes(store, _bytes(older)).agenda_updated == 0
    assert store.agenda.get(AGENDA_IDS[0]) == "Talk about the Reynolds visit ✓"
    doc["supervision_agenda"][0].update(text="Newer words", updated_at=LATER)
    report = import_bytes(store, _bytes(doc))
    assert (report.agenda_added, report.agenda_updated, report.agenda_unchanged) == (0, 1, 1)
    assert "1 supervision agenda notes updated" in report.summary()
    assert store.agenda.get(AGENDA_IDS[0]) == "Newer words"
    [first, _] = store.agenda.notes()
    assert first.updated_at.isoformat() == "2026-11-21T22:00:00+00:00"  # the other, unchanged
    assert store.agenda.notes()[-1].text == "Newer words"


@pytest.mark.parametrize("version", [1, 2, 3])
def test_older_files_still_import_and_may_not_carry_notes(agenda, fresh, version):
    doc = _doc(agenda)
    doc["schema_version"] = version
    with pytest.raises(ImportRejected, match="doesn't know"):
        import_bytes(fresh.require_store(), _bytes(doc))
    del doc["supervision_agenda"]
    if version < 3:
        del doc["selfcare_items"], doc["weekly_reviews"]
    if version < 2:
        del doc["measure_responses"], doc["measure_wordings"]
    report = import_bytes(fresh.require_store(), _bytes(doc))
    assert report.added == 5 and report.agenda_added == 0
    assert fresh.require_store().agenda.ids() == set()


def _note(doc: dict[str, Any], **changes: object) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    doc["supervision_agenda"][0].update(changes)
    return doc


@pytest.mark.parametrize(
    ("change", "words"),
    [
        ({"text": ""}, "nothing written"),
        ({"text": "   "}, "nothing written"),
        ({"text": SECRET + "x" * 4000}, "4,000"),
        ({"text": SECRET + "\x00"}, "can't be used"),
        ({"text": 7}, "isn't text"),
        ({"attendance_id": ""}, "“attendance_id”"),
        ({"attendance_id": "x" * 37}, "“attendance_id”"),
        ({"attendance_id": None}, "“attendance_id”"),
        ({"attendance_id": AGENDA_IDS[1]}, "same booking"),
        ({"updated_at": "2026-11-21T22:00:00"}, "time zone"),
        ({"colour": "blue"}, "doesn't know"),
    ],
)
def test_odd_notes_are_refused_without_repeating_them(agenda, change, words):
    store = agenda.require_store()
    before = snapshot(store)
    with pytest.raises(ImportRejected) as info:
        import_bytes(store, _bytes(_note(_doc(agenda), **change)))
    message = str(info.value)
    assert words in message and message.startswith("Supervision agenda note ")
    assert SECRET not in message and "Reynolds" not in message
    assert snapshot(store) == before


def test_the_list_itself_must_be_a_list(agenda):
    doc = _doc(agenda)
    doc["supervision_agenda"] = {"a": 1}
    with pytest.raises(ImportRejected, match="“supervision_agenda” isn't a list"):
        import_bytes(agenda.require_store(), _bytes(doc))


def test_deleting_everything_takes_the_notes_too(agenda):
    paths = agenda.paths
    delete_everything(agenda)
    assert not agenda.unlocked
    for path in paths.data.rglob("*"):
        if path.is_file():
            assert b"Reynolds" not in path.read_bytes()
    assert not (paths.data / "private.db").exists()
