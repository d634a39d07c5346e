"""The baseline for start-up: a bare PySide6 window that reports its first paint.

Prints ``first-paint: <seconds since process start>`` like ``tend --smoke``, then quits.
"""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.monotonic()


def seconds_since_process_start() -> float:
    """The same clock Tend reports with (Linux /proc, so Python's own start is counted)."""
    try:
        with open("/proc/self/stat", encoding="ascii") as f:
            start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
        with open("/proc/uptime", encoding="ascii") as f:
            uptime = float(f.read().split()[0])
        return max(0.0, uptime - start_ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError):
        return time.monotonic() - _IMPORTED_AT


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv)
    window = QMainWindow()
    window.setWindowTitle("Baseline")
    window.setCentralWidget(QLabel("Hello"))
    window.resize(1024, 640)

    class Watcher(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint and not self.done:
                self.done = True
                print(f"first-paint: {seconds_since_process_start():.3f}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    watcher = Watcher()
    window.installEventFilter(watcher)
    window.centralWidget().installEventFilter(watcher)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
