"""Encrypted backups: a faithful restore, useless without the secret, refusing bad files."""

from __future__ import annotations

import hashlib
import json
import stat
import zipfile
from pathlib import Path

import pytest

from app.data import backup_check
from app.data.backup import make_backup, restore_backup
from app.domain import CheckinDraft, JournalFilter
from app.errors import ImportRejected, UserFacingError, WrongSecret
from app.security.keyfile import KeyFile
from tests.app.data.conftest import DAY, snapshot
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store


def _state(root: Path) -> dict[str, str]:
    """Every file under ``root`` with a hash of its bytes."""
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def made(filled, tmp_path):
    """A backup of the filled store, and the recovery code that opens it."""
    code = filled.vault.new_recovery_code(filled.key)
    target = make_backup(filled, tmp_path / "tend.tendbackup")
    return filled, target, code


def _rezip(source: Path, target: Path, change: dict[str, bytes | None]) -> Path:
    """Copy a backup, replacing (bytes) or dropping (None) members, or adding new ones."""
    with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
        for name in zin.namelist():
            if name not in change:
                zout.writestr(name, zin.read(name))
        for name, data in change.items():
            if data is not None:
                zout.writestr(name, data)
    return target


# -- making -------------------------------------------------------------------------------
def test_a_backup_is_one_private_zip_of_three_members_with_no_plaintext(made):
    tend, target, _code = made
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with zipfile.ZipFile(target) as zf:
        assert sorted(zf.namelist()) == ["keys.json", "manifest.json", "private.db"]
        db = zf.read("private.db")
        manifest = json.loads(zf.read("manifest.json"))
        keys = KeyFile.from_bytes(zf.read("keys.json"))
    assert b"Supervision" not in db and b"SQLite format 3" not in db
    assert manifest["format"] == "tend-backup" and manifest["version"] == 1
    assert manifest["db_sha256"] == hashlib.sha256(db).hexdigest()
    assert manifest["schema_revision"]
    assert keys.remembered is False
    assert not list(tend.paths.data.glob(".backup-*"))  # the working copy is gone


def test_backing_up_needs_the_store_open(tend, tmp_path):
    tend.vault.create(PASSPHRASE)
    with pytest.raises(UserFacingError):
        make_backup(tend, tmp_path / "x.tendbackup")


def test_an_unwritable_target_is_a_plain_error(filled, tmp_path):
    with pytest.raises(UserFacingError, match="couldn't write the backup"):
        make_backup(filled, tmp_path / "no-such-folder" / "x.tendbackup")
    assert not list(filled.paths.data.glob(".backup-*"))


# -- restoring ----------------------------------------------------------------------------
@pytest.mark.parametrize("use_code", [False, True], ids=["passphrase", "recovery code"])
def test_restore_into_a_fresh_data_folder_brings_everything_back(made, make_tend, use_code):
    original, target, code = made
    other = make_tend("elsewhere")

    restore_backup(other, target, code if use_code else PASSPHRASE)

    assert not other.unlocked
    assert other.vault.exists()
    key = (
        other.vault.unlock_with_recovery(code)
        if use_code
        else other.vault.unlock_with_passphrase(PASSPHRASE)
    )
    other.unlock(key)
    assert snapshot(other.require_store()) == snapshot(original.require_store())
    assert other.require_store().integrity_ok()
    assert not (other.paths.data / "restore-staging").exists()


def test_restore_over_existing_data_keeps_a_safety_copy_and_forgets_the_old_key(
    made, make_tend, memory_keyring
):
    _original, target, _code = made
    current = make_tend("current", secrets=trusted_memory_store())
    created = current.vault.create("another long passphrase 99", remember=True)
    current.unlock(created.key).checkins.save(CheckinDraft(day=DAY, mood=1))
    assert memory_keyring.items

    restore_backup(current, target, PASSPHRASE)

    assert not current.unlocked
    assert not memory_keyring.items  # the old key's keyring entry went with it
    assert not current.vault.remembered()
    assert not (current.paths.data / "private.db-wal").exists()
    current.unlock(current.vault.unlock_with_passphrase(PASSPHRASE))
    assert current.require_store().journal.count(JournalFilter()) == 5
    # The replaced pair was kept, and still opens with the old passphrase.
    (safety,) = current.paths.backups.glob("before-restore-*")
    assert sorted(p.name for p in safety.iterdir()) == ["keys.json", "private.db"]
    kept = make_tend(str(safety.relative_to(safety.parents[2])))
    kept.unlock(kept.vault.unlock_with_passphrase("another long passphrase 99"))
    assert kept.require_store().checkins.get(DAY).mood == 1  # type: ignore[union-attr]


def test_the_wrong_secret_changes_nothing(made, make_tend):
    _original, target, _code = made
    other = make_tend("other")
    other.unlock(other.vault.create(PASSPHRASE + " but different").key)
    before = _state(other.paths.data)

    with pytest.raises(WrongSecret, match="didn't open this backup"):
        restore_backup(other, target, "not the passphrase at all")
    with pytest.raises(WrongSecret):
        restore_backup(other, target, "ABCD-EFGH-JKMN-PQRS-TWXY-Z234")  # looks like a code

    assert other.unlocked
    assert _state(other.paths.data) == before


def _bad_backups(target: Path, tmp: Path) -> list[tuple[str, Path, str]]:
    with zipfile.ZipFile(target) as zf:
        db = zf.read("private.db")
        manifest = json.loads(zf.read("manifest.json"))
    flipped = bytearray(db)
    flipped[len(db) // 2] ^= 0xFF
    forged = {**manifest, "db_sha256": hashlib.sha256(flipped).hexdigest()}
    random_bytes = tmp / "random.tendbackup"
    random_bytes.write_bytes(bytes(range(256)) * 40)
    cut = tmp / "cut.tendbackup"
    cut.write_bytes(target.read_bytes()[: target.stat().st_size // 2])
    folder = tmp / "a-folder"
    folder.mkdir()
    return [
        ("random bytes", random_bytes, "isn't a Tend backup"),
        ("cut short", cut, "isn't a Tend backup"),
        ("a folder", folder, "That's a folder"),
        ("missing", tmp / "nothing-here", "couldn't open that file"),
        ("zip slip", _rezip(target, tmp / "slip.zip", {"../../escape.txt": b"x"}), "isn't a"),
        ("absolute", _rezip(target, tmp / "abs.zip", {"/tmp/escape.txt": b"x"}), "isn't a"),
        ("member missing", _rezip(target, tmp / "nokeys.zip", {"keys.json": None}), "isn't a"),
        (
            "oversized member",
            _rezip(target, tmp / "big.zip", {"manifest.json": b" " * 300_000}),
            "isn't a",
        ),
        (
            "not a manifest",
            _rezip(target, tmp / "m.zip", {"manifest.json": b"[1, 2"}),
            "contents list is damaged",
        ),
        (
            "newer backup",
            _rezip(
                target,
                tmp / "new.zip",
                {"manifest.json": json.dumps({**manifest, "version": 2}).encode()},
            ),
            "newer version of Tend",
        ),
        (
            "damaged keys",
            _rezip(target, tmp / "k.zip", {"keys.json": b'{"format": "tend-keys"}'}),
            "key file inside this backup is damaged",
        ),
        (
            "flipped data",
            _rezip(target, tmp / "flip.zip", {"private.db": bytes(flipped)}),
            "doesn't match its contents list",
        ),
        (
            "flipped data, forged list",
            _rezip(
                target,
                tmp / "forged.zip",
                {"private.db": bytes(flipped), "manifest.json": json.dumps(forged).encode()},
            ),
            "damaged",
        ),
    ]


def test_bad_backup_files_are_refused_and_nothing_changes(made, make_tend, tmp_path):
    _original, target, _code = made
    other = make_tend("other")
    other.unlock(other.vault.create(PASSPHRASE).key)
    before = _state(other.paths.data)

    for label, bad, message in _bad_backups(target, tmp_path):
        with pytest.raises(ImportRejected) as caught:
            restore_backup(other, bad, PASSPHRASE)
        assert message in caught.value.message, label
        assert _state(other.paths.data) == before, label
        assert other.unlocked, label


def test_a_database_that_does_not_match_its_key_file_is_refused(made, make_tend, tmp_path):
    _original, target, _code = made
    stranger = make_tend("stranger")
    stranger.unlock(stranger.vault.create(PASSPHRASE).key)
    other_keys = stranger.paths.keyfile.read_bytes()
    mixed = _rezip(target, tmp_path / "mixed.zip", {"keys.json": other_keys})
    fresh = make_tend("fresh")

    with pytest.raises(ImportRejected, match="doesn't open with its key"):
        restore_backup(fresh, mixed, PASSPHRASE)
    assert not fresh.vault.exists()


def test_key_files_asking_for_absurd_argon2_costs_are_refused(made, make_tend, tmp_path):
    _original, target, _code = made
    with zipfile.ZipFile(target) as zf:
        keys = json.loads(zf.read("keys.json"))
    keys["wraps"]["passphrase"]["params"]["memory_kib"] = 4 * 1024 * 1024
    greedy = _rezip(target, tmp_path / "greedy.zip", {"keys.json": json.dumps(keys).encode()})
    with pytest.raises(ImportRejected):
        restore_backup(make_tend("x"), greedy, PASSPHRASE)


def test_backups_from_a_newer_schema_are_refused(made, make_tend, monkeypatch):
    _original, target, _code = made
    monkeypatch.setattr(backup_check, "KNOWN_REVISIONS", frozenset({"0000"}))
    fresh = make_tend("fresh")
    with pytest.raises(ImportRejected, match="newer version of Tend"):
        restore_backup(fresh, target, PASSPHRASE)
    assert not fresh.vault.exists()


def test_files_over_the_size_limit_are_refused_unopened(made, make_tend, monkeypatch):
    _original, target, _code = made
    monkeypatch.setattr(backup_check, "MAX_BACKUP_BYTES", 1000)
    with pytest.raises(ImportRejected, match="far larger"):
        restore_backup(make_tend("fresh"), target, PASSPHRASE)
