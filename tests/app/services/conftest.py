"""Services run on a real, unlocked SQLCipher store."""

from __future__ import annotations

import pytest

from app.services.store import PrivateStore


@pytest.fixture
def store(unlocked) -> PrivateStore:
    return unlocked.require_store()


def fts_rows(store: PrivateStore) -> list[tuple[str, str, str]]:
    with store.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT kind, ref, body FROM journal_fts ORDER BY ref").all()
    return [tuple(r) for r in rows]
