"""``tend``: the window, and a command line that does the same things.

    tend [--data-dir DIR] [--passphrase-stdin] [--smoke] [--minimised]   open the window
    tend gui [--smoke]                                       the same
    tend init                                                set up a new store (no window)
    tend checkin [--day D] [--mood N] ... [--note TEXT] [--tag T ...]
    tend note TEXT|- [--day D] [--tag T ...]
    tend export FILE|- [--format json|csv]                   - writes to standard output
    tend import FILE|-                                       - reads standard input
    tend backup FILE
    tend restore FILE
    tend demo --days N [--seed S]
    tend screenshots DIR [--appearance dark]
    tend delete-everything --yes

With ``--passphrase-stdin`` the first line of standard input is the passphrase,
and ``note -``, ``checkin --note -`` and ``import -`` read the rest of it.

Exit codes: 0 done; 1 a problem explained in one sentence on stderr; 2 a
usage mistake; 70 a bug (details in the log file, never a traceback here);
130 interrupted. This module imports only the standard library and light
parts of ``app`` at import time, so ``tend`` reaches the window quickly.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import logging
import os
import sys
from typing import TextIO

import app
from app import logsetup
from app.cli.session import CliSession, TendFactory, default_factory
from app.errors import UserFacingError
from app.paths import AppPaths

log = logging.getLogger(__name__)

EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, EXIT_BUG, EXIT_INTERRUPTED = 0, 1, 2, 70, 130
SCALE_HELP = {
    "mood": "how you feel overall",
    "energy": "how much energy you have",
    "sleep": "how well you slept",
    "stress": "how stressed you feel",
    "workload": "how heavy work was",
    "connection": "how connected to others you feel",
}


def _scale(text: str) -> int:
    if text.strip() in {"1", "2", "3", "4", "5"}:
        return int(text)
    raise argparse.ArgumentTypeError("choose a number from 1 to 5")


def _hours(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 <= value <= 24:
        raise argparse.ArgumentTypeError("give a number of hours from 0 to 24")
    return value


def _days(text: str) -> int:
    if text.isdigit() and 1 <= int(text) <= 36_500:
        return int(text)
    raise argparse.ArgumentTypeError("give a number of days from 1 to 36500")


def _global_options(parser: argparse.ArgumentParser, suppress: bool) -> None:
    """The same options before or after the subcommand (after: defaults suppressed)."""

    def default(value: object) -> object:
        return argparse.SUPPRESS if suppress else value

    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        default=default(None),
        help="where Tend keeps its files (else $TEND_DATA_DIR, else the usual place)",
    )
    parser.add_argument(
        "--team-url",
        metavar="URL",
        default=default(None),
        help="the team store (else $TEND_TEAM_URL, else the setting, else a local file)",
    )
    parser.add_argument(
        "--passphrase-stdin",
        action="store_true",
        default=default(False),
        help="read the passphrase (for init, the new one; for restore, the backup's "
        "secret) from the first line of standard input; note -, --note - and import - "
        "read what follows it",
    )


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    _global_options(common, suppress=True)
    parser = argparse.ArgumentParser(
        prog="tend",
        description="Tend: a private daily check-in and journal. "
        "With no command, opens the window.",
    )
    _global_options(parser, suppress=False)
    parser.add_argument("--smoke", action="store_true", help="open the window, report, quit")
    parser.add_argument(
        "--minimised", action="store_true", help="start with the window minimised (at login)"
    )
    parser.add_argument("--version", action="version", version=f"tend {app.__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    gui = sub.add_parser("gui", parents=[common], help="open the window (the default)")
    gui.add_argument("--smoke", action="store_true", default=argparse.SUPPRESS)
    gui.add_argument("--minimised", action="store_true", default=argparse.SUPPRESS)

    sub.add_parser(
        "init",
        parents=[common],
        help="set Tend up without the window, and print the recovery code",
        description="Set up a new private store here, as the window's first run does. "
        "The passphrase comes from the first line of standard input with "
        "--passphrase-stdin, or is asked twice at a terminal. The recovery code is "
        "printed once, on standard output.",
    )

    c = sub.add_parser("checkin", parents=[common], help="save answers for a day")
    c.add_argument("--day", help="YYYY-MM-DD, today (default) or yesterday")
    for name in SCALE_HELP:
        c.add_argument(f"--{name}", type=_scale, metavar="N", help=f"1–5: {SCALE_HELP[name]}")
    c.add_argument("--exposure", choices=("none", "some", "a-lot"))
    c.add_argument("--hours", type=_hours, metavar="H", help="hours of exposure, 0–24")
    c.add_argument("--day-kind", choices=("work", "day-off", "leave"))
    c.add_argument(
        "--note", metavar="TEXT", help="- reads it from standard input (kept out of shell history)"
    )
    c.add_argument("--tag", nargs="+", metavar="T", help="replaces the day's tags")

    n = sub.add_parser("note", parents=[common], help="add a journal note")
    n.add_argument("text", metavar="TEXT", help="the note, or - to read it from standard input")
    n.add_argument("--day", help="YYYY-MM-DD, today (default) or yesterday")
    n.add_argument("--tag", nargs="+", metavar="T")

    e = sub.add_parser("export", parents=[common], help="write everything to a readable file")
    e.add_argument(
        "file",
        metavar="FILE",
        help="where to write it, or - for standard output (messages then go to stderr; "
        "./- names a file called -)",
    )
    e.add_argument(
        "--format", choices=("json", "csv"), help="default: from FILE's suffix (json for -)"
    )

    i = sub.add_parser("import", parents=[common], help="add entries from a Tend JSON export")
    i.add_argument(
        "file",
        metavar="FILE",
        help="the export, or - to read it from standard input; with --passphrase-stdin "
        "the first line is the passphrase and the rest is the file",
    )

    b = sub.add_parser("backup", parents=[common], help="write an encrypted backup")
    b.add_argument("file", metavar="FILE")

    r = sub.add_parser("restore", parents=[common], help="replace everything with a backup")
    r.add_argument("file", metavar="FILE")

    d = sub.add_parser("demo", parents=[common], help="add made-up history (sets Tend up if new)")
    d.add_argument("--days", type=_days, required=True, metavar="N")
    d.add_argument("--seed", type=int, default=7, metavar="S")
    d.add_argument(
        "--into-existing", action="store_true", help="add them even though entries exist"
    )

    s = sub.add_parser("screenshots", parents=[common], help="render the screenshots")
    s.add_argument("dir", metavar="DIR")
    s.add_argument(
        "--appearance", choices=("light", "dark"), default="light", help="light (default) or dark"
    )

    from app.cli.team import add_parser as add_team_parser

    add_team_parser(sub, common)

    x = sub.add_parser("delete-everything", parents=[common], help="delete all of Tend's data")
    x.add_argument("--yes", action="store_true", help="yes, really")
    return parser


def _no_display() -> bool:
    """True on Linux with no X11/Wayland session and no Qt platform chosen (Qt would abort)."""
    if not sys.platform.startswith("linux"):
        return False
    env = os.environ
    return not (env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or env.get("QT_QPA_PLATFORM"))


def parse(argv: list[str] | None) -> argparse.Namespace:
    """Parse ``argv``; opening the window (no command) skips building every subcommand.

    ``tend`` alone is how people start the app, so it takes the short path: a
    parser with only the global options. Anything else it doesn't know (a
    command, --help, --version, a mistake) goes to the full parser.
    """
    argv = sys.argv[1:] if argv is None else argv
    light = argparse.ArgumentParser(prog="tend", add_help=False, allow_abbrev=False)
    _global_options(light, suppress=False)
    light.add_argument("--smoke", action="store_true")
    light.add_argument("--minimised", action="store_true")
    known, rest = light.parse_known_args(argv)
    if not rest:
        known.command = None
        return known
    return build_parser().parse_args(argv)


def _run_gui(data_dir: str | None, smoke: bool, minimised: bool = False) -> int:
    if _no_display():
        raise UserFacingError(
            "Tend's window needs a desktop session, and none was found. "
            "Commands such as 'tend checkin' work without one."
        )
    # By name and only now: importing ui/ pulls in Qt, which the other commands never need.
    launch = importlib.import_module("ui.launch")
    result = launch.run_gui(data_dir, smoke=smoke, minimised=minimised)
    return result if isinstance(result, int) else EXIT_OK


def _dispatch(cli: CliSession) -> int:
    command = cli.args.command
    if command in (None, "gui"):
        args = cli.args
        if args.team_url:  # the window reads the address from the environment, as it would
            os.environ["TEND_TEAM_URL"] = args.team_url
        return _run_gui(args.data_dir, bool(args.smoke), bool(getattr(args, "minimised", False)))
    from app.cli.commands import COMMANDS

    try:
        return COMMANDS[command](cli)
    finally:
        cli.close()


def main(
    argv: list[str] | None = None,
    *,
    stdin: TextIO | None = None,
    tend_factory: TendFactory | None = None,
) -> int:
    """Run one command; return its exit code. ``tend_factory`` lets tests choose the Tend."""
    logsetup.quiet_until_configured()
    try:
        args = parse(argv)
    except SystemExit as exc:  # --help, --version or a usage mistake (already printed)
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    paths = AppPaths.from_override(args.data_dir)
    window = args.command in (None, "gui")
    if not window:  # the window configures logging itself, after its first paint
        try:
            logsetup.configure(paths.log_file)
        except OSError:
            print(f"Tend can't write to its folder {paths.logs}. Please check it.", file=sys.stderr)
            return EXIT_PROBLEM
    cli = CliSession(
        args=args,
        paths=paths,
        stdin=stdin if stdin is not None else sys.stdin,
        stdout=sys.stdout,
        stderr=sys.stderr,
        factory=tend_factory or default_factory,
    )
    try:
        return _dispatch(cli)
    except UserFacingError as exc:
        log.info("command %s stopped: %s", args.command, type(exc).__name__)
        print(exc.message, file=sys.stderr)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        print("Stopped.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception:
        if window:  # it may have failed before configuring logging; never print a traceback
            with contextlib.suppress(OSError):
                logsetup.configure(paths.log_file)
        log.exception("unexpected error in command %s", args.command)
        print(
            f"Something went wrong inside Tend; details are in {paths.log_file}.",
            file=sys.stderr,
        )
        return EXIT_BUG


def main_gui(argv: list[str] | None = None) -> int:
    """The ``tend-gui`` entry point: the window, with the global options only."""
    return main(["gui", *(sys.argv[1:] if argv is None else argv)])
