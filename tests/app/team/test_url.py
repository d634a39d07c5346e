"""Team addresses: where they come from, and that a password never sticks to one."""

from __future__ import annotations

import pytest

from app.errors import TeamUnavailable
from app.settings import Settings
from app.team.url import ENV, parse, redact, resolve


def test_order_is_flag_then_environment_then_setting_then_local_file(paths, monkeypatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    assert resolve(paths) == f"sqlite:///{paths.data / 'team.sqlite3'}"
    assert resolve(paths, setting="postgresql://s@h/d") == "postgresql://s@h/d"
    monkeypatch.setenv(ENV, "postgresql://e@h/d")
    assert resolve(paths, setting="postgresql://s@h/d") == "postgresql://e@h/d"
    assert resolve(paths, "postgresql://f@h/d", "postgresql://s@h/d") == "postgresql://f@h/d"


def test_a_password_in_the_address_is_split_off_and_never_shown() -> None:
    address = parse("postgresql://alex:hunter2-secret@db.example.org:5433/tend")
    assert address.password == "hunter2-secret"
    assert address.is_postgres and address.login == "alex"
    assert "hunter2" not in address.display
    assert "hunter2" not in str(address.url) and address.url.password is None
    assert address.url.drivername == "postgresql+psycopg"
    assert "hunter2" not in redact("postgresql://alex:hunter2-secret@db/tend")


@pytest.mark.parametrize(
    "bad", ["", "mysql://x@h/d", "sqlite://", "sqlite:///:memory:", "not a url", "http://x"]
)
def test_other_addresses_are_refused_calmly(bad: str) -> None:
    with pytest.raises(TeamUnavailable) as caught:
        parse(bad)
    assert "postgresql://" in caught.value.message


def test_the_team_url_setting_drops_a_password_before_it_reaches_the_file(paths) -> None:
    settings = Settings(paths.settings_file)
    settings.set("team_url", "postgresql://alex:hunter2-secret@db/tend")
    assert settings.get("team_url") == "postgresql://alex@db/tend"
    assert "hunter2" not in paths.settings_file.read_text("utf-8")
