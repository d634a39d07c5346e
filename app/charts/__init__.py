"""Charts of a person's own data, built without Qt (matplotlib ``Figure`` + numpy).

Nothing on the GUI's start-up path imports this package: the trends page that
shows these charts is imported only after unlock, and ``app.cli`` never touches
it. Modules here may import numpy and matplotlib at module level
(tests/test_architecture.py allows it for ``app.charts`` and ``app.summary``).

- ``series``: check-ins as daily numpy arrays (gaps stay NaN), rolling averages,
  exposure, day kinds, days since the last day off or leave.
- ``palette``: the Okabe–Ito colours, light and dark.
- ``figures``: one builder per chart kind, a shared ``Chart`` interface
  (range switching, read-outs, text summaries) and ``export.save_figure``.
"""
