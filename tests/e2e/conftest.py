"""Fixtures for the end-to-end tests: one real desktop per session, a person per test."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.e2e.desktop import APT_LINE, Desktop, missing_tools
from tests.e2e.tend_app import Person

# Lines that mean something went wrong, in what Tend wrote to stderr or its log.
TROUBLE = re.compile(r"Traceback|\bERROR\b|\bCRITICAL\b|Error:|Fatal|Aborted|Segmentation")


@pytest.fixture(scope="session")
def desktop(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Desktop]:
    missing = missing_tools()
    if missing:
        message = f"the end-to-end tests need {', '.join(missing)}: {APT_LINE}"
        if os.environ.get("TEND_REQUIRE_E2E") or os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    screen = Desktop(tmp_path_factory.mktemp("desktop"))
    yield screen
    screen.close()


@pytest.fixture
def person(desktop: Desktop, tmp_path: Path) -> Iterator[Person]:
    someone = Person(desktop, tmp_path / "home")
    yield someone
    for run in someone.runs:
        run.kill()


def assert_no_trouble(person: Person) -> None:
    """Nothing Tend wrote to stderr or its log says something went wrong."""
    for run in person.runs:
        bad = [line for line in run.stderr().splitlines() if TROUBLE.search(line)]
        assert not bad, f"tend wrote to stderr:\n{run.stderr()[-3000:]}"
    bad = [line for line in person.logs().splitlines() if TROUBLE.search(line)]
    assert not bad, "tend's log has errors:\n" + "\n".join(bad[:20])
