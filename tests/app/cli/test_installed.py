"""The installed ``tend`` script, for real: a check-in then an export, through pipes.

Kept to two runs; everything else is tested in-process. The store is set up
in-process with the test Argon2 costs, which the key file then carries, so
unlocking in the child is quick too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.fakes import PASSPHRASE

TEND = Path(sys.executable).with_name("tend")


def _run(*argv: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "TEND_DATA_DIR"}
    return subprocess.run(
        [str(TEND), "--data-dir", str(data), "--passphrase-stdin", *argv],
        input=PASSPHRASE + "\n",
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not TEND.exists(), reason="the tend script isn't installed in this venv")
def test_checkin_then_export_through_the_installed_script(ready, tmp_path):
    saved = _run("checkin", "--mood", "4", "--exposure", "some", "--tag", "walk", data=ready.data)
    assert saved.returncode == 0, saved.stderr
    assert saved.stdout.startswith("Saved your check-in for ")
    assert saved.stderr == ""

    target = tmp_path / "out.json"
    exported = _run("export", str(target), data=ready.data)
    assert exported.returncode == 0, exported.stderr
    assert "Traceback" not in exported.stderr

    (checkin,) = json.loads(target.read_text("utf-8"))["checkins"]
    assert (checkin["mood"], checkin["exposure"], checkin["tags"]) == (4, "some", ["walk"])
