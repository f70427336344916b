"""How fast `trainer history` and `trainer progress` answer over a year of daily sessions.

Builds 365 daily sessions of a realistic routine (about 170 reps and 4 holds each; three
one-sided exercises with a left/right gap that closes, widens or stays) in a temporary
database through HistoryWriter, then times the commands as real subprocesses (Python start
included) and in-process. Goal: each under 1 second. Prints each time and its ratio to the goal.

    .venv/bin/python bench/bench_history.py
"""

from __future__ import annotations

import random
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from trainer.cues import FormFault
from trainer.engine import HoldResult, RepResult
from trainer.history import HistoryWriter, open_existing
from trainer.history.progress import write_progress_report
from trainer.history.show import show_history

GOAL_S = 1.0
DAYS = 365
# exercise -> (sides, sets per side, reps per set, range of motion, right side's ROM share at
# day 0 and at day 365: the generated imbalance drifts between them)
ROUTINE = {
    "goblet_squat": (("both",), 2, 10, 95.0, None),
    "single_leg_deadlift": (("left", "right"), 2, 8, 75.0, (0.80, 0.97)),     # closing
    "banded_split_squat": (("left", "right"), 2, 10, 0.8, (0.97, 0.80)),      # widening
    "single_leg_bridge": (("left", "right"), 2, 10, 30.0, (0.95, 0.95)),      # steady
    "good_morning": (("both",), 2, 10, 60.0, None),
    "eccentric_heel_raise": (("both",), 2, 15, 12.0, None),
}
HOLDS = {"half_pigeon": ("left", "right"), "calf_stretch": ("left", "right")}


def fake_rep(rng: random.Random, exercise: str, index: int, side: str, rom: float, t0: float) -> RepResult:
    down, up, pause = rng.gauss(1.5, 0.15), rng.gauss(1.2, 0.1), rng.uniform(0.2, 0.6)
    faults = [FormFault("knee_valgus", "Push your knees out", 12.0, 8.0, "deg", t0 + down, index, side, "front")] \
        if rng.random() < 0.1 else []
    metrics = {"range_of_motion": round(rom * rng.gauss(1.0, 0.03), 2), "tempo_down_s": round(down, 2),
               "tempo_up_s": round(up, 2), "pause_s": round(pause, 2), "knee_valgus": 5.0}
    return RepResult(index, side, t0, t0 + down, t0 + down + pause + up, "side", metrics, faults, [])


def build_year(path: Path, days: int = DAYS, seed: int = 1) -> int:
    """Write ``days`` daily sessions; returns the number of reps written."""
    rng, start, written = random.Random(seed), datetime(2026, 1, 5, 7, 30), 0
    with HistoryWriter(path) as writer:
        for day in range(days):
            session = writer.start_session("workout", "routine.yaml", start + timedelta(days=day))
            set_no = 0
            for exercise, (sides, sets, reps, rom, gap) in ROUTINE.items():
                for side in sides:
                    share = 1.0 if gap is None or side != "right" else gap[0] + (gap[1] - gap[0]) * day / days
                    for _ in range(sets):
                        set_no += 1
                        set_id = writer.start_set(session, exercise, set_no, side)
                        for i in range(reps):
                            writer.add_rep(set_id, fake_rep(rng, exercise, i + 1, side, rom * share, 4.0 * i))
                            written += 1
            for exercise, sides in HOLDS.items():
                for side in sides:
                    set_no += 1
                    held = rng.gauss(30, 2)
                    writer.add_hold(writer.start_set(session, exercise, set_no, side),
                                    HoldResult(1, side, 0.0, held + 2, held, "side", {"hip_angle": 40.0}, [], []))
            writer.finish_session(session, "finished", 1500.0)
    return written


def timed(label: str, action) -> None:
    began = time.perf_counter()
    action()
    took = time.perf_counter() - began
    print(f"{label:<58} {took:6.3f} s  ratio to goal {took / GOAL_S:.2f}", flush=True)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        db, page = Path(tmp) / "history.sqlite3", Path(tmp) / "progress.html"
        began = time.perf_counter()
        reps = build_year(db)
        took = time.perf_counter() - began
        print(f"built {DAYS} sessions, {reps} reps in {took:.1f} s ({1e6 * took / reps:.0f} us per rep incl. faking)")
        trainer = [sys.executable, "-m", "trainer"]
        for args in (["history"], ["history", "--exercise", "single_leg_deadlift"], ["progress", "--out", str(page)]):
            timed(f"subprocess: trainer {' '.join(args[:3] if args[0] == 'history' else args[:1])}",
                  lambda: subprocess.run([*trainer, *args, "--db", str(db)], check=True, capture_output=True))
        from rich.console import Console
        quiet = Console(file=open("/dev/null", "w") if sys.platform != "win32" else None)
        timed("in-process: history", lambda: show_history(db, quiet))
        timed("in-process: history --exercise single_leg_deadlift",
              lambda: show_history(db, quiet, "single_leg_deadlift"))
        conn = open_existing(db)
        timed("in-process: progress", lambda: write_progress_report(conn, page))
        conn.close()
        print(f"progress page: {page.stat().st_size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
