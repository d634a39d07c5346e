"""Cold start to first paint: Tend (lock screen, store exists) against a bare PySide6 window.

Both run as fresh processes, alternated, ``RUNS`` times each. Each program reports
seconds since its own process started (Linux /proc, so Python's start is counted)
to its first paint; ``tend --smoke`` prints that once its whole start-up has run,
and its "ready" figure too (context built, lock screen live).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.common import BIN, median, open_tend, ratio, report

RUNS = 7
BARE = Path(__file__).with_name("bare_window.py")


def _first_paint(cmd: list[str]) -> tuple[float, float]:
    """(seconds from process start to the first paint, to "ready"), as the program reports.

    ``tend --smoke`` prints both once its whole start-up has run; the bare window
    has no start-up after its paint, so its "ready" is its paint.
    """
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{cmd[0]} exited with {out.returncode}")
    figures = dict(line.split(": ", 1) for line in out.stdout.splitlines() if ": " in line)
    if "first-paint" not in figures:
        raise RuntimeError(f"{cmd[0]} exited without painting")
    painted = float(figures["first-paint"])
    return painted, float(figures.get("ready", painted))


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
    tend_paint = median([p for p, _ in tend])
    bare_paint = median([p for p, _ in bare])
    report("first_paint_runs", RUNS)
    report("first_paint_tend_s", tend_paint)
    report("first_paint_bare_pyside6_s", bare_paint)
    report("first_paint_ratio_tend_over_bare", ratio(tend_paint, bare_paint))
    report("first_paint_ratio_goal_met", str(ratio(tend_paint, bare_paint) <= 1.5).lower())
    # Ready: the whole start-up after the paint has run (context built, lock screen live).
    report("ready_tend_s", median([r for _, r in tend]))
