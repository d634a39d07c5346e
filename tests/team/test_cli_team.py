"""``tend team ...`` from the command line, on both backends."""

from __future__ import annotations

import io

from app.cli.main import main
from app.team.store import TeamStore
from tests.helpers.pgcluster import url_for


def run(args: list[str]) -> tuple[int, str, str]:
    import contextlib

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args, stdin=io.StringIO(""))
    return code, out.getvalue(), err.getvalue()


def test_from_init_to_status(team_url: str, role_prefix: str, tmp_path) -> None:
    data = ["--data-dir", str(tmp_path / "d"), "--team-url", team_url]
    sam, alex = f"{role_prefix}sam", f"{role_prefix}alex"
    assert run(["team", "init", team_url, "--data-dir", str(tmp_path / "d")])[0] == 0
    code, out, _ = run(["team", "add-user", sam, "--role", "supervisor", *data])
    assert code == 0 and f"Added {sam} (supervisor)" in out
    if team_url.startswith("postgresql"):
        assert "first password" in out  # handed over once, never stored by Tend
    else:
        assert "password" not in out
    code, out, _ = run(
        ["team", "add-user", alex, "--role", "caseworker", "--started", "2026-05-01", *data]
    )
    assert code == 0
    assert run(["team", "assign", alex, sam, *data])[1].strip() == f"{sam} now supervises {alex}."
    code, out, _ = run(["team", "policy", "--rule", "0:7", "6:14", "24:28", *data])
    assert code == 0 and "from month 24 of service: every 28 days" in out
    code, out, _ = run(["team", "status", *data])
    assert code == 0 and "Schema: 0001" in out and "Caseworker: 1" in out
    code, out, _ = run(["team", "remove-user", alex, *data])
    assert code == 0 and "no longer has access" in out
    code, out, _ = run(["team", "status", *data])
    assert "Caseworker: 0" in out


def test_mistakes_get_one_sentence_and_no_traceback(team_url: str, tmp_path) -> None:
    data = ["--data-dir", str(tmp_path / "d"), "--team-url", team_url]
    run(["team", "init", team_url, "--data-dir", str(tmp_path / "d")])
    code, _, err = run(["team", "add-user", "Not A Login", "--role", "caseworker", *data])
    assert code == 1 and "lower-case letters" in err and "Traceback" not in err
    code, _, err = run(["team", "remove-user", "nobody_here", *data])
    assert code == 1 and "no one with that name" in err
    code, _, err = run(["team", "add-user", "x", "--role", "chef", *data])
    assert code == 2 and "choose from" in err


def test_a_caseworker_login_cannot_provision(team_url: str, role_prefix: str, tmp_path) -> None:
    if not team_url.startswith("postgresql"):
        return  # on a local file everyone on the computer is trusted alike
    alex = f"{role_prefix}alex"
    run(["team", "init", team_url, "--data-dir", str(tmp_path / "d")])
    run(["team", "add-user", alex, "--role", "caseworker", "--team-url", team_url])
    as_alex = url_for(team_url, user=alex)
    code, _, err = run(
        [
            "team",
            "add-user",
            f"{role_prefix}eve",
            "--role",
            "admin",
            "--team-url",
            as_alex,
            "--data-dir",
            str(tmp_path / "d"),
        ]
    )
    assert code == 1 and "superuser" in err
    store = TeamStore.open(as_alex)
    assert [p.login for p in store.people()] == [alex]
    store.close()
