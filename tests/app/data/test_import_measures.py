"""Schema version 2: measure responses and wordings travel in the export and come back."""

from __future__ import annotations

import copy
import datetime as dt
import json
from typing import Any

import pytest

from app.data.export import export_bytes
from app.data.importer import ImportReport, import_bytes
from app.errors import ImportRejected
from tests.app.data.conftest import DAY, snapshot
from tests.helpers.fakes import PASSPHRASE

SECRET = "PRIVATE-WORDING-4412"


@pytest.fixture
def fresh(make_tend):
    t = make_tend("fresh")
    t.unlock(t.vault.create(PASSPHRASE).key)
    return t


def _doc(tend) -> dict[str, Any]:
    return json.loads(export_bytes(tend.require_store(), "json")[0])


def _bytes(doc: object) -> bytes:
    return json.dumps(doc).encode("utf-8")


def test_responses_and_wording_round_trip(filled, fresh):
    store = fresh.require_store()
    import_bytes(store, snapshot(filled.require_store()))
    original = filled.require_store().measures
    assert store.measures.history("who5") == original.history("who5")
    assert store.measures.history("tend-pulse") == original.history("tend-pulse")
    assert store.measures.wording("who5") == tuple(f"Placeholder item {i}" for i in range(1, 6))
    assert snapshot(store) == snapshot(filled.require_store())


def test_a_version_1_file_still_imports(filled, fresh):
    doc = _doc(filled)
    doc["schema_version"] = 1
    del doc["measure_responses"], doc["measure_wordings"]
    del doc["selfcare_items"], doc["weekly_reviews"], doc["supervision_agenda"]
    assert import_bytes(fresh.require_store(), _bytes(doc)) == ImportReport(added=5)
    assert fresh.require_store().measures.history("who5") == []


def test_a_version_1_file_may_not_carry_measures(filled):
    doc = _doc(filled)
    doc["schema_version"] = 1
    with pytest.raises(ImportRejected, match="doesn't know"):
        import_bytes(filled.require_store(), _bytes(doc))


def test_a_later_wording_replaces_an_earlier_one(filled):
    store = filled.require_store()
    doc = _doc(filled)
    wording = doc["measure_wordings"][0]
    wording["items"] = [f"Other placeholder {i}" for i in range(1, 6)]
    older = copy.deepcopy(doc)
    older["measure_wordings"][0]["added_at"] = "2026-01-01T00:00:00Z"
    assert import_bytes(store, _bytes(older)).measures_updated == 0
    assert store.measures.wording("who5")[0] == "Placeholder item 1"
    wording["added_at"] = "2026-11-21T23:00:00Z"
    report = import_bytes(store, _bytes(doc))
    assert (report.measures_added, report.measures_updated) == (0, 1)
    assert (report.added, report.updated) == (0, 0) and report.changed_anything
    assert store.measures.wording("who5")[0] == "Other placeholder 1"


def test_a_new_response_is_added_and_a_known_id_left_alone(filled):
    store = filled.require_store()
    doc = _doc(filled)
    extra = copy.deepcopy(doc["measure_responses"][0])
    extra["id"] = "5c1a2b3d-0000-4000-8000-000000000001"
    extra["day"] = (DAY - dt.timedelta(days=30)).isoformat()
    doc["measure_responses"].append(extra)
    report = import_bytes(store, _bytes(doc))
    assert report == ImportReport(unchanged=5, measures_added=1, measures_unchanged=3)
    assert len(store.measures.history("who5")) == 2


def _set(kind: str, index: int, field: str, value: Any):
    def apply(doc: dict[str, Any]) -> dict[str, Any]:
        doc[kind][index][field] = value
        return doc

    return apply


def _response(field: str, value: Any):
    return _set("measure_responses", 0, field, value)  # the WHO-5 response


def _wording(field: str, value: Any):
    return _set("measure_wordings", 0, field, value)


def _twice(kind: str):
    def apply(doc: dict[str, Any]) -> dict[str, Any]:
        doc[kind].append(copy.deepcopy(doc[kind][0]))
        return doc

    return apply


def _top(field: str, value: Any):
    def apply(doc: dict[str, Any]) -> dict[str, Any]:
        doc[field] = value
        return doc

    return apply


REJECTIONS = [
    (_top("measure_responses", {}), "“measure_responses” isn't a list"),
    (_top("measure_wordings", None), "“measure_wordings” isn't a list"),
    (_response("measure_id", "phq10"), "Measure response 1 is for a questionnaire this Tend"),
    (_response("measure_id", SECRET), "doesn't know"),
    (_response("definition_version", 2), "another version"),
    (_response("definition_version", True), "another version"),
    (_response("answers", [3, 4, 2, 3]), "needs 5 answers"),
    (_response("answers", [3, 4, 2, 3, 6]), "from 0 to 5"),
    (_response("answers", [3, 4, 2, 3, True]), "one of the choices"),
    (_response("answers", [3, 4, 2, 3, 1.0]), "one of the choices"),
    (_response("answers", "34231"), "answers need to be a list"),
    (_response("answers", [3, 4, 2, 3, None]), "too many skipped"),
    (_response("scores", {"wellbeing": 100}), "don't match its answers"),
    (_response("scores", {"wellbeing": 52, "x": 1}), "don't match"),
    (_response("scores", {"wellbeing": None}), "don't match"),
    (_response("scores", {"wellbeing": "52"}), "don't match"),
    (_response("scores", [52]), "don't match"),
    (_response("day", "2031-01-01"), "today or any day before it"),
    (_response("taken_at", "2026-11-20T10:00:00"), "with a time zone"),
    (_response("id", "nope"), "valid UUID"),
    (_response("extra", 1), "Measure response 1 has a field Tend doesn't know"),
    (_twice("measure_responses"), "Measure response 3 has the same id as measure response 1"),
    (_wording("items", [SECRET] * 4), "has 5 items, and the wording given has 4"),
    (_wording("items", [SECRET] * 4 + [""]), "empty"),
    (_wording("items", [SECRET] * 4 + [7]), "list of item texts"),
    (_wording("items", SECRET), "“items” that aren't a list"),
    (_wording("items", [SECRET] * 4 + ["x" * 1001]), "1000 characters"),
    (_wording("items", [SECRET] * 4 + ["\ud800"]), "characters Tend can't store"),
    (_wording("measure_id", "tend-pulse"), "Tend's own questionnaires"),
    (_wording("added_at", "soon"), "with a time zone"),
    (_twice("measure_wordings"), "same questionnaire as wording 1"),
]


@pytest.mark.parametrize(("mutation", "message"), REJECTIONS)
def test_bad_measure_parts_are_rejected_and_nothing_changes(filled, mutation, message):
    store = filled.require_store()
    before = snapshot(store)
    doc = mutation(_doc(filled))
    with pytest.raises(ImportRejected) as caught:
        import_bytes(store, json.dumps(doc, ensure_ascii=True).encode("utf-8"))
    assert message in caught.value.message
    assert SECRET not in caught.value.message
    assert snapshot(store) == before
