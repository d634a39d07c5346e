"""Package data: styles, icons, crisis lines. Read with importlib.resources."""
