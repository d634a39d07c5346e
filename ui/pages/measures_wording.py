"""Adding a published questionnaire's wording: a paste box or a file, counted as you go."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from app.domain import Changes
from app.errors import UserFacingError, ValidationError
from app.measures.definitions import Definition
from app.measures.wording import parse_items, read_file
from ui.context import UiContext
from ui.pages.checkin_widgets import muted, set_role
from ui.style import button, label


class WordingDialog(QDialog):
    """Paste or open the items; Tend checks the count before keeping them."""

    saved = Signal()

    def __init__(self, ctx: UiContext, defn: Definition, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.defn = defn
        self._busy = False
        self.setWindowTitle(self.tr("Add the wording"))
        self.setModal(True)
        self.resize(640, 520)
        layout = QVBoxLayout(self)
        layout.addWidget(
            label(self.tr("Add the wording for {name}").format(name=defn.name), "heading")
        )
        layout.addWidget(
            label(
                self.tr(
                    "Tend doesn't include the wording of published questionnaires: it belongs "
                    "to their authors and is used exactly as printed. Copy the {n} questions "
                    "from the official form (your organisation may have a copy), one per line, "
                    "or open a text or JSON file. Numbers such as “1.” at the start of a line "
                    "are left out. The wording stays in Tend's encrypted store."
                ).format(n=defn.item_count)
            )
        )
        credit = label(defn.attribution)
        muted(credit)
        layout.addWidget(credit)
        self.edit = QPlainTextEdit()
        self.edit.setTabChangesFocus(True)
        self.edit.setAccessibleName(self.tr("Questions, one per line"))
        self.edit.setPlaceholderText(self.tr("Paste the questions here, one per line"))
        box_label = QLabel(self.tr("&Questions, one per line"))
        box_label.setBuddy(self.edit)
        layout.addWidget(box_label)
        layout.addWidget(self.edit, 1)
        self.count = label("")
        self.count.setAccessibleName(self.tr("Question count"))
        layout.addWidget(self.count)
        self.message = label("")
        self.message.setAccessibleName(self.tr("Wording status"))
        layout.addWidget(self.message)
        bar = QHBoxLayout()
        self.open_button = button(self.tr("&Open a file…"), self.tr("Open a wording file"))
        self.cancel_button = button(self.tr("Cancel"), self.tr("Cancel"))
        self.save_button = button(self.tr("&Save wording"), self.tr("Save wording"), "primary")
        self.save_button.setDefault(True)
        bar.addWidget(self.open_button)
        bar.addStretch(1)
        bar.addWidget(self.cancel_button)
        bar.addWidget(self.save_button)
        layout.addLayout(bar)

        self.edit.textChanged.connect(self._count)
        self.open_button.clicked.connect(self._on_open)
        self.cancel_button.clicked.connect(self.reject)
        self.save_button.clicked.connect(self.save)
        self._count()

    def _count(self) -> None:
        try:
            found = len(parse_items(self.edit.toPlainText()))
        except ValidationError:
            found = -1
        need = self.defn.item_count
        if found < 0:
            text = self.tr("Tend can't read this as a list of questions yet.")
        elif found == need:
            text = self.tr("{n} questions: that's all of them.").format(n=found)
        else:
            text = self.tr("{found} of {need} questions so far.").format(found=found, need=need)
        self.count.setText(text)
        self.message.clear()

    def _on_open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open the questions"),
            "",
            self.tr("Text or JSON (*.txt *.json);;All files (*)"),
        )
        if path:
            self.load_file(Path(path))

    def load_file(self, path: Path) -> None:
        """Read ``path`` on a worker thread and put its text in the box to check."""
        self.ctx.read(lambda: read_file(path), self._on_file_read, self._on_failed)

    def _on_file_read(self, text: str) -> None:
        if isValid(self):
            self.edit.setPlainText(text)

    def save(self) -> None:
        if self._busy:
            return
        self._busy = True
        self.save_button.setEnabled(False)
        text = self.edit.toPlainText()
        measure_id = self.defn.id

        def work() -> Changes:
            return self.ctx.tend.require_store().measures.set_wording(measure_id, parse_items(text))

        self.ctx.write(work, self._on_saved, self._on_failed)

    def _on_saved(self, _changes: object) -> None:
        if not isValid(self):
            return
        self._busy = False
        self.save_button.setEnabled(True)
        self.saved.emit()
        self.accept()

    def _on_failed(self, exc: BaseException) -> None:
        if not isValid(self):
            return
        self._busy = False
        self.save_button.setEnabled(True)
        if isinstance(exc, UserFacingError):
            set_role(self.message, "error")
            self.message.setText(exc.message)
        else:
            self.ctx.report_error(exc)
