"""The private store in process: saving a check-in, and full-text search over 10,000 entries."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from app.context import Tend
from app.domain import CheckinDraft, DayKind, Exposure, JournalFilter
from bench.common import median, open_tend, p95, report, timed

SAVES = 300
MIN_ENTRIES = 10_000
WORDS = ("supervision", "walk", "tired", "coffee", "slept", "court")
SEARCH_RUNS = 9  # per word


def _draft(n: int, today: dt.date) -> CheckinDraft:
    return CheckinDraft(
        day=today - dt.timedelta(days=n),
        mood=n % 5 + 1,
        energy=(n * 2) % 5 + 1,
        sleep=(n * 3) % 5 + 1,
        stress=(n * 4) % 5 + 1,
        workload=3,
        connection=None if n % 4 else 4,
        exposure=list(Exposure)[n % 3],
        exposure_hours=(n % 9) / 2,
        day_kind=list(DayKind)[n % 3],
        note="" if n % 3 else f"A steady day, number {n}. Walked at lunch and felt lighter.",
        tags=("walk", "team") if n % 5 == 0 else (),
    )


def bench_saves() -> None:
    with tempfile.TemporaryDirectory(prefix="tend-bench-") as tmp, open_tend(Path(tmp)) as tend:
        store = tend.require_store()
        today = tend.clock.now().date()
        took = [timed(lambda n=n: store.checkins.save(_draft(n, today))) for n in range(SAVES)]
    ms = [t * 1000 for t in took]
    report("checkin_saves", SAVES)
    report("checkin_save_p50_ms", median(ms))
    report("checkin_save_p95_ms", p95(ms))
    report("checkin_save_p95_goal_met", str(p95(ms) <= 20).lower())


def fill(tend: Tend, at_least: int = MIN_ENTRIES) -> int:
    """Made-up history (app.demo) until the journal holds ``at_least`` entries."""
    from app.demo import generate

    store = tend.require_store()
    end, seed = tend.clock.now().date(), 7
    while (count := store.journal.count(JournalFilter())) < at_least:
        # About one entry a day; each top-up is older days with another seed, so no
        # id or day is generated twice.
        days = at_least - count + 50
        generate(store, days=days, seed=seed, end=end)
        end -= dt.timedelta(days=days)
        seed += 1
    return count


def bench_search(tend: Tend) -> None:
    """Time the journal's search as the journal page runs it: one page of results, and count."""
    journal = tend.require_store().journal
    report("search_entries", journal.count(JournalFilter()))
    listing, counting, hits = [], [], []
    for word in WORDS:
        flt = JournalFilter(query=word)
        hits.append(journal.count(flt))
        for _ in range(SEARCH_RUNS):
            listing.append(timed(lambda flt=flt: journal.entries(flt)) * 1000)
            counting.append(timed(lambda flt=flt: journal.count(flt)) * 1000)
    report("search_words", len(WORDS))
    report("search_hits_per_word_median", int(median(hits)))
    report("search_10k_median_ms", median(listing))
    report("search_10k_p95_ms", p95(listing))
    report("search_10k_goal_met", str(p95(listing) <= 100).lower())
    report("search_count_10k_median_ms", median(counting))
    everything = JournalFilter()
    newest = [timed(lambda: journal.entries(everything)) * 1000 for _ in range(SEARCH_RUNS)]
    report("list_newest_page_10k_median_ms", median(newest))
