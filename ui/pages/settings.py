"""Settings: preferences (generated from app.settings), privacy and security, your data."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

from ui.autostart import AutostartToggle
from ui.context import UiContext
from ui.pages.settings_data import DataSection
from ui.pages.settings_form import PreferencesSection
from ui.pages.settings_security import SecuritySection


class SettingsPage(QWidget):
    key = "settings"
    title = "Settings"

    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("settingsPage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(scroll)

        body = QWidget(scroll)
        layout = QVBoxLayout(body)  # no heading of its own: the workspace shows the title
        self.preferences = PreferencesSection(ctx, body)
        self.autostart = AutostartToggle(ctx, body)
        self.preferences.saved.connect(self._on_preference_saved)
        self.security = SecuritySection(ctx, body)
        self.data = DataSection(ctx, body)
        for section in (self.preferences, self.autostart, self.security, self.data):
            layout.addWidget(section)
        layout.addStretch(1)
        scroll.setWidget(body)
        self.security.refresh()

    def activate(self, arg: str | None) -> None:
        self.preferences.show_current()
        self.security.refresh()

    def _on_preference_saved(self, key: str) -> None:
        if key == "appearance":  # light or dark at once, everywhere
            from PySide6.QtWidgets import QApplication

            from ui import style

            app = QApplication.instance()
            if isinstance(app, QApplication):
                style.apply(app, str(self.ctx.tend.settings.get("appearance")))
                style.follow_system(app)
