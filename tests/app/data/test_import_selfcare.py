"""Schema version 3: the self-care plan and weekly reviews travel in the export and come back."""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

import pytest

from app.data import schema
from app.data.export import export_bytes
from app.data.importer import ImportReport, import_bytes
from app.errors import ImportRejected
from app.selfcare.model import Area, Kind
from tests.app.data.conftest import WEEK, fill_selfcare, snapshot
from tests.helpers.fakes import PASSPHRASE

SECRET = "PRIVATE-PLAN-9031"
LATER = "2026-11-21T23:00:00.000000Z"
EARLIER = "2026-01-01T00:00:00.000000Z"


@pytest.fixture
def planned(filled):
    fill_selfcare(filled.require_store())
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


def test_the_plan_and_reviews_are_in_the_json_export(planned):
    doc = _doc(planned)
    assert doc["schema_version"] == 4
    assert list(doc)[-3:-1] == ["selfcare_items", "weekly_reviews"]
    items = doc["selfcare_items"]
    for entry in items:
        assert list(entry) == list(schema.SELFCARE_ITEM_FIELDS)
    assert [(i["area"], i["kind"], i["position"], i["text"]) for i in items] == [
        ("body", "restores", 0, "Early night ✓"),
        ("body", "restores", 1, "A walk at lunch, even a short one"),
        ("boundaries", "drains", 0, 'Answering "just one" email after hours'),
    ]
    [review] = doc["weekly_reviews"]
    assert list(review) == list(schema.WEEKLY_REVIEW_FIELDS)
    assert review["week_start"] == WEEK.isoformat() == "2026-11-16"
    assert (review["helped"], review["drained"], review["next_week"]) == (
        "The walk on Tuesday",
        "Court, again",
        "Book a day off",
    )
    assert review["updated_at"].endswith("Z")


def test_csv_leaves_the_plan_out(planned):
    text = export_bytes(planned.require_store(), "csv")[0].decode("utf-8")
    assert "walk at lunch" not in text and "Book a day off" not in text
    assert len([row for row in csv.reader(io.StringIO(text)) if row]) == 1 + 5


def test_round_trip_into_a_fresh_store(planned, fresh):
    report = import_bytes(fresh.require_store(), snapshot(planned.require_store()))
    assert (report.selfcare_added, report.selfcare_updated) == (4, 0)
    mine, theirs = planned.require_store().selfcare, fresh.require_store().selfcare
    assert theirs.items() == mine.items()
    assert theirs.review(WEEK) == mine.review(WEEK)
    assert snapshot(fresh.require_store()) == snapshot(planned.require_store())
    assert "4 self-care items and reviews" in report.summary()


def test_importing_twice_changes_nothing(planned, fresh):
    data = snapshot(planned.require_store())
    import_bytes(fresh.require_store(), data)
    before = snapshot(fresh.require_store())
    again = import_bytes(fresh.require_store(), data)
    assert (again.selfcare_added, again.selfcare_updated, again.selfcare_unchanged) == (0, 0, 4)
    assert not again.changed_anything
    assert snapshot(fresh.require_store()) == before


def test_a_version_2_file_still_imports(planned, fresh):
    doc = _doc(planned)
    doc["schema_version"] = 2
    del doc["selfcare_items"], doc["weekly_reviews"], doc["supervision_agenda"]
    report = import_bytes(fresh.require_store(), _bytes(doc))
    assert report == ImportReport(added=5, measures_added=3)
    assert fresh.require_store().selfcare.items() == []


def test_a_version_2_file_may_not_carry_a_plan(planned):
    doc = _doc(planned)
    doc["schema_version"] = 2
    with pytest.raises(ImportRejected, match="doesn't know"):
        import_bytes(planned.require_store(), _bytes(doc))


def test_a_later_edit_of_an_item_wins_and_an_earlier_one_does_not(planned):
    store = planned.require_store()
    doc = _doc(planned)
    item = doc["selfcare_items"][0]
    older = copy.deepcopy(doc)
    older["selfcare_items"][0].update(text="Older words", updated_at=EARLIER)
    assert import_bytes(store, _bytes(older)).selfcare_updated == 0
    item.update(text="Newer words", updated_at=LATER, kind="drains")
    report = import_bytes(store, _bytes(doc))
    assert (report.selfcare_added, report.selfcare_updated) == (0, 1)
    assert report.changed_anything and "1 self-care items or reviews updated" in report.summary()
    changed = store.selfcare.get(item["id"])
    assert (changed.text, changed.kind) == ("Newer words", Kind.DRAINS)


def test_a_new_item_is_added(planned):
    store = planned.require_store()
    doc = _doc(planned)
    extra = copy.deepcopy(doc["selfcare_items"][0])
    extra.update(id="5c1a2b3d-0000-4000-8000-0000000000aa", area="mind", text="Music")
    doc["selfcare_items"].append(extra)
    report = import_bytes(store, _bytes(doc))
    assert (report.selfcare_added, report.selfcare_unchanged) == (1, 4)
    assert [i.text for i in store.selfcare.items() if i.area is Area.MIND] == ["Music"]
    assert "1 self-care item or review" in report.summary()


@pytest.mark.parametrize(("stamp", "wins"), [(LATER, True), (EARLIER, False)])
def test_another_review_for_the_same_week_wins_only_if_updated_later(planned, stamp, wins):
    store = planned.require_store()
    doc = _doc(planned)
    mine = store.selfcare.review(WEEK)
    doc["weekly_reviews"][0].update(
        id="5c1a2b3d-0000-4000-8000-0000000000bb", helped="Other words", updated_at=stamp
    )
    report = import_bytes(store, _bytes(doc))
    kept = store.selfcare.review(WEEK)
    assert store.selfcare.reviewed_weeks() == [WEEK]
    if wins:
        assert (kept.helped, report.selfcare_updated) == ("Other words", 1)
    else:
        assert (kept, report.selfcare_updated, report.changed_anything) == (mine, 0, False)


def test_a_review_moved_to_another_week_frees_its_old_week(planned):
    store = planned.require_store()
    doc = _doc(planned)
    moved = doc["weekly_reviews"][0]
    moved.update(week_start="2026-11-09", updated_at=LATER)
    newcomer = copy.deepcopy(moved)
    newcomer.update(id="5c1a2b3d-0000-4000-8000-0000000000cc", week_start=WEEK.isoformat())
    doc["weekly_reviews"].append(newcomer)
    report = import_bytes(store, _bytes(doc))
    assert (report.selfcare_updated, report.selfcare_added) == (1, 1)
    assert [str(w) for w in store.selfcare.reviewed_weeks()] == ["2026-11-16", "2026-11-09"]


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["selfcare_items"][0].update(text=SECRET * 40), "up to 300 characters"),
        (lambda d: d["selfcare_items"][0].update(text="   "), "nothing written"),
        (lambda d: d["selfcare_items"][1].update(area=SECRET), "Self-care item 2 can't be used"),
        (lambda d: d["selfcare_items"][2].update(kind="both"), "restores you or drains you"),
        (lambda d: d["selfcare_items"][0].update(position=-1), "“position” that isn't from 0"),
        (lambda d: d["selfcare_items"][0].update(position=True), "isn't a whole number"),
        (lambda d: d["selfcare_items"][0].update(id=d["notes"][0]["id"]), "same id as note 1"),
        (lambda d: d["weekly_reviews"][0].update(week_start="2026-11-17"), "starts on a Monday"),
        (lambda d: d["weekly_reviews"][0].update(week_start="2026-11-30"), "this week or any"),
        (lambda d: d["weekly_reviews"][0].update(helped=SECRET * 500), "can be up to 4,000"),
        (
            lambda d: d["weekly_reviews"][0].update(helped="", drained=" ", next_week=""),
            "nothing written in it",
        ),
        (
            lambda d: d["weekly_reviews"][0].update(id=d["notes"][1]["id"].upper()),
            "Weekly review 1 has the same id as note 2",
        ),
        (
            lambda d: d["weekly_reviews"].append(
                {**d["weekly_reviews"][0], "id": "5c1a2b3d-0000-4000-8000-0000000000dd"}
            ),
            "same week as weekly review 1",
        ),
        (lambda d: d.update(selfcare_items={}), "“selfcare_items” isn't a list"),
        (lambda d: d.update(weekly_reviews=None), "“weekly_reviews” isn't a list"),
    ],
)
def test_bad_plans_are_refused_plainly_and_change_nothing(planned, change, message):
    store = planned.require_store()
    doc = _doc(planned)
    change(doc)
    before = snapshot(store)
    with pytest.raises(ImportRejected, match=message) as caught:
        import_bytes(store, _bytes(doc))
    assert SECRET not in caught.value.message
    assert snapshot(store) == before
