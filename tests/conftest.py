"""Shared fixtures: a private data directory, a fixed clock, keyrings, an unlocked Tend."""

from __future__ import annotations

import os
from collections.abc import Iterator

import keyring
import pytest
from hypothesis import settings

from app.clock import FixedClock
from app.context import Tend
from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore
from tests.helpers.fakes import PASSPHRASE, InMemoryKeyring, fixed_clock

# team_url / pg_cluster / pg_admin_url / role_prefix: SQLite and a real PostgreSQL, lazily.
pytest_plugins = ["tests.helpers.pgfixtures"]

# Before any test imports Qt (app/ never does, so the imports above are safe).
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Timing belongs in bench/, not tests: no per-example deadline on a shared 2-core box.
# In CI (CI=true) examples are derived from each test, so a red run can be re-run as is.
settings.register_profile("dev", deadline=None, print_blob=True)
settings.register_profile("ci", deadline=None, print_blob=True, derandomize=True)
settings.load_profile("ci" if os.environ.get("CI") else "dev")


@pytest.fixture
def paths(tmp_path) -> AppPaths:
    return AppPaths.from_override(tmp_path / "data").ensure()


@pytest.fixture
def clock() -> FixedClock:
    return fixed_clock()


@pytest.fixture
def memory_keyring() -> Iterator[InMemoryKeyring]:
    """Install an in-memory keyring for the test; restore the real one after."""
    previous = keyring.get_keyring()
    fake = InMemoryKeyring()
    keyring.set_keyring(fake)
    yield fake
    keyring.set_keyring(previous)


@pytest.fixture
def tend(paths, clock) -> Iterator[Tend]:
    """A Tend not yet set up, on this machine's (insecure, so refused) keyring."""
    t = Tend.build(paths, clock=clock, secrets=KeyringSecretStore(), kdf=TEST_PARAMS)
    yield t
    t.lock()


@pytest.fixture
def unlocked(tend) -> Tend:
    """A set-up and unlocked Tend with an empty store."""
    created = tend.vault.create(PASSPHRASE)
    tend.unlock(created.key)
    return tend


@pytest.fixture(autouse=True)
def _private_xdg_config(tmp_path_factory, monkeypatch) -> None:
    """Nothing a test does (autostart entries, say) may touch the real ~/.config."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("xdg-config")))


@pytest.fixture(autouse=True)
def _root_logging_put_back() -> Iterator[None]:
    """A test that starts Tend as a launch does (``after_first_paint``, the screenshots)
    installs Tend's log file handler: close it afterwards, so the next test's logs
    don't go to a file in a temporary folder that is gone."""
    import logging

    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
