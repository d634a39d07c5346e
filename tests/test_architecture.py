"""app/ never imports Qt: import every app module in a fresh interpreter and look."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import app


def test_app_never_imports_qt_or_matplotlib():
    modules = [m.name for m in pkgutil.walk_packages(app.__path__, "app.")]
    assert len(modules) > 10
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'matplotlib', 'numpy'))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
