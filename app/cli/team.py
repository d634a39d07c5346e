"""``tend team ...``: setting up and looking after a team store, for administrators.

    tend team init URL                         schema, group roles and policies (idempotent)
    tend team add-user NAME --role ROLE...     a person (or their roles, set to exactly these)
    tend team remove-user NAME                 access ends; past bookings stay for the record
    tend team assign PERSON SUPERVISOR         who supervises whom (--remove to undo)
    tend team policy [--rule MONTHS:DAYS ...]  show or set the supervision rhythm
    tend team status                           where it is, who is in it, and any problems

The address comes from ``--team-url``, then $TEND_TEAM_URL, then Tend's setting,
then the local file. Passwords are never taken from arguments: PostgreSQL's own
~/.pgpass or PGPASSWORD work, or Tend asks at a terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from app.cli.session import CliSession
from app.errors import NotAllowed, TeamUnavailable, UserFacingError, ValidationError
from app.team.roles import ROLE_LABEL, Role

RULE_RE = re.compile(r"\A(\d{1,3}):(\d{1,3})\Z")


def _role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        names = ", ".join(r.value for r in Role)
        raise argparse.ArgumentTypeError(f"choose from {names}") from None


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("give a date as YYYY-MM-DD") from None


def _rule(text: str) -> tuple[int, int]:
    m = RULE_RE.match(text.strip())
    if not m:
        raise argparse.ArgumentTypeError("write a rule as MONTHS:DAYS, for example 6:14")
    return int(m.group(1)), int(m.group(2))


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    team = sub.add_parser("team", parents=[common], help="set up and look after a team store")
    tsub = team.add_subparsers(dest="team_command", metavar="TEAM_COMMAND", required=True)
    i = tsub.add_parser("init", parents=[common], help="create or update the team store")
    i.add_argument("url", metavar="URL", help="postgresql://... (as a superuser) or sqlite:///...")
    a = tsub.add_parser("add-user", parents=[common], help="add a person, or set their roles")
    a.add_argument("name", metavar="NAME", help="their sign-in name: lower-case letters, digits, _")
    a.add_argument("--role", type=_role, nargs="+", required=True, metavar="ROLE")
    a.add_argument("--display-name", metavar="TEXT", help="how colleagues see them")
    a.add_argument("--started", type=_date, metavar="DATE", help="when they started (YYYY-MM-DD)")
    r = tsub.add_parser("remove-user", parents=[common], help="end a person's access")
    r.add_argument("name", metavar="NAME")
    s = tsub.add_parser("assign", parents=[common], help="who supervises whom")
    s.add_argument("person", metavar="PERSON")
    s.add_argument("supervisor", metavar="SUPERVISOR")
    s.add_argument("--remove", action="store_true", help="end this pairing")
    p = tsub.add_parser("policy", parents=[common], help="show or set the supervision rhythm")
    p.add_argument(
        "--rule",
        type=_rule,
        nargs="+",
        metavar="MONTHS:DAYS",
        help="from MONTHS of service, supervision every DAYS days (e.g. 0:7 6:14)",
    )
    tsub.add_parser("status", parents=[common], help="where the team store is, and who is in it")


def _url(cli: CliSession) -> str:
    from app.settings import Settings
    from app.team.url import resolve

    explicit = getattr(cli.args, "url", None) or getattr(cli.args, "team_url", None)
    return resolve(cli.paths, explicit, str(Settings(cli.paths.settings_file).get("team_url")))


def _with_password(cli: CliSession, action: Callable[[str | None], Any]) -> Any:
    """Try without a password (peer auth, ~/.pgpass, PGPASSWORD); ask once at a terminal."""
    from app.cli.session import _isatty
    from app.team.store import SIGN_IN

    try:
        return action(None)
    except TeamUnavailable as exc:
        if exc.message != SIGN_IN or not _isatty(cli.stdin):
            raise
    return action(cli.secret("Team database password: ", SIGN_IN))


def _refused() -> UserFacingError:
    return NotAllowed(
        "The team database refused that. Team changes need a Tend administrator's login "
        "(and `tend team init` a PostgreSQL superuser)."
    )


def team(cli: CliSession) -> int:
    from sqlalchemy.exc import DBAPIError, OperationalError

    from app.team import provision

    command = cli.args.team_command
    url = _url(cli)
    try:
        return int(_with_password(cli, lambda pw: _run(cli, provision, command, url, pw)))
    except OperationalError:
        raise TeamUnavailable("Tend couldn't reach the team database.") from None
    except DBAPIError:
        raise _refused() from None


def _run(cli: CliSession, provision: Any, command: str, url: str, pw: str | None) -> int:
    args = cli.args
    if command == "init":
        revision = provision.init(url, pw)
        cli.say(f"The team store is ready (schema {revision}).")
    elif command == "add-user":
        result = provision.add_user(
            url,
            args.name,
            args.role,
            password=pw,
            display_name=args.display_name,
            started_on=args.started,
        )
        roles = ", ".join(ROLE_LABEL[r].lower() for r in sorted(set(args.role)))
        cli.say(f"{'Added' if result.created else 'Updated'} {result.login} ({roles}).")
        if result.password:
            cli.say(f"Their first password (give it to them privately): {result.password}")
    elif command == "remove-user":
        cancelled = provision.remove_user(url, args.name, password=pw)
        what = "booking was" if cancelled == 1 else "bookings were"
        cli.say(
            f"{args.name} no longer has access. Their past bookings are kept; "
            f"{cancelled} upcoming {what} cancelled."
        )
    elif command == "assign":
        provision.assign(url, args.person, args.supervisor, password=pw, remove=args.remove)
        verb = "no longer supervises" if args.remove else "now supervises"
        cli.say(f"{args.supervisor} {verb} {args.person}.")
    elif command == "policy":
        if args.rule:
            provision.set_policy(url, args.rule, password=pw)
        _say_status(cli, provision.status(url, password=pw), policy_only=True)
    elif command == "status":
        report = provision.status(url, password=pw)
        _say_status(cli, report)
        return 1 if report.problems else 0
    else:  # argparse only lets known commands through
        raise ValidationError("Unknown team command.")
    return 0


def _say_status(cli: CliSession, report: Any, *, policy_only: bool = False) -> None:
    if not policy_only:
        cli.say(f"Team store: {report.where}")
        cli.say(f"Schema: {report.revision or 'not set up yet (run tend team init)'}")
        for role in Role:
            cli.say(f"  {ROLE_LABEL[role]}: {report.people_by_role.get(role.value, 0)}")
    for month, days in report.policy:
        cli.say(f"Supervision from month {month} of service: every {days} days")
    if not policy_only:
        if report.problems:
            cli.say("Problems:")
            for problem in report.problems:
                cli.say(f"  - {problem}")
        elif report.is_postgres:
            cli.say("Security checks: all fine (row-level security forced on every table).")
        else:
            cli.say("A file on this computer: anyone who can open it can change it.")
