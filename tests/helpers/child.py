"""Running a short Python script in a child process, as Tend starts (offscreen Qt)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def run_offscreen(
    script: str, *args: str | Path, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, "-c", script, *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        check=False,
    )
