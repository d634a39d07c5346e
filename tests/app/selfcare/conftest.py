"""The self-care service on a real, unlocked SQLCipher store."""

from __future__ import annotations

import pytest

from app.selfcare.service import SelfCareService


@pytest.fixture
def selfcare(unlocked) -> SelfCareService:
    return unlocked.require_store().selfcare
