"""Logging: to a private file, never with journal text, scores or tags.

Code logs ids, counts and event names only. As a second line of defence,
SQLAlchemy engines hide bound parameters and tracebacks are logged without
local variables.
"""

from __future__ import annotations

import logging
from pathlib import Path

from app.fsutil import chmod_private, ensure_private_dir


def configure(log_file: Path, level: int = logging.INFO) -> None:
    import logging.handlers  # socket, pickle, queue: not needed until logging starts

    ensure_private_dir(log_file.parent)
    handler = logging.handlers.RotatingFileHandler(
        log_file, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
    )
    chmod_private(log_file)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
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
