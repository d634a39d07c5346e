"""The subcommands. Imported only when one runs, so the window starts without them.

Each returns an exit code and prints one short confirmation; private content
(scores, text, tags) is never echoed back.
"""

from __future__ import annotations

import datetime as dt
import importlib
from pathlib import Path

from app.cli.session import CliSession
from app.domain import SCALES, CheckinDraft, DayKind, Exposure, JournalFilter, NoteDraft
from app.errors import UserFacingError, ValidationError

EXPOSURE_WORDS = {"none": Exposure.NONE, "some": Exposure.SOME, "a-lot": Exposure.A_LOT}
DAY_KIND_WORDS = {"work": DayKind.WORK, "day-off": DayKind.DAY_OFF, "leave": DayKind.LEAVE}


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n:,} {one if n == 1 else (many or one + 's')}"


def _day(word: str | None, today: dt.date) -> dt.date:
    if word in (None, "today"):
        return today
    if word == "yesterday":
        return today - dt.timedelta(days=1)
    assert word is not None
    try:
        return dt.date.fromisoformat(word)
    except ValueError:
        raise ValidationError(
            "Please give the day as YYYY-MM-DD, “today” or “yesterday”."
        ) from None


def _said(day: dt.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


# -- entries ---------------------------------------------------------------------------
def checkin(cli: CliSession) -> int:
    a = cli.args
    given = {name: getattr(a, name) for name in SCALES if getattr(a, name) is not None}
    if a.exposure is not None:
        given["exposure"] = EXPOSURE_WORDS[a.exposure]
    if a.hours is not None:
        given["exposure_hours"] = a.hours
    if a.day_kind is not None:
        given["day_kind"] = DAY_KIND_WORDS[a.day_kind]
    if a.note is not None:
        given["note"] = a.note  # "-": read after unlocking (the passphrase comes first)
    if a.tag is not None:
        given["tags"] = tuple(a.tag)
    if not given:
        raise ValidationError("Tell Tend at least one thing, for example --mood 3.")
    store = cli.unlocked().require_store()
    if a.note == "-":
        given["note"] = cli.rest_of_stdin()
    day = _day(a.day, store.checkins.today())
    existing = store.checkins.get(day)
    # Answers given now are added to what was already saved for that day.
    base = {} if existing is None else {f: getattr(existing, f) for f in _DRAFT_FIELDS}
    store.checkins.save(CheckinDraft(**{**base, **given, "day": day}))
    cli.say(f"Saved your check-in for {_said(day)}.")
    return 0


_DRAFT_FIELDS = (*SCALES, "exposure", "exposure_hours", "day_kind", "note", "tags")


def note(cli: CliSession) -> int:
    store = cli.unlocked().require_store()  # first: the passphrase is stdin's first line
    text = cli.rest_of_stdin() if cli.args.text == "-" else cli.args.text
    day = _day(cli.args.day, store.checkins.today())
    store.journal.add_note(NoteDraft(day=day, body=text, tags=tuple(cli.args.tag or ())))
    cli.say(f"Saved your note for {_said(day)}.")
    return 0


# -- setting up ----------------------------------------------------------------------------
NO_WAY_TO_ASK = (
    "Tend needs a new passphrase to set up: pass --passphrase-stdin and send it "
    "on the first line of standard input."
)


def init(cli: CliSession) -> int:
    from app.security.recovery import as_text

    tend = cli.tend()
    tend.refuse_if_set_up()  # before asking for anything
    if not cli.can_ask():
        cli.warn(NO_WAY_TO_ASK)
        return 2
    # As the window's first run does: its strength rules, its key file, its store.
    code = tend.set_up(cli.new_passphrase())
    # Shown this once, on stdout, with the window's words; Tend keeps no copy of it.
    cli.say_or_explain(
        f"Tend is set up in {cli.paths.data}.\n\n" + as_text(code).removesuffix("\n"),
        CODE_NOT_SHOWN,
    )
    return 0


CODE_NOT_SHOWN = (
    "Tend is set up, but its recovery code couldn't be shown. Open Tend and make a new "
    "one in Settings (New recovery code) while you know your passphrase."
)


# -- own your data -----------------------------------------------------------------------
STDIO = "-"


def export(cli: CliSession) -> int:
    from app.data.export import export_bytes, export_file

    store = cli.unlocked().require_store()
    if cli.args.file == STDIO:
        # Straight from memory to stdout: no temporary file holds the plaintext.
        data, checkins, notes = export_bytes(store, cli.args.format or "json")
        cli.write_out(data)
        counts = f"{_plural(checkins, 'check-in')} and {_plural(notes, 'note')}"
        cli.warn(f"Exported {counts} to standard output.")  # stdout is the export's alone
        return 0
    result = export_file(store, Path(cli.args.file), cli.args.format)
    cli.say(
        f"Exported {_plural(result.checkins, 'check-in')} and "
        f"{_plural(result.notes, 'note')} to {result.path}."
    )
    return 0


def import_(cli: CliSession) -> int:
    from app.data.importer import MAX_IMPORT_BYTES, check_size, import_bytes, import_file

    store = cli.unlocked().require_store()  # first: the passphrase is stdin's first line
    if cli.args.file == STDIO:
        report = import_bytes(store, check_size(cli.rest_of_stdin_bytes(MAX_IMPORT_BYTES)))
    else:
        report = import_file(store, Path(cli.args.file))
    cli.say(report.summary())
    return 0


def backup(cli: CliSession) -> int:
    from app.data.backup import make_backup

    target = make_backup(cli.unlocked(), Path(cli.args.file))
    cli.say(
        f"Saved an encrypted backup to {target}. "
        "It opens with the passphrase or recovery code you use now."
    )
    return 0


def restore(cli: CliSession) -> int:
    from app.data.backup import restore_backup

    source = Path(cli.args.file)
    tend = cli.tend()
    secret = cli.secret(
        "The backup's passphrase or recovery code: ",
        "Tend needs the backup's passphrase or recovery code: pass --passphrase-stdin "
        "and send it on standard input.",
    )
    restore_backup(tend, source, secret)
    cli.say("Restored the backup. From now on, unlock Tend with that backup's passphrase.")
    return 0


def demo(cli: CliSession) -> int:
    from app.demo import generate

    tend = cli.tend()
    if not tend.vault.exists():
        code = tend.set_up(cli.new_passphrase())
        # stderr, so scripts that keep stdout never store the code by accident.
        cli.warn(
            f"Your recovery code is {code}. Keep it somewhere safe: "
            "it opens Tend if you forget the passphrase."
        )
    store = cli.unlocked().require_store()
    if not cli.args.into_existing and store.journal.count(JournalFilter()) > 0:
        # Made-up notes look just like real ones and would have to be deleted one by one.
        raise UserFacingError(
            "This journal already has entries, so Tend won't mix made-up ones in. "
            "Use an empty --data-dir to try the demo, or add --into-existing if you mean it."
        )
    written = generate(store, cli.args.days, seed=cli.args.seed)
    cli.say(f"Added {_plural(written, 'made-up entry', 'made-up entries')}.")
    return 0


def delete_everything(cli: CliSession) -> int:
    from app.data.erase import delete_everything as erase

    if not cli.args.yes:
        raise UserFacingError(
            "This deletes every entry, backup and setting Tend keeps here. "
            "To go ahead, run it again with --yes."
        )
    erase(cli.tend())
    cli.say("Deleted everything Tend kept in this data folder.")
    return 0


def screenshots(cli: CliSession) -> int:
    # By name: app/ never imports ui/ (or Qt) until the moment it is needed.
    render_all = importlib.import_module("ui.screenshots").render_all
    folder = Path(cli.args.dir)
    written = render_all(folder, appearance=cli.args.appearance)
    for path in written or ():
        cli.say(str(path))
    if not written:
        cli.say(f"Screenshots saved in {folder}.")
    return 0


def _team(cli: CliSession) -> int:
    from app.cli.team import team

    return team(cli)


COMMANDS = {
    "init": init,
    "checkin": checkin,
    "note": note,
    "export": export,
    "import": import_,
    "backup": backup,
    "restore": restore,
    "demo": demo,
    "delete-everything": delete_everything,
    "screenshots": screenshots,
    "team": _team,
}
