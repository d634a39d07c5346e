"""Cold start to first paint: Tend (lock screen, store exists) against a bare PySide6 window.

Both run as fresh processes, alternated, ``RUNS`` times each. The number that
counts is wall-clock time from ``Popen`` to the ``first-paint:`` line, measured
here; each program's own report (seconds since its process started) is shown too.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import BIN, median, open_tend, ratio, report

RUNS = 7
BARE = Path(__file__).with_name("bare_window.py")


def _first_paint(cmd: list[str]) -> tuple[float, float]:
    """(wall-clock seconds to the first-paint line, the program's own figure)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("first-paint:"):
            wall = time.perf_counter() - start
            own = float(line.split(":", 1)[1])
            break
    else:
        proc.wait()
        raise RuntimeError(f"{cmd[0]} exited ({proc.returncode}) without painting")
    proc.stdout.read()
    if proc.wait(timeout=30) != 0:
        raise RuntimeError(f"{cmd[0]} exited with {proc.returncode}")
    return wall, own


def _compile_tend() -> None:
    """Byte-compile Tend as an installed copy would be (PySide6 ships its own .pyc).

    Without this, a shell with PYTHONDONTWRITEBYTECODE set recompiles Tend's
    sources on every start and the comparison measures the compiler.
    """
    root = Path(__file__).resolve().parent.parent
    dirs = [str(root / d) for d in ("app", "ui", "resources", "migrations")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *dirs], check=True)


def run() -> None:
    _compile_tend()
    with tempfile.TemporaryDirectory(prefix="tend-bench-") as tmp:
        data = Path(tmp) / "data"
        with open_tend(data):
            pass  # a store that exists, so Tend opens on its lock screen
        tend_cmd = [str(BIN / "tend"), "--smoke", "--data-dir", str(data)]
        bare_cmd = [sys.executable, str(BARE)]
        _first_paint(bare_cmd)  # warm the page cache for both, once, untimed
        _first_paint(tend_cmd)
        tend, bare = [], []
        for _ in range(RUNS):
            tend.append(_first_paint(tend_cmd))
            bare.append(_first_paint(bare_cmd))
    tend_wall = median([w for w, _ in tend])
    bare_wall = median([w for w, _ in bare])
    report("first_paint_runs", RUNS)
    report("first_paint_tend_s", tend_wall)
    report("first_paint_bare_pyside6_s", bare_wall)
    report("first_paint_ratio_tend_over_bare", ratio(tend_wall, bare_wall))
    report("first_paint_ratio_goal_met", str(ratio(tend_wall, bare_wall) <= 1.5).lower())
    report("first_paint_tend_self_reported_s", median([o for _, o in tend]))
    report("first_paint_bare_pyside6_self_reported_s", median([o for _, o in bare]))
