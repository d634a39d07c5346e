"""How our own focusable widgets are announced to screen readers.

Qt chooses an accessible role from a widget's C++ class, so a question row
built on ``QFrame`` is announced as a "border" and one built on a bare
``QWidget`` as a blank "client" area. ``announce_as(ChoiceRow, Role.Grouping)``
makes every ``ChoiceRow`` a group instead: its accessible name (the question)
and description (the answer) are read as they are set on the widget.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import QAccessibleWidget, QWidget

_ROLES: dict[str, tuple[type[QWidget], QAccessible.Role]] = {}
_installed = False


def announce_as(cls: type[QWidget], role: QAccessible.Role) -> None:
    """Give every ``cls`` (and subclass without a role of its own) the accessible ``role``."""
    global _installed
    _ROLES[cls.__name__] = (cls, role)
    if not _installed:
        QAccessible.installFactory(_factory)
        _installed = True


def _factory(key: str, obj: QObject) -> QAccessibleInterface | None:
    """Asked once per class name up the widget's class chain, until one answers."""
    found = _ROLES.get(key)
    if found is None or not isinstance(obj, found[0]):
        return None
    return QAccessibleWidget(obj, found[1])
