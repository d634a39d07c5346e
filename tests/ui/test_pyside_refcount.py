"""Guard against PySide6 6.12.0's reference-count bug coming back.

That release dropped a reference to ``True`` on every ``SignalInstance.emit()`` and
``disconnect()``; after a few thousand (an ordinary session: every finished task
emits) CPython 3.11 aborts with "Fatal Python error: bool_dealloc". pyproject
excludes 6.12.0; if a newer PySide6 has the same bug, this fails before users crash.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class _Emitter(QObject):
    fired = Signal(object)


def test_emit_keeps_references_to_true(qapp):
    emitter = _Emitter()
    emitter.fired.connect(lambda value: None)
    before = sys.getrefcount(True)
    for i in range(200):
        emitter.fired.emit(i)
    assert abs(sys.getrefcount(True) - before) < 20


def test_disconnect_keeps_references_to_true(qapp):
    emitter = _Emitter()
    before = sys.getrefcount(True)
    for _ in range(200):

        def slot(value: object) -> None:
            pass

        emitter.fired.connect(slot)
        emitter.fired.disconnect(slot)
    assert abs(sys.getrefcount(True) - before) < 20
