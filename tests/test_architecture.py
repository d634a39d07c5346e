"""app/ never imports Qt: import every app module in a fresh interpreter and look.

matplotlib and numpy are heavy, so they too stay out of every app module, except
the chart and summary packages (``app.charts``, ``app.summary``), which exist to
use them and are imported only after unlock. The GUI's first paint is checked
separately for them (tests/ui/test_shell.py: nothing heavy before the first paint).
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import app

PLOTTING = ("app.charts", "app.summary")


def _loaded_after_importing(modules: list[str], roots: tuple[str, ...]) -> list[str]:
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        f"bad = sorted(m for m in sys.modules if m.split('.')[0] in {roots!r})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return [m for m in out.stdout.strip().split(",") if m]


def _app_modules() -> list[str]:
    return [m.name for m in pkgutil.walk_packages(app.__path__, "app.")]


def _plotting(name: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in PLOTTING)


def test_app_never_imports_qt_or_matplotlib():
    modules = [m for m in _app_modules() if not _plotting(m)]
    assert len(modules) > 10
    assert _loaded_after_importing(modules, ("PySide6", "shiboken6", "matplotlib", "numpy")) == []


def test_charts_and_summary_never_import_qt():
    modules = [m for m in _app_modules() if _plotting(m)]
    assert "app.charts.figures" in modules
    assert _loaded_after_importing(modules, ("PySide6", "shiboken6")) == []
