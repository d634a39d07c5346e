"""Privacy of supervision agenda notes: a marker in them is nowhere on disk in readable
form (data folder, logs, temp files) and never in a reminder, except in the person's own
JSON export.

Same method as tests/test_privacy.py (its scanner is reused): the work runs in a child
process whose TMPDIR is a fresh directory, so every temp file lands where we look.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.test_privacy import ROOT, scan


def test_agenda_text_never_leaks_outside_an_export(tmp_path):
    marker = "tendagenda" + secrets.token_hex(8)
    data_dir, temp_dir, export_dir = tmp_path / "data", tmp_path / "tmp", tmp_path / "export"
    temp_dir.mkdir()
    export_dir.mkdir()
    started = time.time() - 1
    env = {**os.environ, "TMPDIR": str(temp_dir), "TEMP": str(temp_dir), "TMP": str(temp_dir)}
    env["SQLITE_TMPDIR"] = str(temp_dir)
    env.pop("TEND_DATA_DIR", None)
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "tests.app.services.agenda_privacy_child",
            str(data_dir),
            str(export_dir),
            marker,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("OK")
    assert marker not in result.stdout + result.stderr

    logged = (data_dir / "logs" / "tend.log").read_text()
    assert "validation" in logged and "agenda note" in logged  # events were logged

    assert scan([data_dir, temp_dir], marker) == []
    assert scan([export_dir / "export.json"], marker), "the JSON export should show the note"
    assert scan([export_dir / "export.csv"], marker) == []  # agenda notes aren't in the CSV
    system_tmp = Path(tempfile.gettempdir())
    leaks = [
        h
        for h in scan([system_tmp], marker, newer_than=started)
        if not h.startswith(str(export_dir))
    ]
    assert leaks == []
