"""``python -m bench``: run every benchmark and print ``name: value`` lines."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from bench import (
        jrnl_compare,
        reminders,
        startup,
        store,
        supervision_booking,
        supervision_slots,
        trends,
    )
    from bench.common import open_tend, report

    began = time.perf_counter()
    report("python", platform.python_version())
    report("cpus", os.cpu_count() or 0)
    startup.run()
    trends.first_paint_check()
    trends.run()
    store.bench_saves()
    with tempfile.TemporaryDirectory(prefix="tend-bench-") as tmp, open_tend(Path(tmp)) as tend:
        store.fill(tend)
        store.bench_search(tend)
    reminders.run()
    supervision_slots.run()
    supervision_booking.run()
    jrnl_compare.run()
    report("bench_total_s", time.perf_counter() - began)
    return 0


if __name__ == "__main__":
    sys.exit(main())
