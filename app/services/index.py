"""Tags and the full-text index, shared by check-ins and notes."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.domain import EntryKind
from app.services.matches import query_words
from app.store.models import FTS_TABLE, Tag


def get_or_create_tags(session: Session, names: Iterable[str]) -> list[Tag]:
    names = list(names)
    if not names:
        return []
    existing = {t.name: t for t in session.scalars(select(Tag).where(Tag.name.in_(names)))}
    out = []
    for name in names:
        tag = existing.get(name)
        if tag is None:
            tag = Tag(name=name)
            session.add(tag)
            existing[name] = tag
        out.append(tag)
    return out


def drop_unused_tags(session: Session) -> None:
    session.execute(
        text(
            "DELETE FROM tags WHERE id NOT IN (SELECT tag_id FROM checkin_tags) "
            "AND id NOT IN (SELECT tag_id FROM note_tags)"
        )
    )


def index_entry(
    session: Session, kind: EntryKind, ref: str, body: str, tags: Iterable[str]
) -> None:
    unindex_entry(session, kind, ref)
    session.execute(
        text(f"INSERT INTO {FTS_TABLE}(body, tags, kind, ref) VALUES (:b, :t, :k, :r)"),
        {"b": body, "t": " ".join(tags), "k": kind.value, "r": ref},
    )


def unindex_entry(session: Session, kind: EntryKind, ref: str) -> None:
    session.execute(
        text(f"DELETE FROM {FTS_TABLE} WHERE kind = :k AND ref = :r"),
        {"k": kind.value, "r": ref},
    )


def fts_query(user_text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 query: every word, as a prefix.

    Quoting each token means FTS5 operators typed by the user (AND, NEAR, "*",
    column filters) are treated as words, never as syntax.
    """
    tokens = query_words(user_text)
    if not tokens:
        return None
    return " ".join(f'"{tok}"*' for tok in tokens)
