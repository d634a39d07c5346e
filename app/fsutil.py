"""Small, careful file helpers: private permissions and crash-safe writes."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> Path:
    """Create ``path`` (and parents) readable only by this user."""
    path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    with contextlib.suppress(PermissionError):
        os.chmod(path, DIR_MODE)
    return path


def fsync_dir(path: Path) -> None:
    """Make a rename inside ``path`` durable (no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


@contextlib.contextmanager
def atomic_writer(path: Path) -> Iterator[BinaryIO]:
    """Write ``path`` so that a crash leaves the old file or the new one, never a mix.

    Yields a binary file; on a clean exit it is fsynced, renamed over ``path``
    and the directory fsynced. The temporary file lives beside the target
    (same filesystem, same private directory); on an error it is removed.
    """
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    fsync_dir(path.parent)


def atomic_write_bytes(path: Path, data: bytes) -> None:
    with atomic_writer(path) as fh:
        fh.write(data)


def chmod_private(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError, PermissionError):
        os.chmod(path, FILE_MODE)


def create_private_file(path: Path) -> None:
    """Make sure ``path`` exists and only its owner can read it, before another program
    (a PDF printer, say) writes into it: there is never a moment it is readable by others."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    chmod_private(path)  # it was there already, with other permissions


def remove_stale_temp_files(directory: Path, older_than_s: float = 600.0) -> int:
    """Delete ``.<name>.<pid>.tmp`` files left by a crash mid-``atomic_write_bytes``.

    They hold only what was being written (a wrapped key file, settings), never
    plaintext entries; this is tidiness. Recent ones are left alone in case
    another Tend process (the CLI beside the window) is writing right now.
    """
    import time

    removed = 0
    cutoff = time.time() - older_than_s
    for tmp in directory.glob(".*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                tmp.unlink()
                removed += 1
    return removed
