"""Your data: where it lives, export, import, back up, restore, and delete everything.

All file work runs on the writer lane (``ctx.write``); while one runs, the
buttons wait. Results are told in plain words, on the page and as a notice.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import Changes
from ui.context import UiContext
from ui.pages import settings_dialogs as dialogs

EVERYTHING = Changes(checkins=True, notes=True, tags=True, everything=True)


def describe_import(report: Any) -> str:
    """An ImportReport in kind words."""
    return str(report.summary())


class DataSection(QGroupBox):
    finished = Signal(str)  # the plain-words result of the last action

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your data"))
        self.ctx = ctx
        layout = QVBoxLayout(self)
        where = QLabel(
            self.tr("Tend keeps your data in this folder, encrypted:\n{folder}").format(
                folder=ctx.tend.paths.data
            ),
            self,
        )
        where.setObjectName("dataFolder")
        where.setWordWrap(True)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(where)

        row = QHBoxLayout()
        self.export_button = self._button("&Export…", "Export your entries", self.on_export)
        self.import_button = self._button("&Import…", "Import entries", self.on_import)
        self.backup_button = self._button("&Back up…", "Back up", self.on_backup)
        self.restore_button = self._button("Res&tore…", "Restore a backup", self.on_restore)
        for button in (
            self.export_button,
            self.import_button,
            self.backup_button,
            self.restore_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        hint = QLabel(
            self.tr(
                "Exports are readable files (not encrypted), so keep them somewhere private. "
                "Backups stay encrypted and open with your passphrase or recovery code."
            ),
            self,
        )
        hint.setWordWrap(True)
        hint.setProperty("role", "hint")
        layout.addWidget(hint)

        self.delete_button = self._button(
            "&Delete all my data…", "Delete all my data", self.on_delete_all
        )
        self.delete_button.setProperty("role", "destructive")
        delete_row = QHBoxLayout()
        delete_row.addWidget(self.delete_button)
        delete_row.addStretch(1)
        layout.addLayout(delete_row)

        self.result = QLabel("", self)
        self.result.setObjectName("dataResult")
        self.result.setWordWrap(True)
        layout.addWidget(self.result)

    def _button(self, text: str, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self.tr(text), self)
        button.setAccessibleName(self.tr(name))
        button.clicked.connect(slot)
        return button

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (
            self.export_button,
            self.import_button,
            self.backup_button,
            self.restore_button,
            self.delete_button,
        )

    # -- running jobs ---------------------------------------------------------------------
    def _run(self, job: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self._set_busy(True)

        def on_done(result: Any) -> None:
            self._set_busy(False)
            done(result)

        def on_error(exc: BaseException) -> None:
            self._set_busy(False)
            self.ctx.report_error(exc, source=self)

        self.ctx.write(job, on_done, on_error)

    def _set_busy(self, busy: bool) -> None:
        for button in self._buttons():
            button.setEnabled(not busy)

    def _tell(self, text: str) -> None:
        self.result.setText(text)
        self.ctx.notify(text, source=self)
        self.finished.emit(text)

    def _today(self) -> str:
        return self.ctx.tend.clock.now().date().isoformat()

    # -- actions --------------------------------------------------------------------------
    def on_export(self) -> None:
        from app.data.export import export_file

        chosen = dialogs.ask_save_path(
            self,
            self.tr("Export your entries"),
            Path.home() / f"tend-export-{self._today()}.json",
            [dialogs.JSON_FILTER, dialogs.CSV_FILTER],
        )
        if chosen is None:
            return
        path, selected = chosen
        fmt = "csv" if selected == dialogs.CSV_FILTER or path.suffix.lower() == ".csv" else "json"
        if not path.suffix:
            path = path.with_suffix("." + fmt)
        store = self.ctx.tend.require_store()

        def done(result: Any) -> None:
            self._tell(
                self.tr(
                    "Exported {checkins} check-ins and {notes} notes to {path}. "
                    "This file isn't encrypted, so keep it somewhere private."
                ).format(checkins=result.checkins, notes=result.notes, path=result.path)
            )

        self._run(lambda: export_file(store, path, fmt), done)

    def on_import(self) -> None:
        from app.data.importer import import_file

        path = dialogs.ask_open_path(
            self, self.tr("Import entries"), [dialogs.JSON_FILTER, dialogs.ALL_FILTER]
        )
        if path is None:
            return
        store = self.ctx.tend.require_store()

        def job() -> tuple[Any, Changes]:
            report = import_file(store, path)
            return report, EVERYTHING if report.changed_anything else Changes()

        self._run(job, lambda report: self._tell(self.tr(describe_import(report))))

    def on_backup(self) -> None:
        from app.data.backup import SUFFIX, make_backup

        chosen = dialogs.ask_save_path(
            self,
            self.tr("Back up"),
            Path.home() / f"tend-backup-{self._today()}{SUFFIX}",
            [dialogs.BACKUP_FILTER],
        )
        if chosen is None:
            return
        path = chosen[0] if chosen[0].suffix else chosen[0].with_suffix(SUFFIX)
        tend = self.ctx.tend

        def done(target: Path) -> None:
            self._tell(
                self.tr(
                    "Backup saved to {path}. It opens with the passphrase or recovery code "
                    "you use now."
                ).format(path=target)
            )

        self._run(lambda: make_backup(tend, path), done)

    def on_restore(self) -> None:
        from app.data.backup import restore_backup

        path = dialogs.ask_open_path(
            self, self.tr("Restore a backup"), [dialogs.BACKUP_FILTER, dialogs.ALL_FILTER]
        )
        if path is None:
            return
        secret = dialogs.ask_backup_secret(self)
        if secret is None:
            return
        tend = self.ctx.tend

        def done(_result: Any) -> None:
            self._tell(
                self.tr("Restored. Tend is locked now: unlock it with the backup's passphrase.")
            )
            self.ctx.lock_requested.emit()

        self._run(lambda: restore_backup(tend, path, secret), done)

    def on_delete_all(self) -> None:
        from app.data.erase import delete_everything

        if not dialogs.confirm_delete_all(self, self.ctx.tend.paths.data):
            return
        tend = self.ctx.tend

        def done(_result: Any) -> None:
            self._tell(self.tr("Everything Tend kept on this computer has been deleted."))
            # The store is closed and the key file gone: the window locks and, finding
            # no key file, shows the first-run welcome.
            self.ctx.lock_requested.emit()

        # No ``changed`` here: pages would re-read a store that no longer exists.
        self._run(lambda: delete_everything(tend), done)
