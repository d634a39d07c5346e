"""Distrusting a backup file: size limits, exact members, key unwrapping, integrity.

Anything wrong becomes ``ImportRejected`` (or ``WrongSecret`` for a secret
that doesn't open it) before a single file in the data folder is touched.
"""

from __future__ import annotations

import contextlib
import struct
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path

import sqlcipher3

from app.errors import ImportRejected, WrongSecret
from app.security import recovery
from app.security.kdf import MAX_MEMORY_KIB
from app.security.keyfile import PASSPHRASE, RECOVERY, KeyFile
from app.security.vault import DataKey
from app.store.migrate import KNOWN_REVISIONS

MAX_BACKUP_BYTES = 4 * 1024 * 1024 * 1024
MAX_SMALL_MEMBER = 256 * 1024
MEMBERS = frozenset({"manifest.json", "keys.json", "private.db"})
MAX_TIME_COST = 16

DAMAGED = "This file isn't a Tend backup, or it has been damaged."


@contextlib.contextmanager
def open_archive(source: Path) -> Iterator[zipfile.ZipFile]:
    """Open ``source`` as a backup zip; every low-level failure becomes ``ImportRejected``."""
    try:
        size = source.stat().st_size
    except OSError:
        raise ImportRejected(
            "Tend couldn't open that file. Please check it's still there."
        ) from None
    if size > MAX_BACKUP_BYTES:
        raise ImportRejected("That file is far larger than a Tend backup can be.")
    try:
        zf = zipfile.ZipFile(source)
    except IsADirectoryError:
        raise ImportRejected("That's a folder; please choose a backup file.") from None
    except OSError:
        raise ImportRejected(
            "Tend couldn't open that file. Please check it's still there."
        ) from None
    except (zipfile.BadZipFile, EOFError, struct.error, ValueError, KeyError, OverflowError):
        # zipfile raises any of these for malformed directories.
        raise ImportRejected(DAMAGED) from None
    try:
        _check_members(zf)
        yield zf
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, struct.error):
        # Raised while reading members: bad local headers, CRC mismatches, bad deflate data.
        raise ImportRejected(DAMAGED) from None
    finally:
        zf.close()


def _check_members(zf: zipfile.ZipFile) -> None:
    infos = zf.infolist()
    names = [i.filename for i in infos]
    # Exactly these names, once each: nothing else is ever extracted, so paths
    # like "../x" or "/etc/x" can't reach the disk.
    if len(names) != len(MEMBERS) or set(names) != MEMBERS:
        raise ImportRejected(DAMAGED)
    total = 0
    for info in infos:
        if info.is_dir() or info.flag_bits & 0x1:
            raise ImportRejected(DAMAGED)
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise ImportRejected(DAMAGED)
        limit = MAX_BACKUP_BYTES if info.filename == "private.db" else MAX_SMALL_MEMBER
        if info.file_size > limit:
            raise ImportRejected(DAMAGED)
        total += info.file_size
    if total > MAX_BACKUP_BYTES:
        raise ImportRejected(DAMAGED)


def read_member(zf: zipfile.ZipFile, name: str) -> bytes:
    """A small member, read with a hard cap whatever its header claims."""
    with zf.open(name) as fh:
        data = fh.read(MAX_SMALL_MEMBER + 1)
    if len(data) > MAX_SMALL_MEMBER:
        raise ImportRejected(DAMAGED)
    return data


def unwrap(keyfile: KeyFile, secret: str) -> DataKey:
    """The backup's data key, from its passphrase or its recovery code."""
    wrap = keyfile.wraps.get(PASSPHRASE)
    params = wrap.params if wrap is not None else None
    if params is None or params.memory_kib > MAX_MEMORY_KIB or params.time_cost > MAX_TIME_COST:
        # Tend never writes costs above these; a file that asks for more is not ours.
        raise ImportRejected(DAMAGED)
    try:
        canonical = recovery.normalise(secret)
        if canonical is not None and RECOVERY in keyfile.wraps:
            with contextlib.suppress(WrongSecret):
                return DataKey(keyfile.unwrap_recovery(canonical))
        return DataKey(keyfile.unwrap_passphrase(secret))
    except WrongSecret:
        raise WrongSecret(
            "That passphrase or recovery code didn't open this backup. It needs the one "
            "that was in use when the backup was made."
        ) from None
    except ValueError:  # wrong nonce or key sizes: a damaged or hand-made key file
        raise ImportRejected(DAMAGED) from None


def check_database(path: Path, key: DataKey) -> None:
    """Open the staged copy with ``key``; it must be intact and from a Tend we know."""
    conn = sqlcipher3.connect(str(path), isolation_level=None)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {key.sqlcipher_pragma_value()}")
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            ok = conn.execute("PRAGMA integrity_check").fetchone()
            has_version = conn.execute(
                "SELECT 1 FROM sqlite_master WHERE type='table' AND name='alembic_version'"
            ).fetchone()
            revision = (
                conn.execute("SELECT version_num FROM alembic_version").fetchone()
                if has_version
                else None
            )
            # No WAL for the staged copy: nothing may sit beside it when it's moved.
            conn.execute("PRAGMA journal_mode = DELETE")
        except sqlcipher3.DatabaseError:
            raise ImportRejected(
                "This backup is damaged: its data doesn't open with its key."
            ) from None
    finally:
        conn.close()
    if ok is None or ok[0] != "ok":
        raise ImportRejected("This backup is damaged: its data didn't pass Tend's check.")
    if revision is None:
        raise ImportRejected("This backup doesn't contain Tend data.")
    if revision[0] not in KNOWN_REVISIONS:
        raise ImportRejected(
            "This backup was made by a newer version of Tend. Please update Tend to restore it."
        )
