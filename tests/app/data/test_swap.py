"""A restore interrupted at any step is finished (or discarded) at the next start, never mixed."""

from __future__ import annotations

import pytest

from app.data import swap
from app.data.backup import make_backup, restore_backup
from app.errors import UserFacingError
from app.paths import AppPaths
from tests.app.data.conftest import snapshot
from tests.helpers.fakes import PASSPHRASE


@pytest.fixture
def data(tmp_path) -> AppPaths:
    """A data folder with an old pair of files (plain bytes stand in for the real ones)."""
    paths = AppPaths.from_override(tmp_path / "d").ensure()
    (paths.data / "private.db").write_bytes(b"old db")
    (paths.data / "private.db-wal").write_bytes(b"old wal")
    (paths.data / "keys.json").write_bytes(b"old keys")
    return paths


def _stage(paths: AppPaths, *, ready: bool = True, db: bool = True, keys: bool = True) -> None:
    staging = swap.staging_dir(paths)
    staging.mkdir()
    if db:
        (staging / "private.db").write_bytes(b"new db")
    if keys:
        (staging / "keys.json").write_bytes(b"new keys")
    if ready:
        (staging / "READY").write_bytes(b"ready\n")


def _pair(paths: AppPaths) -> tuple[bytes, bytes]:
    return (paths.data / "private.db").read_bytes(), (paths.data / "keys.json").read_bytes()


def test_nothing_pending_is_a_no_op(data):
    assert swap.finish_pending_restore(data) is False
    assert _pair(data) == (b"old db", b"old keys")


def test_staging_without_the_marker_is_discarded(data):
    _stage(data, ready=False)
    assert swap.finish_pending_restore(data) is False
    assert _pair(data) == (b"old db", b"old keys")
    assert (data.data / "private.db-wal").exists()
    assert not swap.staging_dir(data).exists()


def test_a_committed_restore_is_finished_and_the_old_pair_kept(data):
    _stage(data)
    assert swap.finish_pending_restore(data) is True
    assert _pair(data) == (b"new db", b"new keys")
    assert not (data.data / "private.db-wal").exists()  # the old WAL never meets the new db
    (safety,) = data.backups.glob("before-restore-*")
    assert {p.name: p.read_bytes() for p in safety.iterdir()} == {
        "private.db": b"old db",
        "private.db-wal": b"old wal",
        "keys.json": b"old keys",
    }
    assert not swap.staging_dir(data).exists()


def test_a_crash_between_the_two_renames_is_finished(data):
    # The database was already swapped in (and the old one moved away); the keys were not.
    _stage(data, db=False)
    (data.data / "private.db").write_bytes(b"new db")
    (data.data / "private.db-wal").unlink()
    assert swap.finish_pending_restore(data) is True
    assert _pair(data) == (b"new db", b"new keys")


def test_a_crash_after_the_renames_just_tidies_up(data):
    _stage(data, db=False, keys=False)
    (data.data / "private.db").write_bytes(b"new db")
    (data.data / "keys.json").write_bytes(b"new keys")
    (data.data / "private.db-wal").unlink()
    assert swap.finish_pending_restore(data) is True
    assert _pair(data) == (b"new db", b"new keys")
    assert not list(data.backups.glob("before-restore-*"))


def test_finishing_twice_is_harmless(data):
    _stage(data)
    swap.finish_pending_restore(data)
    assert swap.finish_pending_restore(data) is False
    assert _pair(data) == (b"new db", b"new keys")


def test_an_interrupted_real_restore_is_finished_when_tend_starts(
    filled, make_tend, tmp_path, monkeypatch
):
    target = make_backup(filled, tmp_path / "b.tendbackup")
    victim = make_tend("victim")
    victim.unlock(victim.vault.create("the old passphrase 12345").key)

    def power_cut(_paths: AppPaths) -> bool:
        raise OSError("power cut")

    monkeypatch.setattr(swap, "finish_pending_restore", power_cut)
    with pytest.raises(UserFacingError, match="finish the next time Tend starts"):
        restore_backup(victim, target, PASSPHRASE)
    monkeypatch.undo()
    assert (swap.staging_dir(victim.paths) / "READY").exists()

    restarted = make_tend("victim")  # Tend.build finishes the restore first
    restarted.unlock(restarted.vault.unlock_with_passphrase(PASSPHRASE))
    assert snapshot(restarted.require_store()) == snapshot(filled.require_store())
