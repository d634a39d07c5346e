"""Argon2 parameters: the 64 MiB floor holds everywhere, junk is refused."""

from __future__ import annotations

import pytest

from app.security.kdf import (
    MIN_MEMORY_KIB,
    TEST_PARAMS,
    Argon2Params,
    calibrate,
    derive_from_passphrase,
    derive_from_recovery,
)


def test_memory_floor_is_enforced():
    with pytest.raises(ValueError):
        Argon2Params(memory_kib=MIN_MEMORY_KIB - 1)
    assert Argon2Params(memory_kib=MIN_MEMORY_KIB).memory_kib == 64 * 1024


@pytest.mark.parametrize("field", ["time_cost", "parallelism"])
def test_time_cost_and_parallelism_must_be_positive(field):
    with pytest.raises(ValueError):
        Argon2Params(**{field: 0})


def test_test_params_stay_at_the_floor():
    assert TEST_PARAMS.memory_kib == MIN_MEMORY_KIB


def test_json_round_trip():
    params = Argon2Params(time_cost=4, memory_kib=128 * 1024, parallelism=3)
    assert Argon2Params.from_json(params.to_json()) == params


@pytest.mark.parametrize(
    "junk",
    [
        None,
        [],
        "params",
        {},
        {"time_cost": 3, "memory_kib": 65536},
        {"time_cost": "3", "memory_kib": 65536, "parallelism": 1},
        {"time_cost": 3, "memory_kib": 65536.0, "parallelism": 1},
        {"time_cost": True, "memory_kib": 65536, "parallelism": 1},
        {"time_cost": 3, "memory_kib": 1024, "parallelism": 1},
        {"time_cost": 3, "memory_kib": 65536, "parallelism": 0},
        {"time_cost": 3, "memory_kib": 65536, "parallelism": -1},
        {"time_cost": 65, "memory_kib": 65536, "parallelism": 1},
        {"time_cost": 3, "memory_kib": 10**12, "parallelism": 1},
        {"time_cost": 3, "memory_kib": 65536, "parallelism": 65},
    ],
)
def test_from_json_rejects_junk(junk):
    with pytest.raises(ValueError):
        Argon2Params.from_json(junk)


def test_calibrate_never_goes_below_the_floor():
    params = calibrate(target_seconds=0.001, parallelism=1)
    assert params.memory_kib >= MIN_MEMORY_KIB
    assert params.memory_kib % 1024 == 0


def test_derivations_depend_on_secret_salt_and_params():
    salt = b"s" * 16
    base = derive_from_passphrase("one two three", salt, TEST_PARAMS)
    assert len(base) == 32
    assert derive_from_passphrase("one two three", salt, TEST_PARAMS) == base
    assert derive_from_passphrase("one two three!", salt, TEST_PARAMS) != base
    assert derive_from_passphrase("one two three", b"t" * 16, TEST_PARAMS) != base
    slower = Argon2Params(time_cost=2, memory_kib=MIN_MEMORY_KIB, parallelism=1)
    assert derive_from_passphrase("one two three", salt, slower) != base
    assert derive_from_recovery("ABCD", salt) != derive_from_recovery("ABCE", salt)


def test_params_from_a_file_cannot_ask_for_more_than_calibration_would():
    from app.security.kdf import MAX_MEMORY_KIB

    with pytest.raises(ValueError):
        Argon2Params.from_json(
            {"time_cost": 3, "memory_kib": MAX_MEMORY_KIB + 1024, "parallelism": 2}
        )
