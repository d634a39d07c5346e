"""Strict readers for decoded JSON, used by the definition loader.

Each raises ``DefinitionError`` naming where in the file the problem is.
``bool`` is never accepted where a number is expected (JSON ``true`` is not 1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

_IDENT = re.compile(r"^[a-z][a-z0-9-]{0,39}$")


class DefinitionError(ValueError):
    """A definition file breaks the documented format (a developer's error)."""


def _error(message: str) -> DefinitionError:
    return DefinitionError(message)


def obj(
    raw: object, where: str, required: Sequence[str], optional: Sequence[str] = ()
) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise _error(f"{where}: expected an object")
    missing = [k for k in required if k not in raw]
    if missing:
        raise _error(f"{where}: missing {', '.join(missing)}")
    unknown = sorted(str(k) for k in raw if k not in required and k not in optional)
    if unknown:
        raise _error(f"{where}: unknown field(s) {', '.join(unknown)}")
    return raw


def seq(raw: object, where: str) -> list[Any]:
    if not isinstance(raw, list):
        raise _error(f"{where}: expected a list")
    return raw


def integer(raw: object, where: str, low: int | None = None, high: int | None = None) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise _error(f"{where}: expected a whole number")
    if (low is not None and raw < low) or (high is not None and raw > high):
        raise _error(f"{where}: out of range")
    return raw


def number(raw: object, where: str) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float) or raw != raw:
        raise _error(f"{where}: expected a number")
    if raw in (float("inf"), float("-inf")):
        raise _error(f"{where}: expected a finite number")
    return float(raw)


def opt_number(raw: object, where: str) -> float | None:
    return None if raw is None else number(raw, where)


def boolean(raw: object, where: str) -> bool:
    if not isinstance(raw, bool):
        raise _error(f"{where}: expected true or false")
    return raw


def text(raw: object, where: str, empty: bool = False) -> str:
    if not isinstance(raw, str) or (not empty and not raw.strip()):
        raise _error(f"{where}: expected {'' if empty else 'non-empty '}text")
    return raw


def texts(raw: object, where: str) -> tuple[str, ...]:
    return tuple(text(t, where) for t in seq(raw, where))


def ident(raw: object, where: str) -> str:
    if not isinstance(raw, str) or not _IDENT.match(raw):
        raise _error(f"{where}: ids are lower-case letters, digits and dashes")
    return raw


def choice(raw: object, where: str, options: Sequence[str]) -> str:
    if not isinstance(raw, str) or raw not in options:
        raise _error(f"{where}: expected one of {', '.join(options)}")
    return raw


def item_list(raw: object, where: str, item_count: int) -> tuple[int, ...]:
    items = tuple(integer(i, where, low=1, high=item_count) for i in seq(raw, where))
    if len(set(items)) != len(items):
        raise _error(f"{where}: an item is listed twice")
    return items
