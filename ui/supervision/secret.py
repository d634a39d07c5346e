"""A PostgreSQL team password in the OS keyring: only when the keyring is a secure one.

Never in a file, a log, QSettings or an exception message. The entry is named by the
team address without any password in it. Every function here is slow (the keyring
may be a D-Bus round trip): call them on a worker thread.
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.context import Tend

log = logging.getLogger(__name__)

SERVICE = "Tend team"


def _entry(tend: Tend) -> str:
    from app.team.url import redact

    return redact(tend.team_url())


def keyring_usable(tend: Tend) -> tuple[bool, str]:
    """(usable, the reason in plain words when not)."""
    status = tend.vault.secrets.status()
    return status.available, status.reason


def saved_password(tend: Tend) -> str | None:
    if not tend.vault.secrets.status().available:
        return None
    import keyring

    try:
        found = keyring.get_password(SERVICE, _entry(tend))
    except Exception:  # a locked or broken keyring: ask instead
        log.info("team password not read from the keyring")
        return None
    return found or None


def remember_password(tend: Tend, password: str) -> bool:
    """Keep ``password`` in the keyring if it is secure; True when kept."""
    if not tend.vault.secrets.status().available:
        return False
    import keyring

    try:
        keyring.set_password(SERVICE, _entry(tend), password)
    except Exception:
        log.info("team password not kept in the keyring")
        return False
    log.info("team password kept in the keyring")
    return True


def forget_password(tend: Tend) -> None:
    if not tend.vault.secrets.status().available:
        return
    import keyring

    with contextlib.suppress(Exception):
        keyring.delete_password(SERVICE, _entry(tend))
