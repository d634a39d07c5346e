"""Privacy: a marker saved in Tend is nowhere on disk in readable form, except an export.

"Saves a unique marker string in a note and proves it cannot be found in any
file under the data directory, the logs or the temp directory (raw, UTF-16 and
base64), while an export does show it."

The work runs in a child process started with TMPDIR pointing at a fresh
directory, so every temp file Python or SQLite makes from the first instruction
on lands where we look.
"""

from __future__ import annotations

import base64
import os
import secrets
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def needles(marker: str) -> dict[str, bytes]:
    """Every readable form we look for: raw, UTF-16 both ways, hex and base64.

    Base64 of the marker depends on where it starts in the encoded stream, so we
    encode it after 0, 1 and 2 prefix bytes and keep only the characters that
    depend on the marker alone (the edges also depend on the neighbours).
    """
    raw = marker.encode("utf-8")
    out = {
        "utf-8": raw,
        "utf-8 upper": marker.upper().encode("utf-8"),
        "utf-16-le": marker.encode("utf-16-le"),
        "utf-16-be": marker.encode("utf-16-be"),
        "hex": raw.hex().encode(),
    }
    for k in range(3):
        start = -(-(8 * k) // 6)  # the first character made only of marker bits
        end = (8 * (k + len(raw))) // 6  # after the last one
        for name, encode in (("b64", base64.b64encode), ("b64url", base64.urlsafe_b64encode)):
            out[f"{name}+{k}"] = encode(b"\0" * k + raw)[start:end]
    return out


def scan(roots: list[Path], marker: str, newer_than: float = 0.0) -> list[str]:
    """Files (under ``roots``) that contain the marker in any form, with the form."""
    forms = needles(marker)
    hits = []
    for root in roots:
        for path in [root, *root.rglob("*")] if root.exists() else []:
            try:
                if not path.is_file() or path.is_symlink():
                    continue
                info = path.stat()
                if info.st_mtime < newer_than or info.st_size > 200_000_000:
                    continue
                data = path.read_bytes()
            except OSError:
                continue  # vanished or unreadable (another process's file)
            hits += [f"{path} ({form})" for form, needle in forms.items() if needle in data]
    return hits


def test_scanner_finds_every_form(tmp_path):
    marker = "tendmark" + secrets.token_hex(8)
    for name, data in {
        "raw": f"x{marker}y".encode(),
        "le": f"ab{marker}".encode("utf-16-le"),
        "be": f"{marker}".encode("utf-16-be"),
        "b0": base64.b64encode(marker.encode()),
        "b1": base64.b64encode(b"\x01" + marker.encode() + b"z"),
        "b2": base64.b64encode(b"\xff\xfe" + marker.encode() + b"zz"),
    }.items():
        (tmp_path / name).write_bytes(b"\n" + data + b"\n")
    (tmp_path / "clean").write_bytes(b"nothing here")
    found = {Path(h.split(" (")[0]).name for h in scan([tmp_path], marker)}
    assert found == {"raw", "le", "be", "b0", "b1", "b2"}


@dataclass(frozen=True)
class ChildRun:
    data_dir: Path
    temp_dir: Path
    export_dir: Path
    logged: str  # the child's log file
    started: float  # time.time() just before it ran


def run_child(module: str, tmp_path: Path, marker: str) -> ChildRun:
    """Run ``python -m module DATA_DIR EXPORT_DIR MARKER`` with a fresh TMPDIR; check it
    finished, said "OK", printed nothing private and left a log file."""
    data_dir, temp_dir, export_dir = tmp_path / "data", tmp_path / "tmp", tmp_path / "export"
    temp_dir.mkdir()
    export_dir.mkdir()
    started = time.time() - 1
    env = {**os.environ, "TMPDIR": str(temp_dir), "TEMP": str(temp_dir), "TMP": str(temp_dir)}
    env["SQLITE_TMPDIR"] = str(temp_dir)
    env.pop("TEND_DATA_DIR", None)
    result = subprocess.run(
        [sys.executable, "-m", module, str(data_dir), str(export_dir), marker],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("OK")
    # The child printed nothing private either (the CLI's own messages included).
    assert marker not in result.stdout + result.stderr
    log_file = data_dir / "logs" / "tend.log"
    assert log_file.exists() and log_file.stat().st_size > 0
    return ChildRun(data_dir, temp_dir, export_dir, log_file.read_text(), started)


def leaks_in_system_temp(run: ChildRun, marker: str) -> list[str]:
    """The wider temp directory too: anything written there since the child began."""
    system_tmp = Path(tempfile.gettempdir())
    return [
        h
        for h in scan([system_tmp], marker, newer_than=run.started)
        if not h.startswith(str(run.export_dir))
    ]


def test_marker_never_leaks_outside_an_export(tmp_path):
    marker = "tendmark" + secrets.token_hex(8)  # lower case: tags are stored lower case
    run = run_child("tests.helpers.privacy_child", tmp_path, marker)
    assert "validation" in run.logged and "integrity" in run.logged  # errors really logged
    assert scan([run.data_dir, run.temp_dir], marker) == []
    assert scan([run.export_dir], marker), "the export should show the marker"
    assert leaks_in_system_temp(run, marker) == []
