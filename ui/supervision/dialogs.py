"""Small dialogs of the caseworker's supervision tab: book, cancel, agenda, reschedule.

Each is window-modal and opened with ``open()`` (no nested event loop). They only
collect what the person chose; the panel does the work off the GUI thread.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.services.agenda import MAX_AGENDA_CHARS
from ui.style import button, label, mark
from ui.supervision.slots_view import SlotPicker

AGENDA_PRIVATE = (
    "Only you can see this. It stays in Tend on this computer and is never shared with "
    "your team or your supervisor."
)


class _Dialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.layout_ = QVBoxLayout(self)
        self.agenda: QPlainTextEdit | None = None

    def add_agenda(self, text: str = "") -> None:
        caption, agenda = agenda_box(self, text)
        self.agenda = agenda
        self.too_long = label(
            self.tr(
                "An agenda note can be up to {n:,} characters. Could you shorten it a little?"
            ).format(n=MAX_AGENDA_CHARS),
            "error",
            self,
        )
        self.too_long.hide()
        self.layout_.addWidget(caption)
        self.layout_.addWidget(agenda, 1)
        self.layout_.addWidget(self.too_long)
        self.layout_.addWidget(label(self.tr(AGENDA_PRIVATE), "muted", self))

    def agenda_text(self) -> str:
        return "" if self.agenda is None else self.agenda.toPlainText().strip()

    def accept(self) -> None:
        if self.agenda is not None and len(self.agenda_text()) > MAX_AGENDA_CHARS:
            self.too_long.show()
            self.agenda.setFocus()
            return
        super().accept()

    def add_buttons(self, ok: str, ok_name: str, cancel: str = "Cancel") -> None:
        self.ok_button = button(self.tr(ok), self.tr(ok_name))
        mark(self.ok_button, "primary")
        self.ok_button.setDefault(True)
        self.cancel_button = button(self.tr(cancel), self.tr(cancel.replace("&", "")), "quiet")
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.ok_button)
        self.layout_.addLayout(row)


def agenda_box(parent: QWidget, text: str = "") -> tuple[QLabel, QPlainTextEdit]:
    box = QPlainTextEdit(parent)
    box.setAccessibleName(parent.tr("Agenda (only you can see this)"))
    box.setPlaceholderText(parent.tr("What you'd like to bring, if anything"))
    box.setTabChangesFocus(True)
    box.setPlainText(text)
    caption = QLabel(parent.tr("A&genda (only you can see this)"), parent)
    caption.setBuddy(box)
    return caption, box


class BookDialog(_Dialog):
    """The slot's details, and an optional private agenda note."""

    def __init__(self, details: str, agenda: str = "", parent: QWidget | None = None) -> None:
        super().__init__("Book this time", parent)
        self.layout_.addWidget(label(details, "subheading", self))
        self.add_agenda(agenda)
        self.add_buttons("&Book", "Book this time")
        self.setMinimumWidth(500)


class AgendaDialog(_Dialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__("Agenda", parent)
        self.layout_.addWidget(label(details, "subheading", self))
        self.add_agenda()
        assert self.agenda is not None
        self.agenda.setEnabled(False)  # until the note is read
        self.add_buttons("&Save", "Save agenda")
        self.ok_button.setEnabled(False)
        self.setMinimumWidth(440)

    def show_text(self, text: str) -> None:
        assert self.agenda is not None
        self.agenda.setPlainText(text)
        self.agenda.setEnabled(True)
        self.ok_button.setEnabled(True)
        self.agenda.setFocus()


class CancelDialog(_Dialog):
    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__("Cancel this session?", parent)
        self.layout_.addWidget(label(details, "subheading", self))
        self.layout_.addWidget(
            label(self.tr("Your supervisor will see that it's cancelled, and why if you say."))
        )
        self.reason = QLineEdit(self)
        self.reason.setMaxLength(500)
        self.reason.setAccessibleName(self.tr("Reason (optional)"))
        caption = QLabel(self.tr("&Reason (optional)"), self)
        caption.setBuddy(self.reason)
        self.layout_.addWidget(caption)
        self.layout_.addWidget(self.reason)
        self.add_buttons("&Cancel session", "Cancel this session", cancel="&Keep it")
        self.setMinimumWidth(420)

    def reason_text(self) -> str | None:
        return self.reason.text().strip() or None


class RescheduleDialog(_Dialog):
    """Pick another free time with the same supervisor."""

    chosen = Signal(object)  # Slot

    def __init__(self, details: str, parent: QWidget | None = None) -> None:
        super().__init__("Move this session", parent)
        self.layout_.addWidget(label(self.tr("Now: {details}").format(details=details), "", self))
        self.picker = SlotPicker(self.tr("&Move to this time"), self.tr("Move to this time"), self)
        self.picker.show_loading()
        self.picker.chosen.connect(self._on_chosen)
        self.layout_.addWidget(self.picker, 1)
        self.cancel_button = button(self.tr("&Keep it as it is"), self.tr("Keep it as it is"))
        self.cancel_button.clicked.connect(self.reject)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        self.layout_.addLayout(row)
        self.setMinimumSize(480, 360)

    def _on_chosen(self, slot: object) -> None:
        self.chosen.emit(slot)
        self.accept()
