"""``tend init`` (setting up without the window) and ``-`` for standard input and output."""

from __future__ import annotations

import csv
import getpass
import io
import json
import re
import sys
from pathlib import Path

import pytest

from app.cli import main as cli_main
from app.paths import AppPaths
from app.security import recovery
from app.security.strength import assess
from tests.app.cli.conftest import STDIN, Cli
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store

CODE_RE = re.compile(r"\b[A-Z0-9]{4}(?:-[A-Z0-9]{4}){5}\b")
NOTE = "Long afternoon at court. Café, then home ✓"


def _paths(cli: Cli) -> AppPaths:
    return AppPaths.from_override(cli.data)


def _nothing_set_up(cli: Cli) -> bool:
    paths = _paths(cli)
    return not paths.keyfile.exists() and not paths.private_db.exists()


def _words(text: str) -> str:
    return " ".join(text.split())


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _at_a_terminal(cli: Cli, monkeypatch, answers: list[str], *argv: str) -> tuple[int, list[str]]:
    asked: list[str] = []

    def fake_getpass(prompt: str = "", stream: object = None) -> str:
        asked.append(prompt)
        return answers[len(asked) - 1]

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    code = cli_main.main(
        ["--data-dir", str(cli.data), *argv], stdin=Terminal(), tend_factory=cli.factory
    )
    return code, asked


# -- tend init ----------------------------------------------------------------------------
@pytest.mark.parametrize("weak", ["password", "passwordpassword", "iloveyou123"])
def test_init_refuses_a_weak_passphrase_with_the_windows_advice_and_creates_nothing(cli, weak):
    result = cli("--passphrase-stdin", "init", stdin=weak + "\n")

    advice = assess(weak)
    assert not advice.acceptable
    assert (result.code, result.out) == (1, "")
    assert result.err == advice.message + "\n"  # the words the window shows beside Continue
    assert _nothing_set_up(cli)


def test_init_with_a_good_passphrase_sets_up_a_store_that_opens(cli):
    result = cli("--passphrase-stdin", "init", stdin=STDIN)

    assert result.code == 0, result.err
    assert result.err == ""
    assert result.out.startswith(f"Tend is set up in {cli.data}.\n")
    # The store the window would open: its key file, and the database behind it.
    paths = _paths(cli)
    assert paths.keyfile.exists() and paths.private_db.exists()
    t = cli.tend()
    try:
        assert not t.vault.remembered()
        t.unlock(t.vault.unlock_with_passphrase(PASSPHRASE))
        assert t.require_store().checkins.get(t.require_store().checkins.today()) is None
    finally:
        t.lock()
    saved = cli("--passphrase-stdin", "checkin", "--mood", "4", stdin=STDIN)
    assert saved.code == 0, saved.err


def test_init_prints_the_recovery_code_once_with_the_windows_words_and_it_recovers(cli):
    result = cli("--passphrase-stdin", "init", stdin=STDIN)

    assert result.code == 0, result.err
    (code,) = CODE_RE.findall(result.out)  # exactly once, and only on stdout
    assert CODE_RE.search(result.err) is None
    assert result.out.splitlines()[-1] == code
    assert recovery.TITLE in result.out
    assert _words(recovery.EXPLAINED) in _words(result.out)
    # Nothing secret is kept where a person wouldn't expect it.
    logged = (_paths(cli).log_file).read_text("utf-8")
    assert code not in logged and PASSPHRASE not in logged

    t = cli.tend()
    try:
        t.unlock(t.vault.unlock_with_recovery(code))
        assert t.unlocked
    finally:
        t.lock()


def test_init_refuses_an_existing_store_and_changes_nothing(ready):
    paths = _paths(ready)
    before = paths.keyfile.read_bytes()

    result = ready("--passphrase-stdin", "init", stdin="another good passphrase 77\n")

    assert (result.code, result.out) == (1, "")
    assert result.err == f"There is already a Tend store in {ready.data}, so nothing was changed.\n"
    assert paths.keyfile.read_bytes() == before
    assert ready("--passphrase-stdin", "checkin", "--mood", "2", stdin=STDIN).code == 0


def test_init_refuses_a_database_without_its_key_file(cli):
    paths = _paths(cli).ensure()
    paths.private_db.write_bytes(b"an encrypted store whose key file went missing")

    result = cli("--passphrase-stdin", "init", stdin=STDIN)

    assert result.code == 1
    assert result.err.startswith("There is already a Tend store in ")
    assert not paths.keyfile.exists()
    assert paths.private_db.read_bytes() == b"an encrypted store whose key file went missing"


def test_init_at_a_terminal_asks_twice(cli, monkeypatch, capsys):
    code, asked = _at_a_terminal(cli, monkeypatch, [PASSPHRASE, PASSPHRASE], "init")

    assert code == 0
    assert asked == ["Choose a passphrase: ", "Once more: "]
    assert len(CODE_RE.findall(capsys.readouterr().out)) == 1
    assert _paths(cli).keyfile.exists()


def test_init_at_a_terminal_refuses_two_different_passphrases(cli, monkeypatch, capsys):
    code, asked = _at_a_terminal(cli, monkeypatch, [PASSPHRASE, PASSPHRASE + "x"], "init")

    assert code == 1
    assert len(asked) == 2
    assert capsys.readouterr().err == "The two passphrases didn't match. Nothing was set up.\n"
    assert _nothing_set_up(cli)


def test_init_at_a_terminal_gives_the_advice_before_asking_again(cli, monkeypatch, capsys):
    code, asked = _at_a_terminal(cli, monkeypatch, ["password", "password"], "init")

    assert code == 1
    assert asked == ["Choose a passphrase: "]
    assert capsys.readouterr().err == assess("password").message + "\n"
    assert _nothing_set_up(cli)


def test_init_without_a_terminal_or_passphrase_stdin_is_a_usage_mistake(cli):
    result = cli("init", stdin=STDIN)  # a pipe, but not announced: the line isn't taken

    assert (result.code, result.out) == (2, "")
    assert "--passphrase-stdin" in result.err and result.err.count("\n") == 1
    assert _nothing_set_up(cli)


def test_not_set_up_yet_points_to_tend_init(cli):
    result = cli("--passphrase-stdin", "checkin", "--mood", "3", stdin=STDIN)
    assert result.code == 1 and "`tend init`" in result.err


# -- export - -----------------------------------------------------------------------------
def _with_a_checkin(cli: Cli) -> None:
    args = ("--passphrase-stdin", "checkin", "--mood", "4", "--note", "-", "--tag", "court")
    saved = cli(*args, stdin=STDIN + NOTE)
    assert saved.code == 0, saved.err


def _files_holding(root: Path, text: str) -> list[Path]:
    needle = text.encode("utf-8")
    return [p for p in root.rglob("*") if p.is_file() and needle in p.read_bytes()]


def test_export_dash_writes_json_to_stdout_and_nothing_else(ready, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _with_a_checkin(ready)

    result = ready("--passphrase-stdin", "export", "-", stdin=STDIN)

    assert result.code == 0, result.err
    doc = json.loads(result.out)  # the whole of stdout is the export
    (checkin,) = doc["checkins"]
    assert (checkin["mood"], checkin["note"], checkin["tags"]) == (4, NOTE, ["court"])
    assert result.err == "Exported 1 check-in and 0 notes to standard output.\n"
    assert not (tmp_path / "-").exists()
    assert _files_holding(tmp_path, NOTE) == []  # no plaintext copy anywhere, not even a temp


def test_export_dash_as_csv(ready, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    _with_a_checkin(ready)

    result = ready("--passphrase-stdin", "export", "-", "--format", "csv", stdin=STDIN)

    assert result.code == 0, result.err
    (row,) = csv.DictReader(io.StringIO(result.out, newline=""))
    assert (row["kind"], row["mood"], row["text"], row["tags"]) == ("checkin", "4", NOTE, "court")
    assert result.out.startswith("kind,id,day,")
    assert result.err.startswith("Exported 1 check-in")
    assert _files_holding(tmp_path, NOTE) == []


def test_export_to_a_file_named_dash_is_still_possible(ready, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = ready("--passphrase-stdin", "export", "./-", stdin=STDIN)
    assert result.code == 0, result.err
    assert json.loads((tmp_path / "-").read_text("utf-8"))["checkins"] == []


def test_export_dash_to_a_reader_that_went_away(ready, monkeypatch):
    class Gone(io.StringIO):  # `tend export - | head -c 0`
        def write(self, text: str) -> int:
            raise BrokenPipeError

    monkeypatch.setattr(sys, "stdout", Gone())
    code = cli_main.main(
        ["--data-dir", str(ready.data), "--passphrase-stdin", "export", "-"],
        stdin=io.StringIO(STDIN),
        tend_factory=ready.factory,
    )
    monkeypatch.undo()

    assert code == 1
    err = ready.capsys.readouterr().err
    assert err == "The program reading Tend's output stopped before the end.\n"


# -- import - -----------------------------------------------------------------------------
def _exported(cli: Cli) -> str:
    result = cli("--passphrase-stdin", "export", "-", stdin=STDIN)
    assert result.code == 0, result.err
    return result.out


def _body(text: str) -> dict:
    doc = json.loads(text)
    doc.pop("exported_at")
    return doc


def test_import_dash_reads_the_file_after_the_passphrase(ready, tmp_path):
    source = Cli(tmp_path / "source", ready.capsys)
    source.set_up()
    _with_a_checkin(source)
    exported = _exported(source)

    first = ready("--passphrase-stdin", "import", "-", stdin=STDIN + exported)
    again = ready("--passphrase-stdin", "import", "-", stdin=STDIN + exported)

    assert first.code == 0, first.err
    assert first.out == "Imported 1 new entry.\n"
    assert again.out == "Everything in that file was already here, so nothing changed.\n"
    assert _body(_exported(ready)) == _body(exported)  # the note's é and ✓ arrived intact


def test_import_dash_with_a_remembered_key_still_skips_the_passphrase_line(
    tmp_path, capsys, memory_keyring
):
    source = Cli(tmp_path / "source", capsys)
    source.set_up()
    _with_a_checkin(source)
    exported = _exported(source)
    kept = Cli(tmp_path / "kept", capsys, secrets=trusted_memory_store)
    kept.set_up(remember=True)

    announced = kept("--passphrase-stdin", "import", "-", stdin=STDIN + exported)
    assert announced.code == 0, announced.err
    assert announced.out == "Imported 1 new entry.\n"
    plain = kept("import", "-", stdin=exported)  # no passphrase line: all of it is the file
    assert plain.code == 0, plain.err
    assert plain.out == "Everything in that file was already here, so nothing changed.\n"


def test_import_dash_of_something_else_is_one_plain_sentence(ready):
    result = ready("--passphrase-stdin", "import", "-", stdin=STDIN + "not json at all")
    assert result.code == 1
    assert result.err.count("\n") == 1 and "Traceback" not in result.err


def test_import_dash_refuses_more_than_an_export_can_be(ready, monkeypatch):
    from app.data import importer

    monkeypatch.setattr(importer, "MAX_IMPORT_BYTES", 1024 * 1024)
    big = b"[" + b" " * (1024 * 1024) + b"]"
    result = ready("--passphrase-stdin", "import", "-", stdin=STDIN.encode() + big)
    assert result.code == 1
    assert result.err.startswith("That file is larger than 1 MB")


def test_the_help_says_how_standard_input_is_shared(capsys):
    assert cli_main.main(["import", "--help"]) == 0
    assert "the first line is the passphrase and the rest is the file" in _words(
        capsys.readouterr().out
    )
    assert cli_main.main(["export", "--help"]) == 0
    assert "- for standard output" in _words(capsys.readouterr().out)
    assert cli_main.main(["init", "--help"]) == 0
    assert "recovery code" in capsys.readouterr().out
