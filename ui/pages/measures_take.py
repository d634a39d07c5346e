"""Taking a questionnaire: one question at a time, keyboard first.

The ``QuestionCard`` is one keyboard stop. Number keys choose the answer with
that number and move on to the next question: for Tend's own pulse these are
the check-in's keys (1 for the first answer, up to 5; 0 clears), for a
published questionnaire the numbers printed on its official form (WHO-5 runs
0–5). Up/Down move the answer; Left/Right (or Page Up/Down) move between
questions; Backspace or Delete clears. Ctrl+Enter saves from anywhere on the
page. A safety answer (PHQ-9 item 9 above 0) asks for the crisis panel the
moment it is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAccessible, QFocusEvent, QKeyEvent, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.measures import describe
from app.measures.definitions import Definition
from ui.accessible import announce_as
from ui.pages.checkin_widgets import answer_for_key, muted, paint_row_card, set_role
from ui.style import button, centred_scroll, label, mark, themed

_ANSWER_STYLE = """
QPushButton#answer {
    background: $surface; border: 1px solid $border; border-radius: 6px;
    padding: 6px 12px; text-align: left; min-height: 20px;
}
QPushButton#answer:hover { border-color: $accent; }
QPushButton#answer:checked { background: $accent; color: $on_accent; border-color: $accent_border; }
"""


class QuestionCard(QFrame):
    """The current question and its answers; it holds every answer of the form."""

    answered = Signal(int, object)  # (1-based item, answer or None)
    moved = Signal(int)  # the 1-based item now shown

    def __init__(self, defn: Definition, wording: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.defn = defn
        self.wording = wording
        self.answers: list[int | None] = [None] * defn.item_count
        self.item = 1
        # The number shown on (and typed for) the first answer; stored answers keep the scale.
        self.first_number = 1 if defn.own else defn.scale_min
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        announce_as(QuestionCard, QAccessible.Role.Grouping)  # not a "border"
        themed(self, _ANSWER_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        self.counter = label("")
        muted(self.counter)
        layout.addWidget(self.counter)
        self.question = label("", "heading")
        self.question.setTextFormat(Qt.TextFormat.PlainText)  # supplied wording is never markup
        layout.addWidget(self.question)
        self.buttons: list[QPushButton] = []
        values = range(defn.scale_min, defn.scale_max + 1)
        for i, (value, text) in enumerate(zip(values, defn.scale_labels, strict=True)):
            number = self.first_number + i
            answer = QPushButton(f"{number}   {text}")
            answer.setObjectName("answer")
            answer.setCheckable(True)
            answer.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            answer.setAccessibleName(f"{number}, {text}")
            answer.clicked.connect(lambda _=False, v=value: self._on_clicked(v))
            layout.addWidget(answer)
            self.buttons.append(answer)
        self.show_item(1)

    # -- state -----------------------------------------------------------------------------
    def answer(self, item: int) -> int | None:
        return self.answers[item - 1]

    def set_answer(self, value: int | None, item: int | None = None) -> None:
        item = self.item if item is None else item
        if self.answers[item - 1] == value:
            return
        self.answers[item - 1] = value
        if item == self.item:
            self._sync()
        self.answered.emit(item, value)

    def show_item(self, item: int) -> None:
        self.item = max(1, min(self.defn.item_count, item))
        self.counter.setText(
            self.tr("Question {n} of {total}").format(n=self.item, total=self.defn.item_count)
        )
        self.question.setText(self.wording[self.item - 1])
        self.setAccessibleName(
            self.tr("Question {n}: {text}").format(n=self.item, text=self.wording[self.item - 1])
        )
        self._sync()
        self.moved.emit(self.item)

    def _sync(self) -> None:
        current = self.answers[self.item - 1]
        for value, answer in enumerate(self.buttons, start=self.defn.scale_min):
            answer.setChecked(value == current)
        if current is None:
            self.setAccessibleDescription(self.tr("Not answered"))
        else:
            i = current - self.defn.scale_min
            self.setAccessibleDescription(
                self.tr("Answered {n}, {text}").format(
                    n=self.first_number + i, text=self.defn.scale_labels[i]
                )
            )

    def _on_clicked(self, value: int) -> None:
        self.set_answer(None if self.answer(self.item) == value else value)
        self._sync()  # undo the button's own toggle when nothing changed
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    # -- keyboard --------------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        key = Qt.Key(event.key())
        count = self.defn.scale_max - self.defn.scale_min + 1
        chosen = answer_for_key(event, count, first=self.first_number)
        if chosen is not None:
            self.set_answer(self.defn.scale_min + chosen)
            if self.item < self.defn.item_count:
                self.show_item(self.item + 1)
        elif key in (Qt.Key.Key_Backspace, Qt.Key.Key_Delete) or (
            key == Qt.Key.Key_0 and self.first_number > 0  # 0 clears, as in the check-in
        ):
            self.set_answer(None)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.show_item(self.item - 1)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_PageDown, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.show_item(self.item + 1)
        elif key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._step(-1 if key == Qt.Key.Key_Up else 1)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step(self, delta: int) -> None:
        lo, hi = self.defn.scale_min, self.defn.scale_max
        current = self.answer(self.item)
        if current is None:
            self.set_answer(lo if delta > 0 else hi)
        else:
            self.set_answer(max(lo, min(hi, current + delta)))

    # -- focus ring ------------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_row_card(self)


class TakeView(QWidget):
    """The whole form: heading, the question card, moving about, saving."""

    submit_requested = Signal()
    leave_requested = Signal()
    safety_answered = Signal()  # a safety answer was just chosen: open the crisis panel

    def __init__(self, defn: Definition, wording: tuple[str, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.defn = defn
        self._safety_shown = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        content = QWidget()
        form = QVBoxLayout(content)
        form.setContentsMargins(20, 12, 20, 8)
        form.setSpacing(6)
        outer.addWidget(centred_scroll(content, 820), 1)

        form.addWidget(label(defn.name, "heading"))
        intro = label(
            self.tr("Thinking about {recall}. Number keys answer and move on; ← and → move "
                    "between questions; Ctrl+Enter saves.").format(recall=defn.recall)
        )  # fmt: skip
        muted(intro)
        form.addWidget(intro)
        self.card = QuestionCard(defn, wording)
        form.addWidget(self.card)
        self.safety = label(describe.SAFETY, "advice")
        self.safety.setVisible(False)
        self.safety.setAccessibleName(self.tr("Support is available"))
        form.addWidget(self.safety)
        self.support_button = button(self.tr("See support l&ines"), self.tr("See support lines"))
        self.support_button.setVisible(False)
        self.support_button.clicked.connect(self.safety_answered)
        form.addWidget(self.support_button, 0, Qt.AlignmentFlag.AlignLeft)
        form.addStretch(1)

        bar = QHBoxLayout()
        bar.setContentsMargins(20, 6, 20, 12)
        self.back_button = button(self.tr("&Back"), self.tr("Previous question"))
        self.next_button = button(self.tr("&Next"), self.tr("Next question"))
        self.progress = QLabel()
        self.progress.setAccessibleName(self.tr("Progress"))
        self.message = label("")
        self.message.setAccessibleName(self.tr("Questionnaire status"))
        self.leave_button = button(
            self.tr("&Leave without saving"), self.tr("Leave without saving")
        )
        mark(self.leave_button, "quiet")
        self.save_button = button(self.tr("&Save answers"), self.tr("Save answers"), "primary")
        self.save_button.setAccessibleDescription(self.tr("Ctrl+Enter"))
        for widget in (self.back_button, self.next_button, self.progress):
            bar.addWidget(widget)
        bar.addWidget(self.message, 1)
        bar.addWidget(self.leave_button)
        bar.addWidget(self.save_button)
        outer.addLayout(bar)

        self.back_button.clicked.connect(lambda: self._go(-1))
        self.next_button.clicked.connect(lambda: self._go(1))
        self.leave_button.clicked.connect(self.leave_requested)
        self.save_button.clicked.connect(self.submit_requested)
        self.card.answered.connect(self._on_answered)
        self.card.moved.connect(self._on_moved)
        self._on_moved(1)

    def answers(self) -> list[int | None]:
        return list(self.card.answers)

    def _go(self, delta: int) -> None:
        self.card.show_item(self.card.item + delta)
        self.card.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_moved(self, item: int) -> None:
        self.back_button.setEnabled(item > 1)
        self.next_button.setEnabled(item < self.defn.item_count)
        self._show_progress()

    def _on_answered(self, item: int, value: object) -> None:
        self.message.clear()
        self._show_progress()
        hit = isinstance(value, int) and self.defn.safety_hit(item, value)
        if hit and not self._safety_shown:
            self._safety_shown = True
            self.safety.setVisible(True)
            self.support_button.setVisible(True)
            self.safety_answered.emit()  # straight away: before the form is finished
        elif not any(self.defn.safety_hit(i, a) for i, a in enumerate(self.card.answers, 1)):
            self._safety_shown = False  # changed back: a new safety answer asks again

    def _show_progress(self) -> None:
        done = sum(a is not None for a in self.card.answers)
        self.progress.setText(
            self.tr("{done} of {total} answered").format(done=done, total=self.defn.item_count)
        )

    def show_message(self, text: str, role: str) -> None:
        set_role(self.message, role)
        self.message.setText(text)

    def set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
