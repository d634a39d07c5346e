"""Privacy of the plan: a marker in plan items and a weekly review is nowhere on disk in
readable form (data folder, logs, temp files), except in the person's own JSON export.

Same method as tests/test_privacy.py, whose child runner and scanner are reused: the work
runs in a child process whose TMPDIR is a fresh directory, so every temp file lands where
we look.
"""

from __future__ import annotations

import secrets

from tests.test_privacy import leaks_in_system_temp, run_child, scan


def test_plan_and_review_text_never_leak_outside_an_export(tmp_path):
    marker = "tendplan" + secrets.token_hex(8)
    run = run_child("tests.app.selfcare.privacy_child", tmp_path, marker)
    assert "validation" in run.logged and "self-care item" in run.logged  # events were logged
    assert scan([run.data_dir, run.temp_dir], marker) == []
    assert scan([run.export_dir / "export.json"], marker), "the JSON export should show the plan"
    assert scan([run.export_dir / "export.csv"], marker) == []  # the plan isn't in the CSV
    assert leaks_in_system_temp(run, marker) == []
