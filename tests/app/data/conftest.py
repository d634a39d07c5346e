"""Fixtures for the own-your-data tests: a store with a little of everything, and more Tends."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest

from app.context import Tend
from app.data.export import export_bytes
from app.domain import CheckinDraft, DayKind, Exposure, NoteDraft
from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore
from app.services.store import PrivateStore

DAY = dt.date(2026, 11, 20)
WEEK = dt.date(2026, 11, 16)  # the Monday of DAY's week


def fill(store: PrivateStore) -> None:
    """Entries made through the services, so export/import meet what the app really writes."""
    store.checkins.save(
        CheckinDraft(
            day=DAY,
            mood=2,
            energy=3,
            sleep=None,
            stress=5,
            workload=4,
            connection=1,
            exposure=Exposure.A_LOT,
            exposure_hours=3.5,
            day_kind=DayKind.WORK,
            note='A long day; "court" again,\nthen home. Ünïcode ✓',
            tags=("Court", "hard case"),
        )
    )
    store.checkins.save(CheckinDraft(day=DAY - dt.timedelta(days=1), mood=4, tags=("walk",)))
    store.checkins.save(
        CheckinDraft(day=DAY - dt.timedelta(days=3), day_kind=DayKind.LEAVE, note="rested")
    )
    store.journal.add_note(NoteDraft(day=DAY, body="Supervision helped, a lot.", tags=("team",)))
    store.journal.add_note(NoteDraft(day=DAY - dt.timedelta(days=2), body="Short one."))
    store.measures.save("tend-pulse", [2, None, 3, 1, 2, 3], day=DAY)
    store.measures.save("who5", [3, 4, 2, 3, 1], day=DAY - dt.timedelta(days=1))
    store.measures.set_wording("who5", [f"Placeholder item {i}" for i in range(1, 6)])


def fill_selfcare(store: PrivateStore) -> None:
    """A small self-care plan (three items in two areas, one moved) and one weekly review."""
    walk, _ = store.selfcare.add("body", "restores", "A walk at lunch, even a short one")
    store.selfcare.add("body", "restores", "Early night ✓")
    store.selfcare.add("boundaries", "drains", 'Answering "just one" email after hours')
    store.selfcare.move(walk.id, +1)
    store.selfcare.save_review(WEEK, "The walk on Tuesday", "Court, again", "Book a day off")


AGENDA_IDS = ("0b7a8f4e-1f1d-4c55-9f3e-3c7d0d4e7a01", "0b7a8f4e-1f1d-4c55-9f3e-3c7d0d4e7a02")


def fill_agenda(store: PrivateStore) -> None:
    """Agenda notes for two supervision bookings (their bookings live in a team store)."""
    store.agenda.save(AGENDA_IDS[0], "Talk about the Reynolds visit ✓")
    store.agenda.save(AGENDA_IDS[1], 'Caseload; "one more" referral')


def snapshot(store: PrivateStore) -> bytes:
    """Everything in the store, as a JSON export (the clock is fixed, so it's stable)."""
    return export_bytes(store, "json")[0]


@pytest.fixture
def filled(unlocked: Tend) -> Tend:
    fill(unlocked.require_store())
    return unlocked


@pytest.fixture
def make_tend(tmp_path, clock) -> Iterator[Callable[..., Tend]]:
    """Build more Tends in their own data folders (all locked again at the end)."""
    made: list[Tend] = []

    def build(name: str, secrets: KeyringSecretStore | None = None) -> Tend:
        paths = AppPaths.from_override(tmp_path / name)
        t = Tend.build(paths, clock=clock, secrets=secrets or KeyringSecretStore(), kdf=TEST_PARAMS)
        made.append(t)
        return t

    yield build
    for t in made:
        t.lock()
