"""The key file: round-trips, refuses wrong secrets, and fails calmly when damaged."""

from __future__ import annotations

import base64
import json
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UserFacingError, WrongSecret
from app.security import recovery
from app.security.kdf import TEST_PARAMS
from app.security.keyfile import PASSPHRASE, RECOVERY, KeyFile

SECRET = "quiet harbour lantern 42"
DATA_KEY = bytes(range(32))


@pytest.fixture(scope="module")
def code() -> str:
    return recovery.new_code()


@pytest.fixture(scope="module")
def keyfile(code) -> KeyFile:
    kf = KeyFile(key_id="00ff00ff00ff00ff")
    return kf.with_passphrase(DATA_KEY, SECRET, TEST_PARAMS).with_recovery(DATA_KEY, code)


def test_round_trip_through_bytes_and_disk(keyfile, code, tmp_path):
    path = tmp_path / "keys.json"
    keyfile.save(path)
    loaded = KeyFile.load(path)
    assert loaded == keyfile
    assert bytes(loaded.unwrap_passphrase(SECRET)) == DATA_KEY
    assert bytes(loaded.unwrap_recovery(code)) == DATA_KEY
    assert (path.stat().st_mode & 0o777) == 0o600


def test_key_file_never_holds_the_key_or_secrets_in_the_clear(keyfile, code):
    raw = keyfile.to_bytes()
    for secret in (DATA_KEY, DATA_KEY.hex().encode(), base64.b64encode(DATA_KEY)):
        assert secret not in raw
    assert SECRET.encode() not in raw
    assert code.encode() not in raw
    assert code.replace("-", "").encode() not in raw


def test_each_wrap_uses_fresh_salt_and_nonce(keyfile):
    again = keyfile.with_passphrase(DATA_KEY, SECRET, TEST_PARAMS)
    old, new = keyfile.wraps[PASSPHRASE], again.wraps[PASSPHRASE]
    assert old.salt != new.salt
    assert old.nonce != new.nonce
    assert old.ciphertext != new.ciphertext


def test_wrong_passphrase_and_wrong_code(keyfile, code):
    with pytest.raises(WrongSecret) as info:
        keyfile.unwrap_passphrase(SECRET + " ")
    assert SECRET not in str(info.value)
    other = recovery.new_code()
    assert other != code
    with pytest.raises(WrongSecret):
        keyfile.unwrap_recovery(other)


def test_wraps_are_bound_to_their_slot(keyfile, code):
    """A passphrase wrap moved into the recovery slot (or back) does not open."""
    swapped = KeyFile(
        key_id=keyfile.key_id,
        wraps={PASSPHRASE: keyfile.wraps[PASSPHRASE], RECOVERY: keyfile.wraps[PASSPHRASE]},
    )
    with pytest.raises(WrongSecret):
        swapped.unwrap_recovery(code)


# -- tampering -------------------------------------------------------------------


def _doc(kf: KeyFile) -> dict:
    return json.loads(kf.to_bytes())


def _b64(n: int, fill: bytes = b"\x01") -> str:
    return base64.b64encode(fill * n).decode()


def _edit(path: list[str], value: object):
    def apply(doc: dict) -> None:
        target = doc
        for part in path[:-1]:
            target = target[part]
        if value is _DELETE:
            del target[path[-1]]
        else:
            target[path[-1]] = value

    return apply


_DELETE = object()
PW = ["wraps", PASSPHRASE]
RC = ["wraps", RECOVERY]

TAMPERS = {
    "salt changed": _edit([*PW, "salt"], _b64(16)),
    "salt empty": _edit([*PW, "salt"], ""),
    "salt short": _edit([*PW, "salt"], _b64(4)),
    "salt not base64": _edit([*PW, "salt"], "!!!"),
    "salt a number": _edit([*PW, "salt"], 7),
    "salt missing": _edit([*PW, "salt"], _DELETE),
    "nonce changed": _edit([*PW, "nonce"], _b64(12)),
    "nonce empty": _edit([*PW, "nonce"], ""),
    "nonce long": _edit([*PW, "nonce"], _b64(200)),
    "nonce missing": _edit([*PW, "nonce"], _DELETE),
    "ciphertext changed": _edit([*PW, "ciphertext"], _b64(48)),
    "ciphertext empty": _edit([*PW, "ciphertext"], ""),
    "ciphertext short": _edit([*PW, "ciphertext"], _b64(3)),
    "ciphertext long": _edit([*PW, "ciphertext"], _b64(64)),
    "params time cost": _edit([*PW, "params", "time_cost"], 2),
    "params below floor": _edit([*PW, "params", "memory_kib"], 8),
    "params junk": _edit([*PW, "params"], "fast"),
    "params missing": _edit([*PW, "params"], _DELETE),
    "kdf swapped": _edit([*PW, "kdf"], "hkdf-sha256"),
    "kdf unknown": _edit([*PW, "kdf"], "rot13"),
    "wrap not a dict": _edit(PW, [1, 2]),
    "wrap missing": _edit(PW, _DELETE),
    "wraps not a dict": _edit(["wraps"], "none"),
    "key id changed": _edit(["key_id"], "1111111111111111"),
    "key id empty": _edit(["key_id"], ""),
    "key id number": _edit(["key_id"], 5),
    "format": _edit(["format"], "other"),
    "version": _edit(["version"], 2),
}

RECOVERY_TAMPERS = {
    "recovery salt changed": _edit([*RC, "salt"], _b64(16)),
    "recovery nonce empty": _edit([*RC, "nonce"], ""),
    "recovery ciphertext short": _edit([*RC, "ciphertext"], _b64(5)),
    "recovery kdf swapped": _edit([*RC, "kdf"], "argon2id"),
    "recovery missing": _edit(RC, _DELETE),
}


def _open_tampered(keyfile: KeyFile, tamper, unwrap) -> None:
    doc = _doc(keyfile)
    tamper(doc)
    raw = json.dumps(doc).encode()
    unwrap(KeyFile.from_bytes(raw))


@pytest.mark.parametrize("name", sorted(TAMPERS))
def test_tampered_passphrase_wrap_fails_calmly(keyfile, name):
    with pytest.raises(UserFacingError) as info:
        _open_tampered(keyfile, TAMPERS[name], lambda kf: kf.unwrap_passphrase(SECRET))
    assert str(info.value)


@pytest.mark.parametrize("name", sorted(RECOVERY_TAMPERS))
def test_tampered_recovery_wrap_fails_calmly(keyfile, code, name):
    with pytest.raises(UserFacingError):
        _open_tampered(keyfile, RECOVERY_TAMPERS[name], lambda kf: kf.unwrap_recovery(code))


@pytest.mark.parametrize(
    "raw", [b"", b"\xff\xfe", b"null", b"[]", b"{}", b'{"format": "tend-keys"}', b"{" * 5]
)
def test_junk_key_files_are_damaged_not_crashes(raw):
    with pytest.raises(UserFacingError) as info:
        KeyFile.from_bytes(raw)
    assert "damaged" in str(info.value)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_any_single_byte_change_opens_or_fails_calmly(keyfile, data):
    raw = bytearray(keyfile.to_bytes())
    where = data.draw(st.integers(0, len(raw) - 1), label="offset")
    raw[where] = data.draw(st.integers(0, 255).filter(lambda b: b != raw[where]), label="byte")
    try:
        got = KeyFile.from_bytes(bytes(raw)).unwrap_passphrase(SECRET)
    except UserFacingError:
        return
    # Only a harmless change (layout whitespace, the "remembered" flag) may still open.
    assert bytes(got) == DATA_KEY


def test_temp_files_do_not_linger(keyfile, tmp_path):
    path = tmp_path / "keys.json"
    for _ in range(3):
        keyfile.save(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keys.json"]


def test_stale_temp_file_from_a_crash_does_not_break_saving(keyfile, tmp_path):
    path = tmp_path / "keys.json"
    stale = tmp_path / f".keys.json.{os.getpid()}.tmp"
    stale.write_bytes(b"half a key file")
    keyfile.save(path)
    assert KeyFile.load(path) == keyfile
