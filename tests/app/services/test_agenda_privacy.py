"""Privacy of supervision agenda notes: a marker in them is nowhere on disk in readable
form (data folder, logs, temp files) and never in a reminder, except in the person's own
JSON export.

Same method as tests/test_privacy.py, whose child runner and scanner are reused: the work
runs in a child process whose TMPDIR is a fresh directory, so every temp file lands where
we look.
"""

from __future__ import annotations

import secrets

from tests.test_privacy import leaks_in_system_temp, run_child, scan


def test_agenda_text_never_leaks_outside_an_export(tmp_path):
    marker = "tendagenda" + secrets.token_hex(8)
    run = run_child("tests.app.services.agenda_privacy_child", tmp_path, marker)
    assert "validation" in run.logged and "agenda note" in run.logged  # events were logged
    assert scan([run.data_dir, run.temp_dir], marker) == []
    assert scan([run.export_dir / "export.json"], marker), "the JSON export should show the note"
    assert scan([run.export_dir / "export.csv"], marker) == []  # agenda notes aren't in the CSV
    assert leaks_in_system_temp(run, marker) == []
