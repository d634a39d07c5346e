"""Fixtures for team-store tests on SQLite and a real PostgreSQL (loaded by tests/conftest.py).

- ``team_url``: parametrised ``sqlite`` / ``postgres``; a fresh empty team database each test:
  ``sqlite:///<tmp>/team.sqlite3`` or a new database on the test cluster, as its superuser.
- ``pg_admin_url``: PostgreSQL only; a fresh empty database, as the superuser.
- ``make_pg_database``: PostgreSQL only; call it for more fresh databases (dropped afterwards).
- ``role_prefix``: ``t<hex>_``, unique to the test. Roles belong to the whole cluster, so every
  login role a test creates (``tend team add-user``) must start with it; they are dropped after
  the test, and a test that leaves an unprefixed login role behind errors.
- ``pg_cluster``: the session's server (started on first use, a few seconds). When PostgreSQL
  is not installed its tests skip, or fail when TEND_REQUIRE_POSTGRES=1 (``make test``) or CI
  is set. A server that is installed (or named by TEND_TEST_PG_URL) but unusable always fails.

Anything that uses ``pg_cluster`` (so ``pg_admin_url`` too) gets the ``postgres`` marker, as
does ``team_url[postgres]``: ``pytest -m "not postgres"`` runs without a server.
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import sql

from tests.helpers.pgcluster import (
    MIN_MAJOR,
    ExternalServer,
    PgCluster,
    PgMissing,
    PgUnavailable,
    Server,
    connect,
    drop_login_roles,
    login_roles,
    require_postgres,
)

TEAM_BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "pg_cluster" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Server]:
    external = os.environ.get("TEND_TEST_PG_URL", "").strip()
    try:
        server: Server = ExternalServer(external) if external else PgCluster.start()
        try:
            _check_version(server)
        except BaseException:
            server.stop()
            raise
    except PgMissing as exc:
        if require_postgres():
            pytest.fail(
                f"{exc} It is required here (make test, or CI is set), so this is a failure.",
                pytrace=False,
            )
        pytest.skip(str(exc))
    except PgUnavailable as exc:  # installed or named, but broken: always worth a look
        pytest.fail(str(exc), pytrace=False)
    yield server
    server.stop()


def _check_version(server: Server) -> None:
    try:
        with connect(server.superuser_url) as conn:
            row = conn.execute("SHOW server_version_num").fetchone()
    except psycopg.Error as exc:
        raise PgUnavailable(f"Cannot reach the test PostgreSQL server: {exc}") from None
    version = int(str(row[0])) if row else 0
    if version < MIN_MAJOR * 10000:
        raise PgUnavailable(f"The test PostgreSQL server is older than {MIN_MAJOR} ({version}).")


@pytest.fixture
def role_prefix() -> str:
    return f"t{uuid.uuid4().hex[:8]}_"


@pytest.fixture
def make_pg_database(pg_cluster: Server, role_prefix: str) -> Iterator[Callable[..., str]]:
    """``make(template=None) -> superuser URL`` of a new database; all dropped at teardown,
    then the test's login roles (``role_prefix``)."""
    made: list[str] = []
    before = login_roles(pg_cluster.superuser_url) if pg_cluster.is_local else set()

    def make(*, template: str | None = None) -> str:
        made.append(pg_cluster.create_database(template=template))
        return made[-1]

    yield make
    for url in made:
        pg_cluster.drop_database(url)
    drop_login_roles(pg_cluster.superuser_url, role_prefix)
    if pg_cluster.is_local:
        no_stray_login_roles(pg_cluster, before, role_prefix)


def no_stray_login_roles(server: Server, before: set[str], prefix: str) -> None:
    stray = sorted(login_roles(server.superuser_url) - before)
    if not stray:
        return
    with connect(server.superuser_url) as conn:
        for name in stray:
            with contextlib.suppress(psycopg.Error):
                conn.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(name)))
    pytest.fail(
        f"login roles {stray} were left on the shared test cluster: name them with the"
        f" role_prefix fixture ({prefix}...) so they are cleaned up",
        pytrace=False,
    )


@pytest.fixture
def pg_admin_url(make_pg_database: Callable[..., str]) -> str:
    return make_pg_database()


@pytest.fixture(params=TEAM_BACKENDS)
def team_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'team.sqlite3'}"
    return str(request.getfixturevalue("pg_admin_url"))
