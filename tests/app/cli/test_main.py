"""The entry point: unlocking, exit codes, plain errors, and handing over to the window."""

from __future__ import annotations

import getpass
import io
import subprocess
import sys
import types

import pytest

from app.cli import main as cli_main
from app.cli.session import LOCKED, NOT_SET_UP
from tests.app.cli.conftest import STDIN, Cli
from tests.helpers.fakes import PASSPHRASE, trusted_memory_store


class RecordingLauncher(types.ModuleType):
    """Stands in for ui.launch: records how the window would have been opened."""

    def __init__(self) -> None:
        super().__init__("ui.launch")
        self.calls: list[tuple[str | None, bool]] = []
        self.minimised: list[bool] = []

    def run_gui(self, data_dir: str | None, *, smoke: bool = False, minimised: bool = False) -> int:
        self.calls.append((data_dir, smoke))
        self.minimised.append(minimised)
        return 0


@pytest.fixture
def launcher(monkeypatch) -> RecordingLauncher:
    fake = RecordingLauncher()
    monkeypatch.setitem(sys.modules, "ui.launch", fake)
    return fake


# -- the window ---------------------------------------------------------------------------
def test_no_command_opens_the_window(launcher, monkeypatch, tmp_path):
    monkeypatch.setenv("TEND_DATA_DIR", str(tmp_path))
    assert cli_main.main([]) == 0
    assert cli_main.main(["--smoke"]) == 0
    assert cli_main.main(["gui", "--data-dir", str(tmp_path / "x"), "--smoke"]) == 0
    assert launcher.calls == [(None, False), (None, True), (str(tmp_path / "x"), True)]


def test_minimised_start_reaches_the_window(launcher, tmp_path):
    assert cli_main.main(["--data-dir", str(tmp_path), "--minimised"]) == 0
    assert cli_main.main(["gui", "--minimised"]) == 0
    assert cli_main.main([]) == 0
    assert launcher.minimised == [True, True, False]


def test_the_gui_script_opens_the_window_with_global_options_only(launcher, tmp_path, capsys):
    assert cli_main.main_gui(["--data-dir", str(tmp_path)]) == 0
    assert launcher.calls == [(str(tmp_path), False)]
    assert cli_main.main_gui(["export", "x.json"]) == 2  # not a window option
    assert "Traceback" not in capsys.readouterr().err


def test_screenshots_are_delegated_and_listed(cli, monkeypatch, tmp_path):
    rendered = types.ModuleType("ui.screenshots")
    asked: list[str] = []

    def render_all(out, appearance):
        asked.append(appearance)
        return [out / "a.png", out / "b.png"]

    rendered.render_all = render_all  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "ui.screenshots", rendered)
    result = cli("screenshots", str(tmp_path / "shots"), "--appearance", "dark")
    assert result.code == 0
    assert result.out.splitlines() == [str(tmp_path / "shots" / n) for n in ("a.png", "b.png")]
    assert asked == ["dark"]


def test_the_cli_module_imports_nothing_heavy():
    code = (
        "import sys, app.cli.main\n"
        "heavy = ('sqlalchemy', 'argon2', 'alembic', 'zxcvbn', 'sqlcipher3', 'PySide6')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# -- unlocking ----------------------------------------------------------------------------
def test_locked_without_a_way_to_get_the_passphrase(ready):
    result = ready("checkin", "--mood", "3")  # stdin is not a terminal
    assert (result.code, result.err) == (1, LOCKED + "\n")


def test_the_wrong_passphrase(ready):
    result = ready("--passphrase-stdin", "checkin", "--mood", "3", stdin="wrong words\n")
    assert result.code == 1
    assert "didn't open Tend" in result.err


def test_an_empty_standard_input(ready):
    result = ready("--passphrase-stdin", "checkin", "--mood", "3", stdin="")
    assert (result.code, result.err) == (1, "No passphrase arrived on standard input.\n")


def test_a_terminal_gets_a_prompt(ready, monkeypatch):
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    asked: list[str] = []

    def fake_getpass(prompt: str = "", stream: object = None) -> str:
        asked.append(prompt)
        return PASSPHRASE

    monkeypatch.setattr(getpass, "getpass", fake_getpass)
    code = cli_main.main(
        ["--data-dir", str(ready.data), "checkin", "--mood", "3"],
        stdin=Terminal(),
        tend_factory=ready.factory,
    )
    assert code == 0
    assert asked == ["Passphrase: "]


def test_a_remembered_key_needs_no_passphrase(tmp_path, capsys, memory_keyring):
    cli = Cli(tmp_path / "kept", capsys, secrets=trusted_memory_store)
    cli.set_up(remember=True)
    result = cli("checkin", "--mood", "4")
    assert result.code == 0, result.err


def test_not_set_up_yet(cli):
    result = cli("--passphrase-stdin", "export", "x.json", stdin=STDIN)
    assert (result.code, result.err) == (1, NOT_SET_UP + "\n")


# -- exit codes and messages --------------------------------------------------------------
def test_help_and_version_exit_zero(capsys):
    assert cli_main.main(["--help"]) == 0
    assert "checkin" in capsys.readouterr().out
    assert cli_main.main(["--version"]) == 0
    assert capsys.readouterr().out.startswith("tend ")


def test_usage_mistakes_exit_two(capsys):
    assert cli_main.main(["dance"]) == 2
    assert cli_main.main(["export"]) == 2
    err = capsys.readouterr().err
    assert "usage: tend" in err and "Traceback" not in err


def test_a_bug_is_logged_not_shown(cli):
    def broken(_paths):
        raise RuntimeError("an internal detail")

    cli.factory = broken  # type: ignore[method-assign]
    result = cli("--passphrase-stdin", "export", "x.json", stdin=STDIN)

    log_file = cli.data / "logs" / "tend.log"
    assert result.code == 70
    assert result.err == f"Something went wrong inside Tend; details are in {log_file}.\n"
    logged = log_file.read_text("utf-8")
    assert "Traceback" in logged and "RuntimeError" in logged


def test_interrupted(cli):
    def interrupted(_paths):
        raise KeyboardInterrupt

    cli.factory = interrupted  # type: ignore[method-assign]
    assert cli("--passphrase-stdin", "export", "x.json", stdin=STDIN).code == 130


def test_passphrases_are_never_accepted_as_arguments(ready):
    result = ready("--passphrase", PASSPHRASE, "checkin", "--mood", "3")
    assert result.code == 2
