"""export, import, backup, restore, demo and delete-everything from the command line."""

from __future__ import annotations

import csv
import json
import re

from app.paths import AppPaths
from tests.app.cli.conftest import STDIN, Cli
from tests.helpers.fakes import PASSPHRASE


def _demo(cli: Cli, days: int = 20) -> int:
    result = cli("--passphrase-stdin", "demo", "--days", str(days), stdin=STDIN)
    assert result.code == 0, result.err
    return int(re.search(r"Added ([\d,]+)", result.out).group(1).replace(",", ""))  # type: ignore[union-attr]


def test_demo_sets_up_a_new_data_folder_and_prints_the_recovery_code_to_stderr(cli):
    result = cli("--passphrase-stdin", "demo", "--days", "30", "--seed", "4", stdin=STDIN)

    assert result.code == 0, result.err
    assert re.fullmatch(r"Added \d+ made-up entries\.\n", result.out)
    code = re.search(r"recovery code is ([A-Z0-9-]{29})\.", result.err).group(1)  # type: ignore[union-attr]
    t = cli.tend()
    try:
        t.unlock(t.vault.unlock_with_recovery(code))
        assert t.require_store().checkins.between(*_span()) != []
    finally:
        t.lock()


def _span():
    import datetime as dt

    return dt.date(2026, 10, 1), dt.date(2026, 11, 22)


def test_demo_refuses_to_mix_made_up_entries_into_a_real_journal(ready):
    assert _demo(ready, 10) > 0
    result = ready("--passphrase-stdin", "demo", "--days", "20", stdin=STDIN)
    assert result.code == 1
    assert "already has entries" in result.err


def test_demo_into_existing_unlocks_and_adds(ready):
    assert _demo(ready, 10) > 0
    args = ("--passphrase-stdin", "demo", "--days", "20", "--into-existing")
    result = ready(*args, stdin=STDIN)
    assert result.code == 0
    assert "recovery code" not in result.err


def test_demo_refuses_a_weak_passphrase(cli):
    result = cli("--passphrase-stdin", "demo", "--days", "5", stdin="password\n")
    assert result.code == 1
    assert result.err.count("\n") == 1
    assert not AppPaths.from_override(cli.data).keyfile.exists()


def test_demo_days_must_be_a_positive_number(cli):
    assert cli("demo", "--days", "0").code == 2
    assert cli("demo", "--days", "many").code == 2
    assert cli("demo").code == 2


def test_export_json_and_csv(ready, tmp_path):
    written = _demo(ready)
    result = ready("--passphrase-stdin", "export", str(tmp_path / "all.json"), stdin=STDIN)
    assert result.code == 0, result.err
    assert re.fullmatch(r"Exported \d+ check-ins? and \d+ notes? to .*all\.json\.\n", result.out)
    doc = json.loads((tmp_path / "all.json").read_text("utf-8"))
    assert len(doc["checkins"]) + len(doc["notes"]) == written

    out = tmp_path / "all.data"
    assert ready("--passphrase-stdin", "export", str(out), "--format", "csv", stdin=STDIN).code == 0
    rows = list(csv.DictReader(out.read_text("utf-8").splitlines(keepends=True)))
    assert len(rows) == written


def test_import_reports_what_it_did_and_is_repeatable(ready, tmp_path):
    source = Cli(tmp_path / "source", ready.capsys)
    written = _demo(source, 15)
    source("--passphrase-stdin", "export", str(tmp_path / "x.json"), stdin=STDIN)

    first = ready("--passphrase-stdin", "import", str(tmp_path / "x.json"), stdin=STDIN)
    second = ready("--passphrase-stdin", "import", str(tmp_path / "x.json"), stdin=STDIN)

    assert first.code == 0 and second.code == 0
    assert first.out.startswith(f"Imported {written} new entries")
    assert "questionnaire result" in first.out  # the demo's measures came along too
    assert second.out == "Everything in that file was already here, so nothing changed.\n"


def test_a_bad_import_file_is_one_plain_sentence(ready, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "tend-export", "schema_version": 99}')
    result = ready("--passphrase-stdin", "import", str(bad), stdin=STDIN)
    assert result.code == 1
    assert result.err.startswith("This file was made by a newer version of Tend.")
    assert result.err.count("\n") == 1


def test_backup_then_restore_elsewhere_with_the_recovery_code(tmp_path, capsys):
    home = Cli(tmp_path / "home", capsys)
    code = home.set_up()
    _demo(home, 12)
    target = tmp_path / "b.tendbackup"
    made = home("--passphrase-stdin", "backup", str(target), stdin=STDIN)
    assert made.code == 0 and "encrypted backup" in made.out
    home("--passphrase-stdin", "export", str(tmp_path / "home.json"), stdin=STDIN)

    away = Cli(tmp_path / "away", capsys)
    restored = away("--passphrase-stdin", "restore", str(target), stdin=code + "\n")
    assert restored.code == 0, restored.err
    assert "unlock Tend with that backup's passphrase" in restored.out
    away("--passphrase-stdin", "export", str(tmp_path / "away.json"), stdin=STDIN)

    def body(name: str) -> dict:
        doc = json.loads((tmp_path / name).read_text())
        doc.pop("exported_at")
        return doc

    assert body("away.json") == body("home.json")


def test_restore_with_the_wrong_secret_or_none(ready, tmp_path):
    _demo(ready, 3)
    target = tmp_path / "b.tendbackup"
    ready("--passphrase-stdin", "backup", str(target), stdin=STDIN)
    wrong = ready("--passphrase-stdin", "restore", str(target), stdin="nope nope nope\n")
    assert wrong.code == 1 and "didn't open this backup" in wrong.err
    missing = ready("restore", str(target))
    assert missing.code == 1 and "backup's passphrase or recovery code" in missing.err
    bogus = tmp_path / "bogus.tendbackup"
    bogus.write_bytes(b"PK\x03\x04 not really")
    bad = ready("--passphrase-stdin", "restore", str(bogus), stdin=STDIN)
    assert bad.code == 1 and "isn't a Tend backup" in bad.err


def test_delete_everything_needs_yes(ready):
    refused = ready("delete-everything")
    assert refused.code == 1 and "--yes" in refused.err
    assert AppPaths.from_override(ready.data).keyfile.exists()

    done = ready("delete-everything", "--yes")
    assert done.code == 0 and done.out.startswith("Deleted everything")
    assert not AppPaths.from_override(ready.data).keyfile.exists()
    again = ready("--passphrase-stdin", "checkin", "--mood", "3", stdin=PASSPHRASE + "\n")
    assert again.code == 1 and "hasn't been set up" in again.err
