"""Where a journal search matched: the words searched for, and a snippet around them.

The store finds entries with SQLite FTS5 (``index.fts_query``): every word typed
is a prefix, case and accents don't matter. ``match_spans`` finds the same words
in a text the same way, so the screen can highlight exactly what was found, and
``snippet`` cuts a one-line window around the first of them (rather than
showing the beginning of a note that matched further down).

Pure text: no Qt, no store, and nothing here is ever logged (journal text is private).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

_TOKEN = re.compile(r"\w+", re.UNICODE)  # what a person typed, split into words
_WORD = re.compile(r"[^\W_]+", re.UNICODE)  # a word in the text, as FTS5's unicode61 sees it
MAX_WORDS = 16
SNIPPET_CHARS = 160
LEAD_CHARS = 20  # how much comes before the first match, so it shows in a narrow list
ELLIPSIS = "…"

Span = tuple[int, int]  # [start, end) in the text


def query_words(user_text: str) -> list[str]:
    """The words of a search, in order, at most ``MAX_WORDS`` (the rest are ignored)."""
    return _TOKEN.findall(user_text)[:MAX_WORDS]


def fold(word: str) -> str:
    """Case and accents removed: "Café" and "cafe" are the same word to a search."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _prefixes(words: Sequence[str]) -> tuple[str, ...]:
    folded = (fold(part) for word in words for part in _WORD.findall(word))
    return tuple(p for p in folded if p)


def match_spans(text: str, words: Sequence[str]) -> list[Span]:
    """Each word of ``text`` that starts with one of ``words``, in order of appearance."""
    prefixes = _prefixes(words)
    if not prefixes:
        return []
    return [m.span() for m in _WORD.finditer(text) if fold(m.group()).startswith(prefixes)]


def snippet(
    text: str, words: Sequence[str], width: int = SNIPPET_CHARS, lead: int = LEAD_CHARS
) -> str | None:
    """One line of ``text`` (at most ``width`` characters, plus ellipses) that starts a
    little before the first matched word; None when no word of ``text`` matches."""
    flat = " ".join(text.split())
    spans = match_spans(flat, words)
    if not spans:
        return None
    first, first_end = spans[0]
    start = max(0, first - lead)
    if first_end - start > width:
        start = first  # a match too long for the lead as well: start with it
    elif start > 0:
        space = flat.find(" ", start, first)
        start = first if space < 0 else space + 1  # begin on a whole word
    end = max(first_end, min(len(flat), start + width))
    if end < len(flat):
        space = flat.rfind(" ", first_end, end + 1)
        if space >= first_end:
            end = space  # end on a whole word, never before the match
    before = ELLIPSIS if start > 0 else ""
    after = ELLIPSIS if end < len(flat) else ""
    return f"{before}{flat[start:end].strip()}{after}"
