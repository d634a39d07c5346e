"""The vault: creating, unlocking and re-keying the private store's data key.

The data key is a random 256-bit key handed to SQLCipher as a raw key. It is
never stored in the clear: only wrapped by the passphrase, by the recovery
code and, when the person asks for it and a secure keyring exists, in the OS
keyring. Changing the passphrase re-wraps the data key; the database itself is
never re-encrypted.
"""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass

from app.errors import StoreMissing, UserFacingError, ValidationError, WrongSecret
from app.paths import AppPaths
from app.security import recovery
from app.security.kdf import Argon2Params, calibrate
from app.security.keyfile import KeyFile
from app.security.secrets import SecretStore
from app.security.strength import assess


class DataKey:
    """The unwrapped key, in a mutable buffer so it can be wiped on lock."""

    def __init__(self, raw: bytes | bytearray) -> None:
        if len(raw) != 32:
            raise ValueError("data key must be 32 bytes")
        self._buf = bytearray(raw)

    @property
    def raw(self) -> bytes:
        if not any(self._buf):
            raise RuntimeError("data key was wiped")
        return bytes(self._buf)

    def sqlcipher_pragma_value(self) -> str:
        return f"\"x'{self._buf.hex()}'\""

    def wipe(self) -> None:
        for i in range(len(self._buf)):
            self._buf[i] = 0

    def __repr__(self) -> str:  # never print key material
        return "DataKey(<hidden>)"


@dataclass(frozen=True)
class Created:
    key: DataKey
    recovery_code: str


class Vault:
    def __init__(
        self, paths: AppPaths, secrets_store: SecretStore, params: Argon2Params | None = None
    ) -> None:
        """``params=None``: calibrate Argon2 for this machine the first time it is needed."""
        self.paths = paths
        self.secrets = secrets_store
        self._params = params

    @property
    def params(self) -> Argon2Params:
        if self._params is None:
            self._params = calibrate()
        return self._params

    # -- state -----------------------------------------------------------------
    def exists(self) -> bool:
        return self.paths.keyfile.exists()

    def _load(self) -> KeyFile:
        if not self.exists():
            raise StoreMissing("Tend hasn't been set up on this computer yet.")
        return KeyFile.load(self.paths.keyfile)

    def remembered(self) -> bool:
        return self.exists() and self._load().remembered

    # -- creation --------------------------------------------------------------
    def create(self, passphrase: str, remember: bool = False) -> Created:
        self._check_strength(passphrase)
        if remember and not self.secrets.status().available:
            # Checked before anything is written, so a refusal leaves no half-made store.
            raise UserFacingError(self.secrets.status().reason)
        raw = bytearray(os.urandom(32))
        code = recovery.new_code()
        kf = KeyFile(key_id=secrets.token_hex(8))
        kf = kf.with_passphrase(bytes(raw), passphrase, self.params).with_recovery(bytes(raw), code)
        self.paths.ensure()
        kf.save(self.paths.keyfile)
        key = DataKey(raw)
        if remember:
            self.set_remembered(key, True)
        return Created(key=key, recovery_code=code)

    # -- unlocking -------------------------------------------------------------
    def unlock_with_passphrase(self, passphrase: str) -> DataKey:
        return DataKey(self._load().unwrap_passphrase(passphrase))

    def unlock_with_recovery(self, code: str) -> DataKey:
        canonical = recovery.normalise(code)
        if canonical is None:
            raise WrongSecret("A recovery code is six groups of four letters and numbers.")
        return DataKey(self._load().unwrap_recovery(canonical))

    def unlock_with_keyring(self) -> DataKey | None:
        if not self.exists():
            return None
        kf = self._load()
        if not kf.remembered:
            return None
        raw = self.secrets.get(kf.key_id)
        if raw is None or len(raw) != 32:
            return None
        return DataKey(raw)

    # -- changing ----------------------------------------------------------------
    def change_passphrase(self, key: DataKey, new_passphrase: str) -> None:
        self._check_strength(new_passphrase)
        kf = self._load().with_passphrase(key.raw, new_passphrase, self.params)
        kf.save(self.paths.keyfile)

    def new_recovery_code(self, key: DataKey) -> str:
        code = recovery.new_code()
        self.save_recovery_code(key, code)
        return code

    def save_recovery_code(self, key: DataKey, code: str) -> None:
        """Wrap the data key for ``code`` (from ``recovery.new_code``); the old code stops working.

        The GUI shows a new code first and saves it only once the person has written it down.
        """
        canonical = recovery.normalise(code)
        if canonical is None:
            raise ValueError("not a recovery code")
        self._load().with_recovery(key.raw, canonical).save(self.paths.keyfile)

    def set_remembered(self, key: DataKey, remember: bool) -> None:
        from dataclasses import replace

        kf = self._load()
        if remember:
            # The flag first: a crash before the key is stored leaves a flag with no
            # entry (unlocking falls back to the passphrase), never a stray entry.
            replace(kf, remembered=True).save(self.paths.keyfile)
            try:
                self.secrets.put(kf.key_id, key.raw)
            except Exception as exc:
                replace(kf, remembered=False).save(self.paths.keyfile)
                raise UserFacingError(
                    "The system keyring didn't accept the key, so Tend will keep asking "
                    "for your passphrase."
                ) from exc
        else:
            if kf.remembered:
                self.secrets.delete(kf.key_id)  # raises if the key may still be there
            replace(kf, remembered=False).save(self.paths.keyfile)

    def forget(self) -> None:
        """Remove the key file and any keyring entry (part of deleting all data)."""
        if not self.exists():
            return
        try:
            kf: KeyFile | None = self._load()
        except UserFacingError:
            kf = None  # a damaged key file: there is no entry we can name
        if kf is not None and kf.remembered:
            # Raises (before anything is deleted) if the key may stay in the keyring.
            self.secrets.delete(kf.key_id)
        self.paths.keyfile.unlink(missing_ok=True)

    @staticmethod
    def _check_strength(passphrase: str) -> None:
        verdict = assess(passphrase)
        if not verdict.acceptable:
            raise ValidationError(verdict.message)
