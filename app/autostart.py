"""Start Tend when the person logs in, minimised: an XDG autostart entry (Linux, BSD).

The entry is ``$XDG_CONFIG_HOME/autostart/tend.desktop`` (``~/.config`` when
``XDG_CONFIG_HOME`` is unset or not absolute, as the XDG spec asks). Its
``Exec`` runs ``tend --minimised``. Whether autostart is on is read from the
file itself, so a desktop's own "startup applications" tool and Tend agree:
a file a desktop marked ``Hidden=true`` or ``X-GNOME-Autostart-enabled=false``
counts as off. Windows and macOS: see docs/autostart.md (steps, not code).

No private data is written here: the entry names the program, nothing else.
"""

from __future__ import annotations

import logging
import os
import shutil
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from app.errors import UserFacingError
from app.fsutil import atomic_write_bytes

log = logging.getLogger(__name__)

FILE_NAME = "tend.desktop"
MINIMISED_FLAG = "--minimised"

# For a settings toggle (the words are ours; the state is the file, not a setting).
LABEL = "Start Tend when I log in"
HELP = (
    "Tend opens minimised when you log in. Reminders arrive while it's unlocked; if "
    "your key is remembered on this device, that means from the moment you log in."
)
UNSUPPORTED = (
    "Tend can't set this up by itself on this computer yet; the help describes how "
    "to add it to your login items."
)


class AutostartUnavailable(UserFacingError):
    """This platform has no XDG autostart folder Tend can write."""


def supported(platform: str | None = None) -> bool:
    """XDG autostart is understood by Linux and BSD desktops, not Windows or macOS."""
    name = sys.platform if platform is None else platform
    return name.startswith(("linux", "freebsd", "openbsd", "netbsd", "dragonfly"))


def autostart_dir(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    environ = os.environ if env is None else env
    configured = environ.get("XDG_CONFIG_HOME", "")
    # The spec: a relative XDG_CONFIG_HOME is invalid and must be ignored.
    base = Path(configured) if configured and os.path.isabs(configured) else None
    if base is None:
        base = (Path.home() if home is None else home) / ".config"
    return base / "autostart"


def entry_path(env: Mapping[str, str] | None = None, home: Path | None = None) -> Path:
    return autostart_dir(env, home) / FILE_NAME


def default_command(data_dir: Path | None = None) -> list[str]:
    """``tend --minimised``, by absolute path when ``tend`` is on PATH; with ``--data-dir``
    when Tend runs on a folder of its own (else login would open a different, empty Tend)."""
    found = shutil.which("tend")
    command = [found or "tend", MINIMISED_FLAG]
    if data_dir is not None:
        command += ["--data-dir", str(data_dir)]
    return command


def quote_exec_arg(arg: str) -> str:
    """Quote one argument for a desktop entry's ``Exec`` key (Desktop Entry spec 1.5).

    Reserved characters need the argument in double quotes, where ``"`, `` ` ``,
    ``$`` and ``\\`` are backslash-escaped; ``%`` is doubled (field codes). The
    whole value is then a "string" value, so each backslash is escaped again.
    """
    arg = arg.replace("%", "%%")
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    if arg and not reserved.intersection(arg):
        return arg
    inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
    return ('"' + inner + '"').replace("\\", "\\\\")


def desktop_entry(command: Sequence[str]) -> str:
    if not command:
        raise ValueError("an autostart entry needs a command")
    exec_line = " ".join(quote_exec_arg(part) for part in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        "Version=1.5\n"
        "Name=Tend\n"
        "Comment=Start Tend quietly at login, for gentle reminders\n"
        f"Exec={exec_line}\n"
        "Icon=tend\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def _keys(text: str) -> dict[str, str]:
    """The ``[Desktop Entry]`` group's keys (enough to read the on/off markers)."""
    keys: dict[str, str] = {}
    in_group = False
    for raw in text.splitlines():
        line = raw.strip()
        if line.startswith("["):
            in_group = line == "[Desktop Entry]"
        elif in_group and "=" in line and not line.startswith("#"):
            key, _, value = line.partition("=")
            keys[key.strip()] = value.strip()
    return keys


def is_enabled(path: Path | None = None) -> bool:
    target = entry_path() if path is None else path
    try:
        text = target.read_text("utf-8")
    except (FileNotFoundError, NotADirectoryError):
        return False
    except (OSError, UnicodeDecodeError):
        log.warning("autostart entry unreadable")
        return False
    keys = _keys(text)
    if keys.get("Hidden", "").lower() == "true":
        return False
    return keys.get("X-GNOME-Autostart-enabled", "true").lower() != "false"


def enable(
    path: Path | None = None, command: Sequence[str] | None = None, platform: str | None = None
) -> Path:
    """Write (or rewrite) the entry. Returns where it went."""
    if not supported(platform):
        raise AutostartUnavailable(UNSUPPORTED)
    target = entry_path() if path is None else path
    text = desktop_entry(default_command() if command is None else command)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(target, text.encode("utf-8"))
    except OSError as exc:
        log.warning("autostart entry not written (%s)", type(exc).__name__)
        raise AutostartUnavailable(
            "Tend couldn't add itself to your login programs; please try again later."
        ) from exc
    log.info("autostart enabled")
    return target


def disable(path: Path | None = None) -> bool:
    """Remove Tend's entry. True if there was one; never touches other files."""
    target = entry_path() if path is None else path
    try:
        target.unlink()
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.warning("autostart entry not removed (%s)", type(exc).__name__)
        raise AutostartUnavailable(
            "Tend couldn't remove itself from your login programs; please try again later."
        ) from exc
    log.info("autostart disabled")
    return True


def set_enabled(
    on: bool,
    path: Path | None = None,
    platform: str | None = None,
    data_dir: Path | None = None,
) -> bool:
    """For a settings toggle: switch, then report the state as it really is now."""
    if on:
        enable(path, command=default_command(data_dir), platform=platform)
    else:
        disable(path)
    return is_enabled(path)
