"""The demo person's self-care plan and weekly reviews: plausible, deterministic, never mixed
into a plan the person already has."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter

from app import demo
from app.selfcare.model import Area, Kind
from app.selfcare.suggestions import starter_suggestions

END = dt.date(2026, 11, 22)  # a Sunday


def test_a_small_plan_in_every_area_from_the_starter_ideas(unlocked):
    store = unlocked.require_store()
    demo.generate(store, 90, end=END)
    items = store.selfcare.items()
    assert 8 <= len(items) <= 16
    assert Counter(i.area for i in items).keys() == set(Area)
    assert sum(i.kind is Kind.DRAINS for i in items) >= 2
    ideas = {(g.area, g.kind, g.text) for g in starter_suggestions()}
    assert all((i.area, i.kind, i.text) in ideas for i in items)
    for area in Area:
        for kind in Kind:
            positions = [i.position for i in items if i.area is area and i.kind is kind]
            assert positions == list(range(len(positions)))
    # The ideas it holds aren't offered again.
    assert not {i.text for i in items} & {g.text for g in store.selfcare.suggestions()}
    assert store.selfcare.pick_prompt(END) is not None


def test_a_few_gentle_reviews_for_weeks_already_over(unlocked):
    store = unlocked.require_store()
    demo.generate(store, 90, end=END)
    weeks = store.selfcare.reviewed_weeks()
    assert 2 <= len(weeks) <= 6
    for week in weeks:
        assert week.weekday() == 0 and week + dt.timedelta(days=6) < END
        assert week >= END - dt.timedelta(days=7 * 7)
        review = store.selfcare.review(week)
        assert review.helped and review.next_week
        words = f"{review.helped} {review.drained} {review.next_week}".lower()
        assert not any(w in words for w in ("streak", "missed", "failed", "should"))
        assert review.created_at <= store.clock.now()


def test_a_plan_and_reviews_of_your_own_are_left_alone(unlocked):
    store = unlocked.require_store()
    mine, _ = store.selfcare.add(Area.MIND, Kind.RESTORES, "My own thing")
    store.selfcare.save_review(dt.date(2026, 11, 9), "My own words", "", "")
    demo.generate(store, 60, end=END)
    assert store.selfcare.items() == [mine]
    assert store.selfcare.review(dt.date(2026, 11, 9)).helped == "My own words"


def test_running_again_adds_nothing_more(unlocked):
    store = unlocked.require_store()
    demo.generate(store, 60, end=END, seed=4)
    items, weeks = store.selfcare.items(), store.selfcare.reviewed_weeks()
    demo.generate(store, 60, end=END, seed=4)
    demo.generate(store, 60, end=END + dt.timedelta(days=7), seed=4)
    assert store.selfcare.items() == items
    assert set(weeks) <= set(store.selfcare.reviewed_weeks())


def test_a_short_span_gets_a_plan_and_stays_quick(unlocked):
    store = unlocked.require_store()
    started = time.perf_counter()
    demo.generate(store, 3, end=END)
    assert time.perf_counter() - started < 3
    assert store.selfcare.items() and store.selfcare.reviewed_weeks() == []
