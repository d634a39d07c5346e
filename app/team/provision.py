"""Setting up a team store and its people: what ``tend team ...`` does.

``init`` needs a PostgreSQL superuser (or a local file): it makes the group
roles, the extension for the no-overlap constraint, and the schema (as the
NOLOGIN owner role, so no person's login owns a table). Everything else runs
as a Tend administrator. On PostgreSQL a person is a login role; their Tend
roles are memberships of the group roles. Passwords go to the server only as a
SCRAM verifier, computed here, so the plain password never crosses the wire
or lands in the server's logs.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import logging
import os
import re
import secrets
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, delete, select, text, update
from sqlalchemy.exc import InterfaceError, OperationalError
from sqlalchemy.orm import Session

from app.errors import NotAllowed, TeamUnavailable, ValidationError
from app.team import migrate, models
from app.team.engine import open_engine, writer
from app.team.rls_check import security_problems
from app.team.roles import GROUPS, MEMBER, OWNER, Role, pg_group
from app.team.store import connect_error
from app.team.url import TeamAddress, parse

log = logging.getLogger(__name__)

LOGIN_RE = re.compile(r"\A[a-z][a-z0-9_]{0,40}\Z")
LEFT_REASON = "No longer with the team"
SIGN_INS_NEED_SUPERUSER = (
    "Adding or removing sign-ins on PostgreSQL needs the database superuser "
    "(for example, run it as the postgres user)."
)


@dataclass(frozen=True)
class UserResult:
    person_id: str
    login: str
    created: bool
    password: str | None  # a new password to hand over (PostgreSQL, newly made), else None


def check_login(login: str) -> str:
    if not LOGIN_RE.match(login) or login.startswith(("tend_", "pg_")):
        raise ValidationError(
            "Names for signing in use lower-case letters, digits and _, start with a letter, "
            "and don't start with tend_ or pg_."
        )
    return login


def scram_verifier(password: str, iterations: int = 4096) -> str:
    """PostgreSQL's SCRAM-SHA-256 verifier for ``password`` (RFC 7677)."""
    if not password.isascii() or not password.isprintable() or len(password) < 12:
        raise ValidationError(
            "Please use a password of at least 12 letters, digits or punctuation (no accents)."
        )
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(raw: bytes) -> str:
        return base64.b64encode(raw).decode()

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def _engine(url: str | TeamAddress, password: str | None) -> tuple[TeamAddress, Engine]:
    address = parse(url) if isinstance(url, str) else url
    if not address.is_postgres and address.url.database:
        Path(address.url.database).parent.mkdir(parents=True, exist_ok=True)
    engine = open_engine(address, password or address.password, pool_size=1)
    try:
        if address.is_postgres:
            with engine.connect():
                pass  # a refused sign-in becomes one plain sentence (and the CLI asks)
        else:
            migrate.upgrade_sqlite(engine)  # a local file is brought up to date as it opens
    except (OperationalError, InterfaceError) as exc:
        engine.dispose()
        raise connect_error(exc) from None
    return address, engine


# -- init ------------------------------------------------------------------------------
def init(url: str | TeamAddress, password: str | None = None) -> str:
    """Create or update the team store. Idempotent. Returns the schema revision."""
    address, engine = _engine(url, password)
    try:
        if address.is_postgres:
            _init_postgres(engine)
        else:
            migrate.upgrade_sqlite(engine)
    finally:
        engine.dispose()
    log.info("team store initialised (%s)", "postgresql" if address.is_postgres else "sqlite")
    return migrate.TEAM_HEAD


def _init_postgres(engine: Engine) -> None:
    with engine.begin() as conn:
        if not conn.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")):
            raise NotAllowed(
                "Setting up the team database needs a PostgreSQL superuser "
                "(for example, run it as the postgres user)."
            )
        if int(conn.scalar(text("SHOW server_version_num")) or 0) < 150000:
            raise TeamUnavailable("Tend needs PostgreSQL 15 or newer.")
        for role in (OWNER, *GROUPS):
            exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": role})
            if not exists:
                conn.exec_driver_sql(f"CREATE ROLE {role} NOLOGIN")
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS btree_gist")
        conn.exec_driver_sql(f"GRANT USAGE, CREATE ON SCHEMA public TO {OWNER}")
        conn.exec_driver_sql(f"SET LOCAL ROLE {OWNER}")
        migrate.upgrade(conn)
        conn.exec_driver_sql("RESET ROLE")


# -- people ----------------------------------------------------------------------------
def add_user(
    url: str | TeamAddress,
    login: str,
    roles: Iterable[Role],
    *,
    password: str | None = None,
    display_name: str | None = None,
    started_on: dt.date | None = None,
    user_password: str | None = None,
) -> UserResult:
    """Add a person, or set an existing one's roles to exactly ``roles``."""
    login = check_login(login)
    chosen = sorted(set(roles))
    if not chosen:
        raise ValidationError("Please give at least one role.")
    name = " ".join((display_name or login).split())[:120]
    address, engine = _engine(url, password)
    new_password = None
    try:
        with Session(writer(engine)) as s, s.begin():
            row = s.scalar(select(models.Person).where(models.Person.login == login))
            created = row is None
            if row is None:
                row = models.Person(
                    id=str(uuid.uuid4()),
                    login=login,
                    display_name=name,
                    created_at=dt.datetime.now(dt.UTC),
                )
                s.add(row)
            if display_name or created:
                row.display_name = name
            if started_on is not None:
                row.started_on = started_on
            row.active, row.removed_at = True, None
            s.flush()
            s.execute(delete(models.PersonRole).where(models.PersonRole.person_id == row.id))
            s.add_all(models.PersonRole(person_id=row.id, role=r.value) for r in chosen)
            if address.is_postgres:
                new_password = _pg_login(s.connection(), login, chosen, user_password)
            person_id = row.id
    finally:
        engine.dispose()
    log.info("team person %s (%d roles)", "added" if created else "updated", len(chosen))
    return UserResult(person_id, login, created, new_password)


def _may_make_roles(conn: Connection) -> None:
    allowed = conn.scalar(
        text("SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user")
    )
    if not allowed:
        raise NotAllowed(SIGN_INS_NEED_SUPERUSER)


def _pg_login(
    conn: Connection, login: str, roles: Sequence[Role], user_password: str | None
) -> str | None:
    """Make ``login`` a login role with exactly these group memberships."""
    _may_make_roles(conn)
    exists = conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login})
    handed_over = None
    if not exists:
        handed_over = user_password or secrets.token_urlsafe(18)
    elif user_password:
        handed_over = user_password
    if not exists:
        conn.exec_driver_sql(f'CREATE ROLE "{login}" LOGIN')
    else:
        conn.exec_driver_sql(f'ALTER ROLE "{login}" LOGIN')
    if handed_over is not None:
        conn.exec_driver_sql(f"ALTER ROLE \"{login}\" PASSWORD '{scram_verifier(handed_over)}'")
    # No Tend login may make or change database roles: on PostgreSQL 15, CREATEROLE would
    # let it join tend_owner and read everything. Sign-ins are made by the superuser (or
    # a provisioning role the database administrator keeps apart from Tend).
    superuser = conn.scalar(text("SELECT rolsuper FROM pg_roles WHERE rolname = current_user"))
    extra = " NOSUPERUSER NOBYPASSRLS" if superuser else ""  # only a superuser may say so
    conn.exec_driver_sql(f'ALTER ROLE "{login}" NOCREATEROLE{extra}')
    wanted = {MEMBER, *(pg_group(r) for r in roles)}
    for group in GROUPS:
        verb = "GRANT {g} TO" if group in wanted else "REVOKE {g} FROM"
        conn.exec_driver_sql(f'{verb.format(g=group)} "{login}"')
    return None if user_password else handed_over


def remove_user(url: str | TeamAddress, login: str, *, password: str | None = None) -> int:
    """End a person's access; keep their past bookings for the record. Their future
    bookings are cancelled so the time is free again. Returns how many were cancelled."""
    login = check_login(login)
    address, engine = _engine(url, password)
    now = dt.datetime.now(dt.UTC)
    try:
        with Session(writer(engine)) as s, s.begin():
            row = s.scalar(select(models.Person).where(models.Person.login == login))
            if row is None:
                raise ValidationError("There's no one with that name in the team store.")
            cancelled = _cancel_future(s, row.id, now)
            row.active, row.removed_at = False, now
            if address.is_postgres:
                conn = s.connection()
                _may_make_roles(conn)
                exists = conn.scalar(
                    text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": login}
                )
                if exists:
                    for group in GROUPS:
                        conn.exec_driver_sql(f'REVOKE {group} FROM "{login}"')
                    conn.exec_driver_sql(f'ALTER ROLE "{login}" NOLOGIN NOCREATEROLE')
    finally:
        engine.dispose()
    log.info("team person removed; %d future bookings cancelled", cancelled)
    return cancelled


def _cancel_future(s: Session, person_id: str, now: dt.datetime) -> int:
    A, S = models.Attendance, models.SessionRow
    rows = s.execute(
        select(A, S)
        .join(S, S.id == A.session_id)
        .where(A.person_id == person_id, A.status == "booked", S.starts_at > now)
    ).all()
    for attendance, _session in rows:
        # The database gives the seat back, and frees the time when it was the last one.
        attendance.status, attendance.reason, attendance.updated_at = "cancelled", LEFT_REASON, now
    # A supervisor leaving: their future sessions end too, and everyone on them is told.
    for session in s.scalars(
        select(S).where(S.supervisor_id == person_id, S.status == "open", S.starts_at > now)
    ):
        session.status, session.updated_at = "cancelled", now
        s.execute(
            update(A)
            .where(A.session_id == session.id, A.status == "booked")
            .values(status="cancelled", reason=LEFT_REASON, updated_at=now)
        )
    return len(rows)


def assign(
    url: str | TeamAddress,
    supervisee: str,
    supervisor: str,
    *,
    password: str | None = None,
    remove: bool = False,
) -> None:
    _, engine = _engine(url, password)
    try:
        with Session(writer(engine)) as s, s.begin():
            ids = {}
            for login in (supervisee, supervisor):
                row = s.scalar(select(models.Person).where(models.Person.login == login))
                if row is None or not row.active:
                    raise ValidationError("There's no one with that name in the team store.")
                ids[login] = row.id
            if ids[supervisee] == ids[supervisor]:
                raise ValidationError("Someone can't be their own supervisor.")
            key = {"supervisee_id": ids[supervisee], "supervisor_id": ids[supervisor]}
            existing = s.get(models.Assignment, (ids[supervisee], ids[supervisor]))
            if remove and existing is not None:
                s.delete(existing)
            elif not remove and existing is None:
                s.add(models.Assignment(**key))
    finally:
        engine.dispose()


def set_policy(
    url: str | TeamAddress, rules: Sequence[tuple[int, int]], *, password: str | None = None
) -> None:
    """Replace the organisation's rhythm: (from month of service, every N days)."""
    if not rules or not any(m == 0 for m, _ in rules):
        raise ValidationError("The rhythm needs a rule that starts at month 0.")
    if len({m for m, _ in rules}) != len(rules):
        raise ValidationError("Each rule needs its own starting month.")
    for month, days in rules:
        if not (0 <= month <= 600 and 1 <= days <= 366):
            raise ValidationError("Months run from 0 to 600 and days from 1 to 366.")
    _, engine = _engine(url, password)
    try:
        with Session(writer(engine)) as s, s.begin():
            s.execute(delete(models.PolicyRuleRow))
            s.add_all(models.PolicyRuleRow(from_month=m, every_days=d) for m, d in sorted(rules))
    finally:
        engine.dispose()


# -- status ----------------------------------------------------------------------------
@dataclass(frozen=True)
class Status:
    where: str
    revision: str | None
    people_by_role: dict[str, int]
    policy: list[tuple[int, int]]
    problems: list[str]
    is_postgres: bool = False


def status(url: str | TeamAddress, *, password: str | None = None) -> Status:
    address, engine = _engine(url, password)
    try:
        with engine.connect() as conn:
            revision = migrate.current_revision(conn)
            counts: dict[str, int] = {}
            policy: list[tuple[int, int]] = []
            problems = security_problems(conn) if address.is_postgres else []
            if revision is not None:
                for role, n in conn.execute(
                    select(models.PersonRole.role, text("count(*)"))
                    .join(models.Person, models.Person.id == models.PersonRole.person_id)
                    .where(models.Person.active)
                    .group_by(models.PersonRole.role)
                ):
                    counts[role] = int(n)
                policy = [
                    (int(m), int(d))
                    for m, d in conn.execute(
                        select(
                            models.PolicyRuleRow.from_month, models.PolicyRuleRow.every_days
                        ).order_by(models.PolicyRuleRow.from_month)
                    )
                ]
    finally:
        engine.dispose()
    return Status(address.display, revision, counts, policy, problems, address.is_postgres)
