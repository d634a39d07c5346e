"""A settings row: "Start Tend when I log in" (an XDG autostart entry; see app.autostart).

The state is the entry file itself, so it is read (and written) on a worker,
never on the GUI thread. Where Tend can't set it up (Windows, macOS), the box
is disabled and the row says where the steps are.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QCheckBox, QVBoxLayout, QWidget

from app import autostart
from ui.context import UiContext
from ui.style import label


class AutostartToggle(QWidget):
    def __init__(
        self,
        ctx: UiContext,
        parent: QWidget | None = None,
        *,
        path: Path | None = None,
        platform: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._path = path
        self._platform = platform
        self.loaded = False
        self.box = QCheckBox(self.tr(autostart.LABEL), self)
        self.box.setObjectName("setting_autostart")
        self.box.setAccessibleName(self.tr(autostart.LABEL))
        self.box.setAccessibleDescription(self.tr(autostart.HELP))
        self.box.setEnabled(False)  # until the entry has been read
        self.box.toggled.connect(self.on_box_toggled)
        self.hint = label(self.tr(autostart.HELP), "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.box)
        layout.addWidget(self.hint)
        if not autostart.supported(platform):
            self.hint.setText(self.tr(autostart.UNSUPPORTED))
            self.loaded = True
            return
        self.refresh()

    def refresh(self) -> None:
        path = self._path
        self.ctx.read(lambda: autostart.is_enabled(path), self._show)

    def _show(self, on: bool) -> None:
        self.box.blockSignals(True)
        self.box.setChecked(on)
        self.box.blockSignals(False)
        self.box.setEnabled(True)
        self.loaded = True

    def on_box_toggled(self, on: bool) -> None:
        path, platform = self._path, self._platform
        paths = self.ctx.tend.paths
        data_dir = paths.data if paths.overridden else None
        job: Callable[[], bool] = lambda: autostart.set_enabled(  # noqa: E731
            on, path, platform, data_dir
        )
        self.box.setEnabled(False)
        self.ctx.write(job, self._show, self._on_error)

    def _on_error(self, exc: BaseException) -> None:
        self.refresh()  # show the state as it really is
        self.ctx.report_error(exc)
