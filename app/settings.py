"""Settings as one declarative table; the settings page is generated from it.

Settings are not private (no journal text, scores or tags ever go here), so
they live in a plain JSON file in the config directory and can be read before
the store is unlocked (the lock screen needs the region's crisis lines).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Setting:
    key: str
    type: type
    default: Any
    label: str
    help: str = ""
    minimum: int | None = None
    maximum: int | None = None
    choices: tuple[tuple[str, str], ...] = ()  # (value, label)
    shown: bool = True  # False: kept here, edited elsewhere (e.g. on the Supervision page)
    clean: Callable[[str], str] | None = None  # for text: tidy or refuse (ValueError)


def _without_password(url: str) -> str:
    """A team address is kept in a plain file, so a password written into it is dropped."""
    if not url or "@" not in url:
        return url
    from sqlalchemy.engine import make_url  # not needed at start-up
    from sqlalchemy.exc import ArgumentError

    try:
        return make_url(url)._replace(password=None).render_as_string(hide_password=False)
    except (ArgumentError, ValueError):
        raise ValueError("team_url") from None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "auto_lock_minutes",
        int,
        10,
        "Lock after this many idle minutes",
        "Tend locks itself when you step away. 0 turns this off.",
        minimum=0,
        maximum=240,
    ),
    Setting(
        "region",
        str,
        "",  # not chosen: the system locale's country, else "Get help now" asks
        "Region for support lines",
        "Which phone lines “Get help now” shows.",
    ),
    Setting("eap_name", str, "", "Your organisation's support program", "For example, an EAP."),
    Setting("eap_phone", str, "", "Its phone number", "Shown in “Get help now” when set."),
    Setting(
        "reduce_motion",
        bool,
        False,
        "Keep things still",
        "Guided pauses show words and a gentle countdown instead of a moving circle.",
    ),
    Setting(
        "appearance",
        str,
        "system",
        "Light or dark",
        "“Same as system” follows your computer's light or dark setting as it changes.",
        choices=(("light", "Light"), ("dark", "Dark"), ("system", "Same as system")),
    ),
    Setting(
        "team_url",
        str,
        "",
        "Team database address",
        "Where supervision bookings are shared. Leave empty to keep them on this computer.",
        clean=_without_password,
    ),
    # Who you are in a team file on this computer (a made-up login, not your name).
    Setting("team_login", str, "", "Team login on this computer", shown=False),
)
BY_KEY = {s.key: s for s in SETTINGS}


def _coerce(setting: Setting, value: Any) -> Any:
    if setting.type is int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError(setting.key)
        if setting.minimum is not None and value < setting.minimum:
            raise ValueError(setting.key)
        if setting.maximum is not None and value > setting.maximum:
            raise ValueError(setting.key)
        return value
    if setting.type is str:
        if not isinstance(value, str) or len(value) > 200:
            raise ValueError(setting.key)
        if setting.choices and value not in {choice for choice, _label in setting.choices}:
            raise ValueError(setting.key)
        return setting.clean(value.strip()) if setting.clean else value.strip()
    if setting.type is bool:
        if not isinstance(value, bool):
            raise ValueError(setting.key)
        return value
    raise TypeError(setting.type)


class Settings:
    def __init__(self, path: Path) -> None:
        self._path = path
        self._loaded: dict[str, Any] | None = None  # read on first use, not at start-up

    @property
    def _values(self) -> dict[str, Any]:
        if self._loaded is None:
            self._loaded = {}
            self._load()
        return self._loaded

    def _load(self) -> None:
        import json

        try:
            raw = json.loads(self._path.read_text("utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError):
            log.warning("settings file unreadable; using defaults")
            return
        if not isinstance(raw, dict):
            return
        for key, value in raw.items():
            setting = BY_KEY.get(key)
            if setting is None:
                continue
            try:
                self._values[key] = _coerce(setting, value)
            except (ValueError, TypeError):
                log.warning("ignoring invalid setting %s", key)

    def get(self, key: str) -> Any:
        return self._values.get(key, BY_KEY[key].default)

    def set(self, key: str, value: Any) -> None:
        import json

        coerced = _coerce(BY_KEY[key], value)
        # Read the file again first: another Settings over the same file (the window's
        # early one, a `tend` command) may have saved something since this one read it.
        self._loaded = None
        self._values[key] = coerced
        self._path.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(self._path, json.dumps(self._values, indent=2).encode("utf-8"))
