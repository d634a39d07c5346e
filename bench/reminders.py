"""Reminders: re-planning 500 rules, and the CPU an idle Tend with 50 rules uses.

``python -m bench.reminders --idle-child DATA_DIR SECONDS`` is the measured child
process (see ``idle_cpu``); the parent only starts it and reads its answer.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from app.clock import SystemClock
from app.reminders.due import local_zone, next_due
from app.reminders.model import ALL_DAYS, WEEKDAYS, ReminderKind, Rule, Schedule
from bench.common import median, open_tend, p95, report, timed

REBUILD_RULES = 500
REBUILD_RUNS = 15
IDLE_RULES = 50
IDLE_SECONDS = 60
ZONES = ("", "Australia/Sydney", "Europe/London", "America/New_York")
KINDS = (ReminderKind.CHECKIN, ReminderKind.SELFCARE, ReminderKind.HEAVY_DAY)
ROOT = Path(__file__).resolve().parent.parent


def make_rules(n: int, seed: int = 4) -> list[Rule]:
    """A plausible mix: one to three times a day (7 in 10), intervals (2 in 10), some with
    quiet hours, some on weekdays only, in four zones."""
    rng = random.Random(seed)
    rules = []
    for i in range(n):
        quiet = rng.random() < 0.3
        if rng.random() < 0.2:
            times: tuple[dt.time, ...] = ()
            every: int | None = rng.choice((30, 60, 90, 120, 240))
        else:
            count = rng.choice((1, 1, 2, 3))
            times = tuple(
                sorted({dt.time(rng.randrange(24), rng.randrange(60)) for _ in range(count)})
            )
            every = None
        schedule = Schedule(
            times=times,
            weekdays=WEEKDAYS if rng.random() < 0.5 else ALL_DAYS,
            every_minutes=every,
            quiet_start=dt.time(21) if quiet else None,
            quiet_end=dt.time(7, 30) if quiet else None,
            tz=rng.choice(ZONES),
        )
        rules.append(Rule(f"rule-{i}", KINDS[i % len(KINDS)], True, schedule))
    return rules


def bench_rebuild() -> None:
    """``ReminderScheduler.rebuild`` on a running APScheduler: next_due for every rule,
    then every job replaced."""
    from app.reminders.scheduler import ReminderScheduler

    rules = make_rules(REBUILD_RULES)
    clock = SystemClock()
    now = clock.now()
    maths = [timed(lambda: [next_due(r, None, now) for r in rules]) * 1000 for _ in range(5)]
    scheduler = ReminderScheduler()
    scheduler.start(rules, clock)
    try:
        took = [timed(lambda: scheduler.rebuild(rules)) * 1000 for _ in range(REBUILD_RUNS)]
        planned = len(scheduler.planned())
    finally:
        scheduler.stop()
    report("reminders_rebuild_rules", planned)
    report("reminders_next_due_500_ms", median(maths))
    report("reminders_rebuild_500_ms", median(took))
    report("reminders_rebuild_500_p95_ms", p95(took))
    report("reminders_rebuild_goal_met", str(median(took) <= 50).lower())


# -- idle CPU ------------------------------------------------------------------------------
def quiet_rules(n: int, now: dt.datetime) -> list[Rule]:
    """``n`` enabled rules, none of which fires in the next few minutes (the measured
    stretch is idle by design: a fire would measure a reminder, not idling)."""
    soon = now + dt.timedelta(seconds=IDLE_SECONDS + 180)
    zone = local_zone(now)
    return [r for r in make_rules(4 * n, seed=9) if next_due(r, None, now, local_tz=zone) > soon][
        :n
    ]


def idle_child(data_dir: Path, seconds: float) -> None:
    """Runs in its own process: an unlocked store with IDLE_RULES enabled rules, the
    reminder bridge (scheduler started, catch-up done) and a Qt event loop, offscreen.
    Prints one JSON line: this process's CPU time over ``seconds`` of idling."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from ui.context import UiContext
    from ui.taskman import TaskManager

    with open_tend(data_dir) as tend:
        store = tend.require_store()
        store.reminders.ensure_defaults()
        for rule in store.reminders.rules():
            store.reminders.delete_rule(rule.id)
        for rule in quiet_rules(IDLE_RULES, tend.clock.now()):
            store.reminders.save_rule(Rule("", rule.kind, True, rule.schedule))
        enabled = sum(r.enabled for r in store.reminders.rules())

        app = QApplication([])
        tasks = TaskManager()
        ctx = UiContext(tend, tasks)
        workspace = QWidget()
        loop = QEventLoop()
        wakes = []
        stop, started, bridged, planned = _start_bridge(ctx, workspace, wakes.append)
        started.connect(loop.quit)
        give_up = QTimer(singleShot=True, interval=30_000)
        give_up.timeout.connect(loop.quit)
        give_up.start()
        loop.exec()
        give_up.stop()  # or it would end the measured stretch early
        QTimer.singleShot(2000, loop.quit)  # let the start-up work settle
        loop.exec()

        # CPU time of the whole process, every thread (CLOCK_PROCESS_CPUTIME_ID, ns),
        # and os.times() as a cross-check (whole clock ticks).
        cpu, ticks, wall = time.process_time(), os.times(), time.monotonic()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        cpu, wall = time.process_time() - cpu, time.monotonic() - wall
        after = os.times()
        jobs = planned()

        stop()
        tasks.shutdown()
        del workspace, app
    result = {
        "cpu_s": cpu,
        "cpu_ticks_s": (after.user - ticks.user) + (after.system - ticks.system),
        "wall_s": wall,
        "rules": enabled,
        "jobs": jobs,
        "wakes": len(wakes),
        "ui_bridge": bridged,
    }
    print(json.dumps(result), flush=True)


def _start_bridge(ctx, workspace, on_wake):  # type: ignore[no-untyped-def]
    """The real ui.reminders_bridge when it exists; else the same shape by hand: the
    scheduler's thread emits a Qt signal, the GUI thread asks due_now on the writer lane."""
    try:
        from ui.reminders_bridge import install
    except ImportError:
        install = None
    if install is not None:
        bridge = install(workspace, ctx)
        bridge.woke.connect(lambda: on_wake(1))
        return bridge.stop, bridge.started, True, lambda: len(bridge.scheduler.planned())

    from PySide6.QtCore import QObject, QTimer, Signal

    from app.reminders.scheduler import ReminderScheduler

    class Bridge(QObject):
        woke = Signal()
        started = Signal()

    bridge = Bridge(workspace)
    store = ctx.tend.require_store()
    scheduler = ReminderScheduler()
    scheduler.on_wake(bridge.woke.emit)
    bridge.woke.connect(lambda: on_wake(1))
    bridge.woke.connect(lambda: ctx.write(lambda: store.reminders.due_now(ctx.tend.clock.now())))
    store.reminders.catch_up(ctx.tend.clock.now())
    scheduler.start(store.reminders.rules(), ctx.tend.clock)
    QTimer.singleShot(0, bridge.started.emit)
    return scheduler.stop, bridge.started, False, lambda: len(scheduler.planned())


def bench_idle_cpu(seconds: float = IDLE_SECONDS) -> None:
    with tempfile.TemporaryDirectory(prefix="tend-bench-") as tmp:
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        out = subprocess.run(
            [sys.executable, "-m", "bench.reminders", "--idle-child", tmp, str(seconds)],
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=seconds + 120,
            check=True,
        )
    found = json.loads(out.stdout.strip().splitlines()[-1])
    percent = 100 * found["cpu_s"] / found["wall_s"]
    report("reminders_idle_rules", found["rules"])
    report("reminders_idle_jobs", found["jobs"])
    report("reminders_idle_seconds", found["wall_s"])
    report("reminders_idle_wakes", found["wakes"])
    report("reminders_idle_ui_bridge", str(found["ui_bridge"]).lower())
    report("reminders_idle_cpu_s", found["cpu_s"])
    report("reminders_idle_cpu_percent", percent)
    report("reminders_idle_cpu_goal_met", str(percent <= 1.0).lower())


def run() -> None:
    bench_rebuild()
    bench_idle_cpu()


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--idle-child":
        idle_child(Path(sys.argv[2]), float(sys.argv[3]))
    else:
        run()
