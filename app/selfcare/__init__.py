"""The self-care plan: what restores a person and what drains them, and a weekly look back.

Plan text is private: it stays in the encrypted store and is shown only inside
the unlocked app (and in the person's own export). Logs name ids and counts,
never text; errors never repeat what was typed.
"""
