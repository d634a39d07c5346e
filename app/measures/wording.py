"""Item wording supplied by a person or organisation for a published instrument.

Accepted text (a file's contents or a paste):
- a JSON list of strings (the text starts with ``[``), or
- plain text, one item per line. Blank lines are ignored, and a leading item
  number such as ``1.``, ``1)`` or ``12 .`` followed by a space is removed
  ("1. Item" becomes "Item"), so a list copied from a numbered form works.

The count is checked by ``check_items``; messages never repeat the text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from app.errors import ValidationError

MAX_ITEM_CHARS = 1000
MAX_TEXT_CHARS = 200_000
_NUMBERING = re.compile(r"^\s*\(?\d{1,3}\s*[.)]\s+")


def parse_items(text: str) -> list[str]:
    """Split supplied wording into items (not yet counted)."""
    if len(text) > MAX_TEXT_CHARS:
        raise ValidationError("That's much longer than a questionnaire's wording.")
    stripped = text.lstrip("\ufeff").strip()
    if stripped.startswith("["):
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError:
            raise ValidationError("That looks like a JSON list but couldn't be read.") from None
        if not isinstance(data, list) or not all(isinstance(i, str) for i in data):
            raise ValidationError("A JSON file needs to be a list of item texts.")
        return [i.strip() for i in data if i.strip()]
    items = []
    for line in stripped.splitlines():
        line = _NUMBERING.sub("", line, count=1).strip()
        if line:
            items.append(line)
    return items


def check_items(items: Sequence[object], item_count: int) -> tuple[str, ...]:
    """Exactly ``item_count`` non-empty items of reasonable length, trimmed."""
    if isinstance(items, str) or not all(isinstance(i, str) for i in items):
        raise ValidationError("The wording needs to be a list of item texts.")
    cleaned = tuple(str(i).strip() for i in items)
    if any(not i for i in cleaned):
        raise ValidationError("One of the items is empty.")
    if len(cleaned) != item_count:
        raise ValidationError(
            f"This questionnaire has {item_count} items, and the wording given has "
            f"{len(cleaned)}. Please check for missing or extra lines."
        )
    if any(len(i) > MAX_ITEM_CHARS or "\x00" in i for i in cleaned):
        raise ValidationError(f"Each item can be up to {MAX_ITEM_CHARS} characters of plain text.")
    return cleaned


def read_file(path: Path) -> str:
    """A wording file's text (UTF-8, a byte order mark allowed), refusing huge or binary files."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(4 * MAX_TEXT_CHARS + 1)
    except OSError:
        raise ValidationError(
            "Tend couldn't open that file. Please check it's still there."
        ) from None
    if len(data) > 4 * MAX_TEXT_CHARS:
        raise ValidationError("That file is much larger than a questionnaire's wording.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "That file isn't plain text Tend can read. Please save it as UTF-8 text or JSON."
        ) from None
    if "\x00" in text:
        raise ValidationError("That file isn't plain text Tend can read.")
    return text
