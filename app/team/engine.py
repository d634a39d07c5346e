"""Engines for the team store: a local SQLite file, or PostgreSQL through psycopg 3."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event

from app.team.url import TeamAddress

SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA busy_timeout = 30000",
)


def open_engine(address: TeamAddress, password: str | None = None, *, pool_size: int = 2) -> Engine:
    """``hide_parameters``: no bound value ever appears in an error message or log."""
    if address.is_postgres:
        connect_args: dict[str, Any] = {"connect_timeout": 10, "application_name": "tend"}
        if password:
            connect_args["password"] = password
        return create_engine(
            address.url,
            connect_args=connect_args,
            hide_parameters=True,
            pool_pre_ping=True,
            pool_size=pool_size,
            max_overflow=2,
        )
    engine = create_engine(
        address.url,
        connect_args={"check_same_thread": False, "timeout": 30},
        hide_parameters=True,
        pool_size=pool_size,
        max_overflow=2,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn: Any, _record: Any) -> None:
        dbapi_conn.isolation_level = None  # SQLAlchemy, not the driver, says BEGIN
        for pragma in SQLITE_PRAGMAS:
            dbapi_conn.execute(pragma)

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers take the write lock before their first read (IMMEDIATE), so a
        # check-then-insert can't interleave with another writer's.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def writer(engine: Engine) -> Engine:
    """The same engine; on SQLite its transactions begin IMMEDIATE."""
    if engine.dialect.name == "sqlite":
        return engine.execution_options(sqlite_begin="IMMEDIATE")
    return engine
