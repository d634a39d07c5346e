"""Running ``tend`` in-process: a Tend factory with test Argon2 costs, and tidy logging."""

from __future__ import annotations

import io
import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from app.cli.main import main
from app.context import Tend
from app.paths import AppPaths
from app.security.kdf import TEST_PARAMS
from app.security.secrets import KeyringSecretStore, SecretStore
from tests.helpers.fakes import PASSPHRASE, fixed_clock


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """``main`` attaches a file handler to the root logger; take it off after each test."""
    root = logging.getLogger()
    level = root.level
    yield
    for handler in list(root.handlers):
        if getattr(handler, "_tend", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


@dataclass
class Result:
    code: int
    out: str
    err: str


@dataclass
class Cli:
    data: Path
    capsys: pytest.CaptureFixture[str]
    secrets: Callable[[], SecretStore] = KeyringSecretStore

    def factory(self, paths: AppPaths) -> Tend:
        return Tend.build(paths, clock=fixed_clock(), secrets=self.secrets(), kdf=TEST_PARAMS)

    def __call__(self, *argv: str, stdin: str | bytes = "") -> Result:
        """Run ``tend --data-dir DATA *argv``; stdin is a byte stream, as the real one is."""
        self.capsys.readouterr()
        raw = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        code = main(
            ["--data-dir", str(self.data), *argv],
            stdin=io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8"),
            tend_factory=self.factory,
        )
        out, err = self.capsys.readouterr()
        assert "Traceback" not in err
        return Result(code, out, err)

    def tend(self) -> Tend:
        return self.factory(AppPaths.from_override(self.data))

    def set_up(self, remember: bool = False) -> str:
        """Create the store (as the window would); returns its recovery code."""
        t = self.tend()
        try:
            return t.vault.create(PASSPHRASE, remember=remember).recovery_code
        finally:
            t.lock()


@pytest.fixture
def cli(tmp_path, capsys) -> Cli:
    return Cli(tmp_path / "data", capsys)


@pytest.fixture
def ready(cli) -> Cli:
    """A CLI whose data folder is set up with tests.helpers.fakes.PASSPHRASE."""
    cli.set_up()
    return cli


STDIN = PASSPHRASE + "\n"
