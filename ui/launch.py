"""Starting the GUI, with a fast first paint.

Before the first paint only PySide6, app.paths, app.settings, app.crisis and
light UI modules are imported; the lock screen or the welcome is on screen
before SQLAlchemy, SQLCipher, Argon2 or zxcvbn are even loaded. Right after the
first paint the Tend context is built in a worker (``MainWindow.start``).
"""

from __future__ import annotations

import logging
import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QWidget

from app.paths import AppPaths
from app.settings import Settings
from ui import style
from ui.mainwindow import MainWindow, ShellOptions
from ui.taskman import TaskManager

_IMPORTED_AT = time.monotonic()  # fallback origin when /proc is not there
log = logging.getLogger(__name__)


def seconds_since_process_start() -> float:
    """Seconds since this process started (Linux: from /proc, so it includes Python startup)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            stat = f.read()
        # Field 22 (starttime, in clock ticks after boot); the command name may hold spaces.
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        ticks = os.sysconf("SC_CLK_TCK")
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        # /proc/uptime has 10 ms resolution, unlike /proc/stat's whole-second btime.
        return max(0.0, uptime - start_ticks / ticks)
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


class FirstPaintWatcher(QObject):
    """Fires ``painted`` once, when anything in ``window`` is first painted."""

    painted = Signal()

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._done = False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            not self._done
            and event.type() == QEvent.Type.Paint
            and isinstance(watched, QWidget)
            and watched.window() is self._window
        ):
            self._done = True
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.painted.emit()
        return False


def _application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    app = QApplication(sys.argv[:1])
    QApplication.setApplicationName("Tend")
    QApplication.setApplicationDisplayName("Tend")
    QApplication.setOrganizationName("Tend")
    QApplication.setDesktopFileName("tend")
    return app


def run_gui(data_dir: str | None, *, smoke: bool = False, minimised: bool = False) -> int:
    """Run Tend's window until it is closed. ``smoke``: exit 0 right after the first paint."""
    from app.logsetup import quiet_until_configured

    quiet_until_configured()
    paths = AppPaths.from_override(data_dir).ensure()
    app = _application()
    style.apply(app)
    settings = Settings(paths.settings_file)
    tasks = TaskManager()
    window = MainWindow(
        paths, settings, tasks, options=ShellOptions(geometry_file=paths.config / "window.ini")
    )
    watcher = FirstPaintWatcher(window)
    if smoke:

        def report() -> None:
            print(f"first-paint: {seconds_since_process_start():.3f}", flush=True)
            QTimer.singleShot(0, lambda: app.exit(0))

        watcher.painted.connect(report)
    else:

        def after_first_paint() -> None:
            from app.logsetup import configure  # logging.handlers: not needed for the paint

            configure(paths.log_file)
            window.crash.install_hooks()
            log.info("gui started")
            window.start()

        # After this paint has reached the screen, not inside it.
        watcher.painted.connect(lambda: QTimer.singleShot(0, after_first_paint))
    if minimised and not smoke:  # started at login: ready in the taskbar, not in the way
        window.showMinimized()
    else:
        window.show()
    code = app.exec()
    tasks.shutdown()  # finish queued writes: nothing acknowledged is lost
    if window.ctx is not None:
        window.ctx.tend.lock()
    log.info("gui stopped")
    return int(code)
