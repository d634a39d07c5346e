"""Deriving wrapping keys from a passphrase (Argon2id) or a recovery code (HKDF)."""

from __future__ import annotations

import time
from dataclasses import asdict, dataclass

from argon2.low_level import Type, hash_secret_raw
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

MIN_MEMORY_KIB = 64 * 1024  # the floor we never go below, not even in tests
MAX_MEMORY_KIB = 1024 * 1024
KEY_LEN = 32


@dataclass(frozen=True)
class Argon2Params:
    time_cost: int = 3
    memory_kib: int = 256 * 1024
    parallelism: int = 2

    def __post_init__(self) -> None:
        if self.memory_kib < MIN_MEMORY_KIB:
            raise ValueError("Argon2 memory below the 64 MiB floor")
        if self.time_cost < 1 or self.parallelism < 1:
            raise ValueError("Argon2 time cost and parallelism must be positive")

    def to_json(self) -> dict[str, int]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> Argon2Params:
        if not isinstance(data, dict):
            raise ValueError("bad Argon2 parameters")
        t, m, p = data.get("time_cost"), data.get("memory_kib"), data.get("parallelism")
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (t, m, p)):
            raise ValueError("bad Argon2 parameters")
        assert isinstance(t, int) and isinstance(m, int) and isinstance(p, int)
        # A tampered file must not be able to ask for more than calibrate() ever would.
        if m > MAX_MEMORY_KIB or t > 64 or p > 64:
            raise ValueError("Argon2 parameters out of range")
        return cls(time_cost=t, memory_kib=m, parallelism=p)


# Small enough for a fast test suite, still at the 64 MiB floor.
TEST_PARAMS = Argon2Params(time_cost=1, memory_kib=MIN_MEMORY_KIB, parallelism=1)


def derive_from_passphrase(passphrase: str, salt: bytes, params: Argon2Params) -> bytes:
    return hash_secret_raw(
        secret=passphrase.encode("utf-8"),
        salt=salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_LEN,
        type=Type.ID,
    )


def derive_from_recovery(code: str, salt: bytes) -> bytes:
    """The recovery code already carries ~118 bits of randomness, so HKDF is enough."""
    return HKDF(
        algorithm=hashes.SHA256(), length=KEY_LEN, salt=salt, info=b"tend recovery wrap v1"
    ).derive(code.encode("ascii"))


def calibrate(target_seconds: float = 0.7, parallelism: int = 2) -> Argon2Params:
    """Pick Argon2id parameters so that unlocking takes about ``target_seconds`` here.

    One measurement at the floor, then memory scaled linearly (Argon2's cost is
    close to linear in memory), clamped between 64 MiB and 1 GiB.
    """
    probe = Argon2Params(time_cost=3, memory_kib=MIN_MEMORY_KIB, parallelism=parallelism)
    start = time.perf_counter()
    derive_from_passphrase("calibration", b"\0" * 16, probe)
    took = max(time.perf_counter() - start, 1e-3)
    scale = target_seconds / took
    memory = int(MIN_MEMORY_KIB * scale) // 1024 * 1024
    memory = max(MIN_MEMORY_KIB, min(MAX_MEMORY_KIB, memory))
    return Argon2Params(time_cost=3, memory_kib=memory, parallelism=parallelism)
