"""Logging: to a private file, never with journal text, scores or tags.

Code logs ids, counts and event names only. As further lines of defence,
SQLAlchemy engines hide bound parameters, and tracebacks are logged with their
stack and exception types but never the exceptions' messages (a bug's
``KeyError`` could carry a tag; a library's ``ValueError`` could echo a note).
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path
from types import TracebackType

from app.fsutil import chmod_private, ensure_private_dir


class PrivateFormatter(logging.Formatter):
    """Formats tracebacks as stack + exception type, withholding every message."""

    def format(self, record: logging.LogRecord) -> str:
        # logging caches the first handler's traceback text on the record; a handler
        # without this formatter would otherwise decide what we write. Ignore it.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: _ExcInfo) -> str:
        exc = ei[1]
        return "".join(_withheld(exc, set())).rstrip("\n") if exc is not None else ""


_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | tuple[None, None, None]


def _withheld(exc: BaseException, seen: set[int]) -> list[str]:
    seen.add(id(exc))
    lines: list[str] = []
    cause, context = exc.__cause__, exc.__context__
    if cause is not None and id(cause) not in seen:
        lines += _withheld(cause, seen)
        lines.append("\nThe above exception was the direct cause of the following exception:\n\n")
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        lines += _withheld(context, seen)
        lines.append("\nDuring handling of the above exception, another exception occurred:\n\n")
    lines.append("Traceback (most recent call last):\n")
    lines += traceback.StackSummary.extract(traceback.walk_tb(exc.__traceback__)).format()
    kind = type(exc)
    lines.append(f"{kind.__module__}.{kind.__qualname__} (message not logged)\n")
    return lines


def quiet_until_configured() -> None:
    """Make sure nothing is logged anywhere but Tend's private log file.

    With no handler installed, Python's ``logging.lastResort`` prints records,
    tracebacks and their messages included, to stderr (and from there to a
    desktop session's journal). Tend turns it off at every entry point, so
    messages logged before ``configure`` (or after "delete all my data" removed
    the log file) go nowhere rather than somewhere public.
    """
    logging.lastResort = None
    root = logging.getLogger()
    if not root.handlers:
        root.addHandler(logging.NullHandler())


def configure(log_file: Path, level: int = logging.INFO) -> None:
    import logging.handlers  # socket, pickle, queue: not needed until logging starts

    ensure_private_dir(log_file.parent)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    chmod_private(log_file)
    handler.setFormatter(PrivateFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_tend", False):
            root.removeHandler(old)
            old.close()
    handler._tend = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    # SQLAlchemy's own loggers would echo SQL and parameters at INFO.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
