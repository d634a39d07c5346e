"""One-time recovery codes: long, random, and easy to copy by hand."""

from __future__ import annotations

import secrets

# No 0/O, 1/I/L or U/V look-alikes.
ALPHABET = "ABCDEFGHJKMNPQRSTWXYZ23456789"
GROUPS = 6
GROUP_LEN = 4


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
