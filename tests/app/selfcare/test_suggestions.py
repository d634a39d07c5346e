"""Starter ideas: a sound file in Tend's own words, and keep / edit / drop."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from app.domain import Changes
from app.errors import ValidationError
from app.selfcare import suggestions as module
from app.selfcare.model import Area, Kind
from app.selfcare.service import DROPPED_KEY, KEPT_KEY
from app.selfcare.suggestions import SuggestionFileError, parse, starter_suggestions
from app.store import models

CHANGED = Changes(selfcare=True)
# Clinical or blaming words have no place in the ideas.
UNKIND = ("should", "must", "fail", "lazy", "weak", "disorder", "symptom", "patient", "streak")


def test_each_area_has_a_dozen_or_so_ideas_mostly_restoring():
    ideas = starter_suggestions()
    per_area = Counter(g.area for g in ideas)
    assert set(per_area) == set(Area)
    for area in Area:
        restoring = [g for g in ideas if g.area is area and g.kind is Kind.RESTORES]
        draining = [g for g in ideas if g.area is area and g.kind is Kind.DRAINS]
        assert 10 <= len(restoring) <= 16 and 2 <= len(draining) <= 5, area
    assert len({g.id for g in ideas}) == len(ideas)
    assert len({g.text.casefold() for g in ideas}) == len(ideas)


def test_the_ideas_are_plain_and_kind():
    for g in starter_suggestions():
        words = g.text.casefold()
        assert not any(w in words.split() for w in UNKIND), g.id
        assert len(g.text) <= 80 and g.text[0].isupper() and not g.text.endswith("."), g.id


@pytest.mark.parametrize(
    "doc",
    [
        None,
        {"version": 2, "suggestions": []},
        {"version": 1},
        {"version": 1, "suggestions": [{"id": "body-x", "area": "body", "kind": "restores"}]},
        {
            "version": 1,
            "suggestions": [{"id": "B X", "area": "body", "kind": "restores", "text": "Hi"}],
        },
        {
            "version": 1,
            "suggestions": [{"id": "body-x", "area": "feet", "kind": "restores", "text": "Hi"}],
        },
        {
            "version": 1,
            "suggestions": [{"id": "body-x", "area": "body", "kind": "restores", "text": " "}],
        },
        {
            "version": 1,
            "suggestions": [{"id": "body-x", "area": "body", "kind": "restores", "text": "A"}] * 2,
        },
    ],
)
def test_a_broken_file_fails_loudly(doc):
    with pytest.raises(SuggestionFileError):
        parse(doc)


def test_the_shipped_file_parses_the_same_way(tmp_path):
    target = tmp_path / "s.json"
    target.write_text(json.dumps({"version": 1, "suggestions": [
        {"id": "mind-a", "area": "mind", "kind": "drains", "text": " Late news "}]}))  # fmt: skip
    [idea] = module.load_file(target)
    assert (idea.id, idea.area, idea.kind, idea.text) == ("mind-a", Area.MIND, Kind.DRAINS,
                                                         "Late news")  # fmt: skip


def _setting(store, key):
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql(
            f"SELECT value FROM {models.PrivateSetting.__tablename__} WHERE key = ?", (key,)
        ).first()
    return None if row is None else json.loads(row[0])


def test_keeping_an_idea_adds_it_to_the_plan_and_hides_it(unlocked, selfcare):
    idea = selfcare.suggestions()[0]
    item, changes = selfcare.keep_suggestion(idea.id)
    assert changes == CHANGED
    assert (item.area, item.kind, item.text) == (idea.area, idea.kind, idea.text)
    assert idea.id not in {g.id for g in selfcare.suggestions()}
    assert _setting(unlocked.require_store(), KEPT_KEY) == [idea.id]


def test_keeping_in_your_own_words(selfcare):
    idea = next(g for g in selfcare.suggestions() if g.kind is Kind.DRAINS)
    item, _ = selfcare.keep_suggestion(idea.id, "  Skipping lunch when court runs late ")
    assert (item.kind, item.text) == (Kind.DRAINS, "Skipping lunch when court runs late")
    assert idea.id not in {g.id for g in selfcare.suggestions()}
    with pytest.raises(ValidationError, match="nothing written"):
        selfcare.keep_suggestion(selfcare.suggestions()[0].id, "")


def test_dropping_hides_an_idea_until_brought_back(unlocked, selfcare):
    before = selfcare.suggestions()
    first, second = before[0], before[5]
    assert selfcare.drop_suggestion(first.id) == CHANGED
    assert selfcare.drop_suggestion(second.id) == CHANGED
    assert selfcare.drop_suggestion(first.id) == Changes()  # already dropped
    assert [g.id for g in selfcare.suggestions()] == [
        g.id for g in before if g.id not in (first.id, second.id)
    ]
    assert selfcare.dropped_count() == 2
    assert _setting(unlocked.require_store(), DROPPED_KEY) == [first.id, second.id]
    assert selfcare.items() == []  # dropping adds nothing
    assert selfcare.bring_back_dropped() == CHANGED
    assert selfcare.bring_back_dropped() == Changes()
    assert selfcare.suggestions() == before


def test_an_idea_already_in_the_plan_is_not_offered(selfcare):
    idea = selfcare.suggestions()[3]
    selfcare.add(idea.area, idea.kind, idea.text.upper())
    assert idea.id not in {g.id for g in selfcare.suggestions()}


def test_unknown_ideas_are_refused(selfcare):
    for call in (selfcare.keep_suggestion, selfcare.drop_suggestion):
        with pytest.raises(ValidationError, match="doesn't know that idea"):
            call("body-nothing-like-this")
