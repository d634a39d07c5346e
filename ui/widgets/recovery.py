"""Showing a recovery code once: big, monospace, selectable, with Copy and a promise.

``confirmed`` tells whether the person ticked "I've written it down somewhere
safe"; the Continue/Done button next to this panel follows it.

A copied code doesn't stay on the clipboard: it is cleared after a minute, and
when the panel goes away, if the clipboard still holds it.

Given Tend's folders (``paths``), the panel also saves the code to a file the
person picks (``app.security.recovery_sheet``: 0600, never inside Tend's own
folders) or prints it. Both are a few hundred bytes, written right after a modal
dialog the person answered, so they run here rather than on a worker thread.
"""

from __future__ import annotations

import itertools
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import UserFacingError
from ui.style import mark

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from app.paths import AppPaths

CLIPBOARD_CLEAR_MS = 60_000
TEXT_FILTER = "Text file (*.txt)"


# Module-level so tests can swap each for a plain function.
def ask_sheet_path(parent: QWidget) -> Path | None:
    """Where to save the code: a save-file dialog, or None if cancelled."""
    from app.security.recovery_sheet import SUGGESTED_NAME

    dialog = QFileDialog(
        parent, parent.tr("Save your recovery code"), str(Path.home() / SUGGESTED_NAME)
    )
    dialog.setNameFilter(parent.tr(TEXT_FILTER))
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    # The dialog adds ".txt" itself, before it asks about replacing a file of that name.
    dialog.setDefaultSuffix("txt")
    if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
        return None
    return Path(dialog.selectedFiles()[0])


def ask_printer(parent: QWidget) -> QPrinter | None:
    """The system's print dialog; the chosen printer, or None if cancelled."""
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(parent.tr("Print your recovery code"))
    return printer if dialog.exec() == QPrintDialog.DialogCode.Accepted else None


def sheet_html(code: str) -> str:
    """The printed page: the same words as the saved file, the code large and monospace."""
    from app.security.recovery_sheet import LINES, SHEET_TITLE

    return (
        f"<h2>{escape(SHEET_TITLE)}</h2>"
        f'<p style="font-family: monospace; font-size: 22pt; font-weight: 600;">'
        f"{escape(code)}</p>"
        f"<p>{escape(' '.join(LINES))}</p>"
    )


class _CopiedCode:
    """What was put on the clipboard, so it can be taken off again.

    A plain object (not the panel): its ``clear`` still runs once the panel's
    C++ side is gone, from the panel's ``destroyed`` signal.
    """

    def __init__(self) -> None:
        self.code = ""

    def clear(self, *_args: object) -> None:
        code, self.code = self.code, ""
        if not code or QGuiApplication.instance() is None:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard.text() == code:  # something the person copied since stays
            clipboard.clear()


class RecoveryCodePanel(QWidget):
    confirmed_changed = Signal(bool)

    def __init__(
        self,
        parent: QWidget | None = None,
        clear_after_ms: int = CLIPBOARD_CLEAR_MS,
        *,
        paths: AppPaths | None = None,
    ) -> None:
        super().__init__(parent)
        self._paths = paths  # None: no Save or Print (nowhere known to keep away from)
        self._copied = _CopiedCode()
        self.destroyed.connect(self._copied.clear)
        self.clipboard_timer = QTimer(self)
        self.clipboard_timer.setSingleShot(True)
        self.clipboard_timer.setInterval(clear_after_ms)
        self.clipboard_timer.timeout.connect(self._copied.clear)
        self.code_label = QLabel(self)
        self.code_label.setObjectName("recoveryCode")
        self.code_label.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.code_label.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.code_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code_label.setWordWrap(True)
        mark(self.code_label, "code")
        self.copy_button = QPushButton(self.tr("C&opy"), self)
        self.copy_button.setAccessibleName(self.tr("Copy the recovery code"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.written = QCheckBox(self.tr("I've &written it down somewhere safe"), self)
        self.written.setAccessibleName(self.tr("I've written it down somewhere safe"))
        self.written.toggled.connect(self.confirmed_changed)

        self.save_button = QPushButton(self.tr("Save to a &file…"), self)
        self.save_button.setAccessibleName(self.tr("Save the recovery code to a file"))
        self.save_button.setToolTip(
            self.tr("A small text file, readable only by you. A USB stick you keep safe is good.")
        )
        self.save_button.clicked.connect(self._on_save_clicked)
        self.print_button = QPushButton(self.tr("&Print…"), self)
        self.print_button.setAccessibleName(self.tr("Print the recovery code"))
        self.print_button.clicked.connect(self._on_print_clicked)
        self.kept = QLabel("", self)
        self.kept.setObjectName("recoveryKept")
        self.kept.setWordWrap(True)
        self.kept.setAccessibleName(self.tr("Where the recovery code went"))
        self.kept.hide()
        for keeper in (self.save_button, self.print_button):
            keeper.setVisible(paths is not None)

        row = QHBoxLayout()  # the three ways to keep it, side by side under the code
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addWidget(self.print_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.code_label)
        layout.addLayout(row)
        layout.addWidget(self.kept)
        layout.addWidget(self.written)
        # Tab as the eye reads: the code, its three buttons, then the check box (and on to
        # whatever follows the panel, such as Continue).
        chain = (self.code_label, self.copy_button, self.save_button, self.print_button)
        for first, second in itertools.pairwise((*chain, self.written)):
            QWidget.setTabOrder(first, second)

    def set_code(self, code: str) -> None:
        self.forget_copy()
        self.code_label.setText(code)
        # Screen readers read the groups one by one rather than as a "word".
        self.code_label.setAccessibleName(
            self.tr("Recovery code: %s") % ", ".join(" ".join(group) for group in code.split("-"))
        )
        self.copy_button.setText(self.tr("C&opy"))
        self._say("", "")
        self.written.setChecked(False)

    def code(self) -> str:
        return self.code_label.text()

    def confirmed(self) -> bool:
        return self.written.isChecked()

    def forget_copy(self) -> None:
        """Take the code off the clipboard now, if it is still there."""
        self.clipboard_timer.stop()
        self._copied.clear()

    def _on_copy_clicked(self) -> None:
        self._copied.code = self.code_label.text()
        QGuiApplication.clipboard().setText(self._copied.code)
        self.clipboard_timer.start()
        self.copy_button.setText(self.tr("Copied"))
        self.copy_button.setToolTip(self.tr("Tend takes it off the clipboard again soon"))

    # -- keeping a copy ---------------------------------------------------------------------
    def _say(self, text: str, role: str) -> None:
        self.kept.setText(text)
        mark(self.kept, role)
        self.kept.style().unpolish(self.kept)
        self.kept.style().polish(self.kept)
        self.kept.setVisible(bool(text))

    def _refused(self, target: Path) -> bool:
        from app.security.recovery_sheet import INSIDE_OWN_FOLDER

        if self._paths is not None and self._paths.owns(target):
            self._say(self.tr(INSIDE_OWN_FOLDER), "error")
            return True
        return False

    def _on_save_clicked(self) -> None:
        from app.security.recovery_sheet import save_sheet

        if self._paths is None or not self.code():
            return
        target = ask_sheet_path(self)
        if target is None:
            return
        try:
            written = save_sheet(self._paths, target, self.code())
        except UserFacingError as exc:
            self._say(self.tr(exc.message), "error")
            return
        self._say(
            self.tr(
                "Saved to {path}. Only your account on this computer can open it; a copy "
                "kept away from this computer, say on a USB stick, is safer still."
            ).format(path=written),
            "ok",
        )

    def _on_print_clicked(self) -> None:
        if self._paths is None or not self.code():
            return
        printer = ask_printer(self)
        if printer is None:
            return
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter

        to_file = printer.outputFileName()
        if to_file and self._refused(Path(to_file)):
            return
        if to_file:  # created readable by this user only, before Qt writes into it
            from app.fsutil import create_private_file

            create_private_file(Path(to_file))
        document = QTextDocument(self)
        document.setHtml(sheet_html(self.code()))
        document.print_(printer)
        document.deleteLater()
        if printer.printerState() == QPrinter.PrinterState.Error:
            self._say(
                self.tr("Tend couldn't print it. Please check the printer and try again."),
                "error",
            )
        elif to_file:
            from app.fsutil import chmod_private

            chmod_private(Path(to_file))  # printed to a file: readable by this user only
            self._say(self.tr("Saved as {path}.").format(path=to_file), "ok")
        else:
            self._say(self.tr("Sent to the printer. Keep the page somewhere safe."), "ok")
