"""Small widgets for answering quickly: a row of choices, a tags box, a day picker.

``ChoiceRow`` is one keyboard stop (one Tab per question). Inside it, number
keys pick an answer and move on to the next question, arrow keys move the
answer, and 0 / Backspace / Delete clear it (unless the row always has an
answer, like the kind of day). The buttons take clicks but never focus, so Tab
always goes question to question. A screen reader hears the row as a group
named by its question, with the answer as its description ("4 of 5, Good").
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QEvent, QModelIndex, QStringListModel, Qt, Signal
from PySide6.QtGui import (
    QAccessible,
    QColor,
    QFocusEvent,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from app.domain import EARLIEST_DAY
from ui.accessible import announce_as
from ui.style import colours, mark, themed
from ui.widgets.dates import DateBox

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}


def number_key(event: QKeyEvent) -> int | None:
    """The digit a key press types (top row or keypad), or None for any other key."""
    return _DIGITS.get(Qt.Key(event.key()))


def answer_for_key(event: QKeyEvent, count: int, first: int = 1) -> int | None:
    """Which of ``count`` answers a number key picks (0-based; None for any other key).

    The check-in's keys: 1 for the first answer, 2 for the second, and so on.
    ``first=0`` numbers the answers from 0 instead, as some printed forms do.
    """
    n = number_key(event)
    return n - first if n is not None and first <= n < first + count else None


# The house colours (ui/themes.py, as in tend.qss): teal for a chosen answer, the focus ring.
# Kept here, next to the only widget that uses them, until tend.qss grows a choice rule.
_BUTTON_STYLE = """
QPushButton#choice {
    background: $surface; border: 1px solid $border; border-radius: 6px;
    padding: 4px 10px; min-height: 22px;
}
QPushButton#choice:hover { border-color: $accent; }
QPushButton#choice:checked {
    background: $accent; color: $on_accent; border-color: $accent_border;
}
"""


def paint_row_card(widget: QWidget) -> None:
    """A question row's rounded card: a soft fill, or a clear ring while it has focus."""
    painter = QPainter(widget)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    if widget.hasFocus():
        painter.setPen(QPen(QColor(colours().focus), 2))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(widget.palette().alternateBase())
    painter.drawRoundedRect(widget.rect().adjusted(1, 1, -1, -1), 8, 8)
    painter.end()


class ChoiceRow(QFrame):
    """A question with a few exclusive, optional answers.

    Each choice is (value, button text, spoken label): ``(4, "4", "Good")`` shows
    "4", and is read as "4, Good" on its button and "4 of 5, Good" on the row.
    """

    value_changed = Signal(object)  # the chosen value, or None when cleared

    def __init__(
        self,
        question: str,
        choices: list[tuple[Any, str, str]],  # (value, button text, spoken label)
        anchors: tuple[str, str] | None = None,
        allow_clear: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._values = [c[0] for c in choices]
        self._spoken = [c[2] for c in choices]
        self._value: Any = None
        self._allow_clear = allow_clear
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        announce_as(ChoiceRow, QAccessible.Role.Grouping)  # not a "border"
        self.setAccessibleName(question)
        themed(self, _BUTTON_STYLE)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        self.label = QLabel(question)
        self.label.setWordWrap(True)
        self.label.setMinimumWidth(150)
        self.label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        layout.addWidget(self.label, 1)
        self.buttons: list[QPushButton] = []
        self.anchors: list[QLabel] = []  # the words under each end, e.g. "Calm" … "Very stressed"
        if anchors is not None:
            self.anchors.append(self._anchor(anchors[0], Qt.AlignmentFlag.AlignRight))
            layout.addWidget(self.anchors[0])
        for i, (_value, text, spoken) in enumerate(choices):
            button = QPushButton(text)
            button.setObjectName("choice")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setAccessibleName(spoken if text == spoken else f"{text}, {spoken}")
            button.setToolTip(spoken)  # our own wording only, never the person's text
            button.clicked.connect(lambda _=False, i=i: self._on_clicked(i))
            layout.addWidget(button)
            self.buttons.append(button)
        if anchors is not None:
            self.anchors.append(self._anchor(anchors[1], Qt.AlignmentFlag.AlignLeft))
            layout.addWidget(self.anchors[1])
        self.clear_button = QPushButton(self.tr("Clear"))
        self.clear_button.setFlat(True)
        mark(self.clear_button, "quiet")
        self.clear_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.clear_button.setAccessibleName(self.tr("Clear this answer"))
        self.clear_button.clicked.connect(lambda: self.set_value(None))
        keep = self.clear_button.sizePolicy()
        keep.setRetainSizeWhenHidden(True)  # no jumping when it appears
        self.clear_button.setSizePolicy(keep)
        layout.addWidget(self.clear_button)
        self._sync()

    @staticmethod
    def _anchor(text: str, align: Qt.AlignmentFlag) -> QLabel:
        label = QLabel(text)
        label.setAlignment(align | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance(text) + 4)
        muted(label)
        return label

    # -- value ------------------------------------------------------------------------
    def value(self) -> Any:
        return self._value

    def set_value(self, value: Any) -> None:
        if value is not None and value not in self._values:
            raise ValueError("not one of this row's choices")
        if value is None and not self._allow_clear:
            value = self._values[0]
        if value == self._value:
            return
        self._value = value
        self._sync()
        self.value_changed.emit(value)

    def _sync(self) -> None:
        for value, button in zip(self._values, self.buttons, strict=True):
            button.setChecked(value == self._value)
        self.clear_button.setVisible(self._allow_clear and self._value is not None)
        if self._value is None:
            self.setAccessibleDescription(self.tr("Not answered"))
        else:
            i = self._values.index(self._value)
            self.setAccessibleDescription(
                self.tr("{n} of {total}, {label}").format(
                    n=i + 1, total=len(self._values), label=self._spoken[i]
                )
            )

    def _on_clicked(self, i: int) -> None:
        # Clicking the chosen answer again clears it: every question is optional.
        # A row that always has an answer keeps it instead.
        again = self._values[i] == self._value
        if not again:
            self.set_value(self._values[i])
        elif self._allow_clear:
            self.set_value(None)
        self._sync()  # undo the button's own toggle when nothing changed
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    # -- keyboard ---------------------------------------------------------------------
    def keyPressEvent(self, event: QKeyEvent) -> None:
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        key = event.key()
        if mods != Qt.KeyboardModifier.NoModifier:
            super().keyPressEvent(event)
            return
        chosen = answer_for_key(event, len(self._values))
        if chosen is not None:
            self.set_value(self._values[chosen])
            self.focusNextChild()  # answered: on to the next question
        elif key in (Qt.Key.Key_0, Qt.Key.Key_Backspace, Qt.Key.Key_Delete):
            if self._allow_clear:  # otherwise a stray key must not reset the answer
                self.set_value(None)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step(-1 if key == Qt.Key.Key_Left else 1)
        elif key == Qt.Key.Key_Home:
            self.set_value(self._values[0])
        elif key == Qt.Key.Key_End:
            self.set_value(self._values[-1])
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _step(self, delta: int) -> None:
        if self._value is None:
            i = 0 if delta > 0 else len(self._values) - 1
        else:
            i = max(0, min(len(self._values) - 1, self._values.index(self._value) + delta))
        self.set_value(self._values[i])

    # -- focus ring ---------------------------------------------------------------------
    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        paint_row_card(self)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.EnabledChange:
            self.update()


def align_anchors(rows: list[ChoiceRow]) -> None:
    """Give each end's anchors one width, so the 1–5 buttons line up from row to row."""
    for end in (0, 1):
        labels = [row.anchors[end] for row in rows if row.anchors]
        width = max((label.minimumSizeHint().width() for label in labels), default=0)
        for label in labels:
            label.setFixedWidth(width)


class _TagCompleter(QCompleter):
    """Completes only the tag being typed after the last comma."""

    def __init__(self, edit: QLineEdit) -> None:
        super().__init__(edit)
        self._edit = edit
        self._model = QStringListModel(self)
        self.setModel(self._model)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)

    def set_tags(self, tags: list[str]) -> None:
        self._model.setStringList(tags)

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex) -> str:
        done = self._edit.text().rsplit(",", 1)[0] if "," in self._edit.text() else ""
        picked = str(index.data())
        return f"{done}, {picked}, " if done else f"{picked}, "


class TagsEdit(QLineEdit):
    """Comma-separated tags, completing from tags already used."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Tags, separated by commas (optional)"))
        self.setAccessibleName(self.tr("Tags"))
        self.setAccessibleDescription(self.tr("Separate tags with commas"))
        self._completer = _TagCompleter(self)
        self.setCompleter(self._completer)

    def set_known_tags(self, tags: list[str]) -> None:
        self._completer.set_tags(tags)

    def tags(self) -> tuple[str, ...]:
        return tuple(t.strip() for t in self.text().split(",") if t.strip())

    def set_tags(self, tags: tuple[str, ...]) -> None:
        self.setText(", ".join(tags))


def may_take_focus(page: QWidget) -> bool:
    """Whether a page being shown should move the keyboard focus into itself.

    Yes, unless the person is moving through a visible list outside the page
    (the navigation): pulling focus away there would break arrow-key browsing.
    """
    current = QApplication.focusWidget()
    if current is None or page.isAncestorOf(current) or not current.isVisible():
        return True
    return not isinstance(current, QAbstractItemView)


def muted(label: QLabel) -> None:
    """Secondary text, still readable: the house "muted" role, or the palette's
    placeholder colour when no stylesheet is applied."""
    mark(label, "muted")
    palette = label.palette()
    palette.setColor(
        QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText)
    )
    label.setPalette(palette)


def set_role(widget: QWidget, role: str) -> None:
    """Change a widget's style role after it was shown (the style must re-read it)."""
    mark(widget, role)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def to_qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def day_edit(today: dt.date, accessible_name: str, parent: QWidget | None = None) -> QDateEdit:
    """A date picker that can't go past today."""
    edit = DateBox(parent)  # "Wed 30 Sep 2026" whole, at any window size
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setAccessibleName(accessible_name)
    edit.setMinimumDate(to_qdate(EARLIEST_DAY))
    limit_to_today(edit, today)
    edit.setDate(to_qdate(today))
    return edit


def limit_to_today(edit: QDateEdit, today: dt.date) -> None:
    edit.setMaximumDate(to_qdate(today))
