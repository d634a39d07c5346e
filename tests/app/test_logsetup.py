"""Tracebacks reach the log with their stack and types, never their messages."""

from __future__ import annotations

import logging

from app.logsetup import configure

MARKER = "private-marker-7f3a"


def _fail_inside() -> None:
    try:
        {}[MARKER]
    except KeyError as exc:
        raise ValueError(f"could not save {MARKER}") from exc


def test_exception_messages_are_withheld_but_the_stack_is_kept(tmp_path):
    log_file = tmp_path / "logs" / "tend.log"
    configure(log_file)
    try:
        _fail_inside()
    except ValueError:
        logging.getLogger("tests").exception("save failed")
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text("utf-8")
    assert "save failed" in text
    assert "_fail_inside" in text  # the stack is there to debug with
    assert "builtins.KeyError (message not logged)" in text
    assert "builtins.ValueError (message not logged)" in text
    assert "direct cause" in text
    assert MARKER not in text


def test_nothing_reaches_stderr_when_no_log_file_is_configured(capsys):
    import logging

    from app.logsetup import quiet_until_configured

    root = logging.getLogger()
    saved_handlers, saved_last = list(root.handlers), logging.lastResort
    for handler in saved_handlers:
        root.removeHandler(handler)
    try:
        quiet_until_configured()
        try:
            raise ValueError(MARKER)
        except ValueError:
            logging.getLogger("tests").exception("after delete-all")
    finally:
        for handler in list(root.handlers):
            root.removeHandler(handler)
        for handler in saved_handlers:
            root.addHandler(handler)
        logging.lastResort = saved_last
    captured = capsys.readouterr()
    assert MARKER not in captured.err and MARKER not in captured.out
