"""The Supervision page's pieces: team connection state, panels for each role.

Imported only after unlock (the page registry loads pages then), never before the
first paint.
"""
