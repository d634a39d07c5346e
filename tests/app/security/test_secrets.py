"""The OS keyring: used only when secure and working; never a silent fallback."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import KeyringLocked, PasswordSetError

from app.security.secrets import SERVICE, KeyringSecretStore
from app.security.vault import Vault
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store


class BrokenKeyring(KeyringBackend):
    """A keyring that answers but fails on use (a locked wallet, a dead D-Bus)."""

    priority = 1  # type: ignore[assignment]

    def __init__(self, fail_on: str) -> None:
        super().__init__()
        self.fail_on = fail_on
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        if self.fail_on == "get":
            raise KeyringLocked("locked")
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        if self.fail_on == "set":
            raise PasswordSetError("no")
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


class ForgetfulKeyring(BrokenKeyring):
    """Accepts writes and silently keeps nothing."""

    def get_password(self, service: str, username: str) -> str | None:
        return None


@pytest.fixture
def installed() -> Iterator:
    previous = keyring.get_keyring()

    def install(backend: KeyringBackend) -> KeyringBackend:
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


def test_fail_backend_is_refused_with_a_reason(installed):
    installed(fail.Keyring())
    status = KeyringSecretStore().status()
    assert not status.available
    assert "passphrase" in status.reason
    assert status.backend.startswith("keyring.backends.fail")


def test_untrusted_backend_is_refused_even_if_it_works(memory_keyring):
    status = KeyringSecretStore().status()  # default trust list: system stores only
    assert not status.available
    assert memory_keyring.items == {}


def test_memory_keyring_is_accepted_when_trusted(memory_keyring):
    store = trusted_memory_store()
    status = store.status()
    assert status.available, status.reason
    assert status.reason
    assert memory_keyring.items == {}  # the probe cleaned up after itself


@pytest.mark.parametrize("fail_on", ["get", "set"])
def test_keyring_that_raises_is_refused(installed, fail_on):
    backend = installed(BrokenKeyring(fail_on))
    store = KeyringSecretStore(trusted=(BrokenKeyring.__module__,))
    status = store.status()
    assert not status.available
    assert "keyring" in status.reason
    assert store.get("anything") is None
    with pytest.raises(RuntimeError):
        store.put("anything", b"x" * 32)
    assert backend.items == {}  # nothing stored, not even the probe


def test_keyring_that_forgets_is_refused(installed):
    installed(ForgetfulKeyring("nothing"))
    assert not KeyringSecretStore(trusted=(ForgetfulKeyring.__module__,)).status().available


def test_put_get_delete_round_trip(memory_keyring):
    store = trusted_memory_store()
    store.put("k1", b"\x00\x01secret\xff")
    assert store.get("k1") == b"\x00\x01secret\xff"
    assert all(service == SERVICE for service, _ in memory_keyring.items)
    assert b"secret" not in repr(memory_keyring.items).encode()  # stored as base64
    store.delete("k1")
    assert store.get("k1") is None
    store.delete("k1")  # already gone: fine


def test_garbage_in_the_keyring_reads_as_nothing(memory_keyring):
    memory_keyring.set_password(SERVICE, "k1", "not base64 !!")
    assert trusted_memory_store().get("k1") is None


def test_remember_and_forget_through_the_vault(paths, memory_keyring):
    from app.security.kdf import TEST_PARAMS

    vault = Vault(paths, trusted_memory_store(), TEST_PARAMS)
    created = vault.create(PASSPHRASE, remember=True)
    assert vault.remembered()
    assert len(memory_keyring.items) == 1
    unlocked = vault.unlock_with_keyring()
    assert unlocked is not None and unlocked.raw == created.key.raw

    vault.set_remembered(created.key, False)
    assert not vault.remembered()
    assert memory_keyring.items == {}
    assert vault.unlock_with_keyring() is None

    vault.set_remembered(created.key, True)
    vault.forget()
    assert memory_keyring.items == {}
    assert not vault.exists()
    assert vault.unlock_with_keyring() is None


def test_remembered_key_gone_from_keyring_falls_back_to_passphrase(paths, memory_keyring):
    from app.security.kdf import TEST_PARAMS

    vault = Vault(paths, trusted_memory_store(), TEST_PARAMS)
    vault.create(PASSPHRASE, remember=True)
    memory_keyring.items.clear()  # e.g. the person cleared their wallet
    assert vault.unlock_with_keyring() is None
    assert vault.unlock_with_passphrase(PASSPHRASE)


class StickyKeyring(BrokenKeyring):
    """Stores, but refuses to delete (a keyring that went read-only or locked)."""

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringLocked("locked")


def _trusted_for(backend: KeyringBackend) -> KeyringSecretStore:
    return KeyringSecretStore(trusted=(type(backend).__module__,))


def test_forgetting_a_key_the_keyring_keeps_is_refused_and_changes_nothing(paths, installed):
    from app.errors import UserFacingError
    from app.security.kdf import TEST_PARAMS

    sticky = installed(StickyKeyring(fail_on="nothing"))
    vault = Vault(paths, _trusted_for(sticky), TEST_PARAMS)
    created = vault.create(PASSPHRASE, remember=True)
    with pytest.raises(UserFacingError):
        vault.set_remembered(created.key, False)
    assert vault.remembered()  # the flag still tells the truth
    with pytest.raises(UserFacingError):
        vault.forget()
    assert vault.exists()  # delete-all stops before removing anything


def test_forget_without_a_remembered_key_never_touches_the_keyring(paths, installed):
    from app.security.kdf import TEST_PARAMS

    installed(fail.Keyring())  # every call would raise
    vault = Vault(paths, KeyringSecretStore(), TEST_PARAMS)
    vault.create(PASSPHRASE)
    vault.forget()
    assert not vault.exists()


def test_a_keyring_that_refuses_the_key_leaves_remember_off(paths, installed):
    from app.errors import UserFacingError
    from app.security.kdf import TEST_PARAMS

    backend = installed(BrokenKeyring(fail_on="nothing"))
    vault = Vault(paths, _trusted_for(backend), TEST_PARAMS)
    created = vault.create(PASSPHRASE)
    backend.fail_on = "set"  # the probe went fine; now it refuses the real write
    with pytest.raises(UserFacingError):
        vault.set_remembered(created.key, True)
    assert not vault.remembered()


def test_a_chain_with_one_untrusted_backend_is_refused(installed):
    from keyring.backends import null
    from keyring.backends.chainer import ChainerBackend

    class Chain(ChainerBackend):
        def __init__(self, backends: list[KeyringBackend]) -> None:
            self._given = backends

        @property
        def backends(self) -> list[KeyringBackend]:  # type: ignore[override]
            return self._given

    trusted = BrokenKeyring(fail_on="nothing")
    installed(Chain([trusted, null.Keyring()]))  # the null backend is not on the trusted list
    assert not _trusted_for(trusted).status().available
    installed(Chain([trusted]))
    assert _trusted_for(trusted).status().available
