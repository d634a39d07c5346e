"""The XDG autostart entry: written where XDG says, read back honestly, removed cleanly."""

from __future__ import annotations

import pytest

from app import autostart
from app.autostart import AutostartUnavailable


@pytest.fixture
def xdg(tmp_path, monkeypatch):
    config = tmp_path / "xdg-config"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    return config


def test_entry_lives_under_xdg_config_home(xdg):
    assert autostart.entry_path() == xdg / "autostart" / "tend.desktop"


def test_relative_or_empty_xdg_config_home_falls_back_to_home_config(tmp_path):
    home = tmp_path / "home"
    for env in ({"XDG_CONFIG_HOME": "relative/dir"}, {"XDG_CONFIG_HOME": ""}, {}):
        assert autostart.entry_path(env, home) == home / ".config" / "autostart" / "tend.desktop"


def test_enable_writes_a_minimised_entry_and_disable_removes_it(xdg):
    assert not autostart.is_enabled()
    written = autostart.enable(command=["/opt/tend/bin/tend", "--minimised"], platform="linux")
    assert written == xdg / "autostart" / "tend.desktop"
    text = written.read_text("utf-8")
    assert text.startswith("[Desktop Entry]\n")
    assert "Type=Application\n" in text
    assert "Exec=/opt/tend/bin/tend --minimised\n" in text
    assert autostart.is_enabled()

    assert autostart.disable() is True
    assert not written.exists()
    assert not autostart.is_enabled()
    assert autostart.disable() is False  # already off: nothing to do, no error


def test_default_command_runs_tend_minimised(xdg):
    command = autostart.default_command()
    assert command[-1] == "--minimised"
    assert command[0].endswith("tend")
    autostart.enable(platform="linux")
    assert "--minimised" in autostart.entry_path().read_text("utf-8")


def test_disable_leaves_other_autostart_entries_alone(xdg):
    folder = xdg / "autostart"
    folder.mkdir(parents=True)
    other = folder / "someone-else.desktop"
    other.write_text("[Desktop Entry]\nName=Other\n", "utf-8")
    autostart.enable(command=["tend", "--minimised"], platform="linux")
    autostart.disable()
    assert other.read_text("utf-8") == "[Desktop Entry]\nName=Other\n"


@pytest.mark.parametrize(
    "marker", ["Hidden=true", "X-GNOME-Autostart-enabled=false", "Hidden=True"]
)
def test_an_entry_the_desktop_switched_off_counts_as_off(xdg, marker):
    path = autostart.enable(command=["tend", "--minimised"], platform="linux")
    text = path.read_text("utf-8").replace("X-GNOME-Autostart-enabled=true\n", "")
    path.write_text(text + marker + "\n", "utf-8")
    assert not autostart.is_enabled()
    # Switching it on again rewrites the entry so it really starts.
    assert autostart.set_enabled(True, platform="linux") is True


def test_set_enabled_reports_the_real_state(xdg):
    assert autostart.set_enabled(True, platform="linux") is True
    assert autostart.set_enabled(False, platform="linux") is False


@pytest.mark.parametrize("platform", ["win32", "darwin"])
def test_windows_and_macos_get_a_calm_explanation_not_a_file(xdg, platform):
    with pytest.raises(AutostartUnavailable) as caught:
        autostart.enable(platform=platform)
    assert "login" in caught.value.message
    assert not (xdg / "autostart").exists()


def test_unwritable_folder_is_a_user_facing_error(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("", "utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocker))
    with pytest.raises(AutostartUnavailable):
        autostart.enable(command=["tend"], platform="linux")
    assert not autostart.is_enabled()


@pytest.mark.parametrize(
    "arg",
    [
        "/home/sam/My Apps/tend",
        'odd"quote',
        "dollar$sign",
        "back\\slash",
        "100%",
        "tick`s",
    ],
)
def test_exec_quoting_round_trips(arg):
    quoted = autostart.quote_exec_arg(arg)
    assert _parse_exec_arg(quoted) == arg


def _parse_exec_arg(text: str) -> str:
    """Undo both layers as a launcher does: the string value's escapes, then Exec quoting."""
    value = text.replace("\\\\", "\\").replace("%%", "%")
    if not value.startswith('"'):
        return value
    assert value.endswith('"')
    out, chars = [], iter(value[1:-1])
    for ch in chars:
        if ch == "\\":
            escaped = next(chars)
            assert escaped in '"`$\\', escaped
            out.append(escaped)
        else:
            assert ch not in '"`$', ch  # must have been escaped
            out.append(ch)
    return "".join(out)


def test_plain_arguments_stay_unquoted():
    assert autostart.quote_exec_arg("--minimised") == "--minimised"
    assert autostart.quote_exec_arg("/usr/bin/tend") == "/usr/bin/tend"


def test_a_data_folder_of_its_own_goes_into_the_login_command(tmp_path):
    from app.autostart import default_command

    assert "--data-dir" not in default_command()
    command = default_command(tmp_path / "my tend")
    assert command[-2:] == ["--data-dir", str(tmp_path / "my tend")]
    assert "--minimised" in command
