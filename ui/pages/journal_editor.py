"""Writing or editing a note, in a small dialog over the journal."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain import Note, NoteDraft
from app.errors import UserFacingError, ValidationError
from ui.context import UiContext
from ui.pages.checkin_widgets import TagsEdit, day_edit, from_qdate, muted, set_role, to_qdate
from ui.style import mark

log = logging.getLogger(__name__)


def confirm_discard(parent: QWidget) -> bool:
    """Ask once before throwing away unsaved writing. Keeping it is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(parent.tr("Unsaved note"))
    box.setText(parent.tr("Close without saving? What you wrote here will be lost."))
    discard = box.addButton(
        parent.tr("Close without saving"), QMessageBox.ButtonRole.DestructiveRole
    )
    keep = box.addButton(parent.tr("Keep writing"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    box.exec()
    return box.clickedButton() is discard


class NoteEditor(QDialog):
    """A new note when ``note`` is None, otherwise an edit of it."""

    saved = Signal(object)  # app.domain.Note

    def __init__(
        self,
        ctx: UiContext,
        note: Note | None,
        known_tags: list[str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._note = note
        self._saving = False
        self._dirty = False
        self.setWindowTitle(self.tr("New note") if note is None else self.tr("Edit note"))
        self.setMinimumSize(520, 400)  # fixed up front: the layout then never resizes the window
        today = ctx.tend.clock.now().date()
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        self.day = day_edit(today, self.tr("Day of this note"))
        day_label = QLabel(self.tr("&Day"))
        day_label.setBuddy(self.day)
        top.addWidget(day_label)
        top.addWidget(self.day)
        top.addStretch(1)
        layout.addLayout(top)

        self.body = QPlainTextEdit()
        self.body.setTabChangesFocus(True)
        self.body.setAccessibleName(self.tr("Note"))
        self.body.setPlaceholderText(self.tr("Write whatever is on your mind."))
        layout.addWidget(self.body, 1)

        self.tags = TagsEdit()
        self.tags.set_known_tags(known_tags)
        tags_line = QHBoxLayout()
        tags_label = QLabel(self.tr("T&ags"))
        tags_label.setBuddy(self.tags)
        tags_line.addWidget(tags_label)
        tags_line.addWidget(self.tags, 1)
        layout.addLayout(tags_line)

        bar = QHBoxLayout()
        self.message = QLabel()
        self.message.setWordWrap(True)
        bar.addWidget(self.message, 1)
        hint = QLabel(self.tr("Ctrl+Enter saves"))
        muted(hint)
        bar.addWidget(hint)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setAutoDefault(False)
        self.save_button = QPushButton(self.tr("&Save note"))
        self.save_button.setAutoDefault(False)  # Enter in the text box is a new line
        mark(self.save_button, "primary")
        for button in (self.cancel_button, self.save_button):
            button.setAccessibleName(button.text().replace("&", ""))
            bar.addWidget(button)
        layout.addLayout(bar)

        if note is not None:
            self.day.setDate(to_qdate(note.day))
            self.body.setPlainText(note.body)
            self.tags.set_tags(note.tags)
        self.body.textChanged.connect(self._on_edited)
        self.tags.textEdited.connect(self._on_edited)
        self.day.dateChanged.connect(self._on_edited)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self).activated.connect(self.save)
        self.body.setFocus()

    @property
    def dirty(self) -> bool:
        return self._dirty

    def _on_edited(self, *_args: object) -> None:
        self._dirty = True
        self.message.clear()

    def draft(self) -> NoteDraft:
        return NoteDraft(
            day=from_qdate(self.day.date()), body=self.body.toPlainText(), tags=self.tags.tags()
        )

    def save(self) -> None:
        if self._saving:
            return
        draft, note = self.draft(), self._note
        self._saving = True
        self.save_button.setEnabled(False)

        def job() -> tuple[Note, object]:
            journal = self.ctx.tend.require_store().journal
            return journal.add_note(draft) if note is None else journal.update_note(note.id, draft)

        self.ctx.write(job, self._on_saved, self._on_failed)

    def save_for_lock(self) -> None:
        """Tend is locking or closing: save unsaved writing rather than lose it.

        Queued on the writer lane, so it lands before the store closes. A note that
        can't be saved as it is (e.g. empty) is dropped; one already being saved is left
        to that save.
        """
        if not self._dirty or self._saving:
            return
        draft, note = self.draft(), self._note
        try:
            draft = draft.validated(self.ctx.tend.clock.now().date())
        except ValidationError:
            log.info("unsaved note not valid; not saved on lock")
            return
        self._dirty = False
        journal = self.ctx.tend.require_store().journal

        def job() -> tuple[Note, object]:
            return journal.add_note(draft) if note is None else journal.update_note(note.id, draft)

        # Straight to the task runner: no ``changed`` (the pages are going away), so no
        # reads start while the store closes.
        self.ctx.tasks.write(job, None, self.ctx.report_error)
        log.info("unsaved note saved on lock")

    def _on_saved(self, note: Note) -> None:
        if not isValid(self):
            return
        self._saving = False
        self._dirty = False
        self.saved.emit(note)
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._saving = False
        self.save_button.setEnabled(True)
        set_role(self.message, "error")
        if isinstance(exc, UserFacingError):
            self.message.setText(exc.message)
            if not isinstance(exc, ValidationError):
                self.ctx.report_error(exc)
        else:
            self.message.setText(self.tr("That didn't save. Your note is still here."))
            self.ctx.report_error(exc)

    # Closing by hand (Cancel, Escape, the window's close button) asks before losing
    # words; ``reject()`` itself doesn't, because locking Tend closes dialogs with it
    # (after ``save_for_lock`` has queued the save).
    def cancel(self) -> None:
        if self._dirty and self.body.toPlainText().strip() and not confirm_discard(self):
            return
        self.reject()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if event.spontaneous() and self._dirty and self.body.toPlainText().strip():
            event.ignore()
            self.cancel()
            return
        super().closeEvent(event)
