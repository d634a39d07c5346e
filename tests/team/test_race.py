"""A double booking is impossible, even with many clients at once.

Fifty caseworkers, all supervised by Sam, each with their own team-store
connection (their own engine, their own login role on PostgreSQL), are released
together by a barrier to book the same slot, round after round. Exactly one wins
an individual slot (exactly ``capacity`` a group one); everyone else is told the
time was just taken; and the database holds exactly one open session per slot.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest

from app.errors import SlotTaken
from app.supervision.model import OfferSettings, Slot
from app.supervision.service import SupervisionService
from app.team.roles import Role
from tests.team.world import SYDNEY, World, weekly

pytestmark = pytest.mark.slow

CLIENTS = 50
ROUNDS = 20
GROUP_ROUNDS = 10
WON, TAKEN = "won", "taken"


def race_world(url: str, prefix: str, capacity: int) -> tuple[World, list[SupervisionService]]:
    world = World(url, prefix)
    world.add("sam", Role.SUPERVISOR, display="Sam")
    sam = world.service("sam")
    # Two-hour notice and a long horizon: every Tuesday and Thursday slot for weeks.
    sam.save_offer(OfferSettings(min_notice_hours=2, horizon_days=120, tz="Australia/Sydney"))
    sam.add_window(weekly(capacity))
    clients = []
    for i in range(CLIENTS):
        world.add(f"c{i:02d}", Role.CASEWORKER)
        world.assign(f"c{i:02d}", "sam")
    for i in range(CLIENTS):
        store = world.store(f"c{i:02d}", pool_size=1)
        clients.append(SupervisionService(store, world.clock, SYDNEY))
    return world, clients


def race(clients: list[SupervisionService], sam_id: str, slots: list[Slot]) -> list[Counter[str]]:
    """Every client books ``slots[r]`` in round ``r``, all released at once."""
    barrier = threading.Barrier(len(clients))
    outcomes: list[list[str]] = [[] for _ in slots]
    lock = threading.Lock()

    def client(service: SupervisionService) -> None:
        for r, slot in enumerate(slots):
            barrier.wait(timeout=120)
            try:
                service.book(sam_id, slot)
                result = WON
            except SlotTaken as exc:
                assert str(exc) == "That time was just taken. Please choose another."
                result = TAKEN
            except Exception as exc:  # anything else is a bug: record it, keep the barrier
                result = f"{type(exc).__name__}: {exc}"
            with lock:
                outcomes[r].append(result)

    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        for future in [pool.submit(client, c) for c in clients]:
            future.result()
    return [Counter(o) for o in outcomes]


@pytest.mark.parametrize(
    ("capacity", "rounds"), [(1, ROUNDS), (3, GROUP_ROUNDS)], ids=["one", "group"]
)
def test_exactly_the_free_seats_are_won(
    team_url: str, role_prefix: str, capacity: int, rounds: int
) -> None:
    world, clients = race_world(team_url, role_prefix, capacity)
    try:
        sam_id = world.ids["sam"]
        slots = clients[0].free_slots(sam_id)[:rounds]
        assert len(slots) == rounds and all(s.session_id is None for s in slots)
        began = time.monotonic()
        results = race(clients, sam_id, slots)
        elapsed = time.monotonic() - began
        for r, counts in enumerate(results):
            assert counts == Counter({WON: capacity, TAKEN: CLIENTS - capacity}), (r, counts)
        # One open session per slot, every seat taken, and nothing else.
        assert world.sessions() == [(s.start, "open", capacity) for s in slots]
        booked = world.count("SELECT count(*) FROM attendances WHERE status = 'booked'")
        assert booked == rounds * capacity
        assert world.count("SELECT count(*) FROM attendances") == rounds * capacity
        print(f"{rounds * CLIENTS} booking attempts in {elapsed:.1f} s")
    finally:
        world.close()
