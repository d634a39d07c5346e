"""Checking the measure parts of an import (schema version 2).

A response must be for a questionnaire this Tend knows, scored with the same
definition version, with answers that fit it; its scores must be what Tend
itself computes from those answers (so a file can't plant scores the answers
don't support). Wordings go through the same count and length checks as a
paste. Messages name positions and fields, never answers, scores or wording.
"""

from __future__ import annotations

import datetime as dt
import math

from app.data import schema
from app.data.measure_entries import StoredResponse, StoredWording
from app.data.validate import _day, _domain_checked, _fields, _timestamp, _uuid
from app.domain import check_day
from app.errors import ImportRejected, ValidationError
from app.measures.definitions import Definition, load_definitions
from app.measures.scoring import score
from app.measures.wording import check_items
from app.services.measures import check_answers


def _definition(value: object, where: str) -> Definition:
    defn = load_definitions().get(value) if isinstance(value, str) else None
    if defn is None:
        raise ImportRejected(f"{where.capitalize()} is for a questionnaire this Tend doesn't know.")
    return defn


def _scores_match(raw: object, expected: dict[str, float | None]) -> bool:
    if not isinstance(raw, dict) or set(raw) != set(expected):
        return False
    for key, want in expected.items():
        got = raw[key]
        if want is None or got is None:
            if got is not want:
                return False
        elif (
            isinstance(got, bool)
            or not isinstance(got, int | float)
            or not math.isclose(got, want, abs_tol=0.005)
        ):
            return False
    return True


def response(raw: object, n: int, today: dt.date) -> StoredResponse:
    where = f"measure response {n}"
    f = _fields(raw, schema.MEASURE_RESPONSE_FIELDS, where)
    defn = _definition(f["measure_id"], where)
    version = f["definition_version"]
    if isinstance(version, bool) or version != defn.version:
        raise ImportRejected(
            f"{where.capitalize()} was scored by another version of this questionnaire."
        )
    day = _domain_checked(lambda: check_day(_day(f["day"], where), today), where)
    answers = _domain_checked(lambda: check_answers(defn, f["answers"]), where)
    scored = score(defn, answers)
    if scored.incomplete:
        raise ImportRejected(f"{where.capitalize()} has too many skipped answers to be scored.")
    if not _scores_match(f["scores"], scored.scores):
        raise ImportRejected(f"{where.capitalize()} has scores that don't match its answers.")
    return StoredResponse(
        id=_uuid(f["id"], where),
        measure_id=defn.id,
        definition_version=defn.version,
        day=day,
        taken_at=_timestamp(f["taken_at"], where, "taken_at"),
        answers=answers,
        scores=tuple(scored.scores.items()),
    )


def wording(raw: object, n: int) -> StoredWording:
    where = f"measure wording {n}"
    f = _fields(raw, schema.MEASURE_WORDING_FIELDS, where)
    defn = _definition(f["measure_id"], where)
    if defn.own:
        raise ImportRejected(f"{where.capitalize()} is for one of Tend's own questionnaires.")
    items = f["items"]
    if not isinstance(items, list):
        raise ImportRejected(f"{where.capitalize()} has “items” that aren't a list of texts.")
    try:
        cleaned = check_items(items, defn.item_count)
    except ValidationError as exc:
        raise ImportRejected(f"{where.capitalize()} can't be used: {exc.message}") from None
    try:
        for item in cleaned:
            item.encode("utf-8")
    except UnicodeEncodeError:
        raise ImportRejected(
            f"{where.capitalize()} has “items” with characters Tend can't store."
        ) from None
    return StoredWording(defn.id, cleaned, _timestamp(f["added_at"], where, "added_at"))


def measures(
    responses: object, wordings: object, today: dt.date
) -> tuple[list[StoredResponse], list[StoredWording]]:
    for key, value in (("measure_responses", responses), ("measure_wordings", wordings)):
        if not isinstance(value, list):
            raise ImportRejected(f"The file's “{key}” isn't a list of entries.")
    assert isinstance(responses, list) and isinstance(wordings, list)
    out_r = [response(raw, i, today) for i, raw in enumerate(responses, start=1)]
    out_w = [wording(raw, i) for i, raw in enumerate(wordings, start=1)]
    seen: dict[str, int] = {}
    for i, w in enumerate(out_w, start=1):
        if w.measure_id in seen:
            first = seen[w.measure_id]
            raise ImportRejected(
                f"Measure wording {i} is for the same questionnaire as wording {first}."
            )
        seen[w.measure_id] = i
    return out_r, out_w
