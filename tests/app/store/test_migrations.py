"""Migrations: one head, up and down, models agree with the DDL, newer stores refused."""

from __future__ import annotations

import hashlib

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from app.errors import StoreTooNew, UserFacingError
from app.services.store import PrivateStore
from app.store import migrate
from app.store.engine import open_engine
from app.store.models import FTS_TABLE, Base


def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(migrate.alembic_config())


def _upgrade(engine: Engine, target: str = "head") -> None:
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), target)


def _downgrade(engine: Engine, target: str) -> None:
    with engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), target)


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return migrate._current_revision(conn)


def _tables(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(inspect(conn).get_table_names())


def _sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_head_constant_matches_the_single_alembic_head():
    heads = _script().get_heads()
    assert heads == [migrate.PRIVATE_HEAD]


def test_known_revisions_are_exactly_the_scripts():
    assert {rev.revision for rev in _script().walk_revisions()} == migrate.KNOWN_REVISIONS


def test_upgrade_downgrade_upgrade(engine):
    _upgrade(engine)
    assert _revision(engine) == migrate.PRIVATE_HEAD
    assert {"checkins", "notes", "tags", "checkin_tags", "note_tags", FTS_TABLE} <= _tables(engine)
    _downgrade(engine, "base")
    assert _revision(engine) is None
    assert _tables(engine) <= {"alembic_version"}
    _upgrade(engine)
    assert _revision(engine) == migrate.PRIVATE_HEAD


def _not_fts(name, type_, *_args) -> bool:
    return not (type_ == "table" and name is not None and name.startswith(FTS_TABLE))


def test_models_agree_with_the_migrated_schema(engine):
    _upgrade(engine)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": lambda name, type_, _parent: _not_fts(name, type_),
                "include_object": lambda _obj, name, type_, *_: _not_fts(name, type_),
            },
        )
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_the_comparison_can_see_a_difference(engine):
    """Guard for the test above: a schema change is reported."""
    _upgrade(engine)
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE notes ADD COLUMN mood_extra INTEGER")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(
            conn, opts={"include_name": lambda name, type_, _p: _not_fts(name, type_)}
        )
        assert compare_metadata(ctx, Base.metadata)


def test_fts_index_has_secure_delete_on(engine):
    _upgrade(engine)
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(f"SELECT k, v FROM {FTS_TABLE}_config").all()
    assert ("secure-delete", 1) in [tuple(r) for r in rows]


def test_store_from_a_newer_tend_is_refused_and_untouched(paths, key, clock):
    PrivateStore(paths, key, clock).close()
    eng = open_engine(paths.private_db, key)
    with eng.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_future'")
    eng.dispose()
    before = _sha(paths.private_db)
    with pytest.raises(StoreTooNew) as info:
        PrivateStore(paths, key, clock)
    assert "newer version" in str(info.value)
    assert _sha(paths.private_db) == before
    assert list(paths.backups.iterdir()) == []


def test_fresh_store_is_not_backed_up(paths, key, clock):
    store = PrivateStore(paths, key, clock)
    store.close()
    assert list(paths.backups.iterdir()) == []
    # Opening again at head: still nothing to back up.
    PrivateStore(paths, key, clock).close()
    assert list(paths.backups.iterdir()) == []


def test_backup_is_encrypted_private_and_complete(paths, key, clock):
    import datetime as dt

    from app.domain import CheckinDraft

    store = PrivateStore(paths, key, clock)
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 1), mood=3, note="before"))
    target = migrate.backup_before_upgrade(store.engine, paths.backups, "0001")
    store.close()
    assert target.parent == paths.backups
    assert (target.stat().st_mode & 0o777) == 0o600
    assert not target.read_bytes().startswith(b"SQLite format 3")
    copy = open_engine(target, key)
    try:
        with copy.connect() as conn:
            assert conn.exec_driver_sql("SELECT note FROM checkins").scalar() == "before"
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    finally:
        copy.dispose()


def test_upgrade_from_an_older_revision_backs_up_first(paths, key, clock, monkeypatch):
    """Simulated: the store claims an older revision this build knows but cannot reach.

    The backup must exist before the (failing) upgrade, the failure must be a calm
    UserFacingError, and the store must be left at its old revision.
    """
    PrivateStore(paths, key, clock).close()
    eng = open_engine(paths.private_db, key)
    with eng.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0000_older'")
    eng.dispose()
    monkeypatch.setattr(migrate, "KNOWN_REVISIONS", migrate.KNOWN_REVISIONS | {"0000_older"})
    with pytest.raises(UserFacingError) as info:
        PrivateStore(paths, key, clock)
    assert not isinstance(info.value, StoreTooNew)
    backups = list(paths.backups.iterdir())
    assert len(backups) == 1 and "0000_older" in backups[0].name
    eng = open_engine(paths.private_db, key)
    try:
        assert _revision(eng) == "0000_older"
    finally:
        eng.dispose()


def test_upgrading_a_store_with_entries_keeps_them_and_backs_up_first(paths, key, clock):
    import datetime as dt

    from sqlalchemy import text

    engine = open_engine(paths.private_db, key)
    _upgrade(engine, "0001")
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO checkins (id, day, mood, day_kind, note, created_at, updated_at) "
                "VALUES ('c1', '2026-11-20', 4, 'work', 'kept', :t, :t)"
            ),
            {"t": dt.datetime(2026, 11, 20, 1, 0)},
        )
    engine.dispose()

    store = PrivateStore(paths, key, clock)
    try:
        assert _revision(store.engine) == migrate.PRIVATE_HEAD
        kept = store.checkins.get(dt.date(2026, 11, 20))
        assert kept is not None and kept.mood == 4 and kept.note == "kept"
    finally:
        store.close()
    backups = list(paths.backups.glob("private-before-upgrade-from-0001-*.db"))
    assert len(backups) == 1
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
