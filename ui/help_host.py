"""The main window's help window: shown above whatever Tend has open, one at a time.

A mixin of ``MainWindow`` (it uses the window's ``help_dialog``, ``settings()`` and
``tasks``), as ``SecurityFlows`` is for unlocking.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ui.helpdialog import HelpDialog

log = logging.getLogger("ui.mainwindow")


class HelpHost:
    def show_help(self) -> None:
        """The help window, above everything Tend shows, with the focus.

        When a modal dialog is open (a note, a pause, a booking…) the help window
        becomes that dialog's child: a window beside it would be blocked by it.
        """
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from ui.helpdialog import HelpDialog

        top = QApplication.activeModalWidget()
        owner = top if top is not None and top is not self.help_dialog else self
        if self.help_dialog is not None and self.help_dialog.isVisible():
            if self.help_dialog.parentWidget() is owner:
                self.help_dialog.raise_()
                self.help_dialog.activateWindow()
                return
            self.help_dialog.close()  # opened before that dialog: bring it up above it
        dialog = HelpDialog(self.settings(), owner, save=self._save_setting)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _=None, d=dialog: self._on_help_destroyed(d))
        self.help_dialog = dialog
        dialog.show()
        dialog.raise_()
        dialog.activateWindow()

    def _save_setting(self, key: str, value: str) -> None:
        """A setting chosen outside the Settings page (the help window's region), saved
        on the writer lane; if the disk refuses, it holds for this run only."""
        settings = self.settings()
        self.tasks.write(
            lambda: settings.set(key, value),
            None,
            lambda _exc: log.warning("could not remember the %s; kept for now", key),
        )

    def _on_help_destroyed(self, dialog: HelpDialog) -> None:
        if self.help_dialog is dialog:  # not a newer one opened since
            self.help_dialog = None
