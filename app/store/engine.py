"""Opening the encrypted SQLite database through SQLAlchemy."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from app.errors import UserFacingError
from app.fsutil import chmod_private
from app.security.vault import DataKey

# Applied to every connection, after the key. WAL + FULL: an acknowledged commit
# survives power loss; temp_store=MEMORY: no temp files on disk; secure_delete:
# freed pages are zeroed.
CONNECTION_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA secure_delete = ON",
    "PRAGMA busy_timeout = 5000",
)


def _connect(path: Path, key: DataKey) -> Any:
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key.sqlcipher_pragma_value()}")
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        conn.close()
        raise UserFacingError(
            "Tend's data file couldn't be opened with this key. "
            "If you restored a backup, please restore its matching key file too."
        ) from None
    for pragma in CONNECTION_PRAGMAS:
        conn.execute(pragma)
    return conn


def open_engine(path: Path, key: DataKey) -> Engine:
    """An engine whose every connection is keyed and configured.

    ``hide_parameters`` keeps bound values (note text, scores) out of every
    SQLAlchemy exception message, and so out of logs and crash reports.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(
        "sqlite://",
        creator=lambda: _connect(path, key),
        module=sqlcipher3.dbapi2,
        hide_parameters=True,
        poolclass=QueuePool,  # "sqlite://" would otherwise mean one in-memory connection
        pool_size=4,
        max_overflow=0,
        pool_pre_ping=False,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        # Writers ask for IMMEDIATE (see ``writer``): they take the write lock up
        # front, so two writers never deadlock upgrading a read lock.
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    with engine.connect():
        pass  # open once, so the file exists before we tighten its mode
    for suffix in ("", "-wal", "-shm"):
        chmod_private(path.with_name(path.name + suffix))
    return engine


def writer(engine: Engine) -> Engine:
    """The same engine (same pool), but its transactions begin IMMEDIATE."""
    return engine.execution_options(sqlite_begin="IMMEDIATE")
