"""Exports: the documented JSON schema, a spreadsheet-friendly CSV, written privately."""

from __future__ import annotations

import csv
import io
import json
import stat
import uuid

import pytest

from app.data import schema
from app.data.export import export_bytes, export_file, format_for
from app.domain import SCALES
from app.errors import UserFacingError
from tests.app.data.conftest import DAY


def test_json_export_has_the_documented_shape(filled, tmp_path):
    result = export_file(filled.require_store(), tmp_path / "out.json")
    doc = json.loads((tmp_path / "out.json").read_text("utf-8"))

    assert (result.checkins, result.notes) == (3, 2)
    assert list(doc) == list(schema.TOP_FIELDS)
    assert doc["format"] == "tend-export"
    assert doc["schema_version"] == 4
    assert doc["exported_at"] == "2026-11-21T22:00:00.000000Z"  # 09:00 in Sydney, in UTC
    assert doc["app_version"]
    for entry in doc["checkins"]:
        assert list(entry) == list(schema.CHECKIN_FIELDS)
        assert str(uuid.UUID(entry["id"])) == entry["id"]
    for entry in doc["notes"]:
        assert list(entry) == list(schema.NOTE_FIELDS)
    full = next(c for c in doc["checkins"] if c["day"] == DAY.isoformat())
    assert full["mood"] == 2
    assert full["sleep"] is None
    assert full["exposure"] == "a_lot"
    assert full["exposure_hours"] == 3.5
    assert full["day_kind"] == "work"
    assert full["tags"] == ["court", "hard case"]
    assert full["note"].endswith("Ünïcode ✓")
    assert full["created_at"].endswith("Z")


def test_json_export_holds_measure_responses_and_wordings(filled):
    doc = json.loads(export_bytes(filled.require_store(), "json")[0])
    responses = doc["measure_responses"]
    assert [r["measure_id"] for r in responses] == ["who5", "tend-pulse"]  # in day order
    for entry in responses:
        assert list(entry) == list(schema.MEASURE_RESPONSE_FIELDS)
        assert str(uuid.UUID(entry["id"])) == entry["id"]
        assert entry["definition_version"] == 1 and entry["taken_at"].endswith("Z")
    who5, pulse = responses
    assert who5["day"] == "2026-11-19" and who5["answers"] == [3, 4, 2, 3, 1]
    assert who5["scores"] == {"wellbeing": 52}
    assert pulse["answers"] == [2, None, 3, 1, 2, 3]
    assert pulse["scores"] == {"load": 2.5, "recovery": 2.0}
    assert doc["measure_wordings"] == [
        {
            "measure_id": "who5",
            "items": [f"Placeholder item {i}" for i in range(1, 6)],
            "added_at": "2026-11-21T22:00:00.000000Z",
        }
    ]


def test_csv_export_leaves_measures_out(filled):
    text = export_bytes(filled.require_store(), "csv")[0].decode("utf-8")
    assert "who5" not in text and "Placeholder" not in text
    assert len([row for row in csv.reader(io.StringIO(text)) if row]) == 1 + 5


def test_checkins_come_in_day_order(filled, tmp_path):
    export_file(filled.require_store(), tmp_path / "out.json")
    days = [c["day"] for c in json.loads((tmp_path / "out.json").read_text())["checkins"]]
    assert days == sorted(days)


def test_export_is_private_and_leaves_no_temporary_file(filled, tmp_path):
    target = tmp_path / "out.json"
    export_file(filled.require_store(), target)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["out.json"]


def test_export_replaces_an_existing_file(filled, tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    export_file(filled.require_store(), target)
    assert json.loads(target.read_text())["format"] == "tend-export"


def test_csv_export_parses_back_with_the_csv_module(filled, tmp_path):
    target = tmp_path / "out.csv"
    export_file(filled.require_store(), target)
    raw = target.read_bytes()
    rows = list(csv.DictReader(raw.decode("utf-8").splitlines(keepends=True)))

    assert list(rows[0]) == list(schema.CSV_COLUMNS)
    assert [r["kind"] for r in rows].count("checkin") == 3
    assert [r["kind"] for r in rows].count("note") == 2
    full = next(r for r in rows if r["kind"] == "checkin" and r["day"] == DAY.isoformat())
    assert [full[s] for s in SCALES] == ["2", "3", "", "5", "4", "1"]
    assert full["exposure"] == "a_lot"
    assert full["exposure_hours"] == "3.5"
    assert full["text"] == 'A long day; "court" again,\nthen home. Ünïcode ✓'  # quoting survived
    assert full["tags"] == "court; hard case"
    note = next(r for r in rows if r["kind"] == "note" and r["day"] == DAY.isoformat())
    assert note["text"] == "Supervision helped, a lot."
    assert note["mood"] == ""


def test_csv_rows_are_in_day_order_with_the_checkin_first(filled, tmp_path):
    target = tmp_path / "out.csv"
    export_file(filled.require_store(), target)
    rows = list(csv.DictReader(target.read_text("utf-8").splitlines(keepends=True)))
    keys = [(r["day"], r["kind"] != "checkin") for r in rows]
    assert keys == sorted(keys)


def test_empty_store_exports_empty_lists(unlocked, tmp_path):
    export_file(unlocked.require_store(), tmp_path / "e.json")
    doc = json.loads((tmp_path / "e.json").read_text())
    assert (doc["checkins"], doc["notes"]) == ([], [])


def test_format_follows_the_suffix_unless_given(filled, tmp_path):
    assert format_for(tmp_path / "x.CSV") == "csv"
    assert format_for(tmp_path / "x.json") == "json"
    assert format_for(tmp_path / "x") == "json"
    export_file(filled.require_store(), tmp_path / "x.txt", "csv")
    assert (tmp_path / "x.txt").read_text("utf-8").startswith("kind,id,day")


def test_unwritable_target_is_a_plain_error(filled, tmp_path):
    with pytest.raises(UserFacingError, match="couldn't write the export"):
        export_file(filled.require_store(), tmp_path / "missing-folder" / "out.json")


def test_exports_and_backups_never_go_inside_tends_own_folders(filled):
    from app.data.backup import make_backup
    from app.data.export import export_file
    from app.errors import UserFacingError

    store = filled.require_store()
    before = filled.paths.private_db.read_bytes()
    for target in (filled.paths.private_db, filled.paths.keyfile, filled.paths.data / "x.json"):
        with pytest.raises(UserFacingError):
            export_file(store, target)
        with pytest.raises(UserFacingError):
            make_backup(filled, target)
    assert filled.paths.private_db.read_bytes() == before
    assert not (filled.paths.data / "x.json").exists()


def test_csv_text_that_a_spreadsheet_would_run_is_quoted(filled, tmp_path):
    import csv
    import datetime as dt

    from app.data.export import export_file
    from app.domain import NoteDraft

    store = filled.require_store()
    store.journal.add_note(NoteDraft(day=dt.date(2026, 11, 21), body='=HYPERLINK("x")'))
    store.journal.add_note(NoteDraft(day=dt.date(2026, 11, 21), body="-2 then +3", tags=("@home",)))
    target = tmp_path / "out.csv"
    export_file(store, target)
    with target.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    texts = {row["text"] for row in rows}
    assert '\'=HYPERLINK("x")' in texts and "'-2 then +3" in texts
    assert not any(t.startswith(("=", "+", "-", "@")) for t in texts)
