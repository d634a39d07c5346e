"""The crash test: SIGKILL the process saving check-ins, over and over.

From the issue: "the process saving check-ins is killed with SIGKILL at random
moments, at least 100 times in `make test`; not one acknowledged check-in is
lost, and the database passes integrity_check every time."

Each child opens the real encrypted store (key on stdin), saves check-ins for
successive days and prints ``ACK <day>`` only after ``save()`` returned. The
parent kills it 20–200 ms after it is ready (seeded, so the schedule is
repeatable; the kills are real), then reopens the store itself and checks.
Children are started ahead of their turn so their imports overlap the checks.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import subprocess
import sys
import time
from collections import deque
from pathlib import Path

import pytest

from app.domain import JournalFilter
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore
from app.security.vault import DataKey, Vault
from app.services.store import PrivateStore
from tests.helpers.crash_child import CLOCK, draft_for, matches, note_for
from tests.helpers.fakes import PASSPHRASE

KILLS = 100
SEED = 20261122
FIRST_DAY = dt.date(2000, 1, 1)
ROOT = Path(__file__).resolve().parents[2]


def _spawn(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.crash_child", str(data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _run_and_kill(child: subprocess.Popen[str], key_hex: str, start: dt.date, delay: float):
    """Start the child saving from ``start``, kill it after ``delay``; return its output."""
    assert child.stdin is not None and child.stdout is not None and child.stderr is not None
    child.stdin.write(f"{key_hex} {start.isoformat()}\n")
    child.stdin.flush()
    ready = child.stdout.readline()
    if ready.strip() != "READY":
        child.kill()
        raise AssertionError(f"child did not start: {child.stderr.read()[-2000:]}")
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=20) == -signal.SIGKILL
    out, err = child.stdout.read(), child.stderr.read()
    for pipe in (child.stdin, child.stdout, child.stderr):
        pipe.close()
    assert "Traceback" not in err, err[-2000:]
    # A line cut off by the kill has no newline: it was never acknowledged.
    return [line.split() for line in out.split("\n")[:-1]]


def _check(store: PrivateStore, acked: list[dt.date], notes: dict[str, dt.date]) -> None:
    assert store.integrity_ok()
    if acked:
        saved = {c.day: c for c in store.checkins.between(min(acked), max(acked))}
        lost = [d for d in acked if not matches(saved.get(d), draft_for(d))]
        assert not lost, f"acknowledged check-ins lost or wrong: {lost[:5]}"
    for note_id, day in notes.items():
        note = store.journal.get_note(note_id)
        assert note is not None and (note.day, note.body) == (day, note_for(day).body)


@pytest.mark.slow
def test_sigkill_never_loses_an_acknowledged_checkin(paths):
    key = Vault(paths, KeyringSecretStore(), TEST_PARAMS).create(PASSPHRASE).key
    key_hex = key.raw.hex()
    rng = random.Random(SEED)
    all_days: list[dt.date] = []
    all_notes: dict[str, dt.date] = {}
    start = FIRST_DAY
    # Two children wait their turn, importing while others run and while we check.
    waiting = deque(_spawn(paths.data) for _ in range(2))
    for _ in range(KILLS):
        lines = _run_and_kill(waiting.popleft(), key_hex, start, rng.uniform(0.02, 0.2))
        waiting.append(_spawn(paths.data))
        acked = [dt.date.fromisoformat(p[1]) for p in lines if p[0] == "ACK"]
        notes = {p[1]: dt.date.fromisoformat(p[2]) for p in lines if p[0] == "NOTE"}
        store = PrivateStore(paths, DataKey(key.raw), CLOCK)
        try:
            _check(store, acked, notes)
        finally:
            store.close()
        all_days += acked
        all_notes |= notes
        if acked:
            start = max(acked) + dt.timedelta(days=1)
    for child in waiting:
        child.kill()
        child.communicate()

    assert len(all_days) > KILLS  # the kills landed while saves were happening
    store = PrivateStore(paths, DataKey(key.raw), CLOCK)
    try:
        _check(store, all_days, all_notes)
        assert store.journal.count(JournalFilter()) >= len(set(all_days)) + len(all_notes)
    finally:
        store.close()
    print(f"crash test: {KILLS} kills, {len(all_days)} check-ins, {len(all_notes)} notes acked")
