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


def test_a_private_file_is_made_before_anything_is_written_into_it(tmp_path):
    import os
    import stat

    from app.fsutil import create_private_file

    fresh = tmp_path / "printed.pdf"
    old = os.umask(0)  # the loosest umask: the file still starts private
    try:
        create_private_file(fresh)
    finally:
        os.umask(old)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600
    there = tmp_path / "there.pdf"
    there.write_bytes(b"old")
    there.chmod(0o644)
    create_private_file(there)
    assert stat.S_IMODE(there.stat().st_mode) == 0o600
