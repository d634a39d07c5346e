"""Bringing the private store's schema up to date, the boring, safe way.

1. Read the current revision. Unknown to this build? The file is from a newer
   Tend: refuse to open it (``StoreTooNew``) rather than guess.
2. Already at head (the usual case): return without importing Alembic.
3. Otherwise, if there is data, copy the database first with ``VACUUM INTO``
   (the copy stays encrypted with the same key), then upgrade inside one
   transaction. If the upgrade fails, SQLite rolls the DDL back and the backup
   remains; Tend stops with a plain message instead of starting anyway.
"""

from __future__ import annotations

import datetime as dt
import logging
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, text

from app.errors import StoreTooNew, UserFacingError

log = logging.getLogger(__name__)

# Kept in step with migrations/private/versions by tests/app/store/test_migrations.py.
PRIVATE_HEAD = "0004"
KNOWN_REVISIONS = frozenset({"0001", "0002", "0003", "0004"})


def _current_revision(conn: Connection) -> str | None:
    has_table = conn.execute(
        text("SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'")
    ).first()
    if not has_table:
        return None
    row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def alembic_config(connection: Connection | None = None):  # type: ignore[no-untyped-def]
    from alembic.config import Config

    cfg = Config()
    location = resources.files("migrations") / "private"
    cfg.set_main_option("script_location", str(location))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def backup_before_upgrade(engine: Engine, backups: Path, revision: str) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    target = backups / f"private-before-upgrade-from-{revision}-{stamp}.db"
    backups.mkdir(parents=True, exist_ok=True, mode=0o700)
    raw = engine.raw_connection()  # VACUUM cannot run inside a transaction
    try:
        raw.cursor().execute("VACUUM INTO ?", (str(target),))
    finally:
        raw.close()
    target.chmod(0o600)
    return target


def upgrade(engine: Engine, backups: Path) -> None:
    """Make the schema current, or raise ``StoreTooNew`` / ``UserFacingError``."""
    with engine.connect() as conn:
        current = _current_revision(conn)
    if current == PRIVATE_HEAD:
        return
    if current is not None and current not in KNOWN_REVISIONS:
        raise StoreTooNew(
            "This data was saved by a newer version of Tend. "
            "Please update Tend to open it; nothing has been changed."
        )
    backup = backup_before_upgrade(engine, backups, current) if current is not None else None
    from alembic import command

    try:
        with engine.begin() as conn:
            command.upgrade(alembic_config(conn), "head")
    except Exception as exc:
        log.exception("private store upgrade failed (backup: %s)", backup)
        raise UserFacingError(
            "Tend couldn't update its data to this version. Nothing was lost: "
            "your data is as it was, and a copy was kept in the backups folder."
        ) from exc
