from __future__ import annotations

import pytest

from app.errors import Locked
from app.paths import AppPaths
from tests.helpers.fakes import PASSPHRASE


def test_locked_context_refuses_store_access(tend):
    assert not tend.unlocked
    with pytest.raises(Locked):
        tend.require_store()
    with pytest.raises(Locked):
        _ = tend.key


def test_lock_wipes_the_key_and_closes_the_store(tend):
    key = tend.vault.create(PASSPHRASE).key
    tend.unlock(key)
    assert tend.unlocked
    tend.lock()
    assert not tend.unlocked
    with pytest.raises(RuntimeError):
        _ = key.raw
    assert "hidden" in repr(tend.vault.unlock_with_passphrase(PASSPHRASE))


def test_paths_override_and_env(tmp_path, monkeypatch):
    explicit = AppPaths.from_override(tmp_path / "a")
    assert explicit.private_db == (tmp_path / "a" / "private.db").resolve()
    monkeypatch.setenv("TEND_DATA_DIR", str(tmp_path / "b"))
    from_env = AppPaths.from_override()
    assert from_env.data == (tmp_path / "b").resolve()
    from_env.ensure()
    assert oct(from_env.data.stat().st_mode & 0o777) == "0o700"


def test_fixed_clock_advances_by_elapsed_time_across_dst():
    import datetime as dt
    from zoneinfo import ZoneInfo

    from app.clock import FixedClock

    sydney = ZoneInfo("Australia/Sydney")
    clock = FixedClock(dt.datetime(2026, 10, 4, 1, 30, tzinfo=sydney))  # DST starts at 2:00
    clock.advance(hours=1)
    assert clock.now().hour == 3 and clock.now().minute == 30  # 2:30 never happened
    assert clock.now().utcoffset() == dt.timedelta(hours=11)
