"""pick_prompt: a restoring practice from the plan, the same all day, another tomorrow."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.selfcare.model import Area, Kind

DAY = dt.date(2026, 11, 22)


def _days(n: int) -> list[dt.date]:
    return [DAY + dt.timedelta(days=i) for i in range(n)]


def test_nothing_restoring_means_no_prompt(selfcare):
    selfcare.add(Area.BODY, Kind.DRAINS, "Skipping lunch")
    assert selfcare.pick_prompt(DAY) is None


def test_one_practice_every_day(selfcare):
    selfcare.add(Area.MIND, Kind.RESTORES, "Music on the way home")
    assert {selfcare.pick_prompt(d) for d in _days(5)} == {"Music on the way home"}


def test_each_practice_in_turn_and_areas_take_turns(selfcare):
    for area, text in ((Area.BODY, "Walk"), (Area.BODY, "Stretch"), (Area.MIND, "Read"),
                       (Area.BOUNDARIES, "Leave on time")):  # fmt: skip
        selfcare.add(area, Kind.RESTORES, text)
    selfcare.add(Area.BODY, Kind.DRAINS, "Skipping lunch")
    picks = [selfcare.pick_prompt(d) for d in _days(8)]
    assert sorted(picks[:4]) == ["Leave on time", "Read", "Stretch", "Walk"]
    assert picks[4:] == picks[:4]  # a cycle: every practice once, then again
    assert picks.index("Read") - picks.index("Walk") in (1, -3)  # body, then mind
    assert "Skipping lunch" not in picks


def test_the_same_day_gives_the_same_practice(selfcare):
    for text in ("A", "B", "C"):
        selfcare.add(Area.CONNECTION, Kind.RESTORES, text)
    assert selfcare.pick_prompt(DAY) == selfcare.pick_prompt(DAY)
    assert selfcare.pick_prompt(DAY) != selfcare.pick_prompt(DAY + dt.timedelta(days=1))


# The plan is written once and only read by every example, so sharing the store is safe.
@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(day=st.dates(min_value=dt.date(1970, 1, 1), max_value=dt.date(2200, 1, 1)))
def test_any_day_gives_a_restoring_practice(planned, day):
    assert planned.pick_prompt(day) in {"Walk", "Read"}
    assert planned.pick_prompt(day) != planned.pick_prompt(day + dt.timedelta(days=1))


@pytest.fixture
def planned(selfcare):
    selfcare.add(Area.BODY, Kind.RESTORES, "Walk")
    selfcare.add(Area.MIND, Kind.RESTORES, "Read")
    selfcare.add(Area.MIND, Kind.DRAINS, "News")
    return selfcare
