"""Search hits in a text: the same words the store's search finds, and a snippet that
shows them rather than the note's first line."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain import JournalFilter, NoteDraft
from app.services.matches import ELLIPSIS, match_spans, query_words, snippet

TODAY = dt.date(2026, 11, 22)
LONG = (
    "Started slowly with emails and a cup of tea. The morning went on a team meeting "
    "about rosters, then two long phone calls that went nowhere much. After lunch a "
    "court hearing ran late, and I walked home by the harbour, which helped."
)


def words_at(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[a:b] for a, b in spans]


@pytest.mark.parametrize(
    ("text", "typed", "found"),
    [
        ("Walked by the harbour after the hearing.", "harb", ["harbour"]),
        ("Walked by the harbour after the hearing.", "HEAR harb", ["harbour", "hearing"]),
        ("Café with Zoë, felt lighter.", "cafe zoe", ["Café", "Zoë"]),
        ("Café with Zoë, felt lighter.", "CAFÉ", ["Café"]),
        ("decaf and cafés", "caf", ["cafés"]),  # a word's start, never its middle
        ('She said "enough" and left', '"enough"', ["enough"]),
        ("tired AND sad", "and", ["AND"]),
        ("nothing here", "zebra", []),
        ("nothing here", "", []),
        ("nothing here", "*()", []),
    ],
)
def test_match_spans_finds_what_search_finds(text, typed, found):
    assert words_at(text, match_spans(text, query_words(typed))) == found


def test_match_spans_agree_with_the_store(unlocked):
    store = unlocked.require_store()
    bodies = [
        "Walked by the harbour after the hearing.",
        "Café with Zoë, felt lighter.",
        "NEAR the end of the shift: tired AND sad",
        "snake_case and under_scores",
        "Ünïcödé façade, naïve résumé",
    ]
    for n, body in enumerate(bodies):
        store.journal.add_note(NoteDraft(day=TODAY - dt.timedelta(days=n), body=body))
    typed_queries = ["harb", "hear walk", "cafe", "zoë felt", "near", "tired sad", "snake"]
    typed_queries += ["case", "under_scores", "unicode", "facade naive", "resume", "zebra"]
    for typed in typed_queries:
        found = {i.text for i in store.journal.entries(JournalFilter(query=typed))}
        for body in bodies:
            every_word = all(match_spans(body, [w]) for w in query_words(typed))
            assert every_word == (body in found), (typed, body)


def test_a_snippet_starts_near_the_first_match_not_the_notes_beginning():
    shown = snippet(LONG, ["court"])
    assert shown is not None
    assert shown.startswith(ELLIPSIS) and not shown.startswith(f"{ELLIPSIS}Started")
    assert "court hearing" in shown
    assert shown.index("court") <= 22  # visible in a narrow list
    assert words_at(shown, match_spans(shown, ["court"])) == ["court"]


def test_a_snippet_is_one_line_of_whole_words():
    text = "Tea first.\n\nThen the harbour\tand home"
    assert snippet(text, ["harbour"]) == "Tea first. Then the harbour and home"
    long = "word " * 100 + "harbour " + "word " * 100
    shown = snippet(long, ["harbour"], width=60)
    assert shown is not None and "harbour" in shown
    assert shown.startswith(f"{ELLIPSIS}word") and shown.endswith(f"word{ELLIPSIS}")
    assert len(shown) <= 60 + 2


def test_a_match_at_the_start_has_no_leading_ellipsis():
    assert snippet("Court report finished late.", ["court"]) == "Court report finished late."


def test_no_match_no_snippet():
    assert snippet(LONG, ["zebra"]) is None
    assert snippet(LONG, []) is None
    assert snippet("", ["court"]) is None


def test_query_words_keeps_at_most_sixteen():
    assert query_words("a b, c!") == ["a", "b", "c"]
    assert len(query_words(" ".join(f"w{n}" for n in range(30)))) == 16


_WORDS = st.lists(st.sampled_from(["tea", "court", "harbour", "rest", "long", "day"]), min_size=1)


@given(_WORDS, _WORDS, st.sampled_from(["court", "harb", "rest"]), st.integers(20, 120))
def test_the_snippet_always_shows_the_first_match(before, after, word, width):
    text = " ".join([*before, word + "x", *after])
    shown = snippet(text, [word], width=width)
    assert shown is not None
    first = words_at(text, match_spans(text, [word]))[0]
    assert first in shown
    assert len(shown) <= max(width, len(first)) + 2
