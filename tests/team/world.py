"""A small team for supervision tests, on SQLite or PostgreSQL alike.

People are made with ``app.team.provision`` as an administrator would; each person
then opens the team store as themselves: their own login role on PostgreSQL (so
row-level security applies), the same file with their login on SQLite.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.pool import NullPool

from app.clock import FixedClock
from app.supervision.model import Modality, OfferSettings, Window, WindowKind
from app.supervision.recurrence import weekly_rule
from app.supervision.service import SupervisionService
from app.team import models, provision
from app.team.models import TEAM_TABLES
from app.team.roles import Role
from app.team.store import TeamStore
from tests.helpers.pgcluster import url_for

SYDNEY = ZoneInfo("Australia/Sydney")
# Sunday 22 November 2026, 09:00 in Sydney (AEDT, UTC+11), as tests/conftest.py's clock.
NOW = dt.datetime(2026, 11, 22, 9, 0, tzinfo=SYDNEY)
# Tuesdays and Thursdays 10:00-12:30 local (slots at 10:00 and 11:15), from Tuesday 24 November.
TUE_THU = weekly_rule([1, 3])


def is_postgres(url: str) -> bool:
    return url.startswith("postgresql")


def local(y: int, m: int, d: int, h: int, minute: int = 0) -> dt.datetime:
    """An aware moment from Sydney wall-clock time, in UTC."""
    return dt.datetime(y, m, d, h, minute, tzinfo=SYDNEY).astimezone(dt.UTC)


def weekly(capacity: int = 1) -> Window:
    return Window(
        "",
        WindowKind.WEEKLY,
        dt.datetime(2026, 11, 24, 10),
        dt.datetime(2026, 11, 24, 12, 30),
        rrule=TUE_THU,
        modality=Modality.VIDEO,
        location="https://meet.example/sam",
        capacity=capacity,
    )


class World:
    """Logins are ``<prefix><name>``; ``ids[name]`` is the person id."""

    def __init__(self, url: str, prefix: str, clock: FixedClock | None = None) -> None:
        self.url, self.prefix = url, prefix
        self.clock = clock or FixedClock(NOW)
        self.ids: dict[str, str] = {}
        self.stores: list[TeamStore] = []
        provision.init(url)

    def login(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def add(
        self,
        name: str,
        *roles: Role,
        display: str | None = None,
        started_on: dt.date | None = None,
    ) -> str:
        result = provision.add_user(
            self.url,
            self.login(name),
            roles,
            display_name=display or name.title(),
            started_on=started_on,
        )
        self.ids[name] = result.person_id
        return result.person_id

    def assign(self, supervisee: str, supervisor: str) -> None:
        provision.assign(self.url, self.login(supervisee), self.login(supervisor))

    def store(self, name: str, *, pool_size: int = 2) -> TeamStore:
        login = self.login(name)
        if is_postgres(self.url):
            store = TeamStore.open(url_for(self.url, user=login), pool_size=pool_size)
        else:
            store = TeamStore.open(self.url, login=login, pool_size=pool_size)
        self.stores.append(store)
        return store

    def service(self, name: str) -> SupervisionService:
        return SupervisionService(self.store(name), self.clock, SYDNEY)

    def close(self) -> None:
        for store in self.stores:
            store.close()
        self.stores.clear()

    @contextmanager
    def admin_sql(self) -> Iterator[Connection]:
        """A connection that sees every row (the superuser on PostgreSQL, the file on SQLite)."""
        engine = create_engine(self.url, poolclass=NullPool)
        try:
            with engine.begin() as conn:
                yield conn
        finally:
            engine.dispose()

    def dump(self) -> dict[str, list[tuple[object, ...]]]:
        """Every row of every team table."""
        with self.admin_sql() as conn:
            return {
                t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t}"))] for t in TEAM_TABLES
            }

    def sessions(self) -> list[tuple[dt.datetime, str, int]]:
        """(starts_at, status, seats_taken) of every session, as aware UTC."""
        S = models.SessionRow
        with self.admin_sql() as conn:
            rows = conn.execute(select(S.starts_at, S.status, S.seats_taken).order_by(S.starts_at))
            return [(r[0], r[1], r[2]) for r in rows]

    def count(self, sql: str, **params: object) -> int:
        with self.admin_sql() as conn:
            return int(conn.execute(text(sql), params).scalar_one())


def standard(
    url: str, prefix: str, *, capacity: int = 1, settings: OfferSettings | None = None
) -> World:
    """Sam supervises Alex and Blair; Chris is a caseworker Sam doesn't supervise.
    Sam offers Tuesdays and Thursdays 10:00-12:30 (video)."""
    world = World(url, prefix)
    world.add("sam", Role.SUPERVISOR, display="Sam Supervisor")
    world.add("alex", Role.CASEWORKER, display="Alex", started_on=dt.date(2026, 8, 3))
    world.add("blair", Role.CASEWORKER, display="Blair", started_on=dt.date(2025, 1, 6))
    world.add("chris", Role.CASEWORKER, display="Chris")
    world.assign("alex", "sam")
    world.assign("blair", "sam")
    sam = world.service("sam")
    sam.save_offer(settings or OfferSettings(tz="Australia/Sydney"))
    sam.add_window(weekly(capacity))
    return world
