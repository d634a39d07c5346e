from __future__ import annotations

import os
import time

from app.fsutil import atomic_write_bytes, remove_stale_temp_files


def test_atomic_write_replaces_and_is_private(tmp_path):
    target = tmp_path / "keys.json"
    atomic_write_bytes(target, b"one")
    atomic_write_bytes(target, b"two")
    assert target.read_bytes() == b"two"
    assert oct(target.stat().st_mode & 0o777) == "0o600"
    assert [p.name for p in tmp_path.iterdir()] == ["keys.json"]


def test_only_old_temp_files_are_removed(tmp_path):
    old = tmp_path / ".keys.json.123.tmp"
    fresh = tmp_path / ".keys.json.456.tmp"
    keep = tmp_path / "keys.json"
    for p in (old, fresh, keep):
        p.write_bytes(b"x")
    an_hour_ago = time.time() - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(keep, (an_hour_ago, an_hour_ago))
    assert remove_stale_temp_files(tmp_path) == 1
    assert not old.exists()
    assert fresh.exists() and keep.exists()
