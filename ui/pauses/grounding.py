"""Grounding, 5-4-3-2-1: one sense at a time, at the person's own pace (Back and Next).

Nothing moves and nothing times out, so it is the same for everyone; each step's
words are also the page's accessible description, so a screen reader says the
new step when Next is pressed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from app.pauses import GROUNDING_CLOSING, GROUNDING_INTRO, GROUNDING_STEPS
from ui.style import button, label


class GroundingExercise(QWidget):
    done_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groundingExercise")
        self.index = -1  # -1: the introduction; len(GROUNDING_STEPS): the closing words
        self._build()
        self.show_step(-1)

    def _build(self) -> None:
        self.where = label("", "muted")
        self.where.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.number = label("", "pauseCount")
        self.number.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.prompt = label("", "pausePhase")
        self.prompt.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = label("")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.back_button = button(self.tr("&Back"), self.tr("Back to the previous step"))
        self.back_button.clicked.connect(self.back)
        self.next_button = button(self.tr("&Next"), self.tr("Next step"), "primary")
        self.next_button.clicked.connect(self.next)
        self.done_button = button(self.tr("I'm &done"), self.tr("I'm done"))
        self.done_button.clicked.connect(self.done_requested)

        row = QHBoxLayout()
        row.addWidget(self.back_button)
        row.addStretch(1)
        row.addWidget(self.done_button)
        row.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addStretch(1)
        layout.addWidget(self.where)
        layout.addWidget(self.number)
        layout.addWidget(self.prompt)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addLayout(row)

    @property
    def last(self) -> int:
        return len(GROUNDING_STEPS)

    def next(self) -> None:
        if self.index < self.last:
            self.show_step(self.index + 1)

    def back(self) -> None:
        if self.index > -1:
            self.show_step(self.index - 1)

    def show_step(self, index: int) -> None:
        self.index = index
        if index < 0:
            self.where.setText("")
            self.number.setText("")
            self.prompt.setText(self.tr("Five senses, one at a time"))
            self.hint.setText(self.tr(GROUNDING_INTRO))
        elif index >= self.last:
            self.where.setText("")
            self.number.setText("")
            self.prompt.setText(self.tr("Well done for pausing."))
            self.hint.setText(self.tr(GROUNDING_CLOSING))
        else:
            step = GROUNDING_STEPS[index]
            self.where.setText(
                self.tr("Step %1 of %2").replace("%1", str(index + 1)).replace("%2", str(self.last))
            )
            self.number.setText(str(step.count))
            self.prompt.setText(self.tr(step.prompt))
            self.hint.setText(self.tr(step.hint))
        self.number.setVisible(bool(self.number.text()))
        self.where.setVisible(bool(self.where.text()))
        had_focus = self.next_button.hasFocus()
        self.back_button.setEnabled(index > -1)
        self.next_button.setVisible(index < self.last)
        self.next_button.setText(self.tr("Be&gin") if index < 0 else self.tr("&Next"))
        self.next_button.setAccessibleName(self.tr("Begin") if index < 0 else self.tr("Next step"))
        # At the end, "I'm done" is the way on: make it the obvious button.
        self.done_button.setProperty("role", "primary" if index >= self.last else "")
        self.done_button.style().unpolish(self.done_button)
        self.done_button.style().polish(self.done_button)
        spoken = " ".join(t for t in (self.where.text(), self.prompt.text(), self.hint.text()) if t)
        self.prompt.setAccessibleName(self.prompt.text())
        self.setAccessibleDescription(spoken)
        if index >= self.last and had_focus:
            self.done_button.setFocus()
