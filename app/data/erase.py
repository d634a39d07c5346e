"""Deleting everything Tend keeps on this computer, and going back to first run.

The store is encrypted, so removing the key file and the keyring entry makes
any copy of the data unreadable even where a disk keeps old blocks (flash,
copy-on-write filesystems); the files themselves are removed as well.
Only files Tend itself writes are removed, so a ``--data-dir`` pointing at a
folder with other things in it loses nothing else.
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

from app.data import swap
from app.settings import Settings

if TYPE_CHECKING:
    from app.context import Tend

log = logging.getLogger(__name__)

DB_FILES = ("private.db", *swap.DB_SIDE_FILES)


def _close_log_file() -> None:
    """Detach and close Tend's log handler, so its file can go too."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_tend", False):
            root.removeHandler(handler)
            handler.close()


def _remove_logs(log_file: Path) -> None:
    for path in log_file.parent.glob(log_file.name + "*"):
        with contextlib.suppress(FileNotFoundError):
            path.unlink()


def _remove_dir_if_empty(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.rmdir()


def delete_everything(tend: Tend) -> None:
    """Lock, then remove the store, key file, keyring entry, backups, settings and logs."""
    log.info("deleting all data")
    paths = tend.paths
    tend.lock()
    tend.vault.forget()  # key file and keyring entry first: the data is unreadable from here
    for name in DB_FILES:
        (paths.data / name).unlink(missing_ok=True)
    shutil.rmtree(paths.backups, ignore_errors=True)
    shutil.rmtree(swap.staging_dir(paths), ignore_errors=True)
    for leftover in paths.data.glob(".backup-*"):
        shutil.rmtree(leftover, ignore_errors=True)
    paths.settings_file.unlink(missing_ok=True)
    _close_log_file()
    _remove_logs(paths.log_file)
    _remove_dir_if_empty(paths.logs)
    tend.settings = Settings(paths.settings_file)  # back to the defaults in memory too
