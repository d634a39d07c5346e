"""Who may do what in the team store, as revision 0001 left it (frozen with it).

PostgreSQL only. Tables belong to the NOLOGIN role ``tend_owner``. Each person
logs in as their own role and is a member of ``tend_member`` plus one group per
Tend role; grants say which commands a group may run on a table, and policies
say which rows. Row-level security is forced, so even the owner goes through
policies (it has its own allow-all policy; no login role is ever its member).

Policies that look across tables (may this caseworker see this supervisor's
sessions?) call small SECURITY DEFINER functions owned by ``tend_owner``. They
take the caller's person id as an argument, computed by ``tend_me()`` in the
caller's own context, and so never recurse into the other table's policies.
docs/team-permissions.md is the same thing as a table, and
tests/team/test_permissions.py checks every cell of it against a real server.
"""

from __future__ import annotations

TABLES = (
    "people",
    "person_roles",
    "assignments",
    "supervision_policy",
    "supervisor_settings",
    "availability",
    "sessions",
    "attendances",
    "team_alembic_version",
)

# The SECURITY DEFINER helpers answer only for the person signed in (``session_user``):
# called with someone else's id they say no, so they can't be used to look up who
# attends what or who supervises whom. Only Tend's members may call them at all.
_CALLER = "me = (SELECT p.id FROM people p WHERE p.login = session_user AND p.active)"
FUNCTIONS = f"""
CREATE FUNCTION tend_me() RETURNS varchar LANGUAGE sql STABLE
SET search_path = public, pg_temp AS
$$ SELECT id FROM people WHERE login = current_user AND active $$;

CREATE FUNCTION tend_assigned_to(supervisor varchar, me varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT {_CALLER} AND EXISTS (SELECT 1 FROM assignments a
                  WHERE a.supervisor_id = supervisor AND a.supervisee_id = me) $$;

CREATE FUNCTION tend_attends(session varchar, me varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT {_CALLER} AND EXISTS (SELECT 1 FROM attendances t
                  WHERE t.session_id = session AND t.person_id = me) $$;

CREATE FUNCTION tend_supervises_session(session varchar, me varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT {_CALLER} AND EXISTS (SELECT 1 FROM sessions s
                  WHERE s.id = session AND s.supervisor_id = me) $$;

CREATE FUNCTION tend_may_book(session varchar, me varchar) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS
$$ SELECT {_CALLER} AND EXISTS (SELECT 1 FROM sessions s JOIN assignments a
                    ON a.supervisor_id = s.supervisor_id AND a.supervisee_id = me
                  WHERE s.id = session AND s.status = 'open') $$;
"""
HELPERS = ("tend_assigned_to", "tend_attends", "tend_supervises_session", "tend_may_book")

GRANTS = """
GRANT SELECT ON people, person_roles, supervision_policy, assignments, team_alembic_version
    TO tend_member;
GRANT INSERT, UPDATE, DELETE ON people, person_roles, assignments, supervision_policy
    TO tend_admin;
GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO tend_admin;
GRANT SELECT ON supervisor_settings, availability, sessions, attendances TO tend_admin;
GRANT UPDATE (status, seats_taken, updated_at) ON sessions TO tend_admin;
GRANT UPDATE (status, reason, changed_by, updated_at) ON attendances TO tend_admin;
GRANT SELECT, INSERT, UPDATE, DELETE ON supervisor_settings, availability TO tend_supervisor;
GRANT SELECT, INSERT, UPDATE ON sessions TO tend_supervisor;
GRANT SELECT ON attendances TO tend_supervisor;
GRANT UPDATE (status, reason, changed_by, updated_at) ON attendances TO tend_supervisor;
GRANT SELECT ON supervisor_settings, availability, sessions, attendances TO tend_caseworker;
GRANT INSERT ON sessions, attendances TO tend_caseworker;
GRANT UPDATE (status, reason, changed_by, updated_at) ON attendances TO tend_caseworker;
"""

ME = "tend_me()"
POLICIES: tuple[tuple[str, str, str, str, str | None], ...] = (
    # (table, policy, command, role, USING / WITH CHECK ...) -- see _policy()
    ("people", "member_read", "SELECT", "tend_member", "true"),
    ("people", "admin_write", "ALL", "tend_admin", "true"),
    ("person_roles", "member_read", "SELECT", "tend_member", "true"),
    ("person_roles", "admin_write", "ALL", "tend_admin", "true"),
    ("supervision_policy", "member_read", "SELECT", "tend_member", "true"),
    ("supervision_policy", "admin_write", "ALL", "tend_admin", "true"),
    ("team_alembic_version", "member_read", "SELECT", "tend_member", "true"),
    (
        "assignments",
        "own_read",
        "SELECT",
        "tend_member",
        f"supervisee_id = {ME} OR supervisor_id = {ME}",
    ),
    ("assignments", "admin_write", "ALL", "tend_admin", "true"),
    ("supervisor_settings", "own", "ALL", "tend_supervisor", f"supervisor_id = {ME}"),
    (
        "supervisor_settings",
        "assigned_read",
        "SELECT",
        "tend_caseworker",
        f"tend_assigned_to(supervisor_id, {ME})",
    ),
    ("supervisor_settings", "admin_read", "SELECT", "tend_admin", "true"),
    ("availability", "own", "ALL", "tend_supervisor", f"supervisor_id = {ME}"),
    (
        "availability",
        "assigned_read",
        "SELECT",
        "tend_caseworker",
        f"tend_assigned_to(supervisor_id, {ME})",
    ),
    ("availability", "admin_read", "SELECT", "tend_admin", "true"),
    ("sessions", "own", "ALL", "tend_supervisor", f"supervisor_id = {ME}"),
    (
        "sessions",
        "assigned_read",
        "SELECT",
        "tend_caseworker",
        f"tend_assigned_to(supervisor_id, {ME}) OR tend_attends(id, {ME})",
    ),
    ("sessions", "admin_read", "SELECT", "tend_admin", "true"),
    ("sessions", "admin_update", "UPDATE", "tend_admin", "true"),
    ("attendances", "own_read", "SELECT", "tend_caseworker", f"person_id = {ME}"),
    (
        "attendances",
        "supervisor",
        "ALL",
        "tend_supervisor",
        f"tend_supervises_session(session_id, {ME})",
    ),
    ("attendances", "admin_read", "SELECT", "tend_admin", "true"),
    ("attendances", "admin_update", "UPDATE", "tend_admin", "true"),
)

# Caseworkers' writes have their own, tighter checks on the new row. They never update
# a session: its seat count follows the attendances (see SEATS), so nobody on a group
# session can cancel it for everyone. Only a booked place can be changed, and only to
# booked or cancelled: a session marked held or missed stays that way.
CASEWORKER_WRITES = f"""
CREATE POLICY caseworker_book ON sessions FOR INSERT TO tend_caseworker
    WITH CHECK (tend_assigned_to(supervisor_id, {ME}) AND status = 'open' AND seats_taken = 0
                AND ends_at - starts_at <= interval '4 hours'
                AND blocked_until - ends_at <= interval '2 hours');
CREATE POLICY caseworker_book ON attendances FOR INSERT TO tend_caseworker
    WITH CHECK (person_id = {ME} AND status = 'booked' AND changed_by = {ME}
                AND tend_may_book(session_id, {ME}));
CREATE POLICY caseworker_change ON attendances FOR UPDATE TO tend_caseworker
    USING (person_id = {ME} AND status = 'booked')
    WITH CHECK (person_id = {ME} AND status IN ('booked', 'cancelled') AND changed_by = {ME});
"""

# A session's seats are counted by the database as places are taken and given up. A
# place on a full or cancelled session is refused ('tend_slot_taken'); the last place
# given up cancels the session, which frees the supervisor's time. The function runs as
# the owner, so it may update a session the caller can't.
SEATS = """
CREATE FUNCTION tend_count_seats() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
SET search_path = public, pg_temp AS $$
BEGIN
    IF NEW.status <> 'cancelled' AND (TG_OP = 'INSERT' OR OLD.status = 'cancelled') THEN
        UPDATE sessions SET seats_taken = seats_taken + 1
         WHERE id = NEW.session_id AND status = 'open' AND seats_taken < capacity;
        IF NOT FOUND THEN
            RAISE EXCEPTION 'tend_slot_taken' USING ERRCODE = 'exclusion_violation';
        END IF;
    ELSIF TG_OP = 'UPDATE' AND NEW.status = 'cancelled' AND OLD.status <> 'cancelled' THEN
        UPDATE sessions
           SET seats_taken = greatest(seats_taken - 1, 0),
               status = CASE WHEN seats_taken <= 1 THEN 'cancelled' ELSE status END
         WHERE id = NEW.session_id;
    END IF;
    RETURN NULL;
END $$
"""
SEATS_TRIGGER = (
    "CREATE TRIGGER attendances_count_seats AFTER INSERT OR UPDATE OF status ON attendances "
    "FOR EACH ROW EXECUTE FUNCTION tend_count_seats()"
)

NO_OVERLAP = """
ALTER TABLE sessions ADD CONSTRAINT ex_sessions_no_overlap EXCLUDE USING gist (
    supervisor_id WITH =, tstzrange(starts_at, blocked_until, '[)') WITH &&
) WHERE (status = 'open')
"""


def _policy(table: str, name: str, command: str, role: str, expr: str | None) -> str:
    check = "" if command in ("SELECT", "DELETE") else f" WITH CHECK ({expr})"
    return f"CREATE POLICY {name} ON {table} FOR {command} TO {role} USING ({expr}){check}"


def postgres_security() -> list[str]:
    """Every statement, in order. Needs the group roles (``tend team init`` makes them)."""
    statements = [s.strip() for s in FUNCTIONS.split(";\n\n") if s.strip()]
    for name in HELPERS:
        signature = f"{name}(varchar, varchar)"
        statements.append(f"REVOKE EXECUTE ON FUNCTION {signature} FROM PUBLIC")
        statements.append(f"GRANT EXECUTE ON FUNCTION {signature} TO tend_member")
    statements.append(NO_OVERLAP.strip())
    statements += [s.strip() for s in GRANTS.split(";") if s.strip()]
    for table in TABLES:
        statements.append(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY")
        statements.append(f"ALTER TABLE {table} FORCE ROW LEVEL SECURITY")
        statements.append(
            f"CREATE POLICY owner_all ON {table} FOR ALL TO tend_owner USING (true) "
            "WITH CHECK (true)"
        )
    statements += [_policy(*p) for p in POLICIES]
    statements += [s.strip() for s in CASEWORKER_WRITES.split(";") if s.strip()]
    statements += [SEATS.strip(), SEATS_TRIGGER]
    return statements


def sqlite_overlap_triggers() -> list[str]:
    """SQLite has no exclusion constraints or row-level security: these triggers refuse an
    overlapping open session and count seats as PostgreSQL's do. Writers hold the write
    lock (BEGIN IMMEDIATE) from their first read."""
    overlap = (
        "EXISTS (SELECT 1 FROM sessions s WHERE s.supervisor_id = NEW.supervisor_id "
        "AND s.status = 'open' AND s.id <> NEW.id "
        "AND s.starts_at < NEW.blocked_until AND NEW.starts_at < s.blocked_until)"
    )
    raise_ = "SELECT RAISE(ABORT, 'tend_slot_taken');"
    take = (
        "SELECT RAISE(ABORT, 'tend_slot_taken') WHERE NOT EXISTS (SELECT 1 FROM sessions "
        "WHERE id = NEW.session_id AND status = 'open' AND seats_taken < capacity); "
        "UPDATE sessions SET seats_taken = seats_taken + 1 WHERE id = NEW.session_id;"
    )
    give_up = (
        "UPDATE sessions SET seats_taken = max(seats_taken - 1, 0), "
        "status = CASE WHEN seats_taken <= 1 THEN 'cancelled' ELSE status END "
        "WHERE id = NEW.session_id;"
    )
    return [
        f"CREATE TRIGGER sessions_no_overlap_insert BEFORE INSERT ON sessions "
        f"WHEN NEW.status = 'open' AND {overlap} BEGIN {raise_} END",
        f"CREATE TRIGGER sessions_no_overlap_update BEFORE UPDATE OF "
        f"supervisor_id, starts_at, blocked_until, status ON sessions "
        f"WHEN NEW.status = 'open' AND {overlap} BEGIN {raise_} END",
        f"CREATE TRIGGER attendances_take_seat AFTER INSERT ON attendances "
        f"WHEN NEW.status <> 'cancelled' BEGIN {take} END",
        f"CREATE TRIGGER attendances_retake_seat AFTER UPDATE OF status ON attendances "
        f"WHEN OLD.status = 'cancelled' AND NEW.status <> 'cancelled' BEGIN {take} END",
        f"CREATE TRIGGER attendances_give_up_seat AFTER UPDATE OF status ON attendances "
        f"WHEN OLD.status <> 'cancelled' AND NEW.status = 'cancelled' BEGIN {give_up} END",
    ]
