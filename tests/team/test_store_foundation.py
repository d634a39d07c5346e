"""The team store itself: init is idempotent, people and roles, identity, migrations, status."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.exc import IntegrityError

from app.errors import NotAllowed, TeamUnavailable, ValidationError
from app.team import migrate, models, provision
from app.team.roles import Role
from app.team.store import TeamStore
from tests.helpers.pgcluster import url_for


def login_url(team_url: str, login: str) -> str:
    return url_for(team_url, user=login) if team_url.startswith("postgresql") else team_url


def open_as(team_url: str, login: str) -> TeamStore:
    if team_url.startswith("postgresql"):
        return TeamStore.open(login_url(team_url, login))
    return TeamStore.open(team_url, login=login)


def test_init_twice_is_harmless_and_seeds_the_default_rhythm(team_url: str) -> None:
    assert provision.init(team_url) == migrate.TEAM_HEAD
    assert provision.init(team_url) == migrate.TEAM_HEAD
    report = provision.status(team_url)
    assert report.revision == migrate.TEAM_HEAD
    assert report.policy == [(0, 7), (6, 14)]
    assert report.problems == []


def test_people_roles_and_who_i_am(team_url: str, role_prefix: str) -> None:
    provision.init(team_url)
    alex, sam = f"{role_prefix}alex", f"{role_prefix}sam"
    added = provision.add_user(
        team_url, alex, [Role.CASEWORKER], display_name="Alex", started_on=dt.date(2026, 3, 2)
    )
    assert added.created
    provision.add_user(team_url, sam, [Role.SUPERVISOR, Role.CASEWORKER], display_name="Sam")
    provision.assign(team_url, alex, sam)

    store = open_as(team_url, alex)
    try:
        assert store.me is not None and store.me.display_name == "Alex"
        assert store.me.started_on == dt.date(2026, 3, 2)
        assert store.roles == {Role.CASEWORKER}
        assert [p.display_name for p in store.people()] == ["Alex", "Sam"]
        assert store.my_supervisor_ids() == [store.people()[1].id]
        with pytest.raises(NotAllowed):
            store.require(Role.SUPERVISOR)
    finally:
        store.close()

    # Roles are set to exactly what is given again.
    again = provision.add_user(team_url, alex, [Role.SUPERVISOR])
    assert not again.created and again.password is None
    store = open_as(team_url, alex)
    try:
        assert store.roles == {Role.SUPERVISOR}
    finally:
        store.close()


def test_removed_people_lose_access_but_stay_on_record(team_url: str, role_prefix: str) -> None:
    provision.init(team_url)
    alex = f"{role_prefix}alex"
    provision.add_user(team_url, alex, [Role.CASEWORKER])
    assert provision.remove_user(team_url, alex) == 0
    admin = TeamStore.open(team_url, login=None) if "sqlite" in team_url else None
    if team_url.startswith("postgresql"):
        with pytest.raises(TeamUnavailable):
            TeamStore.open(login_url(team_url, alex))  # NOLOGIN now
        engine = create_engine(team_url.replace("postgresql://", "postgresql+psycopg://", 1))
        with engine.connect() as conn:
            member = conn.scalar(
                text("SELECT pg_has_role(:r, 'tend_caseworker', 'MEMBER')"), {"r": alex}
            )
            kept = conn.scalar(text("SELECT count(*) FROM people WHERE login = :r"), {"r": alex})
        engine.dispose()
        assert member is False and kept == 1
    else:
        assert admin is not None
        gone = TeamStore.open(team_url, login=alex)
        assert gone.me is None  # no longer an active member
        people = admin.people(include_inactive=True)
        assert [(p.login, p.active) for p in people] == [(alex, False)]
        gone.close()
        admin.close()


def test_bad_names_and_rules_are_refused_calmly(team_url: str) -> None:
    provision.init(team_url)
    for bad in ("Alex", "tend_owner", "pg_x", "1abc", "a-b", "x" * 50, "robert'); drop"):
        with pytest.raises(ValidationError):
            provision.add_user(team_url, bad, [Role.CASEWORKER])
    with pytest.raises(ValidationError):
        provision.set_policy(team_url, [(3, 7)])  # nothing from month 0
    with pytest.raises(ValidationError):
        provision.set_policy(team_url, [(0, 0)])
    provision.set_policy(team_url, [(0, 7), (12, 28)])
    assert provision.status(team_url).policy == [(0, 7), (12, 28)]


def test_schema_matches_the_models(team_url: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    provision.init(team_url)
    url = team_url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": migrate.VERSION_TABLE})
        diff = compare_metadata(context, models.TeamBase.metadata)
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert diff == []
    assert set(models.TEAM_TABLES) | {migrate.VERSION_TABLE} == tables


def test_overlapping_open_sessions_are_refused_by_the_database(
    team_url: str, role_prefix: str
) -> None:
    """Below the service: the constraint (PostgreSQL) or trigger (SQLite) itself."""
    provision.init(team_url)
    sam = provision.add_user(team_url, f"{role_prefix}sam", [Role.SUPERVISOR]).person_id
    start = dt.datetime(2026, 12, 1, 0, tzinfo=dt.UTC)
    store = TeamStore.open(team_url, login=None)

    def session(sid: str, offset_min: int, status: str = "open") -> models.SessionRow:
        s = start + dt.timedelta(minutes=offset_min)
        return models.SessionRow(
            id=sid,
            supervisor_id=sam,
            starts_at=s,
            ends_at=s + dt.timedelta(minutes=60),
            blocked_until=s + dt.timedelta(minutes=75),
            capacity=1,
            seats_taken=1,
            modality="video",
            location="",
            status=status,
            created_at=start,
            updated_at=start,
        )

    try:
        with store.write() as s:
            s.add(session("a", 0))
        with pytest.raises(IntegrityError), store.write() as s:
            s.add(session("b", 70))  # inside a's buffer
        with store.write() as s:
            s.add(session("c", 75))  # right after the buffer: fine
            s.add(session("d", 0, status="cancelled"))  # cancelled ones don't block
        with pytest.raises(IntegrityError), store.write() as s:
            row = s.get(models.SessionRow, "d")
            assert row is not None
            row.status = "open"  # re-opening into an overlap is refused too
    finally:
        store.close()


def test_local_person_is_chosen_on_sqlite_only(team_url: str, role_prefix: str) -> None:
    provision.init(team_url)
    if team_url.startswith("postgresql"):  # a login is a database role there
        provision.add_user(team_url, f"{role_prefix}robin", [Role.CASEWORKER])
        pg = TeamStore.open(login_url(team_url, f"{role_prefix}robin"))
        with pytest.raises(NotAllowed):
            pg.choose_local_person("Robin", [Role.SUPERVISOR])
        with pytest.raises(NotAllowed):
            pg.choose_local_supervisors([])
        pg.close()
        return
    store = TeamStore.open(team_url)
    try:
        assert store.me is None
        me = store.choose_local_person("  Robin   Ng ", [Role.CASEWORKER], dt.date(2025, 1, 6))
        assert me.display_name == "Robin Ng" and me.roles == {Role.CASEWORKER}
        with pytest.raises(ValidationError):
            store.choose_local_person("", [Role.CASEWORKER])
        with pytest.raises(ValidationError):
            store.choose_local_person("Robin", [])
        login = store.login
    finally:
        store.close()
    again = TeamStore.open(team_url, login=login)
    try:
        assert again.me is not None and again.me.started_on == dt.date(2025, 1, 6)
    finally:
        again.close()


def test_status_names_each_way_the_lock_down_can_slip(pg_admin_url: str, role_prefix: str) -> None:
    provision.init(pg_admin_url)
    engine = create_engine(pg_admin_url.replace("postgresql://", "postgresql+psycopg://", 1))
    loose, boss = f"{role_prefix}loose", f"{role_prefix}boss"
    with engine.begin() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {loose} LOGIN BYPASSRLS")
        conn.exec_driver_sql(f"GRANT tend_member TO {loose}")
        conn.exec_driver_sql(f"CREATE ROLE {boss} LOGIN")
        conn.exec_driver_sql(f"GRANT tend_owner TO {boss}")
        conn.exec_driver_sql("ALTER TABLE sessions NO FORCE ROW LEVEL SECURITY")
    try:
        problems = provision.status(pg_admin_url).problems
    finally:
        with engine.begin() as conn:
            conn.exec_driver_sql("ALTER TABLE sessions FORCE ROW LEVEL SECURITY")
            conn.exec_driver_sql(f"REVOKE tend_owner FROM {boss}")
            conn.exec_driver_sql(f"REVOKE tend_member FROM {loose}")
        engine.dispose()
    assert problems == [
        "table sessions does not have row-level security enabled and forced",
        f"login {loose} is a superuser or bypasses row-level security",
        f"login {boss} is a member of tend_owner",
    ]
