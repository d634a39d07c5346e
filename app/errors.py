"""The two kinds of error Tend knows about.

``UserFacingError`` is for things the environment did (a wrong passphrase, a
locked or full disk, a file from a newer Tend, a bad import file). Its message
is one plain, kind sentence that is safe to show and to log: it must never
contain journal text, scores or tags. Anything else is a bug.
"""

from __future__ import annotations


class UserFacingError(Exception):
    """An expected problem, described in words a person can act on."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class WrongSecret(UserFacingError):
    """The passphrase or recovery code did not open the store."""


class StoreTooNew(UserFacingError):
    """The private store was written by a newer version of Tend."""


class StoreMissing(UserFacingError):
    """There is no private store yet (first run)."""


class Locked(UserFacingError):
    """An operation needed the unlocked store."""


class ImportRejected(UserFacingError):
    """An import or restore file was not accepted; nothing was changed."""


class ValidationError(UserFacingError):
    """A value the user entered cannot be saved as it is."""


class TeamUnavailable(UserFacingError):
    """The team store can't be reached or isn't set up (never carries the URL's password)."""


class NotAllowed(UserFacingError):
    """This person's roles don't allow that in the team store."""


class SlotTaken(UserFacingError):
    """Someone else booked that time a moment ago."""
