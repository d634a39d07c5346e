"""Keeping the team store's schema current.

A local SQLite file is upgraded when it opens. A PostgreSQL database is only
ever upgraded by an administrator (``tend team init``, as the owning role):
people's own logins can't change tables, so Tend checks the version and says
plainly what to ask for.
"""

from __future__ import annotations

import logging
from importlib import resources

from sqlalchemy import Connection, Engine, inspect, text

from app.errors import TeamUnavailable

log = logging.getLogger(__name__)

TEAM_HEAD = "0001"
KNOWN_REVISIONS = frozenset({"0001"})
VERSION_TABLE = "team_alembic_version"
NOT_SET_UP = (
    "The team database hasn't been set up yet. Your administrator can set it up "
    "with `tend team init`."
)
TOO_NEW = "The team database was set up by a newer Tend. Please update Tend to use it."
TOO_OLD = (
    "The team database needs an update before this Tend can use it. "
    "Your administrator can run `tend team init` again to update it."
)


def alembic_config(connection: Connection):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("migrations") / "team"))
    cfg.attributes["connection"] = connection
    return cfg


def current_revision(conn: Connection) -> str | None:
    if not inspect(conn).has_table(VERSION_TABLE):
        return None
    row = conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).first()
    return None if row is None else str(row[0])


def upgrade(conn: Connection) -> None:
    """Upgrade to head on ``conn`` (inside the caller's transaction)."""
    from alembic import command

    revision = current_revision(conn)
    if revision == TEAM_HEAD:
        return
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise TeamUnavailable(TOO_NEW)
    command.upgrade(alembic_config(conn), "head")
    log.info("team store upgraded from %s to %s", revision, TEAM_HEAD)


def upgrade_sqlite(engine: Engine) -> None:
    with engine.execution_options(sqlite_begin="IMMEDIATE").begin() as conn:
        upgrade(conn)


def check_postgres(engine: Engine) -> None:
    with engine.connect() as conn:
        revision = current_revision(conn)
    if revision is None:
        raise TeamUnavailable(NOT_SET_UP)
    if revision not in KNOWN_REVISIONS:
        raise TeamUnavailable(TOO_NEW)
    if revision != TEAM_HEAD:
        raise TeamUnavailable(TOO_OLD)
