"""Crisis and support lines, by region, from resources/crisis_lines.json.

A region is keyed by its ISO 3166 country code, so the system locale can pick it
(``en_NZ.UTF-8`` → ``NZ``). ``ELSEWHERE`` is the entry for every other place: the
local emergency number and an international directory of helplines. Nothing
here imports Qt; the locale is read from the environment (and, last, from
``locale.getlocale()``), both injectable for tests.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache

import resources

ELSEWHERE = "INTL"  # never chosen from a locale; shown until a region is known
KINDS = ("emergency", "call", "text", "web")

# Where a locale's country is read from, first to last. LC_ALL overrides the rest;
# the format categories come before LANG because people often keep an English
# (US) language with their own country's formats, and the phone lines follow the
# country, not the language.
LOCALE_VARIABLES = (
    "LC_TELEPHONE",
    "LC_ADDRESS",
    "LC_MONETARY",
    "LC_MEASUREMENT",
    "LC_PAPER",
    "LC_TIME",
    "LC_NUMERIC",
    "LANG",
)
EAP_NAME = "Your organisation's support program"
EAP_ABOUT = "Confidential counselling arranged by your organisation."


@dataclass(frozen=True)
class Line:
    name: str
    number: str  # what is shown and copied; for a web line, its address
    kind: str  # "emergency", "call", "text" or "web"
    about: str = ""
    url: str = ""  # web lines only
    source: str = ""  # the service's own site
    checked: str = ""  # the day the number was last confirmed (YYYY-MM-DD)


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    lines: tuple[Line, ...]


@cache
def regions() -> dict[str, Region]:
    data = json.loads(resources.read_text("crisis_lines.json"))
    out = {}
    for code, region in data["regions"].items():
        lines = tuple(
            Line(
                name=ln["name"],
                number=ln["number"],
                kind=ln["kind"],
                about=ln.get("about", ""),
                url=ln.get("url", ""),
                source=ln.get("source", ""),
                checked=ln.get("checked", ""),
            )
            for ln in region["lines"]
        )
        out[code] = Region(code=code, name=region["name"], lines=lines)
    return out


def choices(known: Mapping[str, Region] | None = None) -> list[tuple[str, str]]:
    """(code, name) for a chooser: by name, with "somewhere else" last."""
    known = regions() if known is None else known
    named = sorted((r.name, code) for code, r in known.items() if code != ELSEWHERE)
    out = [(code, name) for name, code in named]
    if ELSEWHERE in known:
        out.append((ELSEWHERE, known[ELSEWHERE].name))
    return out


def territory(locale_name: str | None) -> str | None:
    """The country part of a locale name: ``en_NZ.UTF-8@x`` → ``NZ``; None for ``C``.

    Also reads ``en-NZ`` and Windows-style ``English_New Zealand`` (returned as
    ``New Zealand``, for ``region_for_territory`` to match by name).
    """
    if not locale_name:
        return None
    base = locale_name.split(".", 1)[0].split("@", 1)[0].strip()
    parts = [p.strip() for p in re.split(r"[_-]", base)[1:] if p.strip()]
    for part in parts:  # en_NZ, en-NZ, zh-Hant-TW
        if len(part) == 2 and part.isalpha():
            return part.upper()
    return " ".join(parts) or None  # English_New Zealand


def region_for_territory(
    country: str | None, known: Mapping[str, Region] | None = None
) -> str | None:
    """The region code for a locale's country (a code or, on Windows, a name), if we have it."""
    if not country:
        return None
    known = regions() if known is None else known
    wanted = country.casefold()
    for code, region in known.items():
        if code == ELSEWHERE:
            continue
        if wanted in (code.casefold(), region.name.casefold()):
            return code
    return None


def _locale_names(
    env: Mapping[str, str], getlocale: Callable[[], tuple[str | None, str | None]]
) -> list[str]:
    if env.get("LC_ALL", "").strip():
        return [env["LC_ALL"]]
    names = [env[v] for v in LOCALE_VARIABLES if env.get(v, "").strip()]
    try:
        current = getlocale()[0]
    except (ValueError, TypeError):
        current = None
    if current:
        names.append(current)
    return names


def _getlocale() -> tuple[str | None, str | None]:
    import locale  # only when asked: not on the way to the first paint

    return locale.getlocale()


def system_region(
    env: Mapping[str, str] | None = None,
    getlocale: Callable[[], tuple[str | None, str | None]] | None = None,
) -> str | None:
    """The region this computer's locale points to, or None when it names none we have.

    The first locale setting that names a country decides (an ``en_ZA`` format
    with an ``en_US`` language gives None, not the United States).
    """
    names = _locale_names(os.environ if env is None else env, getlocale or _getlocale)
    for name in names:
        country = territory(name)
        if country:
            return region_for_territory(country)
    return None


def resolve_region(chosen: str, detected: str | None) -> str | None:
    """The region to show: the person's choice, else the locale's, else None (ask)."""
    known = regions()
    if chosen in known:
        return chosen
    if detected in known and detected != ELSEWHERE:
        return detected
    return None


def lines_for(region: str | None, eap_name: str = "", eap_phone: str = "") -> Region:
    """The region's lines (unknown: the "somewhere else" entry) with the employer's EAP.

    The emergency line comes first, then the organisation's own support line
    when one is set, then the region's other lines.
    """
    known = regions()
    base = known.get(region or "") or known[ELSEWHERE]
    if not eap_phone.strip():
        return base
    eap = Line(
        name=eap_name.strip() or EAP_NAME,
        number=eap_phone.strip(),
        kind="call",
        about=EAP_ABOUT,
    )
    emergency = tuple(ln for ln in base.lines if ln.kind == "emergency")
    others = tuple(ln for ln in base.lines if ln.kind != "emergency")
    return Region(base.code, base.name, (*emergency, eap, *others))
