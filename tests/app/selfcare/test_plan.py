"""Plan items: add, edit, move between lists, remove and put back, reorder."""

from __future__ import annotations

import datetime as dt

import pytest

from app.domain import Changes
from app.errors import ValidationError
from app.selfcare.model import MAX_ITEM_CHARS, Area, Kind

CHANGED = Changes(selfcare=True)
SECRET = "PRIVATE-PLAN-7731"


def texts(selfcare, area=Area.BODY, kind=Kind.RESTORES) -> list[str]:
    return [i.text for i in selfcare.items() if i.area is area and i.kind is kind]


def test_an_empty_plan(selfcare):
    assert selfcare.items() == []
    assert selfcare.pick_prompt(dt.date(2026, 11, 22)) is None


def test_items_are_added_to_the_end_of_their_list(selfcare, clock):
    first, changes = selfcare.add(Area.BODY, Kind.RESTORES, "  A walk   at lunch ")
    assert changes == CHANGED
    assert first.text == "A walk at lunch"  # spaces tidied
    assert (first.area, first.kind, first.position) == (Area.BODY, Kind.RESTORES, 0)
    assert first.created_at == clock.now()
    second, _ = selfcare.add("body", "restores", "Early night")
    selfcare.add(Area.BODY, Kind.DRAINS, "Skipping lunch")
    assert second.position == 1
    assert texts(selfcare) == ["A walk at lunch", "Early night"]
    assert texts(selfcare, kind=Kind.DRAINS) == ["Skipping lunch"]
    assert selfcare.get(second.id) == second


def test_items_come_back_by_area_restoring_first(selfcare):
    selfcare.add(Area.BOUNDARIES, Kind.RESTORES, "Leave on time")
    selfcare.add(Area.MIND, Kind.DRAINS, "News before bed")
    selfcare.add(Area.MIND, Kind.RESTORES, "Music")
    selfcare.add(Area.BODY, Kind.DRAINS, "No lunch")
    order = [(i.area, i.kind) for i in selfcare.items()]
    assert order == [
        (Area.BODY, Kind.DRAINS),
        (Area.MIND, Kind.RESTORES),
        (Area.MIND, Kind.DRAINS),
        (Area.BOUNDARIES, Kind.RESTORES),
    ]


@pytest.mark.parametrize(
    ("area", "kind", "text", "message"),
    [
        ("body", "restores", "   ", "nothing written"),
        ("body", "restores", "x" * (MAX_ITEM_CHARS + 1), "up to 300"),
        ("body", "restores", f"{SECRET}\x00", "can't store"),
        ("body", "restores", 42, "needs to be text"),
        (SECRET, "restores", "Fine", "areas"),
        ("body", SECRET, "Fine", "restores you or drains you"),
        ("body", None, "Fine", "restores you or drains you"),
    ],
)
def test_bad_items_are_refused_calmly_without_repeating_them(selfcare, area, kind, text, message):
    with pytest.raises(ValidationError, match=message) as caught:
        selfcare.add(area, kind, text)
    assert SECRET not in str(caught.value) and "xxxxx" not in str(caught.value)
    assert selfcare.items() == []


def test_editing_changes_the_words_and_keeps_the_place(selfcare, clock):
    a, _ = selfcare.add(Area.MIND, Kind.RESTORES, "Reading")
    selfcare.add(Area.MIND, Kind.RESTORES, "Music")
    clock.advance(minutes=5)
    edited, changes = selfcare.update(a.id, "Reading a novel")
    assert changes == CHANGED
    assert (edited.text, edited.position, edited.created_at) == ("Reading a novel", 0, a.created_at)
    assert edited.updated_at == clock.now()
    assert texts(selfcare, Area.MIND) == ["Reading a novel", "Music"]


def test_editing_into_another_list_moves_it_to_the_end_there(selfcare):
    a, _ = selfcare.add(Area.BODY, Kind.RESTORES, "One")
    b, _ = selfcare.add(Area.BODY, Kind.RESTORES, "Two")
    selfcare.add(Area.BODY, Kind.DRAINS, "Three")
    moved, _ = selfcare.update(a.id, "One, really a drain", kind=Kind.DRAINS)
    assert (moved.kind, moved.position) == (Kind.DRAINS, 1)
    assert texts(selfcare, kind=Kind.DRAINS) == ["Three", "One, really a drain"]
    assert selfcare.get(b.id).position == 0  # the old list closes the gap
    elsewhere, _ = selfcare.update(b.id, "Two", area="connection")
    assert (elsewhere.area, elsewhere.kind, elsewhere.position) == (
        Area.CONNECTION,
        Kind.RESTORES,
        0,
    )


def test_editing_a_removed_item_says_so(selfcare):
    a, _ = selfcare.add(Area.BODY, Kind.RESTORES, "One")
    selfcare.delete(a.id)
    with pytest.raises(ValidationError, match="removed from your plan"):
        selfcare.update(a.id, "Again")
    with pytest.raises(ValidationError, match="nothing written"):
        selfcare.update(a.id, " ")


def test_removing_closes_the_gap_and_undo_puts_it_back_in_place(selfcare):
    items = [selfcare.add(Area.CONNECTION, Kind.RESTORES, t)[0] for t in ("A", "B", "C")]
    snapshot, changes = selfcare.delete(items[1].id)
    assert changes == CHANGED and snapshot == items[1]
    assert [i.position for i in selfcare.items()] == [0, 1]
    assert selfcare.delete(items[1].id) == (None, Changes())
    assert selfcare.restore(snapshot) == CHANGED
    assert selfcare.items() == items
    assert selfcare.restore(snapshot) == Changes()  # already back


def test_moving_up_and_down_stops_at_the_ends(selfcare):
    a, b, c = (selfcare.add(Area.BOUNDARIES, Kind.DRAINS, t)[0] for t in ("A", "B", "C"))
    assert selfcare.move(c.id, -1) == CHANGED
    assert texts(selfcare, Area.BOUNDARIES, Kind.DRAINS) == ["A", "C", "B"]
    assert selfcare.move(a.id, -1) == Changes()
    assert selfcare.move(a.id, +1) == CHANGED
    assert texts(selfcare, Area.BOUNDARIES, Kind.DRAINS) == ["C", "A", "B"]
    assert selfcare.move(b.id, +1) == Changes()
    assert selfcare.move(b.id, -5) == CHANGED
    assert texts(selfcare, Area.BOUNDARIES, Kind.DRAINS) == ["B", "C", "A"]
    assert [i.position for i in selfcare.items()] == [0, 1, 2]


def test_moving_only_touches_its_own_list(selfcare):
    a, _ = selfcare.add(Area.BODY, Kind.RESTORES, "A")
    selfcare.add(Area.BODY, Kind.DRAINS, "Drain")
    selfcare.add(Area.MIND, Kind.RESTORES, "Mind")
    assert selfcare.move(a.id, +1) == Changes()
    selfcare.delete(a.id)
    with pytest.raises(ValidationError, match="removed"):
        selfcare.move(a.id, 1)
