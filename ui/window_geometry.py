"""Where the main window opens: its saved place and size, kept on the screen it opens on.

The geometry is the only thing Tend keeps in QSettings (an INI file of its own,
never the person's data). A geometry saved on a bigger or second monitor, or the
default size on a small laptop, is brought back inside the screen's free area.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

DEFAULT_SIZE = (1024, 680)
# Room for the window manager's title bar, which isn't part of the window's own size.
TITLE_BAR_ALLOWANCE = 32


def _settings(file: Path | None) -> QSettings | None:
    return None if file is None else QSettings(str(file), QSettings.Format.IniFormat)


def restore(window: QWidget, file: Path | None) -> None:
    """Put ``window`` where it was last closed, if that was saved."""
    qs = _settings(file)
    value = qs.value("geometry") if qs is not None else None
    if not isinstance(value, QByteArray):
        return
    # Read it through a throwaway widget, then place the window ourselves: restoring
    # straight onto it lets Qt re-apply the saved rectangle as the window maps.
    probe = QWidget()
    try:
        if not probe.restoreGeometry(value):
            return
        window.setGeometry(probe.normalGeometry() if probe.isMaximized() else probe.geometry())
        if probe.isMaximized():
            window.setWindowState(probe.windowState())
    finally:
        probe.deleteLater()


def save(window: QWidget, file: Path | None) -> None:
    qs = _settings(file)
    if qs is not None:
        qs.setValue("geometry", window.saveGeometry())
        qs.sync()


def fit_to_screen(window: QWidget) -> None:
    """Keep ``window`` on its screen and no bigger than the screen's free area."""
    if window.isMaximized() or window.isFullScreen():
        return
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        return
    free = screen.availableGeometry()
    frame, inner = window.frameGeometry(), window.geometry()
    # The window manager's frame: known once shown; until then, room for a title bar.
    extra_w = max(frame.width() - inner.width(), 0)
    extra_h = max(frame.height() - inner.height(), TITLE_BAR_ALLOWANCE)
    width = min(window.width(), free.width() - extra_w)
    height = min(window.height(), free.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    x = min(max(frame.left(), free.left()), free.right() + 1 - width - extra_w)
    y = min(max(frame.top(), free.top()), free.bottom() + 1 - height - extra_h)
    if (x, y) != (frame.left(), frame.top()):
        window.move(max(x, free.left()), max(y, free.top()))
