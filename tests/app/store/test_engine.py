"""The encrypted engine: keyed, configured on every connection, private on disk."""

from __future__ import annotations

import os
import stat

import pytest

from app.errors import UserFacingError
from app.security.vault import DataKey
from app.services.store import PrivateStore
from app.store.engine import open_engine

EXPECTED_PRAGMAS = {
    "journal_mode": "wal",
    "synchronous": 2,  # FULL
    "temp_store": 2,  # MEMORY
    "secure_delete": 1,
    "foreign_keys": 1,
}


def _pragmas(conn) -> dict[str, object]:
    return {name: conn.exec_driver_sql(f"PRAGMA {name}").scalar() for name in EXPECTED_PRAGMAS}


def test_every_pooled_connection_is_configured(engine):
    conns = [engine.connect() for _ in range(4)]  # the whole pool, all distinct
    try:
        raw = {id(c.connection.dbapi_connection) for c in conns}
        assert len(raw) == 4
        for conn in conns:
            assert _pragmas(conn) == EXPECTED_PRAGMAS
    finally:
        for conn in conns:
            conn.close()


def test_file_is_not_plain_sqlite(paths, key, clock):
    PrivateStore(paths, key, clock).close()
    head = paths.private_db.read_bytes()[:16]
    assert head != b"SQLite format 3\x00"
    assert len(paths.private_db.read_bytes()) > 0


def test_wrong_key_is_a_calm_error(paths, key, clock):
    PrivateStore(paths, key, clock).close()
    other = DataKey(os.urandom(32))
    with pytest.raises(UserFacingError) as info:
        open_engine(paths.private_db, other)
    assert "key" in str(info.value)
    assert "sqlcipher" not in str(info.value).lower()
    with pytest.raises(UserFacingError):
        PrivateStore(paths, DataKey(os.urandom(32)), clock)


def test_files_are_0600_and_dirs_0700(unlocked):
    assert unlocked.require_store().integrity_ok()  # connections open: WAL and SHM exist
    paths = unlocked.paths
    for d in (paths.data, paths.config, paths.logs, paths.backups):
        assert stat.S_IMODE(d.stat().st_mode) == 0o700, d
    db = paths.private_db
    files = [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm"), paths.keyfile]
    present = [f for f in files if f.exists()]
    assert present == files
    for f in present:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f


def test_foreign_keys_cascade(engine):
    from alembic import command

    from app.store.migrate import alembic_config

    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "head")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO tags(id, name) VALUES (1, 'x')")
        conn.exec_driver_sql(
            "INSERT INTO notes(id, day, body, created_at, updated_at) "
            "VALUES ('n1', '2026-11-01', 'b', '2026-11-01 00:00:00', '2026-11-01 00:00:00')"
        )
        conn.exec_driver_sql("INSERT INTO note_tags(note_id, tag_id) VALUES ('n1', 1)")
        conn.exec_driver_sql("DELETE FROM notes")
        assert conn.exec_driver_sql("SELECT count(*) FROM note_tags").scalar() == 0


def test_integrity_ok_on_a_fresh_store(unlocked):
    assert unlocked.require_store().integrity_ok()
