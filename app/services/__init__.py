"""Services: every call opens and closes its own Session and returns plain values."""
