"""Crisis and support lines, by region, from resources/crisis_lines.json."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

import resources

DEFAULT_REGION = "AU"


@dataclass(frozen=True)
class Line:
    name: str
    number: str
    kind: str  # "call", "text" or "emergency"
    about: str = ""


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
            Line(name=ln["name"], number=ln["number"], kind=ln["kind"], about=ln.get("about", ""))
            for ln in region["lines"]
        )
        out[code] = Region(code=code, name=region["name"], lines=lines)
    return out


def lines_for(region: str, eap_name: str = "", eap_phone: str = "") -> Region:
    """The region's lines (falling back to the default) plus the employer's EAP."""
    known = regions()
    base = known.get(region) or known[DEFAULT_REGION]
    if eap_phone.strip():
        eap = Line(
            name=eap_name.strip() or "Your organisation's support program",
            number=eap_phone.strip(),
            kind="call",
            about="Confidential counselling arranged by your organisation.",
        )
        return Region(base.code, base.name, (*base.lines, eap))
    return base
