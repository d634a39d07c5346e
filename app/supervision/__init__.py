"""Clinical supervision: offers, free slots, policy standing and calendar export.

The modules here are pure (plain dataclasses and functions, no database, no Qt):
``model`` (what a supervisor offers), ``recurrence`` (weekly windows as RFC 5545
rules, DST-safe), ``slots`` (free slots), ``policy`` (who is due when) and ``ics``
(calendar files). ``service`` joins them to the team store.
"""
