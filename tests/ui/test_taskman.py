"""The task runner: jobs off the GUI thread, callbacks on it, writes in order."""

from __future__ import annotations

import threading

import pytest

from ui.taskman import TaskManager

pytestmark = pytest.mark.gui


@pytest.fixture
def manager(qapp):
    m = TaskManager()
    yield m
    m.shutdown()


def test_jobs_run_off_the_gui_thread_and_callbacks_on_it(manager, qtbot):
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def job() -> int:
        seen["job"] = threading.get_ident()
        return 7

    results: list[int] = []
    manager.read(
        job, lambda value: (seen.setdefault("cb", threading.get_ident()), results.append(value))
    )
    qtbot.waitUntil(manager.idle)
    assert results == [7]
    assert seen["job"] != gui
    assert seen["cb"] == gui


def test_a_callback_is_never_called_inside_write(manager, qtbot):
    calls: list[str] = []
    manager.write(lambda: None, lambda _: calls.append("done"))
    calls.append("after write()")  # even an instant job must not call back before this
    qtbot.waitUntil(manager.idle)
    assert calls == ["after write()", "done"]


def test_writes_run_in_submission_order(manager, qtbot):
    order: list[int] = []
    for i in range(50):
        manager.write(lambda i=i: order.append(i))
    qtbot.waitUntil(manager.idle)
    assert order == list(range(50))


def test_errors_go_to_on_error_or_error_unhandled(manager, qtbot):
    handled: list[BaseException] = []
    unhandled: list[object] = []
    manager.error_unhandled.connect(unhandled.append)

    def boom() -> None:
        raise ValueError("bug")

    manager.write(boom, on_error=handled.append)
    manager.write(boom)
    qtbot.waitUntil(manager.idle)
    assert [type(e) for e in handled] == [ValueError]
    assert len(unhandled) == 1 and isinstance(unhandled[0], ValueError)


def test_shutdown_finishes_queued_writes(qapp):
    m = TaskManager()
    done: list[int] = []
    for i in range(20):
        m.write(lambda i=i: done.append(i))
    m.shutdown()
    assert done == list(range(20))
