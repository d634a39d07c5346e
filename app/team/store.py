"""An open team store: who I am in it, my roles, and sessions to read and write.

``TeamStore.open`` is slow (a network round trip, or a migration): call it off
the GUI thread. On PostgreSQL "me" is the login role the connection uses and my
roles are its group memberships (the database decides what I may see). On a
local SQLite file, "me" is the person this computer's user chose, and Tend's
own checks stand in for the database's.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from sqlalchemy import Engine, select, text
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError, SQLAlchemyError
from sqlalchemy.orm import Session

from app.errors import NotAllowed, TeamUnavailable, ValidationError
from app.team import migrate, models
from app.team.engine import open_engine, writer
from app.team.roles import Role, pg_group
from app.team.url import TeamAddress, parse

log = logging.getLogger(__name__)

UNREACHABLE = (
    "Tend couldn't reach the team database. Please check the address and your "
    "connection, or try again in a moment."
)
SIGN_IN = "The team database didn't accept that name and password."
MAX_NAME = 120
RETRYABLE = frozenset({"40001", "40P01"})


@dataclass(frozen=True)
class Person:
    id: str
    login: str
    display_name: str
    started_on: dt.date | None
    active: bool
    roles: frozenset[Role]

    def has(self, role: Role) -> bool:
        return role in self.roles


def _person(row: models.Person, roles: Iterable[str]) -> Person:
    return Person(
        row.id, row.login, row.display_name, row.started_on, row.active, frozenset(map(Role, roles))
    )


def connect_error(exc: Exception) -> TeamUnavailable:
    text_ = str(getattr(exc, "orig", exc)).lower()
    if "password" in text_ or "authentication" in text_ or "role" in text_:
        return TeamUnavailable(SIGN_IN)
    return TeamUnavailable(UNREACHABLE)


class TeamStore:
    def __init__(self, address: TeamAddress, engine: Engine, login: str | None) -> None:
        self.address = address
        self.engine = engine
        self._writer = writer(engine)
        self._login = login
        self.me: Person | None = None
        self.roles: frozenset[Role] = frozenset()

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(
        cls,
        url: str | TeamAddress,
        *,
        login: str | None = None,
        password: str | None = None,
        pool_size: int = 2,
    ) -> TeamStore:
        address = parse(url) if isinstance(url, str) else url
        password = password or address.password
        if address.is_postgres:
            login = address.login
        elif address.url.database:
            from pathlib import Path

            Path(address.url.database).parent.mkdir(parents=True, exist_ok=True)
        engine = open_engine(address, password, pool_size=pool_size)
        try:
            if address.is_postgres:
                migrate.check_postgres(engine)
            else:
                migrate.upgrade_sqlite(engine)
            store = cls(address, engine, login)
            store.refresh_me()
        except TeamUnavailable:
            engine.dispose()
            raise
        except (DBAPIError, SQLAlchemyError, OSError) as exc:
            engine.dispose()
            log.warning("team store unreachable: %s", type(exc).__name__)
            raise connect_error(exc) from None
        log.info("team store open (%s)", engine.dialect.name)
        return store

    @property
    def is_postgres(self) -> bool:
        return self.address.is_postgres

    @property
    def url_for_display(self) -> str:
        return self.address.display

    def close(self) -> None:
        self.engine.dispose()

    # -- sessions ----------------------------------------------------------------------
    @contextmanager
    def read(self) -> Iterator[Session]:
        with _reachable(), Session(self.engine) as s:
            yield s

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One transaction; committed when the block ends without an exception."""
        with _reachable(), Session(self._writer) as s, s.begin():
            yield s

    # -- people ------------------------------------------------------------------------
    def refresh_me(self) -> Person | None:
        """Look up who this connection acts as, and their roles, again."""
        if self._login is None:
            self.me, self.roles = None, frozenset()
            return None
        with self.read() as s:
            row = s.scalar(
                select(models.Person).where(
                    models.Person.login == self._login, models.Person.active
                )
            )
            if row is None:
                self.me, self.roles = None, frozenset()
                return None
            if self.is_postgres:
                roles = [r.value for r in Role if self._pg_member(s, pg_group(r))]
            else:
                roles = list(
                    s.scalars(
                        select(models.PersonRole.role).where(models.PersonRole.person_id == row.id)
                    )
                )
            self.me = _person(row, roles)
            self.roles = self.me.roles
        return self.me

    @staticmethod
    def _pg_member(s: Session, group: str) -> bool:
        return bool(s.scalar(text("SELECT pg_has_role(current_user, :g, 'MEMBER')"), {"g": group}))

    def require(self, role: Role) -> Person:
        """Me, if I hold ``role``; else NotAllowed (words the person can act on)."""
        if self.me is None:
            raise NotAllowed("Please choose who you are in the team first.")
        if role not in self.roles:
            raise NotAllowed("Your team role doesn't include that. Your administrator can add it.")
        return self.me

    def people(self, *, include_inactive: bool = False) -> list[Person]:
        with self.read() as s:
            query = select(models.Person).order_by(models.Person.display_name)
            if not include_inactive:
                query = query.where(models.Person.active)
            rows = list(s.scalars(query))
            roles: dict[str, list[str]] = {}
            for person_id, role in s.execute(
                select(models.PersonRole.person_id, models.PersonRole.role)
            ):
                roles.setdefault(person_id, []).append(role)
        return [_person(r, roles.get(r.id, ())) for r in rows]

    def person(self, person_id: str) -> Person | None:
        return next((p for p in self.people(include_inactive=True) if p.id == person_id), None)

    def choose_local_person(
        self,
        display_name: str,
        roles: Iterable[Role],
        started_on: dt.date | None = None,
    ) -> Person:
        """SQLite only: create or update the person this computer's user is, and their roles."""
        if self.is_postgres:
            raise NotAllowed("On a shared team database, your administrator sets your roles.")
        name = " ".join(display_name.split())
        if not name or len(name) > MAX_NAME:
            raise ValidationError("Please give a name of up to 120 characters.")
        chosen = sorted({Role(r) for r in roles})
        if not chosen:
            raise ValidationError("Please choose at least one role.")
        login = self._login or local_login(name)
        now = dt.datetime.now(dt.UTC)
        with self.write() as s:
            row = s.scalar(select(models.Person).where(models.Person.login == login))
            if row is None:
                row = models.Person(
                    id=str(uuid.uuid4()),
                    login=login,
                    display_name=name,
                    started_on=None,
                    active=True,
                    created_at=now,
                )
                s.add(row)
            row.display_name, row.active, row.removed_at = name, True, None
            if started_on is not None:
                row.started_on = started_on
            s.flush()
            s.query(models.PersonRole).filter_by(person_id=row.id).delete()
            s.add_all(models.PersonRole(person_id=row.id, role=r.value) for r in chosen)
        self._login = login
        me = self.refresh_me()
        assert me is not None
        log.info("local team person chosen (%d roles)", len(chosen))
        return me

    def choose_local_supervisors(self, supervisor_ids: Iterable[str]) -> None:
        """SQLite only: who supervises me (on a shared database, the administrator says)."""
        if self.is_postgres:
            raise NotAllowed("On a shared team database, your administrator pairs you up.")
        me = self.require(Role.CASEWORKER)
        chosen = set(supervisor_ids) - {me.id}
        with self.write() as s:
            valid = set(
                s.scalars(
                    select(models.PersonRole.person_id).where(
                        models.PersonRole.role == Role.SUPERVISOR.value,
                        models.PersonRole.person_id.in_(chosen),
                    )
                )
            )
            if valid != chosen:
                raise ValidationError("Please choose supervisors from the list.")
            s.query(models.Assignment).filter_by(supervisee_id=me.id).delete()
            s.add_all(models.Assignment(supervisee_id=me.id, supervisor_id=i) for i in chosen)
        log.info("local supervisors chosen (%d)", len(chosen))

    def my_supervisor_ids(self) -> list[str]:
        if self.me is None:
            return []
        with self.read() as s:
            return list(
                s.scalars(
                    select(models.Assignment.supervisor_id).where(
                        models.Assignment.supervisee_id == self.me.id
                    )
                )
            )

    @property
    def login(self) -> str | None:
        return self._login


@contextmanager
def _reachable() -> Iterator[None]:
    """A lost connection (a restarted server, a dropped network, a file locked too long)
    is a calm sentence, not a bug report, and never the database's own words."""
    try:
        yield
    except (OperationalError, InterfaceError) as exc:
        if getattr(exc.orig, "sqlstate", None) in RETRYABLE:
            raise  # a deadlock or serialisation clash: the caller decides (someone else won)
        log.warning("team store unreachable: %s", type(exc).__name__)
        raise TeamUnavailable(UNREACHABLE) from None


def local_login(display_name: str) -> str:
    """A login for a person on a local file: stable, unique, and not the name itself."""
    return f"local-{uuid.uuid5(uuid.NAMESPACE_OID, display_name.casefold()).hex[:12]}"
