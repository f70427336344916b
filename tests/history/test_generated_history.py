"""A history built from generated sessions with a left/right imbalance that closes over weeks.

Each session is four generated clips' ground-truth landmarks (no rendering, no pose model) run
through the real ExerciseEngine: a banded split squat on each leg, whose right-leg reps are
made shallow by the generator's ``shallow_depth`` fault on fewer reps each week (6, 4, 2, 0 of
6), and a single-leg deadlift on each leg done alike. The reps go through HistoryWriter, then
the balance index, its trend and the progress page are checked.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import numpy as np
import pytest

from trainer.engine import ExerciseEngine
from trainer.exercises import get_exercise
from trainer.history import HistoryWriter, open_history
from trainer.history import queries
from trainer.history.balance import balance_points, balance_trend
from trainer.history.progress import write_progress_report
from trainer.pose import PoseFrame
from trainer.synth.truth import truth_landmarks

FIRST = datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)
SHALLOW_RIGHT = (6, 4, 2, 0)    # right-leg split squats made shallow, per weekly session


def engine_reps(exercise: str, side: str, seed: int, faults=None, reps: int = 3):
    """The engine's reps for a generated clip's exact landmarks (every joint fully visible)."""
    truth = truth_landmarks(exercise, view="side", reps=reps, seed=seed, side=side, fps=10, faults=faults)
    engine = ExerciseEngine(get_exercise(exercise), truth.fps)
    ones = np.ones(33)
    for i in range(len(truth.xy)):
        engine.update(PoseFrame(i / truth.fps, i, (truth.width, truth.height), truth.xy[i], truth.world[i],
                                ones, ones))
    return engine.result().reps


@pytest.fixture(scope="module")
def history(tmp_path_factory):
    db = tmp_path_factory.mktemp("history") / "history.sqlite3"
    with HistoryWriter(db) as writer:
        for week, shallow in enumerate(SHALLOW_RIGHT):
            session = writer.start_session("workout", "generated", FIRST + timedelta(weeks=week))
            work = [("banded_split_squat", "left", None),
                    ("banded_split_squat", "right", {i: ["shallow_depth"] for i in range(1, shallow + 1)}),
                    ("single_leg_deadlift", "left", None), ("single_leg_deadlift", "right", None)]
            for set_no, (exercise, side, faults) in enumerate(work, start=1):
                set_id = writer.start_set(session, exercise, set_no, side)
                for rep in engine_reps(exercise, side, seed=week + 1, faults=faults,
                                       reps=3 if exercise == "banded_split_squat" else 2):
                    writer.add_rep(set_id, rep)
            writer.finish_session(session, "finished", 300.0)
    return db


def test_every_generated_rep_is_stored_with_its_side(history):
    conn = open_history(history)
    counts = dict(((r[0], r[1]), r[2]) for r in conn.execute(
        "SELECT exercise, side, count(*) FROM reps GROUP BY exercise, side"))
    assert counts == {("banded_split_squat", "left"): 24, ("banded_split_squat", "right"): 24,
                      ("single_leg_deadlift", "left"): 8, ("single_leg_deadlift", "right"): 8}
    shallow_cues = conn.execute("SELECT count(*) FROM cues WHERE rule_id = 'shallow_depth'").fetchone()[0]
    assert shallow_cues == sum(SHALLOW_RIGHT)


def test_balance_index_shows_the_shallow_right_leg_and_its_closing_trend(history):
    points = balance_points(queries.side_summary(open_history(history)))
    squat = [p.range_of_motion for p in points["banded_split_squat"]]
    assert squat[0] > 80            # right leg all shallow: left's range of motion far larger (+)
    assert squat == sorted(squat, reverse=True)    # fewer shallow reps each week
    assert abs(squat[-1]) < 10      # even once no rep is shallow
    trend = balance_trend(points["banded_split_squat"])
    assert (trend.verdict, trend.sessions) == ("closing", 4)
    assert trend.slope_pp_per_week < -20


def test_a_balanced_exercise_stays_steady(history):
    points = balance_points(queries.side_summary(open_history(history)))["single_leg_deadlift"]
    assert all(abs(p.range_of_motion) < 5 and abs(p.rep_time) < 5 for p in points)
    assert balance_trend(points).verdict == "steady"


def test_progress_page_shows_each_section_and_the_numbers(history, tmp_path):
    conn = open_history(history)
    html = write_progress_report(conn, tmp_path / "progress.html").read_text()
    for heading in ("Volume per week", "Range of motion and tempo per exercise", "Left/right balance"):
        assert f"<h2>{heading}</h2>" in html
    assert html.count("<svg") == 3 and "4 sessions" in html
    assert "2026-W10" in html and "2026-W13" in html          # first and last ISO week of volume
    squat_row = re.search(r"<tr><td class=\"text\">banded_split_squat</td>(.*?)</tr>",
                          html.split('id="balance"')[1]).group(1)
    cells = re.findall(r"<td>(.*?)</td>", squat_row)
    latest = balance_points(queries.side_summary(conn))["banded_split_squat"][-1].range_of_motion
    assert cells[0] == f"{latest:.2f}" and cells[2] == "closing" and cells[3] == "4"
    assert "positive means the left side is larger" in html
