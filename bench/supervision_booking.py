"""Booking throughput on a real PostgreSQL server with 50 clients at once.

A throwaway cluster (tests/helpers/pgcluster.py, as ``make test`` uses) holds a
supervisor with a year of weekday availability and 50 caseworkers, each a
login role of their own. Every client is its own TeamStore (its own
connections, as its own role, through row-level security) and books through
``SupervisionService.book``, which re-checks the slot inside the transaction.

* ``booking_single_client_per_s``: the baseline, one client booking one after another.
* ``booking_50_clients_per_s``: 50 clients booking different slots at once.
* ``booking_race_round_ms``: 50 clients racing for one slot; exactly one wins.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from zoneinfo import ZoneInfo

from app.clock import SystemClock
from app.errors import SlotTaken
from app.supervision.model import Modality, OfferSettings, Slot, Window, WindowKind
from app.supervision.recurrence import weekly_rule
from app.supervision.service import SupervisionService
from app.team import provision
from app.team.roles import Role
from app.team.store import TeamStore
from bench.common import median, report

CLIENTS = 50
EACH = 6  # bookings per client in the concurrent run
SINGLE = 60  # bookings in the one-client baseline
RACE_ROUNDS = 10
ZONE = ZoneInfo("Australia/Sydney")


def _setup(url: str, url_for: Callable[..., str]) -> tuple[SupervisionService, list[str]]:
    provision.init(url)
    sam = provision.add_user(url, "bench_sam", [Role.SUPERVISOR], display_name="Sam").login
    logins = []
    for i in range(CLIENTS):
        login = provision.add_user(url, f"bench_cw{i:02d}", [Role.CASEWORKER]).login
        provision.assign(url, login, sam)
        logins.append(url_for(url, user=login))
    supervisor = SupervisionService(TeamStore.open(url_for(url, user=sam)), SystemClock(), ZONE)
    supervisor.save_offer(
        OfferSettings(
            session_minutes=30,
            buffer_minutes=0,
            min_notice_hours=0,
            horizon_days=366,
            daily_max=16,
            tz="Australia/Sydney",
        )
    )
    today = dt.datetime.now(ZONE).date() + dt.timedelta(days=1)
    supervisor.add_window(
        Window(
            "",
            WindowKind.WEEKLY,
            dt.datetime.combine(today, dt.time(9)),
            dt.datetime.combine(today, dt.time(17)),
            weekly_rule(range(5)),
            Modality.VIDEO,
            "https://video.example.org/sam",
        )
    )
    return supervisor, logins


def _clients(urls: list[str]) -> list[SupervisionService]:
    return [SupervisionService(TeamStore.open(u), SystemClock(), ZONE) for u in urls]


def _book_all(client: SupervisionService, supervisor_id: str, slots: list[Slot]) -> int:
    won = 0
    for slot in slots:
        try:
            client.book(supervisor_id, slot)
            won += 1
        except SlotTaken:
            pass
    return won


def _together(clients: list[SupervisionService], work: Callable[[int], int]) -> tuple[float, int]:
    barrier = threading.Barrier(len(clients) + 1)
    results = [0] * len(clients)

    def run(i: int) -> None:
        barrier.wait()
        results[i] = work(i)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(clients))]
    for t in threads:
        t.start()
    barrier.wait()
    began = time.perf_counter()
    for t in threads:
        t.join()
    return time.perf_counter() - began, sum(results)


def run() -> None:
    from tests.helpers.pgcluster import PgCluster, PgMissing, url_for

    try:
        cluster = PgCluster.start()
    except PgMissing as exc:
        report("booking_skipped", str(exc))
        return
    try:
        url = cluster.create_database()
        supervisor, urls = _setup(url, url_for)
        sam = supervisor.team.me
        assert sam is not None
        clients = _clients(urls)
        slots = clients[0].free_slots(sam.id)
        single, rest = slots[:SINGLE], slots[SINGLE:]

        began = time.perf_counter()
        won = _book_all(clients[0], sam.id, single)
        single_s = time.perf_counter() - began
        report("booking_single_client_bookings", won)
        report("booking_single_client_per_s", won / single_s)

        mine = [rest[i::CLIENTS][:EACH] for i in range(CLIENTS)]
        took, won = _together(clients, lambda i: _book_all(clients[i], sam.id, mine[i]))
        report("booking_50_clients_bookings", won)
        report("booking_50_clients_per_s", won / took)
        report("booking_ratio_50_clients_over_single", (won / took) / (SINGLE / single_s))

        race = rest[CLIENTS * EACH :][:RACE_ROUNDS]
        rounds, winners = [], []
        for slot in race:
            took, won = _together(clients, lambda i, s=slot: _book_all(clients[i], sam.id, [s]))
            rounds.append(took * 1000)
            winners.append(won)
        report("booking_race_rounds", len(rounds))
        report("booking_race_exactly_one_winner", str(set(winners) == {1}).lower())
        report("booking_race_round_ms", median(rounds))
        for client in clients:
            client.team.close()
        supervisor.team.close()
    finally:
        cluster.stop()


if __name__ == "__main__":
    run()
