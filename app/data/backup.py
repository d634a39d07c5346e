"""Encrypted backups: one file that is useless without the passphrase or recovery code.

A backup is a zip (stored, not compressed: encrypted pages don't compress)
with exactly three members:

- ``manifest.json``: format, version, when, which Tend, schema revision, sizes;
- ``keys.json``: the key file (the data key wrapped by passphrase and recovery
  code; "remembered" is cleared, so a restore always starts from the passphrase);
- ``private.db``: a ``VACUUM INTO`` copy of the store, still SQLCipher-encrypted
  with the same data key.

The copy is made in a private folder inside the data folder (never /tmp).
Restoring validates everything, unwraps the key, checks the database's
integrity, stages both files and only then swaps them in (app.data.swap).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import shutil
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import app
from app.data import swap
from app.data.backup_check import check_database, open_archive, read_member, unwrap
from app.data.export import refuse_own_folder
from app.errors import ImportRejected, UserFacingError
from app.fsutil import FILE_MODE, atomic_write_bytes, atomic_writer
from app.security.keyfile import KeyFile

if TYPE_CHECKING:  # app.context imports app.data.swap: no cycle at runtime
    from app.context import Tend

log = logging.getLogger(__name__)

FORMAT = "tend-backup"
VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".tendbackup"


def _revision(tend: Tend) -> str | None:
    from app.store.migrate import _current_revision

    with tend.require_store().engine.connect() as conn:
        return _current_revision(conn)


def _vacuum_copy(tend: Tend, work: Path) -> Path:
    copy = work / swap.DB
    raw = tend.require_store().engine.raw_connection()  # VACUUM can't run in a transaction
    try:
        raw.cursor().execute("VACUUM INTO ?", (str(copy),))
    finally:
        raw.close()
    os.chmod(copy, FILE_MODE)
    return copy


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def make_backup(tend: Tend, target: Path) -> Path:
    """Write an encrypted backup of the unlocked store to ``target`` (atomically, 0600)."""
    tend.require_store()
    refuse_own_folder(tend.paths, target)
    keys = replace(KeyFile.load(tend.paths.keyfile), remembered=False)
    work = Path(tempfile.mkdtemp(prefix=".backup-", dir=tend.paths.data))  # mode 0700
    try:
        copy = _vacuum_copy(tend, work)
        manifest: dict[str, Any] = {
            "format": FORMAT,
            "version": VERSION,
            "created_at": tend.clock.now().astimezone().isoformat(timespec="seconds"),
            "app_version": app.__version__,
            "schema_revision": _revision(tend),
            "key_id": keys.key_id,
            "db_bytes": copy.stat().st_size,
            "db_sha256": _sha256(copy),
        }
        _write_zip(target, manifest, keys.to_bytes(), copy)
    except OSError as exc:
        log.warning("backup failed: %s", type(exc).__name__)
        raise UserFacingError(
            "Tend couldn't write the backup there. "
            "Please check there's free space, or choose another folder."
        ) from None
    finally:
        shutil.rmtree(work, ignore_errors=True)
    log.info("backup written (%d bytes of database)", manifest["db_bytes"])
    return target


def _write_zip(target: Path, manifest: dict[str, Any], keys: bytes, db: Path) -> None:
    with (
        atomic_writer(target) as fh,
        zipfile.ZipFile(fh, "w", compression=zipfile.ZIP_STORED) as zf,
    ):
        zf.writestr(MANIFEST, json.dumps(manifest, indent=2))
        zf.writestr(swap.KEYS, keys)
        zf.write(db, swap.DB)


def restore_backup(tend: Tend, source: Path, secret: str) -> None:
    """Replace the store and key file with the backup's, if ``secret`` opens it.

    Afterwards Tend is locked; the person unlocks with the backup's passphrase
    (or its recovery code). The files replaced are kept in ``backups/``.
    Raises ``ImportRejected`` for a bad file and ``WrongSecret`` for a wrong
    secret; in both cases nothing has changed.
    """
    staging = swap.staging_dir(tend.paths)
    if (staging / swap.READY).exists():  # Tend.build finishes these; never undo one
        raise UserFacingError("An earlier restore is waiting to finish. Please restart Tend.")
    shutil.rmtree(staging, ignore_errors=True)  # a leftover from an abandoned attempt
    with open_archive(source) as zf:
        manifest = _manifest(zf)
        keyfile = _keyfile(zf)
        key = unwrap(keyfile, secret)
        try:
            os.makedirs(staging, mode=0o700)
            db_hash = _extract_db(zf, staging / swap.DB)
            if db_hash != manifest["db_sha256"]:
                raise ImportRejected(
                    "This backup is damaged: its data doesn't match its contents list."
                )
            check_database(staging / swap.DB, key)
            atomic_write_bytes(staging / swap.KEYS, replace(keyfile, remembered=False).to_bytes())
            atomic_write_bytes(staging / swap.READY, b"ready\n")  # the commit point
        except OSError as exc:
            shutil.rmtree(staging, ignore_errors=True)
            log.warning("restore staging failed: %s", type(exc).__name__)
            raise UserFacingError(
                "Tend couldn't unpack the backup. Please check there's free space and try again."
            ) from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        finally:
            key.wipe()
    _forget_current_key(tend)
    tend.lock()
    try:
        swap.finish_pending_restore(tend.paths)
    except OSError as exc:
        log.warning("restore swap interrupted: %s", type(exc).__name__)
        raise UserFacingError(
            "Tend couldn't finish restoring just now. It will finish the next time Tend starts."
        ) from None
    log.info("backup restored")


def _forget_current_key(tend: Tend) -> None:
    """The current key leaves with the current store: drop its keyring entry too."""
    if not tend.vault.exists():
        return
    with contextlib.suppress(UserFacingError, OSError):
        tend.vault.secrets.delete(KeyFile.load(tend.paths.keyfile).key_id)


def _manifest(zf: zipfile.ZipFile) -> dict[str, Any]:
    try:
        doc = json.loads(read_member(zf, MANIFEST).decode("utf-8"))
    except (ValueError, RecursionError):
        raise ImportRejected("This backup's contents list is damaged.") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ImportRejected("This file isn't a Tend backup.")
    version = doc.get("version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise ImportRejected("This backup's contents list is damaged.")
    if version > VERSION:
        raise ImportRejected(
            "This backup was made by a newer version of Tend. Please update Tend to restore it."
        )
    if not isinstance(doc.get("db_sha256"), str):
        raise ImportRejected("This backup's contents list is damaged.")
    return doc


def _keyfile(zf: zipfile.ZipFile) -> KeyFile:
    try:
        return KeyFile.from_bytes(read_member(zf, swap.KEYS))
    except ImportRejected:
        raise
    except UserFacingError:
        raise ImportRejected("The key file inside this backup is damaged.") from None


def _extract_db(zf: zipfile.ZipFile, target: Path) -> str:
    info = zf.getinfo(swap.DB)
    digest = hashlib.sha256()
    written = 0
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(fd, "wb") as out, zf.open(info) as src:
        for chunk in iter(lambda: src.read(1 << 20), b""):
            written += len(chunk)
            if written > info.file_size:  # never trust the header over the bytes
                raise ImportRejected("This backup is damaged.")
            digest.update(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    return digest.hexdigest()
