"""Fixtures shared by the team-store service tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.team.world import World, standard


@pytest.fixture
def world(team_url: str, role_prefix: str) -> Iterator[World]:
    """The standard team (tests/team/world.py) on this test's SQLite or PostgreSQL store."""
    w = standard(team_url, role_prefix)
    yield w
    w.close()
