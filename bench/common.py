"""Small helpers shared by the benchmarks: timing, statistics, a real store."""

from __future__ import annotations

import statistics
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from app.clock import SystemClock
from app.context import Tend
from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS, Argon2Params
from app.security.secrets import KeyringSecretStore

PASSPHRASE = "quiet harbour lantern 42"
BIN = Path(sys.executable).parent  # the venv's bin: tend, jrnl


def report(name: str, value: float | int | str) -> None:
    text = f"{value:.3f}" if isinstance(value, float) else str(value)
    print(f"{name}: {text}", flush=True)


def median(values: list[float]) -> float:
    return statistics.median(values)


def p95(values: list[float]) -> float:
    """The 95th percentile (nearest rank): the value 95% of samples are at or below."""
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


def timed(fn: Callable[[], object]) -> float:
    """Seconds ``fn`` took."""
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator > 0 else float("inf")


@contextmanager
def open_tend(data_dir: Path, kdf: Argon2Params | None = TEST_PARAMS) -> Iterator[Tend]:
    """A set-up, unlocked Tend on disk. ``kdf=None``: Argon2 calibrated as for a real person."""
    tend = Tend.build(
        AppPaths.from_override(data_dir), clock=SystemClock(), secrets=KeyringSecretStore(), kdf=kdf
    )
    if tend.vault.exists():
        key = tend.vault.unlock_with_passphrase(PASSPHRASE)
    else:
        key = tend.vault.create(PASSPHRASE).key
    tend.unlock(key)
    try:
        yield tend
    finally:
        tend.lock()
