"""A keyed engine on a real SQLCipher file, without the services on top."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from sqlalchemy import Engine

from app.security.vault import DataKey
from app.store.engine import open_engine


@pytest.fixture
def key() -> DataKey:
    return DataKey(os.urandom(32))


@pytest.fixture
def engine(paths, key) -> Iterator[Engine]:
    eng = open_engine(paths.private_db, key)
    yield eng
    eng.dispose()
