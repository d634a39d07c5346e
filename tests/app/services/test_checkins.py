"""Check-ins: one per day, validated, deletable with Undo, tags kept tidy."""

from __future__ import annotations

import datetime as dt
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.domain import MAX_NOTE_CHARS, MAX_TAG_CHARS, MAX_TAGS, SCALES, CheckinDraft, DayKind
from app.domain import Exposure as Ex
from app.errors import ValidationError
from tests.app.services.conftest import fts_rows

TODAY = dt.date(2026, 11, 22)  # the fixed clock's day
MARK = "zq-privacy-marker-7731"


def _count(store) -> int:
    with store.engine.connect() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM checkins").scalar())


def test_save_and_get(store):
    draft = CheckinDraft(
        day=TODAY,
        mood=4,
        energy=2,
        sleep=5,
        stress=1,
        workload=3,
        connection=None,
        exposure=Ex.SOME,
        exposure_hours=2.5,
        day_kind=DayKind.WORK,
        note="A long day.",
        tags=("Court", "supervision"),
    )
    saved, changes = store.checkins.save(draft)
    assert changes.checkins and changes.tags
    got = store.checkins.get(TODAY)
    assert got == saved
    assert store.checkins.get_by_id(saved.id) == saved
    for name in SCALES:
        assert getattr(got, name) == getattr(draft, name)
    assert (got.exposure, got.exposure_hours, got.day_kind) == (Ex.SOME, 2.5, DayKind.WORK)
    assert got.note == "A long day." and got.tags == ("court", "supervision")
    assert got.created_at.tzinfo is dt.UTC
    assert store.checkins.get(TODAY - dt.timedelta(days=1)) is None


def test_everything_is_optional(store):
    saved, _ = store.checkins.save(CheckinDraft(day=TODAY))
    assert all(getattr(saved, name) is None for name in SCALES)
    assert saved.exposure is None and saved.note == "" and saved.tags == ()


def test_same_day_updates_the_one_row(store, clock):
    first, _ = store.checkins.save(CheckinDraft(day=TODAY, mood=2, note="morning"))
    clock.advance(hours=3)
    second, _ = store.checkins.save(CheckinDraft(day=TODAY, mood=4, note="evening"))
    assert second.id == first.id
    assert second.created_at == first.created_at
    assert second.updated_at == first.updated_at + dt.timedelta(hours=3)
    assert (second.mood, second.note) == (4, "evening")
    assert _count(store) == 1
    assert [r[2] for r in fts_rows(store)] == ["evening"]


def test_between_is_inclusive_and_ordered(store):
    for offset in (5, 1, 3, 0):
        store.checkins.save(CheckinDraft(day=TODAY - dt.timedelta(days=offset), mood=3))
    got = store.checkins.between(TODAY - dt.timedelta(days=3), TODAY - dt.timedelta(days=1))
    assert [c.day for c in got] == [TODAY - dt.timedelta(days=d) for d in (3, 1)]


def test_tomorrow_is_allowed_for_time_zone_slack(store):
    store.checkins.save(CheckinDraft(day=TODAY + dt.timedelta(days=1)))


# -- validation --------------------------------------------------------------------

bad_scale = st.one_of(
    st.integers().filter(lambda v: not 1 <= v <= 5),
    st.booleans(),
    st.floats(allow_nan=True),
    st.text(max_size=3),
)
bad_hours = st.one_of(
    st.just(math.nan),
    st.just(math.inf),
    st.floats().filter(lambda v: not (0 <= v <= 24)),
    st.integers().filter(lambda v: not 0 <= v <= 24),
    st.booleans(),
    st.text(min_size=1, max_size=5),
)


def _bad_drafts():
    scale = st.builds(
        lambda name, value: CheckinDraft(day=TODAY, **{name: value}),
        st.sampled_from(SCALES),
        bad_scale,
    )
    hours = st.builds(lambda h: CheckinDraft(day=TODAY, exposure_hours=h), bad_hours)
    future = st.builds(
        lambda d: CheckinDraft(day=TODAY + dt.timedelta(days=d)), st.integers(2, 100_000)
    )
    ancient = st.builds(
        lambda d: CheckinDraft(day=dt.date(1969, 12, 31) - dt.timedelta(days=d)),
        st.integers(0, 10_000),
    )
    not_a_day = st.sampled_from(
        [CheckinDraft(day="2026-11-20"), CheckinDraft(day=dt.datetime(2026, 11, 20, 8))]  # type: ignore[arg-type]
    )
    huge = st.builds(
        lambda extra: CheckinDraft(day=TODAY, note=MARK * (MAX_NOTE_CHARS // len(MARK)) + extra),
        st.text(min_size=len(MARK), max_size=60),
    )
    nul = st.builds(
        lambda a, b: CheckinDraft(day=TODAY, note=f"{a}{MARK}\x00{b}"), st.text(), st.text()
    )
    many_tags = st.builds(
        lambda n: CheckinDraft(day=TODAY, tags=tuple(f"{MARK}{i}" for i in range(n))),
        st.integers(MAX_TAGS + 1, MAX_TAGS + 30),
    )
    long_tag = st.builds(
        lambda n: CheckinDraft(day=TODAY, tags=(MARK + "x" * n,)),
        st.integers(MAX_TAG_CHARS - len(MARK) + 1, 500),
    )
    odd_tags = st.sampled_from(
        [
            CheckinDraft(day=TODAY, tags=(f"{MARK}, other",)),
            CheckinDraft(day=TODAY, tags=(7,)),  # type: ignore[arg-type]
            CheckinDraft(day=TODAY, note=7),  # type: ignore[arg-type]
            CheckinDraft(day=TODAY, exposure=MARK),  # type: ignore[arg-type]
            CheckinDraft(day=TODAY, day_kind=MARK),  # type: ignore[arg-type]
        ]
    )
    return st.one_of(
        scale, hours, future, ancient, not_a_day, huge, nul, many_tags, long_tag, odd_tags
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(draft=_bad_drafts())
def test_bad_input_is_refused_without_echoing_it(store, draft):
    with pytest.raises(ValidationError) as info:
        store.checkins.save(draft)
    message = str(info.value)
    assert message and len(message) < 200
    assert MARK not in message
    if isinstance(draft.note, str) and len(draft.note) > 3:
        assert draft.note not in message
    assert _count(store) == 0


def test_limits_themselves_are_accepted(store):
    note = "n" * MAX_NOTE_CHARS
    tags = tuple(f"t{i:02d}" + "x" * (MAX_TAG_CHARS - 3) for i in range(MAX_TAGS))
    saved, _ = store.checkins.save(
        CheckinDraft(day=TODAY, mood=1, stress=5, exposure_hours=24, note=note, tags=tags)
    )
    assert len(saved.note) == MAX_NOTE_CHARS and len(saved.tags) == MAX_TAGS
    assert saved.exposure_hours == 24.0 and isinstance(saved.exposure_hours, float)


# -- delete and undo --------------------------------------------------------------


def test_delete_and_restore_keep_id_and_timestamps(store, clock):
    saved, _ = store.checkins.save(CheckinDraft(day=TODAY, mood=3, note="undo me", tags=("a",)))
    clock.advance(minutes=5)
    snapshot, changes = store.checkins.delete(saved.id)
    assert changes.checkins
    assert snapshot == saved
    assert store.checkins.get(TODAY) is None
    assert store.journal.tags() == []
    assert fts_rows(store) == []

    store.checkins.restore(snapshot)
    back = store.checkins.get(TODAY)
    assert back == saved
    assert store.journal.tags() == ["a"]
    assert [r[1] for r in fts_rows(store)] == [saved.id]


def test_delete_missing_is_a_no_op(store):
    snapshot, changes = store.checkins.delete("no-such-id")
    assert snapshot is None and changes == type(changes)()


def test_restore_never_overwrites_a_newer_check_in(store):
    saved, _ = store.checkins.save(CheckinDraft(day=TODAY, mood=1))
    snapshot, _ = store.checkins.delete(saved.id)
    newer, _ = store.checkins.save(CheckinDraft(day=TODAY, mood=5))
    assert not store.checkins.restore(snapshot).checkins
    assert store.checkins.get(TODAY) == newer


# -- tags ------------------------------------------------------------------------


def test_tags_are_cleaned(store):
    saved, _ = store.checkins.save(
        CheckinDraft(day=TODAY, tags=("  Hard   Call ", "#hard call", "HARD CALL", "", "  ", "b"))
    )
    assert saved.tags == ("b", "hard call")
    assert store.journal.tags() == ["b", "hard call"]


def test_unused_tags_are_dropped(store):
    from app.domain import NoteDraft

    store.checkins.save(CheckinDraft(day=TODAY, tags=("a", "b")))
    store.journal.add_note(NoteDraft(day=TODAY, body="shared", tags=("b", "c")))
    store.checkins.save(CheckinDraft(day=TODAY, tags=("a",)))
    assert store.journal.tags() == ["a", "b", "c"]  # b still used by the note
    store.checkins.save(CheckinDraft(day=TODAY, tags=()))
    assert store.journal.tags() == ["b", "c"]
