"""Shared GUI fixtures.

``ui_ctx``: a UiContext over the ``unlocked`` Tend (empty store, TEST_PARAMS).
``main_window``: the unlocked main window, shown at 1280x800.
``make_window``: builds a starting window (onboarding or lock screen) over a
given Tend, as ``run_gui`` would, and calls ``start()``.
Every TaskManager is shut down at teardown (queued writes finish first); the
``tend`` fixture locks the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from app.context import Tend
from ui.context import UiContext
from ui.taskman import TaskManager


@pytest.fixture
def tasks(qapp) -> Iterator[TaskManager]:
    manager = TaskManager()
    yield manager
    manager.shutdown()


@pytest.fixture
def ui_ctx(unlocked, tasks) -> UiContext:
    """A UiContext over the ``unlocked`` Tend (empty store, TEST_PARAMS)."""
    return UiContext(unlocked, tasks)


@pytest.fixture
def main_window(ui_ctx, qtbot):
    """The unlocked main window, shown, with whichever pages exist."""
    from ui.mainwindow import MainWindow

    window = MainWindow(ui_ctx.tend.paths, ui_ctx.tend.settings, ui_ctx.tasks)
    qtbot.addWidget(window)
    window.attach(ui_ctx, unlocked=True)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(ui_ctx.tasks.idle)
    return window


@pytest.fixture
def make_window(qtbot, tasks) -> Callable[..., object]:
    """``make_window(tend, **options)``: a starting window over ``tend``, shown and started."""
    from ui.mainwindow import MainWindow, ShellOptions

    def make(tend, **options):
        window = MainWindow(
            tend.paths,
            tend.settings,
            tasks,
            tend_factory=lambda: tend,
            options=ShellOptions(**options),
        )
        qtbot.addWidget(window)
        window.resize(1024, 640)
        window.show()
        qtbot.waitExposed(window)
        window.start()
        qtbot.waitUntil(lambda: window.ctx is not None)
        return window

    return make


@pytest.fixture
def page_ctx(unlocked: Tend, qtbot) -> Iterator[UiContext]:
    """A UiContext over the unlocked Tend; bugs reported to it fail the test."""
    tasks = TaskManager()
    ctx = UiContext(unlocked, tasks)
    bugs: list[BaseException] = []
    tasks.error_unhandled.connect(bugs.append)
    yield ctx
    qtbot.waitUntil(tasks.idle)
    tasks.shutdown()
    assert bugs == []


@pytest.fixture
def appearance(qapp, monkeypatch) -> Iterator[Callable[[str], None]]:
    """``appearance("dark")`` styles the whole test application; undone afterwards."""
    from PySide6.QtGui import QPalette

    from ui import style

    sheet, colours = qapp.styleSheet(), QPalette(qapp.palette())
    monkeypatch.setattr(style, "_state", style._State())
    yield lambda name: style.apply(qapp, name)
    qapp.setStyleSheet(sheet)
    qapp.setPalette(colours)
