"""At 1024×640 every button of the first run and of the check-in can be reached:
on screen, or inside a scroll area that brings it into view."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QAbstractButton, QScrollArea, QWidget

from app.security.recovery import new_code
from ui.onboarding import Onboarding

pytestmark = pytest.mark.gui

SMALL = (1024, 640)


def _in_a_scroll_area(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def unreachable(top: QWidget) -> list[str]:
    """Visible, enabled buttons under ``top`` that lie (partly) outside it."""
    inside = QRect(0, 0, top.width(), top.height())
    out = []
    for button in top.findChildren(QAbstractButton):
        if not button.isVisibleTo(top) or _in_a_scroll_area(button, top):
            continue
        where = QRect(button.mapTo(top, button.rect().topLeft()), button.size())
        if not inside.contains(where):
            out.append(f"{button.text() or button.accessibleName()!r} at {where}")
    return out


def test_every_first_run_button_is_on_screen_at_1024_by_640(main_window, qtbot):
    main_window.resize(*SMALL)
    assert (main_window.width(), main_window.height()) == SMALL
    onboarding = main_window.show_onboarding()
    problems = {}
    for step in (Onboarding.WELCOME, Onboarding.PASSPHRASE):
        onboarding.go_to(step)
        qtbot.wait(30)
        problems[step] = unreachable(main_window)
    onboarding.show_recovery_code(new_code())
    qtbot.wait(30)
    problems["recovery"] = unreachable(main_window)
    main_window._drop_onboarding()
    main_window.show_state("locked")
    qtbot.wait(30)
    problems["locked"] = unreachable(main_window)
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_check_in_button_is_reachable_at_1024_by_640(main_window, qtbot):
    main_window.resize(*SMALL)
    main_window.workspace.navigate("checkin")
    qtbot.wait(30)
    page = main_window.workspace.pages["checkin"]
    assert unreachable(main_window) == []
    assert page.save_button.isVisible()  # Save stays outside the scroll, always in view
    assert not _in_a_scroll_area(page.save_button, main_window)


def test_the_check_finds_a_button_pushed_off_screen(main_window, qtbot):
    main_window.resize(*SMALL)
    from PySide6.QtWidgets import QPushButton

    stray = QPushButton("Off the edge", main_window)
    stray.move(1000, 600)
    stray.show()
    assert any("Off the edge" in p for p in unreachable(main_window))
