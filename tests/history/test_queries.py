"""Reading the history back: session list, trends, weekly volume and CSV export."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone

import pytest

from trainer.history import HistoryWriter, open_history
from trainer.history import queries

from .conftest import hold, rep

MONDAY = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def conn(db):
    """Three sessions: two a week apart with squats and a deadlift, one with only a stretch."""
    with HistoryWriter(db) as writer:
        for day, rom in ((0, 80.0), (7, 90.0)):
            session = writer.start_session("workout", "routine", MONDAY + timedelta(days=day))
            squat = writer.start_set(session, "goblet_squat", 1, "both")
            writer.add_rep(squat, rep(1, "both", rom, down=1.0, up=1.0, cues=("knee_valgus",)))
            writer.add_rep(squat, rep(2, "both", rom + 10, down=2.0, up=1.0))
            left = writer.start_set(session, "single_leg_deadlift", 2, "left")
            writer.add_rep(left, rep(1, "left", 70.0))
            writer.finish_session(session, "finished", 600.0)
        stretch = writer.start_session("live", "camera 0", MONDAY + timedelta(days=8))
        writer.add_hold(writer.start_set(stretch, "half_pigeon", 1, "left"), hold(held=30.0, cues=("hips_square",)))
    return open_history(db)


def test_sessions_latest_first_with_counts(conn):
    rows = queries.list_sessions(conn)
    assert [(r.kind, r.reps, r.held_s, r.cues) for r in rows] == \
        [("live", 0, 30.0, 1), ("workout", 3, 0.0, 1), ("workout", 3, 0.0, 1)]
    assert set(rows[1].exercises.split(",")) == {"goblet_squat", "single_leg_deadlift"}
    assert rows[0].ended is None
    assert len(queries.list_sessions(conn, limit=1)) == 1


def test_sessions_of_one_exercise_count_only_it(conn):
    rows = queries.list_sessions(conn, exercise="single_leg_deadlift")
    assert [(r.reps, r.cues, r.exercises) for r in rows] == [(1, 0, "single_leg_deadlift")] * 2


def test_trend_means_per_session(conn):
    trend = queries.exercise_trend(conn, "goblet_squat")
    assert [(t.reps, t.range_of_motion, t.tempo_down_s, t.tempo_up_s, t.cues) for t in trend] == \
        [(2, 85.0, 1.5, 1.0, 1), (2, 95.0, 1.5, 1.0, 1)]
    assert trend[0].cue_rate == 0.5
    pigeon = queries.exercise_trend(conn, "half_pigeon")
    assert [(t.reps, t.holds, t.held_s, t.cue_rate, t.range_of_motion) for t in pigeon] == [(0, 1, 30.0, 1.0, None)]
    assert queries.exercise_trend(conn, "lateral_lunge") == []


def test_weekly_volume_by_iso_week(conn):
    volume = queries.weekly_volume(conn)
    assert [(v.week, v.exercise, v.reps, v.held_s) for v in volume] == [
        ("2026-W10", "goblet_squat", 2, 0.0), ("2026-W10", "single_leg_deadlift", 1, 0.0),
        ("2026-W11", "goblet_squat", 2, 0.0), ("2026-W11", "half_pigeon", 0, 30.0),
        ("2026-W11", "single_leg_deadlift", 1, 0.0)]


def test_side_summary_has_only_one_sided_reps(conn):
    rows = queries.side_summary(conn)
    assert [(r["exercise"], r["side"], r["reps"], r["range_of_motion"]) for r in rows] == \
        [("single_leg_deadlift", "left", 1, 70.0)] * 2
    assert rows[0]["started_at"] == MONDAY.replace(tzinfo=None)   # naive UTC


def test_csv_export_of_reps_and_sessions(conn, tmp_path):
    reps_csv, sessions_csv = tmp_path / "reps.csv", tmp_path / "sessions.csv"
    assert queries.export_reps_csv(conn, reps_csv) == 6
    rows = list(csv.DictReader(reps_csv.open()))
    assert rows[0]["exercise"] == "goblet_squat" and rows[0]["cues"] == "knee_valgus"
    assert rows[0]["started_at"] == "2026-03-02T08:00:00Z" and rows[0]["pause_s"] == "0.3"
    assert queries.export_reps_csv(conn, reps_csv, "single_leg_deadlift") == 2
    assert queries.export_sessions_csv(conn, sessions_csv) == 3
    assert [r["kind"] for r in csv.DictReader(sessions_csv.open())] == ["workout", "workout", "live"]
