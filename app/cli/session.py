"""One command's world: its arguments, streams, the Tend it opens and how it unlocks.

Secrets never come from argv or the environment: only from the first line of
standard input (``--passphrase-stdin``) or a terminal prompt (getpass).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from app.errors import Locked, StoreMissing, UserFacingError, ValidationError
from app.paths import AppPaths

if TYPE_CHECKING:
    from app.context import Tend

TendFactory = Callable[[AppPaths], "Tend"]

LOCKED = "Tend is locked: pass --passphrase-stdin and send your passphrase on standard input."
NOT_SET_UP = (
    "Tend hasn't been set up in this data folder yet. Open Tend or run `tend init` to set "
    "it up, or run `tend demo --days 90 --passphrase-stdin` to try it with made-up entries."
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
        elif self.args.passphrase_stdin and not self._first_line_read:
            # Remembered, so the passphrase isn't needed; still, the first line is one and
            # must not be taken for the note or the import file that follows it.
            self._first_line_read = True
            self._first_line()
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
            value = self._first_line().removesuffix("\n").removesuffix("\r")
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
        from app.security.strength import assess  # zxcvbn: only when setting up

        verdict = assess(first)
        if not verdict.acceptable:  # the window's advice, before asking a second time
            raise ValidationError(verdict.message)
        if not self.args.passphrase_stdin and first != self.secret("Once more: ", locked):
            raise UserFacingError("The two passphrases didn't match. Nothing was set up.")
        return first

    def can_ask(self) -> bool:
        """True if a secret can come from somewhere: --passphrase-stdin or a terminal."""
        return bool(self.args.passphrase_stdin) or _isatty(self.stdin)

    def rest_of_stdin(self) -> str:
        return self.stdin.read()

    def rest_of_stdin_bytes(self, limit: int) -> bytes:
        """What is left on stdin after any passphrase, as bytes: at most ``limit`` + 1 of them.

        Read from the binary layer when there is one (the real stdin), so an import
        file arrives exactly as it was written, whatever the terminal's encoding.
        """
        buffer = getattr(self.stdin, "buffer", None)
        if buffer is not None:
            return bytes(buffer.read(limit + 1))
        return self.stdin.read().encode("utf-8")[: limit + 1]

    def write_out(self, data: bytes) -> None:
        """Bytes straight to standard output (``export -``): nothing else goes there."""
        buffer = getattr(self.stdout, "buffer", None)
        try:
            self.stdout.flush()
            if buffer is None:
                self.stdout.write(data.decode("utf-8"))
                self.stdout.flush()
            else:
                buffer.write(data)
                buffer.flush()
        except BrokenPipeError:
            # The reader went away (`| head`): say so once, and let the interpreter's
            # final flush of stdout go nowhere instead of printing its own complaint.
            _silence(self.stdout)
            raise UserFacingError(
                "The program reading Tend's output stopped before the end."
            ) from None
        except OSError:  # a full disk behind `> file`, a closed stdout
            _silence(self.stdout)
            raise UserFacingError(
                "Tend couldn't write all of its output (is the disk full?)."
            ) from None

    def say_or_explain(self, message: str, unsaid: str) -> None:
        """``message`` on stdout; if stdout can't take it, ``unsaid`` (one sentence)."""
        try:
            print(message, file=self.stdout, flush=True)
        except OSError:
            _silence(self.stdout)
            raise UserFacingError(unsaid) from None

    def _first_line(self) -> str:
        """One line, taken from the binary layer when there is one.

        Reading it through the text layer would pull a whole block of what follows
        into that layer's buffer, out of reach of ``rest_of_stdin_bytes``.
        """
        buffer = getattr(self.stdin, "buffer", None)
        if buffer is None:
            return self.stdin.readline()
        raw = buffer.readline()
        encoding = getattr(self.stdin, "encoding", None) or "utf-8"
        try:
            # Strict whatever the stream's own setting (surrogateescape in a C locale):
            # a passphrase Tend can't read as text must not become one it can't re-type.
            return str(raw.decode(encoding, "strict"))
        except UnicodeDecodeError:
            raise UserFacingError(
                f"The passphrase on standard input isn't readable as {encoding} text."
            ) from None


def _silence(stream: TextIO) -> None:
    """Point ``stream``'s file descriptor at the null device (after a broken pipe)."""
    import os

    try:
        fd = stream.fileno()
    except (AttributeError, OSError, ValueError):
        return
    null = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
