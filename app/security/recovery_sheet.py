"""A recovery code on paper or in a file of its own: the words that go with it, and the file.

The file is the one place Tend writes a recovery code, because the person asked
for it. It is written carefully: to a temporary file beside the target, fsynced,
renamed, readable by this user only, and never inside Tend's own folders (a code
kept beside the entries it opens helps nobody if the folder is lost, and hands the
key to anyone who gets the folder). The code is never logged; neither is where it went.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.errors import UserFacingError
from app.fsutil import atomic_write_bytes, chmod_private
from app.paths import AppPaths

log = logging.getLogger(__name__)

SUFFIX = ".txt"
SUGGESTED_NAME = "Tend recovery code.txt"
SHEET_TITLE = "Your Tend recovery code"
LINES = (
    "If you ever forget your passphrase, this code opens Tend instead.",
    "Keep it somewhere safe, away from the computer Tend is on, and don't share it:",
    "anyone who has it and your computer can read your entries.",
    "If you make a new recovery code in Tend's settings, this one stops working.",
)
INSIDE_OWN_FOLDER = (
    "Please choose a place outside Tend's own folders. A recovery code kept next to "
    "your entries won't help if that folder is lost, and it would hand the key to "
    "anyone who gets hold of it."
)
NOT_WRITTEN = "Tend couldn't save the file there. Please choose another place."


def sheet_text(code: str) -> str:
    """The code with a few plain sentences around it, as plain text."""
    return "\n".join((SHEET_TITLE, "", f"    {code}", "", *LINES, ""))


def with_suffix(target: Path) -> Path:
    """``target``, ending in ``.txt`` when the person typed a name without one."""
    return target if target.suffix else target.with_name(target.name + SUFFIX)


def save_sheet(paths: AppPaths, target: Path, code: str) -> Path:
    """Write the code and its sentences to ``target`` (``.txt`` added if it has no suffix).

    Refuses Tend's own folders; returns where it was written.
    """
    target = with_suffix(Path(target).expanduser())
    if paths.owns(target):
        raise UserFacingError(INSIDE_OWN_FOLDER)
    try:
        atomic_write_bytes(target, sheet_text(code).encode("utf-8"))
    except OSError as exc:
        log.warning("recovery code file not written: %s", type(exc).__name__)
        raise UserFacingError(NOT_WRITTEN) from None
    chmod_private(target)  # 0600 even when replacing a file that was readable by others
    log.info("recovery code saved to a file the person chose")
    return target
