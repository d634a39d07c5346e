"""Guided pauses: breathing (moving and still), grounding, and "I'm done" back to where you were."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QAbstractAnimation, Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from app.pauses import GROUNDING_CLOSING, GROUNDING_STEPS
from ui.pauses import open_pause
from ui.pauses.breathing import SMALL, BreathingExercise
from ui.pauses.dialog import PauseDialog
from ui.pauses.grounding import GroundingExercise

pytestmark = pytest.mark.gui

TICK_MS = 30


@pytest.fixture
def host(qtbot):
    """A window standing in for a page, with a field that has the keyboard."""
    window = QWidget()
    window.setObjectName("host")
    field = QLineEdit(window)
    field.setAccessibleName("Something the person was typing in")
    QVBoxLayout(window).addWidget(field)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    return window, field


def _open(qtbot, parent, ctx, kind, **kw):
    dialog = open_pause(parent, ctx, kind, tick_ms=TICK_MS, **kw)
    qtbot.waitExposed(dialog)
    return dialog


def test_breathing_moves_the_circle_and_follows_the_pace(qtbot, host):
    window, _field = host
    dialog = _open(qtbot, window, None, "breathing")
    exercise = dialog.exercise
    assert isinstance(exercise, BreathingExercise)
    assert not exercise.still and exercise.circle.isVisible()
    assert exercise.running
    animation = exercise.circle.animation
    assert animation.state() == QAbstractAnimation.State.Running
    assert exercise.phase_label.text() == "Breathe in"
    assert "Breathe in gently" in exercise.phase_label.accessibleName()
    qtbot.waitUntil(lambda: exercise.circle.scale > SMALL + 0.2, timeout=2000)
    qtbot.waitUntil(lambda: exercise.phase_label.text() == "Breathe out", timeout=2000)
    assert animation.endValue() == pytest.approx(SMALL)
    assert "Breathe out slowly" in exercise.accessibleDescription()

    exercise.pause_button.click()
    assert not exercise.running
    assert animation.state() == QAbstractAnimation.State.Stopped
    assert exercise.pause_button.accessibleName() == "Carry on breathing"
    exercise.pause_button.click()
    assert exercise.running
    dialog.close()


def test_still_breathing_has_words_and_a_countdown_and_no_motion(qtbot, host):
    window, _field = host
    dialog = open_pause(window, None, "breathing", tick_ms=60_000)  # ticked by hand below
    qtbot.waitExposed(dialog)
    exercise = dialog.exercise
    exercise.still_box.click()
    assert exercise.still and not exercise.circle.isVisible()
    assert exercise.circle.animation.state() == QAbstractAnimation.State.Stopped
    assert "words and the count" in exercise.intro.text()

    announced = []
    counts = []
    for _ in range(10):
        counts.append(exercise.count_label.text())
        if exercise.phase_label.accessibleName() not in announced:
            announced.append(exercise.phase_label.accessibleName())
        exercise.tick()
    assert counts == ["4", "3", "2", "1", "6", "5", "4", "3", "2", "1"]
    assert announced == [
        "Breathe in gently, for a count of 4.",
        "Breathe out slowly, for a count of 6.",
    ]
    assert exercise.count_label.accessibleName() == "4 left"
    assert exercise.circle.animation.state() == QAbstractAnimation.State.Stopped
    dialog.close()


def test_keep_it_still_is_remembered(qtbot, page_ctx):
    dialog = _open(qtbot, None, page_ctx, "breathing")
    assert not dialog.exercise.still
    dialog.exercise.still_box.click()
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page_ctx.tend.settings.get("reduce_motion") is True
    dialog.close()

    again = _open(qtbot, None, page_ctx, "breathing")
    assert again.exercise.still and not again.exercise.circle.isVisible()
    assert again.exercise.circle.animation.state() == QAbstractAnimation.State.Stopped
    again.close()


def test_im_done_returns_to_where_the_person_was(qtbot, host):
    window, field = host
    dialog = _open(qtbot, window, None, "breathing")
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(dialog.exercise.done_button.hasFocus)
    with qtbot.waitSignal(dialog.destroyed):
        qtbot.mouseClick(dialog.exercise.done_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(field.hasFocus)
    assert window.isVisible()


def test_escape_also_returns_and_stops_the_breathing(qtbot, host):
    window, field = host
    dialog = _open(qtbot, window, None, "breathing")
    exercise = dialog.exercise
    timer = exercise.timer
    qtbot.keyClick(exercise.done_button, Qt.Key.Key_Escape)
    assert not timer.isActive()
    qtbot.waitUntil(field.hasFocus)


def test_grounding_goes_step_by_step_with_next_and_back(qtbot, host):
    window, field = host
    dialog = _open(qtbot, window, None, "grounding")
    exercise = dialog.exercise
    assert isinstance(exercise, GroundingExercise)
    assert not exercise.back_button.isEnabled()
    assert exercise.next_button.text() == "Be&gin"
    qtbot.waitUntil(exercise.next_button.hasFocus)

    prompts = []
    for _ in GROUNDING_STEPS:
        qtbot.keyClick(exercise.next_button, Qt.Key.Key_Space)
        prompts.append(exercise.prompt.text())
        assert exercise.prompt.text() in exercise.accessibleDescription()
    assert prompts[0] == "Notice five things you can see."
    assert prompts[-1] == "Notice one thing you can taste."
    assert exercise.where.text() == "Step 5 of 5"

    exercise.back_button.click()
    assert exercise.prompt.text() == "Notice two things you can smell."
    assert exercise.number.text() == "2"
    exercise.next_button.click()
    qtbot.keyClick(exercise.next_button, Qt.Key.Key_Space)  # to the closing words
    assert exercise.hint.text() == GROUNDING_CLOSING
    assert exercise.next_button.isHidden()
    assert exercise.done_button.hasFocus()  # the way on, without hunting for it

    with qtbot.waitSignal(dialog.destroyed):
        qtbot.keyClick(exercise.done_button, Qt.Key.Key_Space)
    qtbot.waitUntil(field.hasFocus)


def test_switching_between_the_two_pauses(qtbot, host):
    window, _field = host
    dialog = _open(qtbot, window, None, "breathing")
    breathing = dialog.exercise
    timer = breathing.timer
    dialog.switch_button.click()
    assert isinstance(dialog.exercise, GroundingExercise)
    assert not timer.isActive()  # the breathing stopped when it left
    assert dialog.heading.text() == "Come back to here and now"
    dialog.switch_button.click()
    assert isinstance(dialog.exercise, BreathingExercise) and dialog.exercise.running
    dialog.close()


def test_every_control_has_an_accessible_name(qtbot, host):
    from PySide6.QtWidgets import QAbstractButton

    window, _field = host
    for kind in ("breathing", "grounding"):
        dialog = _open(qtbot, window, None, kind)
        for control in dialog.findChildren(QAbstractButton):
            assert control.accessibleName(), control.text()
        dialog.close()


def test_unknown_pause_is_a_bug_not_a_blank_window(qtbot):
    with pytest.raises(ValueError):
        open_pause(None, None, "juggling")


def test_im_done_returns_to_the_page_the_person_was_on(qtbot, main_window):
    from ui.pauses.button import pause_button

    workspace = main_window.workspace
    workspace.navigate("journal")
    page = workspace.pages["journal"]
    main_window.activateWindow()
    workspace.nav.setFocus()
    qtbot.waitUntil(workspace.nav.hasFocus)

    take = pause_button(workspace, main_window.ctx)
    kinds = [a.data() for a in take.choices.actions()]
    assert kinds == ["breathing", "grounding"]
    assert take.accessibleName() == "Take a pause"
    take.choices.actions()[1].trigger()
    dialog = main_window.findChild(PauseDialog)
    assert dialog is not None and dialog.kind == "grounding"
    qtbot.waitExposed(dialog)
    with qtbot.waitSignal(dialog.destroyed):
        dialog.exercise.done_button.click()
    assert workspace.current_key() == "journal"
    assert workspace.stack.currentWidget() is page
    qtbot.waitUntil(workspace.nav.hasFocus)
