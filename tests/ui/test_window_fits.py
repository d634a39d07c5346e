"""The window fits the screen it opens on: its first size, and a size saved elsewhere."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow

from app.paths import AppPaths
from app.settings import Settings
from ui.mainwindow import MainWindow, ShellOptions
from ui.window_geometry import TITLE_BAR_ALLOWANCE

pytestmark = pytest.mark.gui


def _window(tmp_path, tasks, qtbot) -> MainWindow:
    paths = AppPaths.from_override(str(tmp_path / "data")).ensure()
    window = MainWindow(
        paths,
        Settings(paths.settings_file),
        tasks,
        options=ShellOptions(geometry_file=tmp_path / "window.ini"),
    )
    qtbot.addWidget(window)
    return window


def _free():
    return QGuiApplication.primaryScreen().availableGeometry()


def _inside(window: QMainWindow) -> bool:
    """The whole window, its frame (or, before it is shown, room for one) included."""
    frame = window.frameGeometry()
    if frame == window.geometry():
        frame = frame.adjusted(0, 0, 0, TITLE_BAR_ALLOWANCE)
    assert _free().contains(frame), (frame, _free())
    return True


def test_the_first_window_fits_the_screen_whatever_its_size(tmp_path, tasks, qtbot):
    window = _window(tmp_path, tasks, qtbot)
    assert _inside(window)
    assert window.width() == min(1024, _free().width())


def test_a_window_bigger_than_the_screen_is_brought_inside(tmp_path, tasks, qtbot):
    window = _window(tmp_path, tasks, qtbot)
    free = _free()
    window.setGeometry(free.x() + 300, free.y() + 200, free.width() + 400, free.height() + 300)
    window.fit_to_screen()
    assert _inside(window)


def test_a_geometry_saved_on_a_bigger_monitor_is_brought_back_on_screen(tmp_path, tasks, qtbot):
    big = QMainWindow()
    qtbot.addWidget(big)
    big.setGeometry(2600, 1900, 2400, 1600)  # a second, larger monitor to the lower right
    settings = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    settings.setValue("geometry", big.saveGeometry())
    settings.sync()

    window = _window(tmp_path, tasks, qtbot)

    assert _inside(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(20)  # the fit with the real frame runs just after the show
    assert _inside(window)
