"""Checks that a PostgreSQL team store is locked down the way Tend expects.

``tend team status`` reports these, and the tests assert there are none.
"""

from __future__ import annotations

from sqlalchemy import Connection, text

from app.team.migrate import VERSION_TABLE
from app.team.models import TEAM_TABLES
from app.team.roles import MEMBER, OWNER

# Login roles that are (directly or through groups) members of a role.
_MEMBERS_OF = """
WITH RECURSIVE m(roleid, member) AS (
    SELECT a.roleid, a.member FROM pg_auth_members a
    WHERE a.roleid = (SELECT oid FROM pg_roles WHERE rolname = :group)
  UNION
    SELECT m.roleid, a.member FROM pg_auth_members a JOIN m ON a.roleid = m.member
)
SELECT r.rolname, r.rolsuper, r.rolbypassrls FROM m JOIN pg_roles r ON r.oid = m.member
WHERE r.rolcanlogin
"""


def security_problems(conn: Connection) -> list[str]:
    problems = []
    tables = (*TEAM_TABLES, VERSION_TABLE)
    rows = conn.execute(
        text(
            "SELECT c.relname, c.relrowsecurity, c.relforcerowsecurity, r.rolname, r.rolcanlogin "
            "FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname = ANY(:t)"
        ),
        {"t": list(tables)},
    ).all()
    found = {row[0] for row in rows}
    problems += [f"table {t} is missing" for t in tables if t not in found]
    for name, enabled, forced, owner, owner_logs_in in rows:
        if not (enabled and forced):
            problems.append(f"table {name} does not have row-level security enabled and forced")
        if owner != OWNER or owner_logs_in:
            problems.append(f"table {name} is owned by {owner}, not {OWNER}")
    for name, superuser, bypass in conn.execute(text(_MEMBERS_OF), {"group": MEMBER}):
        if superuser or bypass:
            problems.append(f"login {name} is a superuser or bypasses row-level security")
    for name, *_rest in conn.execute(text(_MEMBERS_OF), {"group": OWNER}):
        problems.append(f"login {name} is a member of {OWNER}")
    return problems
