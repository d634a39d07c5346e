"""Tend's starter ideas for a self-care plan, read strictly from resources/prompts/selfcare.json.

Read once (on a worker thread, the first time the plan is looked at) and kept.
A broken file is a bug in Tend, so it fails loudly rather than showing half a list.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

import resources
from app.selfcare.model import MAX_ITEM_CHARS, Area, Kind, Suggestion

_ID = re.compile(r"[a-z]+-[a-z0-9-]{1,40}\Z")


class SuggestionFileError(ValueError):
    """resources/prompts/selfcare.json doesn't have the expected shape."""


def parse(doc: Any) -> tuple[Suggestion, ...]:
    if not isinstance(doc, dict) or doc.get("version") != 1:
        raise SuggestionFileError("expected an object with version 1")
    raw = doc.get("suggestions")
    if not isinstance(raw, list):
        raise SuggestionFileError("suggestions must be a list")
    out: list[Suggestion] = []
    seen: set[str] = set()
    for n, entry in enumerate(raw, start=1):
        if not isinstance(entry, dict) or set(entry) != {"id", "area", "kind", "text"}:
            raise SuggestionFileError(f"suggestion {n} needs exactly id, area, kind and text")
        ident, area, kind, text = entry["id"], entry["area"], entry["kind"], entry["text"]
        if not isinstance(ident, str) or not _ID.match(ident) or ident in seen:
            raise SuggestionFileError(f"suggestion {n} has a missing, odd or repeated id")
        if area not in {a.value for a in Area} or kind not in {k.value for k in Kind}:
            raise SuggestionFileError(f"suggestion {n} has an unknown area or kind")
        if not isinstance(text, str) or not text.strip() or len(text) > MAX_ITEM_CHARS:
            raise SuggestionFileError(f"suggestion {n} needs a short text")
        seen.add(ident)
        out.append(Suggestion(ident, Area(area), Kind(kind), text.strip()))
    return tuple(out)


def load_file(path: Path) -> tuple[Suggestion, ...]:
    return parse(json.loads(path.read_text("utf-8")))


@cache
def starter_suggestions() -> tuple[Suggestion, ...]:
    """Every starter idea, in file order (each area's restoring ideas, then its drains)."""
    return load_file(resources.path("prompts/selfcare.json"))
