"""Made-up history: deterministic, believable, and quick enough for ten years."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import time
from collections import Counter

import pytest

from app import demo
from app.context import Tend
from app.data.export import export_bytes
from app.data.importer import import_bytes
from app.domain import CheckinDraft, DayKind, Exposure, JournalFilter
from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore
from tests.helpers.fakes import PASSPHRASE

END = dt.date(2026, 11, 22)


@pytest.fixture
def second(tmp_path, clock):
    t = Tend.build(
        AppPaths.from_override(tmp_path / "second"),
        clock=clock,
        secrets=KeyringSecretStore(),
        kdf=TEST_PARAMS,
    )
    t.unlock(t.vault.create(PASSPHRASE).key)
    yield t
    t.lock()


def _doc(tend: Tend) -> dict:
    return json.loads(export_bytes(tend.require_store(), "json")[0])


def test_the_same_seed_gives_the_same_history(unlocked, second):
    assert demo.generate(unlocked.require_store(), 200, seed=3) == demo.generate(
        second.require_store(), 200, seed=3
    )
    assert _doc(unlocked) == _doc(second)


def test_another_seed_gives_another_history(unlocked, second):
    demo.generate(unlocked.require_store(), 60, seed=1)
    demo.generate(second.require_store(), 60, seed=2)
    assert _doc(unlocked)["checkins"] != _doc(second)["checkins"]


def test_ten_years_is_quick_and_believable(unlocked):
    store = unlocked.require_store()
    start = time.perf_counter()
    written = demo.generate(store, 3650, end=END)
    took = time.perf_counter() - start
    assert took < 8, f"demo data took {took:.1f}s"

    doc = _doc(unlocked)
    checkins, notes = doc["checkins"], doc["notes"]
    assert written == len(checkins) + len(notes)  # entries; measure responses come too
    assert len(doc["measure_responses"]) > 3650 // 7
    days = [dt.date.fromisoformat(c["day"]) for c in checkins]
    assert min(days) >= END - dt.timedelta(days=3649) and max(days) <= END
    assert 0.75 * 3650 < len(checkins) < 0.95 * 3650  # some days skipped
    with_words = {c["day"] for c in checkins if c["note"]} | {n["day"] for n in notes}
    assert 0.25 < len(with_words) / 3650 < 0.42  # about a third of days
    for c in checkins:
        for name in ("mood", "energy", "sleep", "stress", "workload", "connection"):
            assert c[name] is None or 1 <= c[name] <= 5
        day = dt.date.fromisoformat(c["day"])
        if c["day_kind"] == "work":
            assert day.weekday() < 5
        if c["exposure_hours"] is not None:
            assert 0 < c["exposure_hours"] <= 24 and c["exposure"] != "none"
    kinds = Counter(c["day_kind"] for c in checkins)
    assert kinds["leave"] > 60 and kinds["day_off"] > 600 and kinds["work"] > 1800
    exposure = Counter(c["exposure"] for c in checkins if c["day_kind"] == "work")
    assert exposure["a_lot"] > 100 and exposure["none"] > exposure["a_lot"]
    moods = [c["mood"] for c in checkins if c["mood"] is not None]
    assert len(set(moods)) == 5 and 2.5 < sum(moods) / len(moods) < 4
    tags = {t for e in checkins + notes for t in e["tags"]}
    assert tags <= set(demo.TAGS) and len(tags) == len(demo.TAGS)
    assert store.journal.count(JournalFilter(query="supervision")) > 0
    assert store.journal.count(JournalFilter(tag="walk")) > 0


def test_the_history_is_a_valid_export(unlocked, second):
    demo.generate(unlocked.require_store(), 120)
    report = import_bytes(second.require_store(), export_bytes(unlocked.require_store())[0])
    assert report.added > 0 and report.updated == 0


def test_days_that_already_have_a_checkin_keep_it(unlocked):
    store = unlocked.require_store()
    mine, _ = store.checkins.save(
        CheckinDraft(day=END, mood=1, exposure=Exposure.NONE, day_kind=DayKind.LEAVE)
    )
    demo.generate(store, 30, end=END)
    assert store.checkins.get(END) == mine


def test_zero_days_writes_nothing(unlocked):
    assert demo.generate(unlocked.require_store(), 0) == 0
    assert unlocked.require_store().journal.count(JournalFilter()) == 0


def test_running_again_adds_only_what_is_missing(unlocked):
    store = unlocked.require_store()
    span = (END - dt.timedelta(days=60), END + dt.timedelta(days=1))
    demo.generate(store, 40, end=END)
    before = store.checkins.between(*span)
    assert demo.generate(store, 40, end=END) == 0
    # A day later the same seed makes other ids and skips other days: it must not trip
    # over what is stored, and every check-in already there stays as it was.
    demo.generate(store, 40, end=END + dt.timedelta(days=1))
    after = store.checkins.between(*span)
    assert set(before) <= set(after)
    assert len(after) <= 41


def test_measure_history_follows_each_cadence_and_scores_like_the_app(unlocked):
    from app.measures.definitions import load_definitions
    from app.measures.scoring import score

    store = unlocked.require_store()
    demo.generate(store, 730, end=END)
    defs = load_definitions()
    for measure_id, every, low, high in (("tend-pulse", 7, 80, 105), ("who5", 14, 40, 53),
                                         ("proqol5", 30, 18, 25)):  # fmt: skip
        history = store.measures.history(measure_id)
        assert low <= len(history) <= high, measure_id
        gaps = [(b.day - a.day).days for a, b in itertools.pairwise(history)]
        assert min(gaps) >= every and sorted(gaps)[len(gaps) // 2] <= every + 4
        for r in history:
            assert r.scores == score(defs[measure_id], r.answers).scores
            assert all(b is not None for b in r.bands.values())
        # Not every answer the same: the bands move with harder and easier stretches.
        assert len({tuple(r.scores.values()) for r in history}) >= 6
    proqol = store.measures.history("proqol5")
    burnout = [r.scores["burnout"] for r in proqol]
    assert max(burnout) - min(burnout) >= 6  # harder and easier stretches show
    # No wording is made up for published questionnaires.
    assert store.measures.wording("proqol5") is None and store.measures.wording("who5") is None
    # Running again adds no second response for a questionnaire on the same day.
    before = sum(len(store.measures.history(m)) for m in defs)
    demo.generate(store, 730, end=END)
    demo.generate(store, 730, end=END + dt.timedelta(days=1))
    assert sum(len(store.measures.history(m)) for m in defs) <= before + 1
