"""Connecting the Supervision page: set-up on a local team file, a password, problems."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt

from app.team.roles import Role
from app.team.store import TeamStore
from tests.helpers.fakes import PASSPHRASE
from ui.pages.supervision import SupervisionPage
from ui.supervision.connect import NOT_A_MEMBER
from ui.supervision.secret import SERVICE

pytestmark = pytest.mark.gui

SECRET = "Harbour-Secret-7731"  # a team password that must never land anywhere


@pytest.fixture
def notices(page_ctx) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    page_ctx.notice_requested.connect(lambda level, text: found.append((level, text)))
    return found


def open_page(ctx, qtbot) -> SupervisionPage:
    page = SupervisionPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024, 640)
    page.show()
    page.activate(None)
    qtbot.waitUntil(ctx.tasks.idle)
    return page


def add_local_person(url: str, name: str, roles: set[Role]) -> str:
    team = TeamStore.open(url)
    try:
        return team.choose_local_person(name, roles).id
    finally:
        team.close()


def test_a_first_visit_on_a_local_file_asks_who_you_are(page_ctx, qtbot):
    page = open_page(page_ctx, qtbot)

    assert page.stack.currentWidget() is page.setup_scroll
    setup = page.setup_panel
    assert not setup.save_button.isEnabled()  # a name and a role first
    assert not setup.cancel_button.isVisible()  # nothing to go back to yet
    setup.roles[Role.CASEWORKER].setChecked(True)
    # No supervisor has set up on this computer yet: a hint, not an empty list.
    assert setup.no_supervisors.isVisible() and not setup.supervisors.isVisible()
    for control in (setup.name, setup.started, setup.supervisors, *setup.roles.values()):
        assert control.accessibleName()


def test_setting_up_saves_me_my_supervisor_and_my_login(page_ctx, qtbot):
    tend = page_ctx.tend
    sam = add_local_person(tend.team_url(), "Sam Rivers", {Role.SUPERVISOR})
    page = open_page(page_ctx, qtbot)
    setup = page.setup_panel

    qtbot.keyClicks(setup.name, "Casey Lim")
    setup.roles[Role.CASEWORKER].setChecked(True)
    setup.know_start.setChecked(True)
    setup.started.setDate(QDate(2026, 9, 1))
    assert setup.supervisors.isVisible() and setup.supervisors.count() == 1
    item = setup.supervisors.item(0)
    assert item.text() == "Sam Rivers"
    item.setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(setup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)

    team = page.state.team
    assert team is not None and team.me is not None
    assert team.me.display_name == "Casey Lim"
    assert team.me.roles == frozenset({Role.CASEWORKER})
    assert team.me.started_on == dt.date(2026, 9, 1)
    assert team.my_supervisor_ids() == [sam]
    assert tend.settings.get("team_login") == team.login
    assert page.stack.currentWidget() is page.main
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["&My supervision"]
    assert page.details_button.isVisible()


def test_change_my_team_details_goes_back_to_set_up_filled_in(page_ctx, qtbot):
    page = open_page(page_ctx, qtbot)
    setup = page.setup_panel
    qtbot.keyClicks(setup.name, "Casey Lim")
    setup.roles[Role.SUPERVISOR].setChecked(True)
    qtbot.mouseClick(setup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.stack.currentWidget() is page.main

    qtbot.mouseClick(page.details_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.stack.currentWidget() is page.setup_scroll
    assert setup.name.text() == "Casey Lim"
    assert setup.roles[Role.SUPERVISOR].isChecked()
    assert not setup.roles[Role.CASEWORKER].isChecked()
    assert setup.cancel_button.isVisible()
    # Adding a role there changes the tabs.
    setup.roles[Role.CASEWORKER].setChecked(True)
    qtbot.mouseClick(setup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.caseworker is not None
    assert page.state.team is not None and page.state.team.me is not None
    assert page.state.team.me.roles == frozenset({Role.CASEWORKER, Role.SUPERVISOR})


def test_neither_role_gets_a_gentle_explanation(page_ctx, qtbot):
    page = open_page(page_ctx, qtbot)
    setup = page.setup_panel
    qtbot.keyClicks(setup.name, "Robin Ng")
    setup.roles[Role.COORDINATOR].setChecked(True)
    qtbot.mouseClick(setup.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)

    assert page.caseworker is None and page.supervisor is None
    assert page.no_role is not None and page.no_role.isVisible()
    assert "caseworkers and supervisors" in page.no_role.message.text()
    assert page.details_button.isVisible()  # the way to add a role


def test_a_set_up_team_connects_quietly_when_the_page_is_made(page_ctx, qtbot):
    tend = page_ctx.tend
    team = tend.open_team()
    me = team.choose_local_person("Casey Lim", {Role.CASEWORKER})
    tend.settings.set("team_login", team.login or "")
    tend.close_team()

    page = SupervisionPage(page_ctx)  # as at unlock: not shown, not activated
    qtbot.addWidget(page)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.state.team is not None and page.state.team.me is not None
    assert page.state.team.me.id == me.id
    assert page.caseworker is not None and page.caseworker.loaded is not None


def test_an_unreachable_team_shows_a_calm_line_and_try_again(page_ctx, qtbot, monkeypatch):
    monkeypatch.setenv("TEND_TEAM_URL", "postgresql://casey@127.0.0.1:9/team")
    page = open_page(page_ctx, qtbot)

    assert page.stack.currentWidget() is page.problem_panel
    assert "couldn't reach the team database" in page.problem_panel.message.text()
    assert page.problem_panel.action.isVisible()
    qtbot.mouseClick(page.problem_panel.action, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(page_ctx.tasks.idle)
    assert page.stack.currentWidget() is page.problem_panel


def all_bytes(*roots: Path) -> bytes:
    found = b""
    for root in roots:
        for path in sorted(root.rglob("*")):
            if path.is_file():
                found += path.read_bytes()
    return found


def test_the_password_is_never_written_anywhere(page_ctx, qtbot, monkeypatch, caplog):
    caplog.set_level(logging.DEBUG)
    monkeypatch.setenv("TEND_TEAM_URL", "postgresql://casey@127.0.0.1:9/team")
    tend = page_ctx.tend
    page = open_page(page_ctx, qtbot)
    page.ask_password("")
    qtbot.waitUntil(page_ctx.tasks.idle)
    panel = page.password_panel
    assert page.stack.currentWidget() is panel
    assert panel.field.echoMode() == panel.field.EchoMode.Password
    # This machine's keyring isn't a secure one: "remember" is off, and says why.
    assert not panel.remember.isEnabled() and panel.remember_reason.text()

    qtbot.keyClicks(panel.field, SECRET)
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    assert panel.field.text() == ""  # handed over once, then gone from the widget
    qtbot.waitUntil(page_ctx.tasks.idle)

    assert page.stack.currentWidget() is page.problem_panel
    tend.settings.set("region", tend.settings.get("region"))  # make sure the file exists
    written = all_bytes(tend.paths.data, tend.paths.config, tend.paths.logs)
    assert written, "expected settings and data files to check"
    assert SECRET.encode() not in written
    assert SECRET not in caplog.text
    assert PASSPHRASE not in caplog.text


def test_not_a_team_member_yet_on_postgres(page_ctx, qtbot, pg_admin_url, monkeypatch):
    from app.team import provision

    provision.init(pg_admin_url)
    monkeypatch.setenv("TEND_TEAM_URL", pg_admin_url)  # the superuser: no person row
    page = open_page(page_ctx, qtbot)

    assert page.stack.currentWidget() is page.problem_panel
    assert page.problem_panel.message.text() == NOT_A_MEMBER


def test_remembering_keeps_it_only_in_a_secure_keyring_after_it_worked(
    paths, clock, memory_keyring, qtbot, pg_admin_url, role_prefix, monkeypatch, caplog
):
    """On a real server (trust sign-in here, so any password works): the password goes to
    the keyring under the address without it, and nowhere else."""
    from app.context import Tend
    from app.security.kdf import TEST_PARAMS
    from app.team import provision
    from tests.helpers.fakes import trusted_memory_store
    from tests.helpers.pgcluster import url_for
    from ui.context import UiContext
    from ui.taskman import TaskManager

    caplog.set_level(logging.DEBUG)
    provision.init(pg_admin_url)
    login = f"{role_prefix}casey"
    provision.add_user(pg_admin_url, login, [Role.CASEWORKER], user_password=SECRET)
    url = url_for(pg_admin_url, user=login)
    monkeypatch.setenv("TEND_TEAM_URL", url)
    tend = Tend.build(paths, clock=clock, secrets=trusted_memory_store(), kdf=TEST_PARAMS)
    tend.unlock(tend.vault.create(PASSPHRASE).key)
    tasks = TaskManager()
    ctx = UiContext(tend, tasks)
    try:
        page = open_page(ctx, qtbot)
        assert page.stack.currentWidget() is page.main  # trust sign-in: no password asked
        page.ask_password("")
        qtbot.waitUntil(tasks.idle)
        panel = page.password_panel
        assert panel.remember.isEnabled()
        panel.remember.setChecked(True)
        qtbot.keyClicks(panel.field, SECRET)
        qtbot.mouseClick(panel.connect_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(tasks.idle)

        assert page.stack.currentWidget() is page.main
        entries = {k: v for k, v in memory_keyring.items.items() if k[0] == SERVICE}
        assert list(entries.values()) == [SECRET]
        assert all(SECRET not in name for _service, name in entries)
        assert SECRET.encode() not in all_bytes(paths.data, paths.config, paths.logs)
        assert SECRET not in caplog.text
    finally:
        qtbot.waitUntil(tasks.idle)
        tasks.shutdown()
        tend.lock()
