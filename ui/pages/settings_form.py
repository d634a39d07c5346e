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

from app import crisis
from app.crisis import Region
from app.settings import SETTINGS, Setting
from app.team.url import given_at_start, redact
from ui.context import UiContext

SAVED_HINT_MS = 2500


class PreferencesSection(QGroupBox):
    saved = Signal(str)  # the setting's key, after it reached the disk

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Preferences"))
        self.ctx = ctx
        self.editors: dict[str, QWidget] = {}
        self.hints: dict[str, QLabel] = {}
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
        hint_text = self._hint(setting)
        if hint_text:
            editor.setAccessibleDescription(hint_text)
            editor.setToolTip(hint_text)
        self.editors[setting.key] = editor
        # Short values get short fields: a number box the width of the page reads oddly.
        editor.setMaximumWidth(
            140 if isinstance(editor, QSpinBox) else 420 if isinstance(editor, QComboBox) else 480
        )
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(editor)
        if hint_text:
            hint = QLabel(hint_text, box)
            hint.setWordWrap(True)
            hint.setProperty("role", "hint")
            column.addWidget(hint)
            self.hints[setting.key] = hint
        if isinstance(editor, QCheckBox):  # a check box carries its own label: say it once
            self.form.addRow(QLabel(self), box)
            return
        label = QLabel(self.tr(setting.label) + ":", self)
        label.setBuddy(editor)
        label.setWordWrap(True)
        self.form.addRow(label, box)

    def _hint(self, setting: Setting) -> str:
        if setting.key == "team_url" and given_at_start():
            line = self.tr(
                "Tend was started with this address (--team-url or $TEND_TEAM_URL), so it is "
                "the one in use and can't be changed here."
            )
            saved = str(self.ctx.tend.settings.get(setting.key))
            if saved:
                line += " " + self.tr(
                    "When started without it, Tend goes back to the one saved here: {saved}"
                ).format(saved=redact(saved))
            return line
        return self.tr(setting.help) if setting.help else ""

    def _given_team_url(self) -> QLineEdit:
        """The address from the command line or environment: shown, not editable, not saved."""
        line = QLineEdit(redact(given_at_start()), self)  # never a password on screen
        line.setReadOnly(True)
        line.setProperty("fromStart", True)
        line.setCursorPosition(0)
        return line

    def _editor(self, setting: Setting) -> QWidget:
        current = self.ctx.tend.settings.get(setting.key)
        if setting.key == "team_url" and given_at_start():
            return self._given_team_url()
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
            combo.addItem(self._region_not_chosen(known), "")
            for code, name in crisis.choices(known):
                combo.addItem(name, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.currentIndexChanged.connect(lambda _i: self._save(setting, combo.currentData()))
            combo.setEnabled(True)

        self.ctx.read(crisis.regions, fill)
        return combo

    def _region_not_chosen(self, known: dict[str, Region]) -> str:
        """The entry for "not chosen yet": say what that means on this computer."""
        detected = crisis.system_region()
        if detected is not None and detected in known:
            return self.tr("Going by this computer: %s") % known[detected].name
        return self.tr("Not chosen yet (help will ask)")

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
            if editor.property("fromStart"):
                continue  # the start-up address, not a saved value
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
