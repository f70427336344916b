"""SessionLog: a session's reps and holds into the history as they are judged, and a history
that cannot be used never stopping the coaching."""

from __future__ import annotations

import sqlite3

from trainer.history.session_log import SessionLog

from .conftest import hold, rep


def test_reps_and_holds_go_into_their_sets_and_the_session_is_closed(db):
    notes = []
    log = SessionLog.open(db, "workout", "camera 0", warn=notes.append)
    log.add("single_leg_deadlift", 1, rep(1, "left", cues=("back_rounding",)))
    log.add("single_leg_deadlift", 1, rep(2, "left"))
    log.add("single_leg_deadlift", 2, rep(1, "right"))
    log.add("calf_stretch", 1, hold(1, "left"))
    log.finish("finished", 300.0)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT kind, source, ended, duration_s FROM sessions").fetchall() == [
            ("workout", "camera 0", "finished", 300.0)]
        sets = conn.execute("SELECT s.exercise, s.set_no, count(r.id) FROM sets s LEFT JOIN reps r"
                            " ON r.set_id = s.id GROUP BY s.id ORDER BY s.id").fetchall()
        assert conn.execute("SELECT count(*) FROM holds").fetchone() == (1,)
        assert conn.execute("SELECT rule_id FROM cues").fetchall() == [("back_rounding",)]
    assert sets == [("single_leg_deadlift", 1, 2), ("single_leg_deadlift", 2, 1), ("calf_stretch", 1, 0)]
    assert notes == []


def test_a_session_in_which_nothing_was_counted_leaves_no_row(db):
    SessionLog.open(db, "live", "camera 0")   # e.g. the model could not be loaded
    SessionLog.open(db, "analysis", "empty_room.mp4").finish("finished", 12.0)   # nobody in view
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM sessions").fetchone() == (0,)


def test_an_unusable_history_is_one_note_and_no_log(tmp_path):
    not_a_db = tmp_path / "history.sqlite3"
    not_a_db.write_text("these are my notes, not a database\n" * 100)
    notes = []
    assert SessionLog.open(not_a_db, "live", "camera 0", warn=notes.append) is None
    assert len(notes) == 1 and "not saved to the workout history" in notes[0]


def test_a_write_that_fails_mid_session_is_said_once_and_the_session_goes_on(db):
    notes = []
    log = SessionLog.open(db, "live", "camera 0", warn=notes.append)
    log.add("goblet_squat", 1, rep(1, "both"))
    log.writer.conn.execute("DROP TABLE cues")   # stands in for a disk that fails
    log.add("goblet_squat", 1, rep(2, "both", cues=("knee_valgus",)))
    log.add("goblet_squat", 1, rep(3, "both"))
    log.finish("finished", 20.0)
    assert len(notes) == 1 and "could not be written" in notes[0]
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT idx FROM reps").fetchall() == [(1,)]   # rep 2 not stored half
