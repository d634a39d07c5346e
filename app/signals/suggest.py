"""What might help, per rule: a few suggestions in plain words.

Targets are page keys (app.signals.signal.PAGE_TARGETS) or "help" (the crisis
lines). Supervision booking and the peer supporter rota are not in Tend yet: they
are offered as plain words, without a link, until they arrive.
"""

from __future__ import annotations

from app.signals.signal import HELP, Suggestion

TRENDS = Suggestion("See your trends", "trends")
JOURNAL = Suggestion("Write in your journal", "journal")
CHECKIN = Suggestion("Check in today", "checkin")
MEASURES = Suggestion("Look at your measures", "measures")
CRISIS = Suggestion("People to talk to now", HELP)

# TODO(issue 5, supervision booking): link to it when it exists.
SUPERVISION = Suggestion("Bring it to your next supervision")
SELF_CARE = Suggestion("Look at your self-care plan", "selfcare")
# TODO(the peer-support roster issue, after 5): link to it when it exists.
PEER = Suggestion("Talk with today's peer supporter")

REST = Suggestion("Plan a day off, even a short one")


def for_low() -> tuple[Suggestion, ...]:
    return (TRENDS, JOURNAL, SELF_CARE, SUPERVISION, PEER, CRISIS)


def for_load() -> tuple[Suggestion, ...]:
    return (TRENDS, SUPERVISION, SELF_CARE, REST, PEER)


def for_rest() -> tuple[Suggestion, ...]:
    return (REST, SUPERVISION, SELF_CARE, CHECKIN)


def for_measure(crisis: bool) -> tuple[Suggestion, ...]:
    base = (MEASURES, TRENDS, SUPERVISION, SELF_CARE, PEER)
    return (CRISIS, *base) if crisis else base


def for_safety() -> tuple[Suggestion, ...]:
    return (CRISIS, PEER, SUPERVISION)
