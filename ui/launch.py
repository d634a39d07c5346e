"""Starting the GUI, with a fast first paint.

Before the first paint only PySide6, app.paths, app.settings, app.crisis and
light UI modules are imported; the lock screen or the welcome is on screen
before SQLAlchemy, SQLCipher, Argon2 or zxcvbn are even loaded. Right after the
first paint the Tend context is built in a worker (``MainWindow.start``).
"""

from __future__ import annotations

import contextlib
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


def after_first_paint(window: MainWindow, paths: AppPaths) -> None:
    """Everything that follows the first paint, in its one right order.

    The real launch, ``--smoke`` and ``tend screenshots`` all call this and only
    this, so none of them can skip a step or take them in another order: logging
    first (so the rest can log), then crash reporting, auto-lock and the global
    keys, then the Tend context in a worker (``MainWindow.start``). Whatever goes
    wrong here, the window says so in a sentence and never hangs on "Setting things up".
    """
    from app.logsetup import configure  # logging.handlers: not needed for the paint

    # A log file Tend can't open (another user's, say) doesn't stop it: it logs nowhere.
    with contextlib.suppress(OSError):
        configure(paths.log_file)
    try:
        window.install_services()
        window.crash.install_hooks()
        log.info("gui started")
        app = QApplication.instance()
        if isinstance(app, QApplication):
            style.follow_system(app)  # Qt's own word on the desktop's colour scheme
        window.start()
    except Exception:
        log.exception("start-up after the first paint failed")
        window.start_failed()


# Names of the modules loaded when the first paint happened (for tests and the bench).
modules_at_first_paint: frozenset[str] = frozenset()


def _on_first_paint(window: MainWindow, paths: AppPaths, painted: list[float]) -> None:
    global modules_at_first_paint
    painted.append(seconds_since_process_start())
    modules_at_first_paint = frozenset(sys.modules)
    # After this paint has reached the screen, not inside it.
    QTimer.singleShot(0, lambda: after_first_paint(window, paths))


SMOKE_TIMEOUT_MS = 30_000


def _smoke_report(app: QApplication, window: MainWindow, painted: list[float]) -> None:
    """``--smoke``: once start-up has finished (or failed), say so and quit."""

    def say(line: str) -> None:
        with contextlib.suppress(OSError):  # a reader that went away mustn't keep us open
            print(line, flush=True)

    def report(ok: bool) -> None:
        say(f"first-paint: {painted[0] if painted else -1:.3f}")
        say(f"ready: {seconds_since_process_start():.3f}")
        say(f"state: {window.state if ok else 'failed'}")
        QTimer.singleShot(0, lambda: app.exit(0 if ok else 1))

    def too_slow() -> None:
        say("state: not ready")
        app.exit(1)

    window.ready.connect(report)
    QTimer.singleShot(SMOKE_TIMEOUT_MS, too_slow)


def run_gui(data_dir: str | None, *, smoke: bool = False, minimised: bool = False) -> int:
    """Run Tend's window until it is closed.

    ``smoke``: the whole start-up, exactly as a person gets it, then report and exit
    (0 when Tend became ready, 1 when start-up failed or took over 30 s).
    """
    from app.logsetup import quiet_until_configured

    quiet_until_configured()
    paths = AppPaths.from_override(data_dir).ensure()
    app = _application()
    settings = Settings(paths.settings_file)  # a small JSON file: read before the paint
    style.apply(app, str(settings.get("appearance")))
    tasks = TaskManager()
    window = MainWindow(
        paths, settings, tasks, options=ShellOptions(geometry_file=paths.config / "window.ini")
    )
    painted: list[float] = []
    watcher = FirstPaintWatcher(window)
    watcher.painted.connect(lambda: _on_first_paint(window, paths, painted))
    if smoke:
        _smoke_report(app, window, painted)
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
