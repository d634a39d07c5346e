"""Who may do what in a PostgreSQL team store, checked cell by cell against the server.

Every Tend role (and a login with no Tend role) x every team table x SELECT /
INSERT / UPDATE / DELETE runs as that person's own login role, and the rows each
command reaches are compared with EXPECTED, the table written out in
docs/team-permissions.md. Each command runs in a transaction that is rolled back,
so the cells don't disturb each other. Then the forging attempts: rows that name
someone else.

Scopes: "all" every row; "own" rows that are the person's own (their
settings, windows and sessions as a supervisor, attendances on their sessions;
as a caseworker their own attendances and the sessions they attend; assignments
they are part of); "assigned" rows of the supervisors assigned to them (and
sessions they attend); "no" refused outright (SQLSTATE 42501).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from psycopg import sql
from sqlalchemy import create_engine
from sqlalchemy.orm import Session
from sqlalchemy.pool import NullPool

from app.supervision.model import OfferSettings
from app.team import models
from app.team.models import TEAM_TABLES
from app.team.rls_check import security_problems
from app.team.roles import Role
from tests.helpers.pgcluster import connect, url_for
from tests.team.world import World, local, weekly

pytestmark = pytest.mark.postgres

ROLES = ("caseworker", "supervisor", "coordinator", "handler", "admin", "none")
# Who probes for each role.
PROBE = {
    "caseworker": "alex",
    "supervisor": "sam",
    "coordinator": "cora",
    "handler": "hal",
    "admin": "ada",
    "none": "nemo",
}

READ_ONLY = {"select": "all", "insert": "no", "update": "no", "delete": "no"}
ADMIN = {"select": "all", "insert": "all", "update": "all", "delete": "all"}
NOTHING = {"select": "no", "insert": "no", "update": "no", "delete": "no"}
SUPERVISOR_OWN = {"select": "own", "insert": "own", "update": "own", "delete": "own"}
ASSIGNED_READ = {"select": "assigned", "insert": "no", "update": "no", "delete": "no"}
ALL_READ = {"select": "all", "insert": "no", "update": "no", "delete": "no"}
OWN_ASSIGNMENTS = {"select": "own", "insert": "no", "update": "no", "delete": "no"}

# The documented table (docs/team-permissions.md), as data.
EXPECTED: dict[tuple[str, str], dict[str, str]] = {}
for _role in ("caseworker", "supervisor", "coordinator", "handler"):
    EXPECTED[_role, "people"] = READ_ONLY
    EXPECTED[_role, "person_roles"] = READ_ONLY
    EXPECTED[_role, "supervision_policy"] = READ_ONLY
    EXPECTED[_role, "assignments"] = OWN_ASSIGNMENTS
for _table in TEAM_TABLES:
    EXPECTED["none", _table] = NOTHING
    for _role in ("coordinator", "handler"):
        EXPECTED.setdefault((_role, _table), NOTHING)
for _table in ("people", "person_roles", "assignments", "supervision_policy"):
    EXPECTED["admin", _table] = ADMIN
EXPECTED.update(
    {
        ("admin", "supervisor_settings"): ALL_READ,
        ("admin", "availability"): ALL_READ,
        ("admin", "sessions"): {"select": "all", "insert": "no", "update": "all", "delete": "no"},
        ("admin", "attendances"): {
            "select": "all",
            "insert": "no",
            "update": "all",
            "delete": "no",
        },
        ("supervisor", "supervisor_settings"): SUPERVISOR_OWN,
        ("supervisor", "availability"): SUPERVISOR_OWN,
        ("supervisor", "sessions"): {
            "select": "own",
            "insert": "own",
            "update": "own",
            "delete": "no",
        },
        ("supervisor", "attendances"): {
            "select": "own",
            "insert": "no",
            "update": "own",
            "delete": "no",
        },
        ("caseworker", "supervisor_settings"): ASSIGNED_READ,
        ("caseworker", "availability"): ASSIGNED_READ,
        ("caseworker", "sessions"): {
            "select": "assigned",
            "insert": "assigned",
            "update": "no",  # seats follow attendances, counted by the database
            "delete": "no",
        },
        ("caseworker", "attendances"): {
            "select": "own",
            "insert": "own",
            "update": "own",
            "delete": "no",
        },
    }
)

KEY = {
    "people": "id",
    "person_roles": "person_id || ':' || role",
    "assignments": "supervisee_id || '>' || supervisor_id",
    "supervision_policy": "from_month::text",
    "supervisor_settings": "supervisor_id",
    "availability": "id",
    "sessions": "id",
    "attendances": "id",
}
# A column each writing role may set (to itself) for the UPDATE probe.
TOUCH = {
    "people": "display_name",
    "person_roles": "role",
    "assignments": "supervisor_id",
    "supervision_policy": "every_days",
    "supervisor_settings": "updated_at",
    "availability": "location",
    "sessions": "updated_at",
    "attendances": "updated_at",
}
FAR = dt.datetime(2027, 6, 1, 0, 0, tzinfo=dt.UTC)


@dataclass
class Team:
    world: World
    ids: dict[str, str]
    rows: dict[str, list[dict[str, object]]]  # every row, as the superuser sees it
    empty_sessions: dict[str, str]  # supervisor name -> an open group session, nobody on it

    def conn(self, name: str) -> psycopg.Connection[tuple[object, ...]]:
        return connect(url_for(self.world.url, user=self.world.login(name)))


def _session_row(sup: str, start: dt.datetime) -> models.SessionRow:
    return models.SessionRow(
        id=str(uuid.uuid4()),
        supervisor_id=sup,
        starts_at=start,
        ends_at=start + dt.timedelta(hours=1),
        blocked_until=start + dt.timedelta(hours=1),
        capacity=3,
        seats_taken=0,
        modality="video",
        location="",
        status="open",
        created_at=start,
        updated_at=start,
    )


def build(team_url: str, prefix: str) -> Team:
    """Sam and Kim supervise (Lee too, with nothing set up); Alex and Ari are Sam's,
    Blair is Kim's; Cora coordinates, Hal handles concerns, Ada administers; Nemo can
    log in but has no Tend role."""
    w = World(team_url, prefix)
    for name in ("sam", "kim", "lee"):
        w.add(name, Role.SUPERVISOR)
    for name, sup in (("alex", "sam"), ("ari", "sam"), ("blair", "kim")):
        w.add(name, Role.CASEWORKER)
        w.assign(name, sup)
    w.add("cora", Role.COORDINATOR)
    w.add("hal", Role.HANDLER)
    w.add("ada", Role.ADMIN)
    for name in ("sam", "kim"):
        service = w.service(name)
        service.save_offer(OfferSettings(tz="Australia/Sydney"))
        service.add_window(weekly())
    for name, sup, when in (
        ("alex", "sam", local(2026, 11, 24, 10)),
        ("ari", "sam", local(2026, 11, 26, 10)),
        ("blair", "kim", local(2026, 11, 24, 10)),
    ):
        service = w.service(name)
        slot = next(s for s in service.free_slots(w.ids[sup]) if s.start == when)
        service.book(w.ids[sup], slot)
    w.close()
    nemo = w.login("nemo")
    with connect(team_url) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(nemo)))
    empties = {}
    engine = create_engine(team_url, poolclass=NullPool)
    try:
        with Session(engine) as s, s.begin():
            nemo_row = models.Person(
                id=str(uuid.uuid4()),
                login=nemo,
                display_name="Nemo",
                active=True,
                created_at=FAR,
            )
            s.add(nemo_row)
            w.ids["nemo"] = nemo_row.id
            for name in ("sam", "kim"):
                row = _session_row(w.ids[name], local(2027, 3, 2, 10))
                s.add(row)
                empties[name] = row.id
    finally:
        engine.dispose()
    return Team(w, w.ids, snapshot(team_url), empties)


def snapshot(team_url: str) -> dict[str, list[dict[str, object]]]:
    with connect(team_url) as conn:
        found = {}
        for table in TEAM_TABLES:
            cur = conn.execute(
                sql.SQL("SELECT *, {} AS key FROM {}").format(
                    sql.SQL(KEY[table]), sql.Identifier(table)
                )
            )
            names = [c.name for c in cur.description or ()]
            found[table] = [dict(zip(names, r, strict=True)) for r in cur.fetchall()]
        return found


@pytest.fixture
def team(pg_admin_url: str, role_prefix: str) -> Iterator[Team]:
    made = build(pg_admin_url, role_prefix)
    yield made
    made.world.close()


# -- what each scope means ----------------------------------------------------------------
def in_scope(team: Team, scope: str, table: str, row: dict[str, object], me: str) -> bool:
    if scope == "all":
        return True
    sessions = {r["id"]: r for r in team.rows["sessions"]}
    attends = {
        r["session_id"]
        for r in team.rows["attendances"]
        if r["person_id"] == me  # any status: the policies don't look at it
    }
    assigned = {r["supervisor_id"] for r in team.rows["assignments"] if r["supervisee_id"] == me}
    if table == "assignments" and scope == "own":
        return me in (row["supervisee_id"], row["supervisor_id"])
    if table in ("supervisor_settings", "availability", "sessions"):
        attending = table == "sessions" and row["id"] in attends
        if scope == "own":
            return row["supervisor_id"] == me or attending
        if scope == "assigned":
            return row["supervisor_id"] in assigned or attending
    if table == "attendances" and scope == "own":
        session = sessions[row["session_id"]]
        return row["person_id"] == me or session["supervisor_id"] == me
    raise AssertionError(f"no scope {scope} for {table}")


def expected_keys(team: Team, scope: str, table: str, me: str, only: set[str] | None = None):
    if scope == "no":
        return None
    keys = {str(r["key"]) for r in team.rows[table] if in_scope(team, scope, table, r, me)}
    return keys if only is None else keys & only


# -- probes: the keys a command reached, or None when it was refused ----------------------
def attempt(
    conn: psycopg.Connection[tuple[object, ...]],
    query: sql.Composable,
    params: tuple[object, ...] = (),
    before: tuple[tuple[sql.Composable, tuple[object, ...]], ...] = (),
) -> set[str] | None:
    try:
        with conn.transaction(force_rollback=True):
            for prep, prep_params in before:  # set-up that may itself be refused
                try:
                    with conn.transaction():
                        conn.execute(prep, prep_params)
                except psycopg.errors.InsufficientPrivilege:
                    pass
            cur = conn.execute(query, params)
            return {str(r[0]) for r in cur.fetchall()} if cur.description else set()
    except psycopg.errors.InsufficientPrivilege:
        return None


def select_probe(conn, table):
    q = sql.SQL("SELECT {} FROM {}").format(sql.SQL(KEY[table]), sql.Identifier(table))
    return attempt(conn, q)


def update_probe(conn, table):
    q = sql.SQL("UPDATE {t} SET {c} = {c} RETURNING {k}").format(
        t=sql.Identifier(table), c=sql.Identifier(TOUCH[table]), k=sql.SQL(KEY[table])
    )
    return attempt(conn, q)


def delete_probe(conn, table, team):
    where = sql.SQL("")
    params: tuple[object, ...] = ()
    if table == "people":  # the one person nothing refers to
        where, params = sql.SQL(" WHERE id = %s"), (team.ids["nemo"],)
    q = sql.SQL("DELETE FROM {t}{w} RETURNING {k}").format(
        t=sql.Identifier(table), w=where, k=sql.SQL(KEY[table])
    )
    return attempt(conn, q, params)


def insert_rows(
    team: Team, table: str, me: str
) -> list[tuple[sql.Composable, tuple[object, ...], tuple]]:
    """(statement, params, set-up) for a row in the prober's own scope, then (where the
    table has owners) one in someone else's."""
    ids, now = team.ids, FAR
    ins = sql.SQL
    if table == "people":
        return [
            (
                ins(
                    "INSERT INTO people (id, login, display_name, active, created_at) "
                    "VALUES (%s, %s, 'New', true, %s) RETURNING id"
                ),
                (str(uuid.uuid4()), f"new_{uuid.uuid4().hex[:8]}", now),
                (),
            )
        ]
    if table == "person_roles":
        return [
            (
                ins("INSERT INTO person_roles VALUES (%s, 'coordinator') RETURNING role"),
                (ids["blair"],),
                (),
            )
        ]
    if table == "assignments":
        return [
            (
                ins("INSERT INTO assignments VALUES (%s, %s) RETURNING supervisor_id"),
                (ids["alex"], ids["kim"]),
                (),
            )
        ]
    if table == "supervision_policy":
        return [
            (
                ins(
                    "INSERT INTO supervision_policy (from_month, every_days) VALUES (24, 30) "
                    "RETURNING id"
                ),
                (),
                (),
            )
        ]
    if table == "supervisor_settings":
        stmt = ins(
            "INSERT INTO supervisor_settings VALUES (%s, 60, 15, 24, 42, 4, 'UTC', %s) "
            "RETURNING supervisor_id"
        )
        clear = ((ins("DELETE FROM supervisor_settings WHERE supervisor_id = %s"), (me,)),)
        return [(stmt, (me, now), clear), (stmt, (ids["lee"], now), ())]
    if table == "availability":
        stmt = ins(
            "INSERT INTO availability VALUES (%s, %s, 'extra', %s, %s, NULL, 'video', '', 1, %s) "
            "RETURNING id"
        )
        start = dt.datetime(2027, 6, 1, 10)
        return [
            (stmt, (str(uuid.uuid4()), who, start, start + dt.timedelta(hours=2), now), ())
            for who in (me, ids["kim"])
        ]
    if table == "sessions":
        stmt = ins(
            "INSERT INTO sessions VALUES (%s, %s, %s, %s, %s, 1, 0, 'video', '', 'open', "
            "%s, %s) RETURNING id"
        )
        end = now + dt.timedelta(hours=1)
        return [
            (stmt, (str(uuid.uuid4()), ids[who], now, end, end, now, now), ())
            for who in ("sam", "kim")  # Sam is the prober or the prober's supervisor
        ]
    if table == "attendances":
        stmt = ins(
            "INSERT INTO attendances VALUES (%s, %s, %s, 'booked', NULL, %s, %s, %s) RETURNING id"
        )
        return [
            (stmt, (str(uuid.uuid4()), team.empty_sessions[sup], ids[who], me, now, now), ())
            for sup, who in (("sam", "alex"), ("kim", "blair"))
        ]
    raise AssertionError(table)


def test_the_server_is_locked_down(team: Team) -> None:
    engine = create_engine(team.world.url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            assert security_problems(conn) == []
    finally:
        engine.dispose()


def test_every_table_is_in_the_documented_matrix() -> None:
    assert {t for _, t in EXPECTED} == set(TEAM_TABLES)
    assert {r for r, _ in EXPECTED} == set(ROLES)
    assert len(EXPECTED) == len(ROLES) * len(TEAM_TABLES)


@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(team: Team, role: str) -> None:
    name = PROBE[role]
    me = team.ids[name]
    wrong = []
    with team.conn(name) as conn:
        for table in TEAM_TABLES:
            want = EXPECTED[role, table]
            got = {
                "select": select_probe(conn, table),
                "update": update_probe(conn, table),
                "delete": delete_probe(conn, table, team),
            }
            only = {team.ids["nemo"]} if table == "people" else None
            expect = {
                "select": expected_keys(team, want["select"], table, me),
                "update": expected_keys(team, want["update"], table, me),
                "delete": expected_keys(team, want["delete"], table, me, only),
            }
            for op in ("select", "update", "delete"):
                if got[op] != expect[op]:
                    wrong.append(f"{table} {op}: expected {want[op]} {expect[op]}, got {got[op]}")
            inserted = [
                attempt(conn, q, p, before) is not None
                for q, p, before in insert_rows(team, table, me)
            ]
            scope = want["insert"]
            expect_ins = [scope != "no"] + [scope == "all"] * (len(inserted) - 1)
            if inserted != expect_ins:
                wrong.append(f"{table} insert: expected {scope} {expect_ins}, got {inserted}")
    assert wrong == []


# -- forging: rows that name someone else ---------------------------------------------------
def q(text: str) -> sql.Composable:
    return sql.SQL(text)


INSERT_ATTENDANCE = (
    "INSERT INTO attendances VALUES (%s, %s, %s, 'booked', NULL, %s, %s, %s) RETURNING id"
)
INSERT_SESSION = (
    "INSERT INTO sessions VALUES (%s, %s, %s, %s, %s, 1, 0, 'video', '', 'open', %s, %s) "
    "RETURNING id"
)
INSERT_WINDOW = (
    "INSERT INTO availability VALUES (%s, %s, 'extra', %s, %s, NULL, 'video', '', 1, %s) "
    "RETURNING id"
)


def new_id() -> str:
    return str(uuid.uuid4())


def session_of(team: Team, person: str) -> str:
    """The session ``person`` is booked on."""
    return next(
        str(r["session_id"]) for r in team.rows["attendances"] if r["person_id"] == team.ids[person]
    )


def test_a_caseworker_cannot_forge_rows(team: Team) -> None:
    ids, end = team.ids, FAR + dt.timedelta(hours=1)
    with team.conn("alex") as alex:
        # An attendance in Blair's name, on a session Alex could book for themself.
        params = (new_id(), team.empty_sessions["sam"], ids["blair"], ids["alex"], FAR, FAR)
        assert attempt(alex, q(INSERT_ATTENDANCE), params) is None
        # A session with Kim, who doesn't supervise Alex.
        params = (new_id(), ids["kim"], FAR, end, end, FAR, FAR)
        assert attempt(alex, q(INSERT_SESSION), params) is None
        # A session with Sam that blocks his diary for a year, or runs all day.
        year = FAR + dt.timedelta(days=365)
        params = (new_id(), ids["sam"], FAR, end, year, FAR, FAR)
        assert attempt(alex, q(INSERT_SESSION), params) is None
        params = (new_id(), ids["sam"], FAR, FAR + dt.timedelta(hours=9), year, FAR, FAR)
        assert attempt(alex, q(INSERT_SESSION), params) is None
        # Someone else's attendance: not even visible, so nothing changes.
        cancel = "UPDATE attendances SET status = 'cancelled' WHERE person_id = %s RETURNING id"
        assert attempt(alex, q(cancel), (ids["ari"],)) == set()
        # Marking their own session held is the supervisor's call.
        held = "UPDATE attendances SET status = 'held' WHERE person_id = %s RETURNING id"
        assert attempt(alex, q(held), (ids["alex"],)) is None
        # Moving their attendance to another session (only status and reason may change).
        move = "UPDATE attendances SET session_id = %s WHERE person_id = %s RETURNING id"
        assert attempt(alex, q(move), (team.empty_sessions["sam"], ids["alex"])) is None
        # Choosing their own supervisor, or a role.
        assign = "INSERT INTO assignments VALUES (%s, %s) RETURNING supervisor_id"
        assert attempt(alex, q(assign), (ids["alex"], ids["kim"])) is None
        grant = "INSERT INTO person_roles VALUES (%s, 'admin') RETURNING role"
        assert attempt(alex, q(grant), (ids["alex"],)) is None
        # Kim's offer is none of Alex's business.
        assert attempt(alex, q("SELECT supervisor_id FROM supervisor_settings")) == {ids["sam"]}


def test_a_supervisor_cannot_forge_rows(team: Team) -> None:
    ids, end = team.ids, FAR + dt.timedelta(hours=1)
    start = dt.datetime(2027, 6, 1, 10)
    with team.conn("sam") as sam:
        params = (new_id(), ids["kim"], start, start + dt.timedelta(hours=2), FAR)
        assert attempt(sam, q(INSERT_WINDOW), params) is None
        give = "UPDATE availability SET supervisor_id = %s RETURNING id"
        assert attempt(sam, q(give), (ids["kim"],)) is None
        params = (new_id(), ids["kim"], FAR, end, end, FAR, FAR)
        assert attempt(sam, q(INSERT_SESSION), params) is None
        # Putting someone else (even outside their supervisees) on a session, or moving a
        # place to another session: only a place's status and reason are theirs to change.
        take = "UPDATE attendances SET person_id = %s RETURNING id"
        assert attempt(sam, q(take), (ids["blair"],)) is None
        move = "UPDATE attendances SET session_id = %s RETURNING id"
        assert attempt(sam, q(move), (team.empty_sessions["sam"],)) is None
        move = "UPDATE sessions SET supervisor_id = %s RETURNING id"
        assert attempt(sam, q(move), (ids["kim"],)) is None
        # Kim's people's attendances are out of reach: nothing to mark.
        mark = "UPDATE attendances SET status = 'held' WHERE person_id = %s RETURNING id"
        assert attempt(sam, q(mark), (ids["blair"],)) == set()
        # Settings for another supervisor.
        settings = (
            "INSERT INTO supervisor_settings VALUES (%s, 60, 15, 24, 42, 4, 'UTC', %s) "
            "RETURNING supervisor_id"
        )
        assert attempt(sam, q(settings), (ids["lee"], FAR)) is None


# -- ways round the rules that are closed ------------------------------------------------
def test_a_caseworker_cannot_join_a_colleagues_individual_session(team: Team) -> None:
    """Alex can't put themself on Ari's one-to-one: the database counts seats and the
    session is full."""
    ids = team.ids
    with team.conn("alex") as alex, pytest.raises(psycopg.errors.ExclusionViolation):
        params = (new_id(), session_of(team, "ari"), ids["alex"], ids["alex"], FAR, FAR)
        attempt(alex, q(INSERT_ATTENDANCE), params)


def test_a_caseworker_cannot_cancel_a_session_for_everyone_on_it(team: Team) -> None:
    """Alex, on a group session with Ari, can't cancel it (or reset its seats) for both:
    caseworkers never update sessions."""
    ids, group = team.ids, team.empty_sessions["sam"]
    with connect(team.world.url) as admin:  # both booked on Sam's group session
        for who in ("alex", "ari"):
            admin.execute(q(INSERT_ATTENDANCE), (new_id(), group, ids[who], ids[who], FAR, FAR))
        admin.execute("UPDATE sessions SET seats_taken = 2 WHERE id = %s", (group,))
    with team.conn("alex") as alex:
        cancel = (
            "UPDATE sessions SET status = 'cancelled', seats_taken = 0 WHERE id = %s RETURNING id"
        )
        assert not attempt(alex, q(cancel), (group,))


def test_a_caseworker_cannot_undo_a_missed_mark(team: Team) -> None:
    """A session Sam marked missed stays missed: Alex may only change a place that is
    still booked."""
    ids = team.ids
    with connect(team.world.url) as admin:
        admin.execute(
            "UPDATE attendances SET status = 'missed' WHERE person_id = %s", (ids["alex"],)
        )
    with team.conn("alex") as alex:
        undo = "UPDATE attendances SET status = 'booked' WHERE person_id = %s RETURNING id"
        assert not attempt(alex, q(undo), (ids["alex"],))


def test_the_helper_functions_answer_only_for_whoever_is_signed_in(team: Team) -> None:
    """They run as the owner, so called with a colleague's id they must say no: otherwise
    they would tell anyone who attends what, and who supervises whom."""
    ids = team.ids
    ari_session = session_of(team, "ari")
    with team.conn("alex") as alex:
        asks = "SELECT tend_attends(%s, %s), tend_assigned_to(%s, %s)"
        row = alex.execute(q(asks), (ari_session, ids["ari"], ids["kim"], ids["blair"])).fetchone()
        assert row == (False, False)
        mine = alex.execute(q("SELECT tend_assigned_to(%s, %s)"), (ids["sam"], ids["alex"]))
        assert mine.fetchone() == (True,)
    with team.conn("cora") as cora:
        found = cora.execute(
            q("SELECT count(*) FROM people p WHERE tend_assigned_to(%s, p.id)"), (ids["sam"],)
        ).fetchone()
        assert found == (0,)
    with team.conn("nemo") as nemo:  # no Tend role: may not call them at all
        assert attempt(nemo, q("SELECT tend_attends(%s, %s)"), (ari_session, ids["ari"])) is None


def test_an_administrator_cannot_reach_past_the_policies(team: Team) -> None:
    """A Tend administrator manages people's rows, not database roles: they can't join the
    owner role (which sees everything) or change a colleague's password."""
    with team.conn("ada") as ada:
        for stmt in (
            "GRANT tend_owner TO CURRENT_USER",
            f"ALTER ROLE {team.world.login('alex')} PASSWORD 'taken-over-1234'",
            f"CREATE ROLE {team.world.login('eve')} LOGIN",
        ):
            with pytest.raises(psycopg.errors.InsufficientPrivilege), ada.transaction():
                ada.execute(stmt)
