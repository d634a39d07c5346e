"""MeasureService: saving, validation without echoes, wording, history and due dates."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from app.errors import ValidationError
from app.measures.definitions import load_definitions

TODAY = dt.date(2026, 11, 22)  # the fixed clock's day
PLACEHOLDER = [f"Placeholder item {i}" for i in range(1, 31)]


def _rows(store, table: str) -> int:
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar())


def test_save_scores_and_stores(store):
    answers = [3] * 30
    result, changes = store.measures.save("proqol5", answers)
    assert changes.measures and not changes.checkins
    assert result.day == TODAY and result.taken_at.tzinfo is dt.UTC
    assert result.scores == {"cs": 30, "burnout": 30, "sts": 30}
    assert {k: b.id for k, b in result.bands.items()} == {
        "cs": "moderate",
        "burnout": "moderate",
        "sts": "moderate",
    }
    assert store.measures.history("proqol5") == [result]
    with store.engine.connect() as conn:
        row = conn.exec_driver_sql(
            "SELECT measure_id, definition_version, day, answers, scores FROM measure_responses"
        ).one()
    assert row[0] == "proqol5" and row[1] == 1 and row[2] == "2026-11-22"
    assert json.loads(row[3]) == answers
    assert json.loads(row[4]) == {"cs": 30, "burnout": 30, "sts": 30}


def test_save_keeps_skipped_answers_within_the_rule(store):
    answers = [2, None, 4, 1, 3, 0]
    result, _ = store.measures.save("tend-pulse", answers)
    assert result.answers == tuple(answers)
    assert result.scores == {"load": 3.0, "recovery": 1.33}  # (1 + 3 + 0) / 3


def test_save_refuses_what_cannot_be_scored(store):
    with pytest.raises(ValidationError, match="more answers"):
        store.measures.save("who5", [5, 5, 5, 5, None])
    assert _rows(store, "measure_responses") == 0


SECRET = 987654


@pytest.mark.parametrize(
    "answers",
    [
        [1, 2, 3],
        [SECRET] * 5,
        [-SECRET, 1, 1, 1, 1],
        [True, 1, 1, 1, 1],
        [1.5, 1, 1, 1, 1],
        ["3", 1, 1, 1, 1],
        "12345",
        None,
        {"a": 1},
    ],
)
def test_bad_answers_are_refused_without_echo(store, answers):
    with pytest.raises(ValidationError) as info:
        store.measures.save("who5", answers)
    assert str(SECRET) not in str(info.value)
    assert "'3'" not in str(info.value)
    assert _rows(store, "measure_responses") == 0


def test_unknown_measure_and_future_day(store):
    with pytest.raises(ValidationError):
        store.measures.save("no-such-thing", [1])
    with pytest.raises(ValidationError):
        store.measures.save("who5", [3] * 5, day=TODAY + dt.timedelta(days=5))


def test_save_for_an_earlier_day(store):
    result, _ = store.measures.save("gad7", [0] * 7, day=dt.date(2026, 11, 1))
    assert result.day == dt.date(2026, 11, 1)


def test_history_is_oldest_first_and_filters_by_range(store, clock):
    days = [dt.date(2026, 10, 1), dt.date(2026, 9, 1), dt.date(2026, 11, 1)]
    for i, day in enumerate(days):
        store.measures.save("who5", [i + 1] * 5, day=day)
        clock.advance(minutes=1)
    history = store.measures.history("who5")
    assert [r.day for r in history] == sorted(days)
    assert [r.scores["wellbeing"] for r in history] == [40, 20, 60]
    ranged = store.measures.history("who5", start=dt.date(2026, 9, 15), end=dt.date(2026, 10, 31))
    assert [r.day for r in ranged] == [dt.date(2026, 10, 1)]
    assert store.measures.history("gad7") == []


def test_two_responses_on_one_day_order_by_time(store, clock):
    first, _ = store.measures.save("gad7", [0] * 7)
    clock.advance(minutes=5)
    second, _ = store.measures.save("gad7", [3] * 7)
    assert [r.id for r in store.measures.history("gad7")] == [first.id, second.id]


def test_flags_come_back_with_history(store):
    store.measures.save("phq9", [0] * 8 + [1])
    store.measures.save("who5", [4, 4, 4, 4, 1])
    assert store.measures.history("phq9")[0].safety_triggered
    assert store.measures.history("who5")[0].follow_up


def test_delete(store):
    result, _ = store.measures.save("gad7", [1] * 7)
    assert store.measures.delete(result.id).measures
    assert store.measures.history("gad7") == []
    assert not store.measures.delete(result.id).measures


def test_due_dates_follow_the_cadence(store):
    store.measures.save("proqol5", [3] * 30, day=TODAY - dt.timedelta(days=27))
    store.measures.save("who5", [3] * 5, day=TODAY - dt.timedelta(days=20))
    store.measures.save("who5", [3] * 5, day=TODAY - dt.timedelta(days=14))
    due = {d.measure_id: d for d in store.measures.due(TODAY)}
    assert list(due) == list(load_definitions())
    assert due["proqol5"].last_taken == TODAY - dt.timedelta(days=27)
    assert due["proqol5"].due_on == TODAY + dt.timedelta(days=3)
    assert due["proqol5"].days_until == 3
    assert due["who5"].days_until == 0  # due today: the latest response counts
    assert due["gad7"].last_taken is None and due["gad7"].days_until is None
    later = {d.measure_id: d for d in store.measures.due(TODAY + dt.timedelta(days=10))}
    assert later["proqol5"].days_until == -7


def test_own_measure_wording_is_shipped(store):
    wording = store.measures.wording("tend-pulse")
    assert wording is not None and len(wording) == 6
    with pytest.raises(ValidationError):
        store.measures.set_wording("tend-pulse", ["x"] * 6)


def test_published_wording_is_supplied_and_checked(store):
    assert store.measures.wording("proqol5") is None
    with pytest.raises(ValidationError, match=r"has 30 items.*has 29"):
        store.measures.set_wording("proqol5", PLACEHOLDER[:29])
    with pytest.raises(ValidationError, match="empty"):
        store.measures.set_wording("proqol5", [*PLACEHOLDER[:29], "   "])
    assert store.measures.wording("proqol5") is None
    assert store.measures.set_wording("proqol5", [f"  {p} " for p in PLACEHOLDER]).measures
    assert store.measures.wording("proqol5") == tuple(PLACEHOLDER)
    store.measures.set_wording("proqol5", list(reversed(PLACEHOLDER)))
    assert store.measures.wording("proqol5") == tuple(reversed(PLACEHOLDER))
    assert _rows(store, "measure_wordings") == 1
    assert store.measures.clear_wording("proqol5").measures
    assert store.measures.wording("proqol5") is None


def test_wording_errors_never_echo(store):
    marker = "zq-wording-marker-5521"
    for items in ([marker] * 3, [marker * 100] * 30, [*PLACEHOLDER[:29], 7]):
        with pytest.raises(ValidationError) as info:
            store.measures.set_wording("proqol5", items)
        assert marker not in str(info.value)
