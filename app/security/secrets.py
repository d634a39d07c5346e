"""The OS keyring, used only when it is a real, secure system store.

Tend never falls back to a plaintext keyring: if the active backend is not one
of the system stores below, or a test write/read fails, "remember on this
device" is offered disabled with the reason, and the passphrase path is used.
"""

from __future__ import annotations

import base64
import contextlib
import secrets
from dataclasses import dataclass
from typing import Any, Protocol

from app.errors import UserFacingError

SERVICE = "Tend"

# Backends that keep secrets in the operating system's protected store.
SECURE_BACKEND_MODULES = (
    "keyring.backends.SecretService",
    "keyring.backends.libsecret",
    "keyring.backends.kwallet",
    "keyring.backends.macOS",
    "keyring.backends.Windows",
)


@dataclass(frozen=True)
class KeyringStatus:
    available: bool
    reason: str  # plain words, shown next to the disabled checkbox
    backend: str = ""


class SecretStore(Protocol):
    def status(self) -> KeyringStatus: ...
    def get(self, name: str) -> bytes | None: ...
    def put(self, name: str, secret: bytes) -> None: ...
    def delete(self, name: str) -> None: ...


def _backends(kr: object) -> list[object]:
    inner = getattr(kr, "backends", None)
    return list(inner) if isinstance(inner, list | tuple) else [kr]


class KeyringSecretStore:
    """``SecretStore`` over the ``keyring`` package.

    ``trusted`` is the list of backend module prefixes considered secure; tests
    pass their in-memory keyring's module here instead of weakening the check.
    """

    def __init__(self, trusted: tuple[str, ...] = SECURE_BACKEND_MODULES) -> None:
        self._trusted = trusted
        self._status: KeyringStatus | None = None

    def _keyring(self) -> Any:
        import keyring

        return keyring.get_keyring()

    def status(self) -> KeyringStatus:
        if self._status is None:
            self._status = self._probe()
        return self._status

    def _probe(self) -> KeyringStatus:
        try:
            kr = self._keyring()
        except Exception:
            return KeyringStatus(False, "No system keyring could be found on this computer.")
        name = f"{type(kr).__module__}.{type(kr).__name__}"
        # A chain writes to the first backend that accepts: every one must be trusted.
        if not all(type(b).__module__.startswith(self._trusted) for b in _backends(kr)):
            return KeyringStatus(
                False,
                "This computer has no secure system keyring, so Tend will ask for "
                "your passphrase each time.",
                name,
            )
        probe_name = "probe-" + secrets.token_hex(8)
        try:
            kr.set_password(SERVICE, probe_name, "ok")
            ok = kr.get_password(SERVICE, probe_name) == "ok"
        except Exception:
            ok = False
        finally:
            # Even when reading failed: leave no probe entries in the person's keyring.
            with contextlib.suppress(Exception):
                kr.delete_password(SERVICE, probe_name)
        if not ok:
            return KeyringStatus(
                False, "The system keyring didn't respond (it may be locked).", name
            )
        return KeyringStatus(True, "Your key will be kept in the system keyring.", name)

    def get(self, name: str) -> bytes | None:
        if not self.status().available:
            return None
        try:
            value = self._keyring().get_password(SERVICE, name)
        except Exception:
            return None
        if not value:
            return None
        try:
            return base64.b64decode(value, validate=True)
        except ValueError:
            return None

    def put(self, name: str, secret: bytes) -> None:
        if not self.status().available:
            raise RuntimeError("keyring is not available")
        self._keyring().set_password(SERVICE, name, base64.b64encode(secret).decode("ascii"))

    def delete(self, name: str) -> None:
        """Remove the entry, or raise ``UserFacingError`` if it may still be there.

        "Not found" is fine. A keyring that refuses or can't be reached is not: the
        raw data key could remain, while Tend would say it is no longer remembered.
        """
        from keyring.errors import PasswordDeleteError

        try:
            kr = self._keyring()
            with contextlib.suppress(PasswordDeleteError):
                kr.delete_password(SERVICE, name)
            still_there = kr.get_password(SERVICE, name) is not None
        except Exception:
            still_there = True
        if still_there:
            raise UserFacingError(
                "Tend couldn't remove your key from the system keyring. "
                "Please unlock the keyring and try again; nothing else was changed."
            )
