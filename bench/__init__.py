"""Tend's benchmarks (``make bench`` = ``python -m bench``): start-up, saving, search, jrnl.

Not part of ``make test``. Each line printed is ``name: value`` with the unit in
the name; ratios are against a baseline measured in the same run. See README.md.
"""
