"""Hand-written fakes for true boundaries. No MagicMock: a fake must be able to fail."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from keyring.backend import KeyringBackend

from app.clock import FixedClock
from app.security.secrets import KeyringSecretStore

SYDNEY = ZoneInfo("Australia/Sydney")
PASSPHRASE = "quiet harbour lantern 42"  # strong enough for the strength check


class InMemoryKeyring(KeyringBackend):
    """A keyring that lives in a dict. Trusted only because tests say so."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def trusted_memory_store() -> KeyringSecretStore:
    return KeyringSecretStore(trusted=(InMemoryKeyring.__module__,))


def fixed_clock(year: int = 2026, month: int = 11, day: int = 22, hour: int = 9) -> FixedClock:
    return FixedClock(dt.datetime(year, month, day, hour, 0, tzinfo=SYDNEY))
