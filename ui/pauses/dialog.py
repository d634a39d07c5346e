"""The pause window: one exercise at a time, and "I'm done" back to where the person was.

It sits over the window (window-modal, so the page underneath keeps its place
and its unsaved words); closing it in any way — "I'm done", Escape, the close
button — puts the keyboard focus back on the widget that had it before.
Nothing private is shown here, so it is safe even if it outlives a lock.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QDialog, QHBoxLayout, QVBoxLayout, QWidget

from app.pauses import BREATHING, GROUNDING
from ui.pauses.breathing import BreathingExercise
from ui.pauses.grounding import GroundingExercise
from ui.style import button, label, themed

if TYPE_CHECKING:
    from ui.context import UiContext

TITLES = {BREATHING: "Breathe slowly", GROUNDING: "Come back to here and now"}
# Local to the pause (the shared stylesheet stays as it is): large, calm words.
STYLE = """
QLabel[role="pausePhase"] { font-size: 17pt; font-weight: 600; color: $accent_text; }
QLabel[role="pausePhase"][still="true"] { font-size: 24pt; }
QLabel[role="pauseCount"] { font-size: 28pt; font-weight: 300; color: $accent_text; }
"""
SWITCH = {BREATHING: "Try &grounding instead", GROUNDING: "Try b&reathing instead"}


class PauseDialog(QDialog):
    def __init__(
        self,
        ctx: UiContext | None,
        kind: str = BREATHING,
        *,
        still: bool | None = None,
        tick_ms: int = 1000,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pauseDialog")
        self.setWindowTitle(self.tr("A pause"))
        self.setAccessibleName(self.tr("A pause"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        themed(self, STYLE)
        self.ctx = ctx
        self.tick_ms = tick_ms
        self._still = self._initial_still() if still is None else still
        self.return_focus: QWidget | None = QApplication.focusWidget()
        self.exercise: BreathingExercise | GroundingExercise | None = None
        self.kind = ""

        self.heading = label("", "title")
        self.switch_button = button("", "", "link")
        self.switch_button.clicked.connect(self.switch_kind)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.switch_button, 0, Qt.AlignmentFlag.AlignTop)
        self.body = QVBoxLayout()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 20)
        layout.addLayout(top)
        layout.addLayout(self.body, 1)
        self.setMinimumSize(480, 440)
        self.resize(600, 540)
        self.show_kind(kind)

    def _initial_still(self) -> bool:
        from PySide6.QtGui import QAccessible

        # A screen reader is running: words and a count serve better than a circle.
        if QAccessible.isActive():
            return True
        if self.ctx is None:
            return False
        return bool(self.ctx.tend.settings.get("reduce_motion"))

    # -- which exercise ----------------------------------------------------------------
    def show_kind(self, kind: str) -> None:
        if kind not in TITLES:
            raise ValueError(f"unknown pause {kind!r}")
        if self.exercise is not None:
            self.exercise.hide()
            self.body.removeWidget(self.exercise)
            self.exercise.deleteLater()
        self.kind = kind
        self.heading.setText(self.tr(TITLES[kind]))
        other = GROUNDING if kind == BREATHING else BREATHING
        self.switch_button.setText(self.tr(SWITCH[kind]))
        self.switch_button.setAccessibleName(self.tr(SWITCH[kind].replace("&", "")))
        self.switch_button.setProperty("target", other)
        exercise: BreathingExercise | GroundingExercise
        if kind == BREATHING:
            breathing = BreathingExercise(still=self._still, tick_ms=self.tick_ms, parent=self)
            breathing.still_changed.connect(self.on_still_changed)
            exercise = breathing
        else:
            exercise = GroundingExercise(self)
        exercise.done_requested.connect(self.accept)
        self.exercise = exercise
        self.body.addWidget(exercise, 1)
        if self.isVisible():
            self._begin()

    def switch_kind(self) -> None:
        self.show_kind(str(self.switch_button.property("target")))

    def _begin(self) -> None:
        if isinstance(self.exercise, BreathingExercise):
            self.exercise.start()
            self.exercise.done_button.setFocus()
        elif isinstance(self.exercise, GroundingExercise):
            self.exercise.next_button.setFocus()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._begin()

    # -- remembering "keep it still" ---------------------------------------------------
    def on_still_changed(self, on: bool) -> None:
        self._still = on
        if self.ctx is None:
            return
        settings = self.ctx.tend.settings
        self.ctx.write(lambda: settings.set("reduce_motion", on))

    # -- back to where the person was --------------------------------------------------
    def done(self, result: int) -> None:
        if isinstance(self.exercise, BreathingExercise):
            self.exercise.stop()
        super().done(result)
        target = self.return_focus
        if target is not None:
            from shiboken6 import isValid

            if isValid(target) and target.isVisible():
                # The person closed the pause themselves: handing the window back is theirs
                # to expect (some window managers leave nothing active after a dialog).
                target.window().activateWindow()
                target.setFocus(Qt.FocusReason.OtherFocusReason)
