"""No two controls on one screen share an Alt+letter mnemonic.

Walks every page of the unlocked window (with the header), every onboarding
step, the lock screen, and every dialog a page opens. Only what is visible at
the same time counts: two pages may use the same letter.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget, QWidget

from tests.ui.test_help_above_dialogs import DIALOGS

pytestmark = pytest.mark.gui

_MNEMONIC = re.compile(r"(?<!&)&([^&\s])")


def mnemonic(text: str) -> str | None:
    found = _MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _texts(root: QWidget) -> list[tuple[str, str]]:
    """(letter, where) for every visible control under ``root`` that has a mnemonic."""
    out: list[tuple[str, str]] = []

    def add(text: str, where: str) -> None:
        letter = mnemonic(text)
        if letter:
            out.append((letter, where))

    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        if isinstance(widget, QAbstractButton):
            add(widget.text(), f"button {widget.text()!r}")
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            add(widget.text(), f"label {widget.text()!r}")
        elif isinstance(widget, QGroupBox) and widget.isCheckable():
            add(widget.title(), f"group {widget.title()!r}")
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                add(widget.tabText(i), f"tab {widget.tabText(i)!r}")
    return out


def duplicates(root: QWidget) -> dict[str, list[str]]:
    seen: dict[str, list[str]] = defaultdict(list)
    for letter, where in _texts(root):
        seen[letter].append(where)
    return {letter: wheres for letter, wheres in seen.items() if len(wheres) > 1}


def test_mnemonic_reads_the_letter_after_a_single_ampersand():
    assert mnemonic("&Save") == "s"
    assert mnemonic("Save &as…") == "a"
    assert mnemonic("Tom && Jerry") is None
    assert mnemonic("Plain") is None


def test_no_page_shares_a_mnemonic(main_window, qtbot):
    workspace = main_window.workspace
    problems = {}
    for key in list(workspace.pages):
        workspace.navigate(key)
        qtbot.waitUntil(main_window.ctx.tasks.idle)
        qtbot.wait(30)
        found = duplicates(main_window)
        if found:
            problems[key] = found
    assert problems == {}


def test_no_onboarding_step_or_lock_screen_shares_a_mnemonic(main_window, qtbot):
    from app.security.recovery import new_code
    from ui.onboarding import Onboarding

    onboarding = main_window.show_onboarding()
    problems = {}
    for step in (Onboarding.WELCOME, Onboarding.PASSPHRASE):
        onboarding.go_to(step)
        qtbot.wait(30)
        if found := duplicates(main_window):
            problems[step] = found
    onboarding.show_recovery_code(new_code())
    qtbot.wait(30)
    if found := duplicates(main_window):
        problems["recovery code"] = found
    main_window._drop_onboarding()
    main_window.show_state("locked")
    for view in range(main_window.lock_screen.views.count()):
        main_window.lock_screen.show_view(view)
        if found := duplicates(main_window):
            problems[f"lock view {view}"] = found
    assert problems == {}


@pytest.mark.parametrize("name", list(DIALOGS))
def test_no_dialog_shares_a_mnemonic(main_window, qtbot, name):
    dialog = DIALOGS[name](main_window, main_window.ctx)
    if not dialog.isVisible():
        dialog.open()
    qtbot.waitExposed(dialog)
    assert duplicates(dialog) == {}
    dialog.close()
