"""The command-line twin of the window: ``tend`` (see app.cli.main for usage)."""
