"""The key file: the data key, stored only wrapped (AES-256-GCM).

Layout (JSON, ``version`` 1)::

    {"format": "tend-keys", "version": 1, "key_id": "<hex>",
     "remembered": false,
     "wraps": {"passphrase": {"kdf": "argon2id", "params": {...}, "salt": b64,
                              "nonce": b64, "ciphertext": b64},
               "recovery":   {"kdf": "hkdf-sha256", "salt": b64,
                              "nonce": b64, "ciphertext": b64}}}

The whole file is replaced atomically, so a crash while re-wrapping leaves
either the old file (old passphrase works) or the new one (new passphrase works).
"""

from __future__ import annotations

import base64
import json
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from app.errors import UserFacingError, WrongSecret
from app.fsutil import atomic_write_bytes
from app.security.kdf import Argon2Params, derive_from_passphrase, derive_from_recovery

FORMAT = "tend-keys"
VERSION = 1
PASSPHRASE = "passphrase"
RECOVERY = "recovery"
SLOT_KDF = {PASSPHRASE: "argon2id", RECOVERY: "hkdf-sha256"}
SALT_LEN, NONCE_LEN, WRAPPED_LEN = 16, 12, 32 + 16  # a 32-byte key plus the GCM tag
DAMAGED = (
    "Tend's key file is damaged, so the store can't be opened. "
    "Restoring a backup will bring your entries back."
)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: object) -> bytes:
    if not isinstance(text, str):
        raise ValueError("expected base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass(frozen=True)
class Wrap:
    kdf: str
    salt: bytes
    nonce: bytes
    ciphertext: bytes
    params: Argon2Params | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kdf": self.kdf,
            "salt": _b64(self.salt),
            "nonce": _b64(self.nonce),
            "ciphertext": _b64(self.ciphertext),
        }
        if self.params is not None:
            out["params"] = self.params.to_json()
        return out

    @classmethod
    def from_json(cls, data: object) -> Wrap:
        if not isinstance(data, dict) or data.get("kdf") not in ("argon2id", "hkdf-sha256"):
            raise ValueError("bad wrap")
        params = Argon2Params.from_json(data["params"]) if data["kdf"] == "argon2id" else None
        wrap = cls(
            kdf=data["kdf"],
            salt=_unb64(data.get("salt")),
            nonce=_unb64(data.get("nonce")),
            ciphertext=_unb64(data.get("ciphertext")),
            params=params,
        )
        # Sizes are checked here so a damaged file never reaches Argon2 or AES-GCM,
        # which would raise their own (non user-facing) errors.
        if (len(wrap.salt), len(wrap.nonce), len(wrap.ciphertext)) != (
            SALT_LEN,
            NONCE_LEN,
            WRAPPED_LEN,
        ):
            raise ValueError("bad wrap sizes")
        return wrap


@dataclass(frozen=True)
class KeyFile:
    key_id: str
    wraps: dict[str, Wrap] = field(default_factory=dict)
    remembered: bool = False

    # -- wrapping -----------------------------------------------------------
    def _aad(self, slot: str) -> bytes:
        return f"tend-data-key:v{VERSION}:{slot}:{self.key_id}".encode("ascii")

    def with_passphrase(self, data_key: bytes, passphrase: str, params: Argon2Params) -> KeyFile:
        salt = os.urandom(16)
        kek = derive_from_passphrase(passphrase, salt, params)
        return self._with_wrap(PASSPHRASE, data_key, kek, "argon2id", salt, params)

    def with_recovery(self, data_key: bytes, code: str) -> KeyFile:
        salt = os.urandom(16)
        kek = derive_from_recovery(code, salt)
        return self._with_wrap(RECOVERY, data_key, kek, "hkdf-sha256", salt, None)

    def _with_wrap(
        self,
        slot: str,
        data_key: bytes,
        kek: bytes,
        kdf: str,
        salt: bytes,
        params: Argon2Params | None,
    ) -> KeyFile:
        nonce = os.urandom(12)
        ct = AESGCM(kek).encrypt(nonce, bytes(data_key), self._aad(slot))
        wraps = dict(self.wraps)
        wraps[slot] = Wrap(kdf=kdf, salt=salt, nonce=nonce, ciphertext=ct, params=params)
        return replace(self, wraps=wraps)

    def unwrap_passphrase(self, passphrase: str) -> bytearray:
        wrap = self.wraps[PASSPHRASE]
        assert wrap.params is not None
        return self._unwrap(PASSPHRASE, derive_from_passphrase(passphrase, wrap.salt, wrap.params))

    def unwrap_recovery(self, code: str) -> bytearray:
        wrap = self.wraps.get(RECOVERY)
        if wrap is None:
            raise UserFacingError(DAMAGED)
        return self._unwrap(RECOVERY, derive_from_recovery(code, wrap.salt))

    def _unwrap(self, slot: str, kek: bytes) -> bytearray:
        wrap = self.wraps[slot]
        try:
            return bytearray(AESGCM(kek).decrypt(wrap.nonce, wrap.ciphertext, self._aad(slot)))
        except InvalidTag:
            raise WrongSecret(
                "That passphrase didn't open Tend. Please check it and try again."
                if slot == PASSPHRASE
                else "That recovery code didn't match. Please check each group."
            ) from None

    # -- storage --------------------------------------------------------------
    def to_bytes(self) -> bytes:
        doc = {
            "format": FORMAT,
            "version": VERSION,
            "key_id": self.key_id,
            "remembered": self.remembered,
            "wraps": {slot: w.to_json() for slot, w in sorted(self.wraps.items())},
        }
        return json.dumps(doc, indent=2).encode("utf-8")

    @classmethod
    def from_bytes(cls, raw: bytes) -> KeyFile:
        try:
            doc = json.loads(raw.decode("utf-8"))
            if not isinstance(doc, dict) or doc.get("format") != FORMAT:
                raise ValueError("not a key file")
            if doc.get("version") != VERSION:
                raise ValueError("unknown key file version")
            key_id = doc["key_id"]
            if not isinstance(key_id, str) or not key_id:
                raise ValueError("bad key id")
            wraps = {str(k): Wrap.from_json(v) for k, v in dict(doc["wraps"]).items()}
            if PASSPHRASE not in wraps:
                raise ValueError("no passphrase wrap")
            if any(w.kdf != SLOT_KDF.get(slot, w.kdf) for slot, w in wraps.items()):
                raise ValueError("wrap in the wrong slot")
            return cls(key_id=key_id, wraps=wraps, remembered=bool(doc.get("remembered")))
        except (ValueError, KeyError, TypeError, UnicodeDecodeError) as exc:
            raise UserFacingError(DAMAGED) from exc

    def save(self, path: Path) -> None:
        atomic_write_bytes(path, self.to_bytes())

    @classmethod
    def load(cls, path: Path) -> KeyFile:
        return cls.from_bytes(path.read_bytes())
