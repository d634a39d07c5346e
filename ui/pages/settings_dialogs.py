"""The small questions the settings page asks: where to save, which file, which secret, sure?

Module-level functions so tests can swap each one for a plain function.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

JSON_FILTER = "JSON, complete and re-importable (*.json)"
CSV_FILTER = "CSV, for spreadsheets (*.csv)"
BACKUP_FILTER = "Tend backup (*.tendbackup)"
ALL_FILTER = "All files (*)"


def ask_save_path(
    parent: QWidget, title: str, suggested: Path, filters: list[str]
) -> tuple[Path, str] | None:
    """A save-file dialog; returns (path, chosen filter) or None if cancelled."""
    name, chosen = QFileDialog.getSaveFileName(parent, title, str(suggested), ";;".join(filters))
    return (Path(name), chosen) if name else None


def ask_open_path(parent: QWidget, title: str, filters: list[str]) -> Path | None:
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(Path.home()), ";;".join(filters))
    return Path(name) if name else None


def ask_backup_secret(parent: QWidget) -> str | None:
    """The backup's passphrase or recovery code, with what restoring will do."""
    text, ok = QInputDialog.getText(
        parent,
        parent.tr("Restore a backup"),
        parent.tr(
            "Restoring replaces everything in Tend now with this backup. A copy of what's "
            "here now is kept in Tend's backups folder.\n\n"
            "Type the passphrase or recovery code that was in use when the backup was made:"
        ),
        QLineEdit.EchoMode.Password,
    )
    return text if ok and text else None


def build_delete_dialog(parent: QWidget, data_folder: Path) -> QMessageBox:
    """One clear confirmation that names what goes. Cancel is the default."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(parent.tr("Delete all my data"))
    box.setText(parent.tr("Delete all of your data from this computer?"))
    box.setInformativeText(
        parent.tr(
            "This permanently deletes every check-in and note, the backups in Tend's own "
            "folder ({folder}), your key file and any key kept in the system keyring, your "
            "settings, and Tend's logs. Exports and backups you saved elsewhere are not "
            "touched.\n\nThis can't be undone. Tend will then start fresh."
        ).format(folder=data_folder)
    )
    delete = box.addButton(parent.tr("Delete everything"), QMessageBox.ButtonRole.DestructiveRole)
    delete.setObjectName("confirmDelete")
    delete.setAccessibleName(parent.tr("Delete everything"))
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    return box


def confirm_delete_all(parent: QWidget, data_folder: Path) -> bool:
    box = build_delete_dialog(parent, data_folder)
    box.exec()
    return box.clickedButton() is box.findChild(QWidget, "confirmDelete")
