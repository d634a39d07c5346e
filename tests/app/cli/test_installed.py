"""The installed ``tend`` script, for real: a check-in then an export, through pipes.

Kept to a few runs; everything else is tested in-process. The store is mostly
set up in-process with the test Argon2 costs, which the key file then carries,
so unlocking in the child is quick too; ``tend init`` alone calibrates for real.
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


def _env() -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "TEND_DATA_DIR"}


def _run(
    *argv: str, data: Path, stdin: str = PASSPHRASE + "\n"
) -> subprocess.CompletedProcess[str]:
    env = _env()
    return subprocess.run(
        [str(TEND), "--data-dir", str(data), "--passphrase-stdin", *argv],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        cwd=data.parent,
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


@pytest.mark.skipif(not TEND.exists(), reason="the tend script isn't installed in this venv")
def test_init_then_checkin_then_export_to_stdout_through_the_installed_script(tmp_path):
    data = tmp_path / "new"
    weak = _run("init", data=data, stdin="password\n")
    assert (weak.returncode, weak.stdout) == (1, "")
    assert weak.stderr == "Please use at least 10 characters.\n"
    assert not (data / "keys.json").exists()

    made = _run("init", data=data)
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    code = made.stdout.splitlines()[-1]
    assert made.stdout.count(code) == 1 and "Your recovery code" in made.stdout

    note = "Quiet day. Tea ✓"
    saved = _run("checkin", "--mood", "2", "--note", "-", data=data, stdin=f"{PASSPHRASE}\n{note}")
    assert saved.returncode == 0, saved.stderr

    exported = _run("export", "-", data=data)
    assert exported.returncode == 0, exported.stderr
    (checkin,) = json.loads(exported.stdout)["checkins"]  # stdout holds the export alone
    assert (checkin["mood"], checkin["note"]) == (2, note)
    assert exported.stderr == "Exported 1 check-in and 0 notes to standard output.\n"
    assert not (tmp_path / "-").exists()

    again = _run("init", data=data)
    assert again.returncode == 1 and again.stderr.startswith("There is already a Tend store")


@pytest.mark.skipif(not TEND.exists(), reason="the tend script isn't installed in this venv")
def test_export_to_a_closed_pipe_is_one_sentence(ready):
    child = subprocess.Popen(
        [str(TEND), "--data-dir", str(ready.data), "--passphrase-stdin", "export", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    assert child.stdout is not None
    child.stdout.close()  # nobody will read: the first write meets a broken pipe
    _, err = child.communicate(PASSPHRASE + "\n", timeout=60)
    assert child.returncode == 1
    assert err == "The program reading Tend's output stopped before the end.\n"


def _to_a_full_disk(*argv: str, data: Path, stdin: bytes) -> subprocess.CompletedProcess[bytes]:
    """Run the installed ``tend`` with its standard output on /dev/full (ENOSPC)."""
    with open("/dev/full", "wb") as full:
        return subprocess.run(
            [str(TEND), "--data-dir", str(data), "--passphrase-stdin", *argv],
            input=stdin,
            stdout=full,
            stderr=subprocess.PIPE,
            env=_env(),
            cwd=data.parent,
            timeout=120,
            check=False,
        )


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_init_whose_code_cannot_be_shown_says_so_and_what_to_do(tmp_path):
    data = tmp_path / "fresh"
    out = _to_a_full_disk("init", data=data, stdin=(PASSPHRASE + "\n").encode())
    err = out.stderr.decode()
    assert out.returncode == 1, err
    assert "recovery code couldn't be shown" in err and "New recovery code" in err
    assert "Traceback" not in err


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
def test_export_to_a_full_disk_is_one_sentence(ready):
    out = _to_a_full_disk("export", "-", data=ready.data, stdin=(PASSPHRASE + "\n").encode())
    err = out.stderr.decode()
    assert out.returncode == 1, err
    assert err.strip() == "Tend couldn't write all of its output (is the disk full?)."


def test_a_passphrase_that_is_not_text_is_refused_in_a_c_locale(tmp_path):
    data = tmp_path / "fresh"
    env = {**_env(), "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}
    out = subprocess.run(
        [str(TEND), "--data-dir", str(data), "--passphrase-stdin", "init"],
        input=b"quiet harbour lantern \xff42\n",
        capture_output=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    err = out.stderr.decode(errors="replace")
    assert out.returncode == 1, err
    assert "isn't readable as" in err
    assert not (data / "keys.json").exists()
