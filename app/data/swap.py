"""Swapping a restored database and key file into place, crash-safely.

A restore first stages both files in ``<data>/restore-staging/`` and only then
writes the ``READY`` marker: that marker is the commit point. Finishing means,
for ``private.db`` and then ``keys.json``: if the staged file is still in
staging, move whatever is in the data folder under that name (the current,
old file, and for the database its ``-wal``/``-shm``) into a safety folder in
``backups/``, then rename the staged file into place. Last, remove the marker
and the staging folder.

Every step can be repeated, so a crash at any point is finished by
``finish_pending_restore`` the next time Tend starts (``Tend.build`` calls it),
before anything opens the store: the old and new files are never mixed. Without
the marker, staging was incomplete; it is deleted and nothing has changed.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import shutil
from pathlib import Path

from app.fsutil import ensure_private_dir, fsync_dir
from app.paths import AppPaths

log = logging.getLogger(__name__)

READY = "READY"
DB = "private.db"
KEYS = "keys.json"
DB_SIDE_FILES = ("private.db-wal", "private.db-shm", "private.db-journal")


def staging_dir(paths: AppPaths) -> Path:
    return paths.restore_staging


def _safety_dir(paths: AppPaths) -> Path:
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    base = paths.backups / f"before-restore-{stamp}"
    target, n = base, 1
    while target.exists():
        n += 1
        target = base.with_name(f"{base.name}-{n}")
    return target


def _move_aside(paths: AppPaths, names: tuple[str, ...], safety: list[Path]) -> None:
    for name in names:
        current = paths.data / name
        if not current.exists():
            continue
        if not safety:
            safety.append(ensure_private_dir(_safety_dir(paths)))
        os.replace(current, safety[0] / name)


def finish_pending_restore(paths: AppPaths) -> bool:
    """Complete (or discard) an interrupted restore. True if a restore was completed."""
    staging = staging_dir(paths)
    if not staging.exists():
        return False
    if not (staging / READY).exists():
        log.info("discarding incomplete restore staging")
        shutil.rmtree(staging, ignore_errors=True)
        return False
    safety: list[Path] = []
    if (staging / DB).exists():
        # The old database's -wal/-shm must never sit beside the new database.
        _move_aside(paths, (*DB_SIDE_FILES, DB), safety)
        os.replace(staging / DB, paths.data / DB)
        fsync_dir(paths.data)
    if (staging / KEYS).exists():
        _move_aside(paths, (KEYS,), safety)
        os.replace(staging / KEYS, paths.data / KEYS)
        fsync_dir(paths.data)
    if safety:
        fsync_dir(safety[0])
    (staging / READY).unlink(missing_ok=True)
    shutil.rmtree(staging, ignore_errors=True)
    fsync_dir(paths.data)
    log.info("restore swapped into place")
    return True
