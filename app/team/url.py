"""Which team store to use, and how to show its address without its password.

Order: ``--team-url``, then ``$TEND_TEAM_URL``, then the ``team_url`` setting,
then a local SQLite file in the data folder. A password is never taken from a
URL into memory we keep: it is stripped, and asked for (or read from a secure
keyring) separately.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from app.errors import TeamUnavailable
from app.paths import AppPaths

ENV = "TEND_TEAM_URL"
LOCAL_FILE = "team.sqlite3"
BAD_URL = (
    "That team address doesn't look right. It looks like "
    "postgresql://name@server/database, or sqlite:///path/to/team.sqlite3."
)


@dataclass(frozen=True)
class TeamAddress:
    url: URL  # without a password
    password: str | None  # only when one was written into the URL given to us

    @property
    def is_postgres(self) -> bool:
        return self.url.get_backend_name() == "postgresql"

    @property
    def display(self) -> str:
        return redact(self.url)

    @property
    def login(self) -> str | None:
        return self.url.username if self.is_postgres else None


def default_url(paths: AppPaths) -> str:
    return f"sqlite:///{paths.data / LOCAL_FILE}"


def resolve(paths: AppPaths, cli_url: str | None = None, setting: str = "") -> str:
    return cli_url or os.environ.get(ENV) or setting or default_url(paths)


def given_at_start() -> str:
    """The address Tend was started with (``--team-url`` sets ``$TEND_TEAM_URL``), or "".

    While there is one, it wins over the ``team_url`` setting (see ``resolve``).
    """
    return os.environ.get(ENV) or ""


def parse(text: str) -> TeamAddress:
    """A ``TeamAddress`` for ``text``; only SQLite and PostgreSQL (psycopg 3) are accepted."""
    try:
        url = make_url(text.strip())
    except (ArgumentError, ValueError):
        raise TeamUnavailable(BAD_URL) from None
    backend = url.get_backend_name()
    if backend == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    elif backend == "sqlite":
        if url.drivername != "sqlite" or not url.database or url.database == ":memory:":
            raise TeamUnavailable(BAD_URL)
    else:
        raise TeamUnavailable(BAD_URL)
    password = url.password if isinstance(url.password, str) else None
    return TeamAddress(url._replace(password=None), password)


def redact(url: URL | str) -> str:
    if isinstance(url, str):
        try:
            url = make_url(url)
        except (ArgumentError, ValueError):
            return "(an address Tend couldn't read)"
    return url.render_as_string(hide_password=True)
