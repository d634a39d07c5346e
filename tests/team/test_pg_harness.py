"""The team-store test harness itself: a real PostgreSQL, fresh databases, SQLite alongside."""

from __future__ import annotations

import os
import re
import subprocess
import uuid
from pathlib import Path

import pytest
from psycopg import sql
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.pool import NullPool

from tests.helpers.pgcluster import (
    MIN_MAJOR,
    PgCluster,
    connect,
    drop_login_roles,
    find_bindir,
    login_roles,
    require_postgres,
    url_for,
)
from tests.helpers.pgfixtures import no_stray_login_roles

REPO = Path(__file__).resolve().parents[2]


def scalar(url: str, query: str) -> object:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return conn.execute(text(query)).scalar_one()
    finally:
        engine.dispose()


def test_the_server_is_a_real_postgresql_15_or_newer(pg_admin_url):
    version = str(scalar(pg_admin_url, "SELECT version()"))
    major = int(re.match(r"PostgreSQL (\d+)", version).group(1))  # type: ignore[union-attr]
    assert major >= MIN_MAJOR
    assert scalar(pg_admin_url, "SELECT current_setting('is_superuser')") == "on"


def test_a_fresh_database_is_empty_and_takes_btree_gist(pg_admin_url):
    tables = "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
    assert scalar(pg_admin_url, tables) == 0
    engine = create_engine(pg_admin_url, poolclass=NullPool)
    try:
        with engine.begin() as conn:
            conn.execute(text("CREATE EXTENSION btree_gist"))
            # The kind of constraint the sessions table relies on.
            conn.execute(
                text(
                    "CREATE TABLE s (who text, span tstzrange,"
                    " EXCLUDE USING gist (who WITH =, span WITH &&))"
                )
            )
            conn.execute(
                text("INSERT INTO s VALUES ('a', '[2026-12-01 10:00Z,2026-12-01 11:00Z)')")
            )
        with pytest.raises(IntegrityError, match="conflicting key value"), engine.begin() as conn:
            conn.execute(
                text("INSERT INTO s VALUES ('a', '[2026-12-01 10:30Z,2026-12-01 11:30Z)')")
            )
    finally:
        engine.dispose()


def test_fresh_databases_are_independent(make_pg_database):
    first, second = make_pg_database(), make_pg_database()
    assert first != second
    with connect(first) as conn:
        conn.execute("CREATE TABLE only_here (x int)")
    assert scalar(first, "SELECT count(*) FROM only_here") == 0
    missing = "SELECT count(*) FROM pg_tables WHERE tablename = 'only_here'"
    assert scalar(second, missing) == 0


def test_a_database_can_be_cloned_from_a_prepared_template(make_pg_database):
    template = make_pg_database()
    with connect(template) as conn:
        conn.execute("CREATE TABLE seeded (x int)")
        conn.execute("INSERT INTO seeded VALUES (7)")
    clone = make_pg_database(template=make_url(template).database)
    assert scalar(clone, "SELECT x FROM seeded") == 7


def test_prefixed_login_roles_are_dropped_and_can_log_in_meanwhile(pg_cluster, role_prefix):
    alice = f"{role_prefix}alice"
    with connect(pg_cluster.superuser_url) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(alice)))
    assert scalar(url_for(pg_cluster.superuser_url, user=alice), "SELECT current_user") == alice
    assert drop_login_roles(pg_cluster.superuser_url, role_prefix) == [alice]
    assert alice not in login_roles(pg_cluster.superuser_url)


def test_team_url_gives_each_backend_a_fresh_store(team_url, request):
    backend = request.node.callspec.params["team_url"]
    if backend == "sqlite":
        assert team_url.startswith("sqlite:///")
        assert not Path(team_url.removeprefix("sqlite:///")).exists()
        assert scalar(team_url, "SELECT sqlite_version()")
    else:
        assert team_url.startswith("postgresql+psycopg://")
        assert scalar(team_url, "SELECT current_database()") == team_url.rsplit("/", 1)[1]


def test_postgres_params_carry_the_marker_and_sqlite_ones_do_not(request, team_url):
    marked = request.node.get_closest_marker("postgres") is not None
    assert marked == (request.node.callspec.params["team_url"] == "postgres")


def test_missing_postgres_fails_under_make_test_and_ci(monkeypatch):
    monkeypatch.delenv("TEND_REQUIRE_POSTGRES", raising=False)
    monkeypatch.delenv("CI", raising=False)
    assert not require_postgres()
    monkeypatch.setenv("CI", "false")
    assert not require_postgres()
    monkeypatch.setenv("CI", "true")
    assert require_postgres()
    monkeypatch.delenv("CI")
    monkeypatch.setenv("TEND_REQUIRE_POSTGRES", "1")
    assert require_postgres()


@pytest.mark.skipif(find_bindir() is None, reason="no local PostgreSQL to check the script with")
def test_the_setup_script_is_quiet_and_idempotent_when_postgres_is_present():
    for _ in range(2):
        done = subprocess.run(
            ["bash", str(REPO / "tools" / "postgres.sh")],
            capture_output=True,
            text=True,
            timeout=30,
            env={**os.environ, "LC_ALL": "C"},
        )
        assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


@pytest.mark.postgres
@pytest.mark.skipif(find_bindir() is None, reason="no local PostgreSQL")
def test_a_cluster_stops_and_leaves_nothing_behind():
    cluster = PgCluster.start()
    base, url = cluster.base, cluster.superuser_url
    name = f"{uuid.uuid4().hex[:6]}"
    assert scalar(url, f"SELECT '{name}'") == name
    cluster.stop()
    assert not base.exists()
    with pytest.raises(OperationalError):
        scalar(url, "SELECT 1")


def test_an_unprefixed_login_role_is_dropped_and_fails_the_test(pg_cluster, role_prefix):
    if not pg_cluster.is_local:
        pytest.skip("only checked on a cluster of our own")
    before = login_roles(pg_cluster.superuser_url)
    stray = f"stray_{uuid.uuid4().hex[:8]}"
    with connect(pg_cluster.superuser_url) as conn:
        conn.execute(sql.SQL("CREATE ROLE {} LOGIN").format(sql.Identifier(stray)))
    with pytest.raises(pytest.fail.Exception, match=stray):
        no_stray_login_roles(pg_cluster, before, role_prefix)
    assert stray not in login_roles(pg_cluster.superuser_url)
