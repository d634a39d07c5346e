"""One command's world: its arguments, streams, the Tend it opens and how it unlocks.

Secrets never come from argv or the environment: only from the first line of
standard input (``--passphrase-stdin``) or a terminal prompt (getpass).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from app.errors import Locked, StoreMissing, UserFacingError
from app.paths import AppPaths

if TYPE_CHECKING:
    from app.context import Tend

TendFactory = Callable[[AppPaths], "Tend"]

LOCKED = "Tend is locked: pass --passphrase-stdin and send your passphrase on standard input."
NOT_SET_UP = (
    "Tend hasn't been set up in this data folder yet. Open Tend to set it up, "
    "or run `tend demo --days 90 --passphrase-stdin` to try it with made-up entries."
)


def default_factory(paths: AppPaths) -> Tend:
    from app.context import Tend

    return Tend.build(paths)


@dataclass
class CliSession:
    args: argparse.Namespace
    paths: AppPaths
    stdin: TextIO
    stdout: TextIO
    stderr: TextIO
    factory: TendFactory = default_factory
    _tend: Tend | None = field(default=None, repr=False)
    _first_line_read: bool = False

    # -- output ----------------------------------------------------------------------
    def say(self, message: str) -> None:
        print(message, file=self.stdout)

    def warn(self, message: str) -> None:
        print(message, file=self.stderr)

    # -- Tend ------------------------------------------------------------------------
    def tend(self) -> Tend:
        if self._tend is None:
            self._tend = self.factory(self.paths)
        return self._tend

    def unlocked(self) -> Tend:
        """The Tend with its store open: keyring first, then the passphrase."""
        tend = self.tend()
        if tend.unlocked:
            return tend
        if not tend.vault.exists():
            raise StoreMissing(NOT_SET_UP)
        key = tend.vault.unlock_with_keyring()
        if key is None:
            key = tend.vault.unlock_with_passphrase(self.secret("Passphrase: ", LOCKED))
        tend.unlock(key)
        return tend

    def close(self) -> None:
        if self._tend is not None:
            self._tend.lock()

    # -- secrets ---------------------------------------------------------------------
    def secret(self, prompt: str, locked_message: str) -> str:
        """The first line of stdin with ``--passphrase-stdin``, else a terminal prompt."""
        if self.args.passphrase_stdin:
            if self._first_line_read:
                raise UserFacingError("Tend needs only one line on standard input here.")
            self._first_line_read = True
            line = self.stdin.readline()
            value = line.removesuffix("\n").removesuffix("\r")
            if not value:
                raise UserFacingError("No passphrase arrived on standard input.")
            return value
        if _isatty(self.stdin):
            import getpass  # termios and friends: only for an interactive prompt

            return getpass.getpass(prompt, stream=self.stderr)
        raise Locked(locked_message)

    def new_passphrase(self) -> str:
        """For creating a store: stdin, or asked twice at a terminal."""
        locked = (
            "Tend needs a passphrase to set up: pass --passphrase-stdin and send "
            "one on standard input."
        )
        first = self.secret("Choose a passphrase: ", locked)
        if not self.args.passphrase_stdin and first != self.secret("Once more: ", locked):
            raise UserFacingError("The two passphrases didn't match. Nothing was set up.")
        return first

    def rest_of_stdin(self) -> str:
        return self.stdin.read()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
