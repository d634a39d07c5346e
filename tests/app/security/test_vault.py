"""The vault: create, unlock, re-wrap. The database is never re-encrypted."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from app.domain import CheckinDraft
from app.errors import StoreMissing, UserFacingError, ValidationError, WrongSecret
from app.security.vault import DataKey
from tests.helpers.fakes import PASSPHRASE

NEW_PASSPHRASE = "amber tide under seven gulls"


def _digest(*files) -> dict[str, str]:
    return {f.name: hashlib.sha256(f.read_bytes()).hexdigest() for f in files if f.exists()}


def _db_files(paths):
    db = paths.private_db
    return [db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")]


def test_create_then_unlock_both_ways(tend):
    created = tend.vault.create(PASSPHRASE)
    assert tend.vault.exists()
    assert not tend.vault.remembered()
    assert tend.vault.unlock_with_passphrase(PASSPHRASE).raw == created.key.raw
    typed = "  " + created.recovery_code.lower().replace("-", " ") + " "
    assert tend.vault.unlock_with_recovery(typed).raw == created.key.raw
    assert tend.vault.unlock_with_keyring() is None


def test_unlock_before_setup_says_so(tend):
    with pytest.raises(StoreMissing):
        tend.vault.unlock_with_passphrase(PASSPHRASE)


def test_wrong_passphrase_leaves_key_file_byte_identical(tend):
    tend.vault.create(PASSPHRASE)
    before = tend.paths.keyfile.read_bytes()
    for wrong in ("", PASSPHRASE.upper(), PASSPHRASE + " ", "quiet harbour lantern 43"):
        with pytest.raises(WrongSecret) as info:
            tend.vault.unlock_with_passphrase(wrong)
        assert wrong not in str(info.value) or not wrong
    with pytest.raises(WrongSecret):
        tend.vault.unlock_with_recovery("not a code")
    with pytest.raises(WrongSecret):
        tend.vault.unlock_with_recovery("AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    assert tend.paths.keyfile.read_bytes() == before


def test_change_passphrase_rewraps_without_touching_the_database(unlocked):
    store = unlocked.require_store()
    store.checkins.save(CheckinDraft(day=dt.date(2026, 11, 20), mood=4, note="kept"))
    key_raw = unlocked.key.raw
    unlocked.lock()
    before = _digest(*_db_files(unlocked.paths))
    assert before

    key = unlocked.vault.unlock_with_passphrase(PASSPHRASE)
    unlocked.vault.change_passphrase(key, NEW_PASSPHRASE)

    assert _digest(*_db_files(unlocked.paths)) == before
    with pytest.raises(WrongSecret):
        unlocked.vault.unlock_with_passphrase(PASSPHRASE)
    again = unlocked.vault.unlock_with_passphrase(NEW_PASSPHRASE)
    assert again.raw == key_raw
    store = unlocked.unlock(again)
    got = store.checkins.get(dt.date(2026, 11, 20))
    assert got is not None and got.mood == 4 and got.note == "kept"


def test_change_passphrase_refuses_a_weak_one_and_keeps_the_old(tend):
    created = tend.vault.create(PASSPHRASE)
    before = tend.paths.keyfile.read_bytes()
    with pytest.raises(ValidationError):
        tend.vault.change_passphrase(created.key, "password1")
    assert tend.paths.keyfile.read_bytes() == before


def test_recovery_code_still_works_after_a_passphrase_change(tend):
    created = tend.vault.create(PASSPHRASE)
    tend.vault.change_passphrase(created.key, NEW_PASSPHRASE)
    assert tend.vault.unlock_with_recovery(created.recovery_code).raw == created.key.raw


def test_new_recovery_code_invalidates_the_old(tend):
    created = tend.vault.create(PASSPHRASE)
    fresh = tend.vault.new_recovery_code(created.key)
    assert fresh != created.recovery_code
    with pytest.raises(WrongSecret):
        tend.vault.unlock_with_recovery(created.recovery_code)
    assert tend.vault.unlock_with_recovery(fresh).raw == created.key.raw
    assert tend.vault.unlock_with_passphrase(PASSPHRASE).raw == created.key.raw


def test_data_key_hides_itself_and_wipes():
    key = DataKey(bytes(range(1, 33)))
    assert bytes(range(1, 33)).hex() not in repr(key)
    assert "hidden" in repr(key)
    key.wipe()
    with pytest.raises(RuntimeError):
        _ = key.raw
    with pytest.raises(ValueError):
        DataKey(b"short")


def test_lock_wipes_the_key(unlocked):
    key = unlocked.key
    unlocked.lock()
    assert not unlocked.unlocked
    with pytest.raises(RuntimeError):
        _ = key.raw


def test_forget_removes_the_key_file(tend):
    tend.vault.create(PASSPHRASE)
    tend.vault.forget()
    assert not tend.vault.exists()
    tend.vault.forget()  # twice is fine


def test_remember_without_a_secure_keyring_is_refused_before_writing(tend):
    with pytest.raises(UserFacingError):
        tend.vault.create(PASSPHRASE, remember=True)
    assert not tend.paths.keyfile.exists()
