"""A person's first hour with Tend, on a real X server, by keyboard alone.

The installed ``tend`` is started with no arguments, as ``make run`` starts it,
and driven with real key presses (xdotool). Each step waits for what a person
would see: text on the screen (read by OCR from a screenshot) or the title of
the window that has the focus. At the end, ``tend export`` in the same account
must hold what was typed, and Tend must have written no error anywhere.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.e2e.conftest import assert_no_trouble
from tests.e2e.desktop import Desktop
from tests.e2e.tend_app import Person

pytestmark = [pytest.mark.e2e, pytest.mark.slow]

PASSPHRASE = "quiet harbour lantern 42"
NOTE = "Walked by the river at lunch"
BUSY = ("Setting things up", "Unlocking")
READY_WITHIN = 10  # seconds: never still "Setting things up" or "Unlocking" after this
HELP = "Get help now"


def _help_comes_up_above_and_esc_closes_it(desktop: Desktop, under: str) -> None:
    """F1: the help window is the active one; Esc closes it, back to ``under``."""
    desktop.key("F1")
    screen = desktop.wait_for_title(HELP)
    assert screen.has("in danger right now"), screen.image
    desktop.key("Escape")
    desktop.wait_for_title(under)


def _first_run(desktop: Desktop) -> None:
    desktop.wait_for_text("Welcome to Tend", timeout=READY_WITHIN, unless=BUSY)
    desktop.key("Return")  # "Get started" has the focus
    desktop.wait_for_text("Choose a passphrase")
    # A weak passphrase is refused, kindly.
    desktop.type("password")
    desktop.key("Tab")
    desktop.type("password")
    desktop.key("Return")
    desktop.wait_for_text("at least 10 characters")
    desktop.key("shift+Tab", "ctrl+a")
    desktop.type(PASSPHRASE)
    desktop.key("Tab", "ctrl+a")
    desktop.type(PASSPHRASE)
    desktop.key("Return")
    desktop.wait_for_text("Your recovery code", timeout=30)
    # Confirm it was written down, then on to Tend.
    desktop.key("alt+w", "Tab", "Return")


def _check_in_by_keyboard(desktop: Desktop) -> None:
    """Six answers, exposure, kind of day (each a number key), a note, Ctrl+Enter."""
    desktop.wait_for_text("Every question is optional", timeout=20, unless=BUSY)
    desktop.key("4", "3", "4", "2", "3", "4")  # mood .. connection
    desktop.key("1")  # exposure: none today
    desktop.key("1")  # a work day; the focus moves on to the note
    desktop.type(NOTE)
    desktop.key("ctrl+Return")
    desktop.wait_for_text("Saved")


def _lock_and_unlock(desktop: Desktop) -> None:
    desktop.key("ctrl+l")
    desktop.wait_for_text("Tend is locked", unless=("Locking",))
    _help_comes_up_above_and_esc_closes_it(desktop, "Tend")  # F1 from the lock screen
    desktop.type(PASSPHRASE)
    desktop.key("Return")
    desktop.wait_for_text("Every question is optional", timeout=READY_WITHIN, unless=BUSY)


def _help_from_the_window_and_its_dialogs(desktop: Desktop) -> None:
    _help_comes_up_above_and_esc_closes_it(desktop, "Tend")
    # The note editor (Journal, Ctrl+N), a modal dialog.
    desktop.key("ctrl+2")
    desktop.wait_for_text("New note")
    desktop.key("ctrl+n")
    desktop.wait_for_title("New note")
    _help_comes_up_above_and_esc_closes_it(desktop, "New note")
    desktop.key("Escape")
    desktop.wait_for_title("Tend")
    # A guided pause, from the header's "Take a pause" (reached with Shift+Tab).
    desktop.key("ctrl+1")
    desktop.wait_for_text("Every question is optional")
    desktop.key("shift+Tab", "shift+Tab", "shift+Tab", "shift+Tab", "space")
    desktop.wait_for_text("Breathe slowly")
    desktop.key("Return")
    screen = desktop.wait_for(
        "the breathing pause", lambda s: s.title not in ("Tend", "") and not s.titled(HELP)
    )
    pause = screen.title
    _help_comes_up_above_and_esc_closes_it(desktop, pause)
    desktop.key("Escape")
    desktop.wait_for_title("Tend")


def test_a_first_hour_by_keyboard(desktop: Desktop, person: Person) -> None:
    started = time.monotonic()
    window = person.start()
    _first_run(desktop)
    _check_in_by_keyboard(desktop)
    _lock_and_unlock(desktop)
    _help_from_the_window_and_its_dialogs(desktop)

    desktop.key("ctrl+q")
    assert window.wait(timeout=20) == 0
    took = time.monotonic() - started

    out = person.cli("export", "-", "--passphrase-stdin", stdin=PASSPHRASE + "\n")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    checkins = data["checkins"]
    assert len(checkins) == 1
    assert checkins[0]["mood"] == 4 and checkins[0]["connection"] == 4
    assert NOTE in json.dumps(data)
    assert_no_trouble(person)
    print(f"first hour, by keyboard: {took:.1f} s")
