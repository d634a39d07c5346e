"""Package data: styles, icons, crisis lines.

``path(name)`` finds a file in this package. Tend is always installed as plain
files (a wheel or an editable install), so this is a direct path rather than
``importlib.resources``, whose import alone costs ~10 ms on the way to the
first paint.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def path(name: str) -> Path:
    """The file ``name`` (e.g. ``"styles/tend.qss"``) inside this package."""
    target = (_HERE / name).resolve()
    if _HERE not in target.parents:
        raise ValueError("resource names stay inside the resources package")
    return target


def read_text(name: str) -> str:
    return path(name).read_text("utf-8")
