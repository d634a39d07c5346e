"""Changing the passphrase survives SIGKILL at any moment: the old or the new one opens.

A child cycles through three passphrases, re-wrapping the data key each time,
and is killed at a random moment after its first completed change. After each
kill the key file must open with the last passphrase the child reported saved,
or with the one it was saving when killed: never an older one, never neither.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.errors import WrongSecret
from app.security.kdf import TEST_PARAMS
from app.security.keyfile import KeyFile
from app.security.secrets import KeyringSecretStore
from app.security.vault import Vault
from tests.helpers.rewrap_child import PASSPHRASES

KILLS = 30
ROOT = Path(__file__).resolve().parents[3]


def _opens_with(path: Path, candidates: tuple[int, ...] = (0, 1, 2)) -> int:
    """Index of the passphrase (among ``candidates``) that opens the key file."""
    kf = KeyFile.load(path)
    for index in candidates:
        try:
            kf.unwrap_passphrase(PASSPHRASES[index])
        except WrongSecret:
            continue
        return index
    raise AssertionError(f"the key file opens with none of passphrases {candidates}")


def _spawn(data_dir: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.helpers.rewrap_child", str(data_dir)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _run_and_kill(child: subprocess.Popen[str], key_hex: str, first: int, delay: float) -> int:
    """Let the child re-wrap from ``first``; kill it; return the last index it reported."""
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(f"{key_hex} {first}\n")
    child.stdin.flush()
    assert child.stdout.readline() == f"DONE {first}\n"
    assert child.stdout.readline() == "READY\n"
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    assert child.wait(timeout=10) == -signal.SIGKILL
    done = [int(line.split()[1]) for line in child.stdout.read().split("\n")[:-1]]
    child.stdin.close()
    child.stdout.close()
    return done[-1] if done else first


@pytest.mark.slow
def test_rewrap_survives_sigkill(paths):
    vault = Vault(paths, KeyringSecretStore(), TEST_PARAMS)
    created = vault.create(PASSPHRASES[0])
    key_hex = created.key.raw.hex()
    rng = random.Random(20261122)
    current = 0
    child = _spawn(paths.data)
    for _ in range(KILLS):
        last = _run_and_kill(child, key_hex, (current + 1) % 3, rng.uniform(0.005, 0.2))
        child = _spawn(paths.data)  # starts up while we check; waits for its line on stdin
        current = _opens_with(paths.keyfile, (last, (last + 1) % 3))
        recovered = KeyFile.load(paths.keyfile).unwrap_recovery(created.recovery_code)
        assert bytes(recovered) == created.key.raw
    child.kill()
    child.communicate()
    # Whatever temp files the kills left behind, the next save and load still work.
    vault.change_passphrase(created.key, PASSPHRASES[2])
    assert _opens_with(paths.keyfile) == 2
    assert vault.unlock_with_passphrase(PASSPHRASES[2]).raw == created.key.raw
