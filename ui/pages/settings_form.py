"""The preferences form, generated from ``app.settings.SETTINGS``: one row per setting.

int → spin box (its min/max), str → line edit, choices → combo box, and the
region → a combo of the known regions. Each change is saved at once through
``ctx.write`` (settings.json is written off the GUI thread) with a calm "Saved".
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.crisis import Region, regions
from app.settings import SETTINGS, Setting
from ui.context import UiContext

SAVED_HINT_MS = 2500


class PreferencesSection(QGroupBox):
    saved = Signal(str)  # the setting's key, after it reached the disk

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preferences"))
        self.ctx = ctx
        self.editors: dict[str, QWidget] = {}
        layout = QVBoxLayout(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.addLayout(self.form)
        for setting in (s for s in SETTINGS if s.shown):
            self._add_row(setting)
        self.saved_label = QLabel("", self)
        self.saved_label.setObjectName("savedHint")
        self.saved_label.setAccessibleName(self.tr("Save status"))
        layout.addWidget(self.saved_label)
        self._hide_hint = QTimer(self)
        self._hide_hint.setSingleShot(True)
        self._hide_hint.setInterval(SAVED_HINT_MS)
        self._hide_hint.timeout.connect(self.saved_label.clear)

    # -- building -------------------------------------------------------------------------
    def _add_row(self, setting: Setting) -> None:
        editor = self._editor(setting)
        editor.setObjectName(f"setting_{setting.key}")
        editor.setAccessibleName(self.tr(setting.label))
        if setting.help:
            editor.setAccessibleDescription(self.tr(setting.help))
            editor.setToolTip(self.tr(setting.help))
        self.editors[setting.key] = editor
        # Short values get short fields: a number box the width of the page reads oddly.
        editor.setMaximumWidth(
            140 if isinstance(editor, QSpinBox) else 360 if isinstance(editor, QComboBox) else 480
        )
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(editor)
        if setting.help:
            hint = QLabel(self.tr(setting.help), box)
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            column.addWidget(hint)
        label = QLabel(self.tr(setting.label) + ":", self)
        label.setBuddy(editor)
        label.setWordWrap(True)
        self.form.addRow(label, box)

    def _editor(self, setting: Setting) -> QWidget:
        current = self.ctx.tend.settings.get(setting.key)
        if setting.key == "region":
            return self._region_combo(setting, current)
        if setting.choices:
            combo = QComboBox(self)
            for value, label in setting.choices:
                combo.addItem(self.tr(label), value)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(lambda _i: self._save(setting, combo.currentData()))
            return combo
        if setting.type is int:
            spin = QSpinBox(self)
            spin.setRange(
                setting.minimum if setting.minimum is not None else -(2**31),
                setting.maximum if setting.maximum is not None else 2**31 - 1,
            )
            spin.setValue(int(current))
            spin.valueChanged.connect(lambda value: self._save(setting, int(value)))
            return spin
        if setting.type is bool:
            check = QCheckBox(self.tr(setting.label), self)
            check.setChecked(bool(current))
            check.toggled.connect(lambda on: self._save(setting, bool(on)))
            return check
        line = QLineEdit(str(current), self)
        line.setMaxLength(200)
        line.editingFinished.connect(lambda: self._save_text(setting, line))
        return line

    def _region_combo(self, setting: Setting, current: Any) -> QComboBox:
        combo = QComboBox(self)
        combo.setEnabled(False)  # filled once the list is read (a file: not on this thread)

        def fill(known: dict[str, Region]) -> None:
            for code, region in sorted(known.items(), key=lambda kv: kv[1].name):
                combo.addItem(region.name, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(lambda _i: self._save(setting, combo.currentData()))
            combo.setEnabled(True)

        self.ctx.read(regions, fill)
        return combo

    # -- saving ---------------------------------------------------------------------------
    def _save_text(self, setting: Setting, line: QLineEdit) -> None:
        if line.text().strip() != self.ctx.tend.settings.get(setting.key):
            self._save(setting, line.text())

    def _save(self, setting: Setting, value: Any) -> None:
        settings = self.ctx.tend.settings
        self.ctx.write(lambda: settings.set(setting.key, value), lambda _r: self._on_saved(setting))

    def _on_saved(self, setting: Setting) -> None:
        self.saved_label.setText(self.tr("Saved"))
        self._hide_hint.start()
        self.saved.emit(setting.key)

    def show_current(self) -> None:
        """Put the stored values back into the editors (e.g. after the page is shown again)."""
        for setting in (s for s in SETTINGS if s.shown):
            editor = self.editors[setting.key]
            current = self.ctx.tend.settings.get(setting.key)
            editor.blockSignals(True)
            try:
                if isinstance(editor, QSpinBox):
                    editor.setValue(int(current))
                elif isinstance(editor, QLineEdit):
                    editor.setText(str(current))
                elif isinstance(editor, QComboBox):
                    editor.setCurrentIndex(max(0, editor.findData(current)))
                elif isinstance(editor, QCheckBox):
                    editor.setChecked(bool(current))
            finally:
                editor.blockSignals(False)
