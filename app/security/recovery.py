"""One-time recovery codes: long, random, and easy to copy by hand.

``TITLE`` and ``EXPLAINED`` are the words shown around a new code, by the
window's first run and by ``tend init`` alike (``as_text``), so they can't drift.
"""

from __future__ import annotations

import secrets
import textwrap

# No 0/O, 1/I/L or U/V look-alikes.
ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
GROUPS = 6
GROUP_LEN = 4

TITLE = "Your recovery code"
EXPLAINED = (
    "If you ever forget your passphrase, this code opens Tend instead. "
    "It is shown only this once. Please write it down and keep it "
    "somewhere safe, away from this computer."
)


def new_code() -> str:
    """About 116 bits of randomness, shown as six groups of four."""
    chars = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_LEN))
    return "-".join(chars[i : i + GROUP_LEN] for i in range(0, len(chars), GROUP_LEN))


def normalise(text: str) -> str | None:
    """Canonical form of what a person typed, or None if it cannot be a code."""
    cleaned = "".join(ch for ch in text.upper() if ch not in " -\t\n")
    if len(cleaned) != GROUPS * GROUP_LEN or any(ch not in ALPHABET for ch in cleaned):
        return None
    return "-".join(cleaned[i : i + GROUP_LEN] for i in range(0, len(cleaned), GROUP_LEN))


def as_text(code: str, width: int = 72) -> str:
    """A new code with its words, as plain text: the title, what it is for, then the code
    alone on the last line (so a script can take it with ``tail -n 1``)."""
    return f"{TITLE}\n\n{textwrap.fill(EXPLAINED, width)}\n\n{code}\n"
