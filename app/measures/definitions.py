"""Measure definitions, read strictly from ``resources/measures/*.json``.

The format is documented in ``resources/measures/README.md``. Loading fails
loudly (``DefinitionError``) on anything unexpected: a definition file is part
of the program, and a silently wrong cut-off would mislead a person.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import resources
from app.measures import parse
from app.measures.parse import DefinitionError

KINDS = ("own", "published")
RULES = ("sum", "mean", "scaled")
FOLLOW_UP_KINDS = ("score_below", "any_item_at_most")
FORMAT = 1

__all__ = ["Band", "Definition", "DefinitionError", "FollowUpRule", "SafetyRule", "Subscale"]


@dataclass(frozen=True)
class Band:
    """A score range with inclusive bounds. ``rank`` 0 is least concern."""

    id: str
    label: str
    low: float | None
    high: float | None
    rank: int
    about: str = ""

    def contains(self, score: float) -> bool:
        return (self.low is None or score >= self.low) and (self.high is None or score <= self.high)


@dataclass(frozen=True)
class Subscale:
    id: str
    label: str
    items: tuple[int, ...]  # 1-based item numbers
    rule: str  # "sum" | "mean" | "scaled"
    factor: float  # 1.0 unless rule == "scaled"
    reverse: tuple[int, ...]
    max_missing: int
    bands: tuple[Band, ...]
    higher_is_better: bool
    range: tuple[float, float]

    @property
    def step(self) -> float:
        """The distance between two neighbouring possible scores."""
        return {"sum": 1.0, "mean": 0.01, "scaled": self.factor}[self.rule]


@dataclass(frozen=True)
class SafetyRule:
    """Answering ``item`` with any of ``answers`` opens the crisis panel at once."""

    item: int
    answers: tuple[int, ...]


@dataclass(frozen=True)
class FollowUpRule:
    """When a result suggests talking it over with someone (``Scored.follow_up``).

    ``score_below``: ``subscale``'s score is below ``value``.
    ``any_item_at_most``: any answered item is ``value`` or lower.
    """

    kind: str
    value: float
    subscale: str | None = None


@dataclass(frozen=True)
class Definition:
    id: str
    version: int
    name: str
    kind: str  # "own" | "published"
    item_count: int
    scale_min: int
    scale_max: int
    scale_labels: tuple[str, ...]
    cadence_days: int | None
    recall: str
    attribution: str
    about: str
    subscales: tuple[Subscale, ...]
    safety_items: tuple[SafetyRule, ...]
    wording: tuple[str, ...] | None  # shipped only for Tend's own measures
    short_name: str = ""
    order: int = 0
    follow_up: tuple[FollowUpRule, ...] = ()

    @property
    def own(self) -> bool:
        return self.kind == "own"

    def subscale(self, subscale_id: str) -> Subscale:
        for sub in self.subscales:
            if sub.id == subscale_id:
                return sub
        raise KeyError(subscale_id)

    def safety_hit(self, item: int, answer: int | None) -> bool:
        """Whether this one answer should open the crisis panel straight away."""
        return answer is not None and any(
            r.item == item and answer in r.answers for r in self.safety_items
        )


def _band(raw: object, where: str) -> Band:
    d = parse.obj(raw, where, required=("id", "label", "low", "high", "rank"), optional=("about",))
    return Band(
        id=parse.ident(d["id"], f"{where}.id"),
        label=parse.text(d["label"], f"{where}.label"),
        low=parse.opt_number(d["low"], f"{where}.low"),
        high=parse.opt_number(d["high"], f"{where}.high"),
        rank=parse.integer(d["rank"], f"{where}.rank", low=0),
        about=parse.text(d.get("about", ""), f"{where}.about", empty=True),
    )


def _score_range(rule: str, n: int, factor: float, lo: int, hi: int) -> tuple[float, float]:
    if rule == "mean":
        return float(lo), float(hi)
    return n * lo * factor, n * hi * factor


def _subscale(raw: object, where: str, item_count: int, lo: int, hi: int) -> Subscale:
    d = parse.obj(
        raw,
        where,
        required=("id", "label", "items", "rule", "max_missing", "higher_is_better", "bands"),
        optional=("reverse", "factor"),
    )
    rule = parse.choice(d["rule"], f"{where}.rule", RULES)
    items = parse.item_list(d["items"], f"{where}.items", item_count)
    if not items:
        raise DefinitionError(f"{where}.items: a subscale needs at least one item")
    reverse = parse.item_list(d.get("reverse", []), f"{where}.reverse", item_count)
    if not set(reverse) <= set(items):
        raise DefinitionError(f"{where}.reverse: reverse-keyed items must be in the subscale")
    if ("factor" in d) != (rule == "scaled"):
        raise DefinitionError(f"{where}.factor: give a factor exactly when the rule is 'scaled'")
    factor = parse.number(d["factor"], f"{where}.factor") if "factor" in d else 1.0
    if factor <= 0:
        raise DefinitionError(f"{where}.factor: must be above 0")
    max_missing = parse.integer(d["max_missing"], f"{where}.max_missing", low=0)
    if max_missing >= len(items):
        raise DefinitionError(f"{where}.max_missing: must leave at least one answer to score")
    bands = tuple(
        _band(b, f"{where}.bands[{i}]") for i, b in enumerate(parse.seq(d["bands"], where))
    )
    sub = Subscale(
        id=parse.ident(d["id"], f"{where}.id"),
        label=parse.text(d["label"], f"{where}.label"),
        items=items,
        rule=rule,
        factor=factor,
        reverse=reverse,
        max_missing=max_missing,
        bands=bands,
        higher_is_better=parse.boolean(d["higher_is_better"], f"{where}.higher_is_better"),
        range=_score_range(rule, len(items), factor, lo, hi),
    )
    _check_bands(sub, where)
    return sub


def _check_bands(sub: Subscale, where: str) -> None:
    """Bands in order, not overlapping, covering every score the subscale can give."""
    if not sub.bands:
        raise DefinitionError(f"{where}.bands: give at least one band")
    if len({b.id for b in sub.bands}) != len(sub.bands):
        raise DefinitionError(f"{where}.bands: band ids must differ")
    lo, hi = sub.range
    eps = 1e-9
    first, last = sub.bands[0], sub.bands[-1]
    if first.low is not None and first.low > lo + eps:
        raise DefinitionError(f"{where}.bands: the first band must start at {lo:g}")
    if last.high is not None and last.high < hi - eps:
        raise DefinitionError(f"{where}.bands: the last band must end at {hi:g}")
    for i, band in enumerate(sub.bands):
        open_low = band.low is None and i != 0
        open_high = band.high is None and i != len(sub.bands) - 1
        if open_low or open_high:
            raise DefinitionError(f"{where}.bands[{i}]: only the ends may be open")
        if band.low is not None and band.high is not None and band.low > band.high:
            raise DefinitionError(f"{where}.bands[{i}]: low is above high")
    for i, (a, b) in enumerate(zip(sub.bands, sub.bands[1:], strict=False), start=1):
        assert a.high is not None and b.low is not None  # checked above
        gap = b.low - a.high
        if gap <= 0:
            raise DefinitionError(f"{where}.bands[{i}]: overlaps the band before it")
        if gap > sub.step + eps:
            raise DefinitionError(f"{where}.bands[{i}]: leaves scores between bands uncovered")


def _safety(raw: object, where: str, item_count: int, lo: int, hi: int) -> SafetyRule:
    d = parse.obj(raw, where, required=("item", "answers"))
    item = parse.integer(d["item"], f"{where}.item", low=1, high=item_count)
    answers = tuple(
        parse.integer(a, f"{where}.answers", low=lo, high=hi)
        for a in parse.seq(d["answers"], where)
    )
    if not answers:
        raise DefinitionError(f"{where}.answers: give at least one answer")
    return SafetyRule(item=item, answers=answers)


def _follow_up(raw: object, where: str, subscale_ids: set[str]) -> FollowUpRule:
    d = parse.obj(raw, where, required=("when", "value"), optional=("subscale",))
    kind = parse.choice(d["when"], f"{where}.when", FOLLOW_UP_KINDS)
    subscale = d.get("subscale")
    if (kind == "score_below") != (subscale is not None):
        raise DefinitionError(f"{where}.subscale: needed for score_below, and only there")
    if subscale is not None and subscale not in subscale_ids:
        raise DefinitionError(f"{where}.subscale: no such subscale")
    return FollowUpRule(
        kind=kind,
        value=parse.number(d["value"], f"{where}.value"),
        subscale=None if subscale is None else str(subscale),
    )


_TOP_REQUIRED = (
    "format", "id", "version", "name", "short_name", "kind", "order", "about", "recall",
    "cadence_days", "attribution", "items", "scale", "subscales",
)  # fmt: skip
_TOP_OPTIONAL = ("safety_items", "follow_up", "wording")


def parse_definition(raw: object, where: str = "definition") -> Definition:
    """Check one decoded JSON document against the format and build a Definition."""
    d = parse.obj(raw, where, required=_TOP_REQUIRED, optional=_TOP_OPTIONAL)
    if d["format"] != FORMAT or isinstance(d["format"], bool):
        raise DefinitionError(f"{where}.format: this Tend reads format {FORMAT}")
    kind = parse.choice(d["kind"], f"{where}.kind", KINDS)
    item_count = parse.integer(d["items"], f"{where}.items", low=1, high=200)
    scale = parse.obj(d["scale"], f"{where}.scale", required=("min", "max", "labels"))
    lo = parse.integer(scale["min"], f"{where}.scale.min", low=0)
    hi = parse.integer(scale["max"], f"{where}.scale.max", low=lo + 1, high=lo + 20)
    labels = parse.texts(scale["labels"], f"{where}.scale.labels")
    if len(labels) != hi - lo + 1:
        raise DefinitionError(f"{where}.scale.labels: give one label per answer ({hi - lo + 1})")
    subscales = tuple(
        _subscale(s, f"{where}.subscales[{i}]", item_count, lo, hi)
        for i, s in enumerate(parse.seq(d["subscales"], where))
    )
    ids = {s.id for s in subscales}
    if not subscales or len(ids) != len(subscales):
        raise DefinitionError(f"{where}.subscales: give at least one, each with its own id")
    wording = None
    if "wording" in d:
        wording = parse.texts(d["wording"], f"{where}.wording")
    if (wording is not None) != (kind == "own"):
        raise DefinitionError(f"{where}.wording: shipped for Tend's own measures only")
    if wording is not None and len(wording) != item_count:
        raise DefinitionError(f"{where}.wording: give exactly {item_count} items")
    cadence = d["cadence_days"]
    return Definition(
        id=parse.ident(d["id"], f"{where}.id"),
        version=parse.integer(d["version"], f"{where}.version", low=1),
        name=parse.text(d["name"], f"{where}.name"),
        short_name=parse.text(d["short_name"], f"{where}.short_name"),
        kind=kind,
        order=parse.integer(d["order"], f"{where}.order", low=0),
        item_count=item_count,
        scale_min=lo,
        scale_max=hi,
        scale_labels=labels,
        cadence_days=None
        if cadence is None
        else parse.integer(cadence, f"{where}.cadence_days", low=1, high=366),
        recall=parse.text(d["recall"], f"{where}.recall"),
        attribution=parse.text(d["attribution"], f"{where}.attribution", empty=kind == "own"),
        about=parse.text(d["about"], f"{where}.about"),
        subscales=subscales,
        safety_items=tuple(
            _safety(s, f"{where}.safety_items[{i}]", item_count, lo, hi)
            for i, s in enumerate(parse.seq(d.get("safety_items", []), where))
        ),
        follow_up=tuple(
            _follow_up(f, f"{where}.follow_up[{i}]", ids)
            for i, f in enumerate(parse.seq(d.get("follow_up", []), where))
        ),
        wording=wording,
    )


def load_file(path: Path) -> Definition:
    try:
        raw = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DefinitionError(f"{path.name}: not readable JSON ({type(exc).__name__})") from None
    defn = parse_definition(raw, path.name)
    if path.stem != defn.id:
        raise DefinitionError(f"{path.name}: the file name must be the measure id")
    return defn


def load_dir(folder: Path) -> dict[str, Definition]:
    """Every ``*.json`` in ``folder``, ordered by their ``order`` field."""
    found = [load_file(p) for p in sorted(folder.glob("*.json"))]
    found.sort(key=lambda d: (d.order, d.id))
    return {d.id: d for d in found}


@cache
def _shipped() -> dict[str, Definition]:
    return load_dir(resources.path("measures"))


def load_definitions() -> dict[str, Definition]:
    """The shipped definitions, in list order (read once per process; a fresh dict each call)."""
    return dict(_shipped())
