"""The history database: paths, migrations from older files, bad files, and the writer."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timezone
from pathlib import Path

import pytest

from trainer.history import HistoryError, HistoryWriter, default_db_path, open_history
from trainer.history.schema import SCHEMA_VERSION, V1

from .conftest import hold, rep


def test_data_dir_env_var_wins(monkeypatch, tmp_path):
    monkeypatch.setenv("TRAINER_DATA_DIR", str(tmp_path))
    assert default_db_path() == tmp_path / "history.sqlite3"


@pytest.mark.skipif(sys.platform != "linux", reason="Linux data folder rules")
def test_linux_default_follows_xdg(monkeypatch, tmp_path):
    monkeypatch.delenv("TRAINER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert default_db_path() == tmp_path / "trainer" / "history.sqlite3"
    monkeypatch.delenv("XDG_DATA_HOME")
    assert default_db_path() == Path.home() / ".local" / "share" / "trainer" / "history.sqlite3"


def test_new_database_is_current_wal_with_foreign_keys(db):
    conn = open_history(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 2
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_version_1_file_opens_migrated_with_its_data(db):
    old = sqlite3.connect(db)
    old.executescript(V1 + "PRAGMA user_version = 1;")
    old.execute("INSERT INTO sessions (id, kind, source, started_at) VALUES (1, 'live', 'cam', '2026-01-01T08:00:00Z')")
    old.execute("INSERT INTO sets (id, session_id, exercise, set_no, side) VALUES (1, 1, 'single_leg_deadlift', 1, 'left')")
    old.execute("""INSERT INTO reps (set_id, session_id, exercise, idx, side, start_s, turn_s, end_s,
                   range_of_motion, tempo_down_s, tempo_up_s, view, metrics)
                   VALUES (1, 1, 'single_leg_deadlift', 1, 'left', 0, 1.5, 3.2, 72.0, 1.5, 1.2, 'side',
                   '{"range_of_motion": 72.0, "pause_s": 0.5}')""")
    old.commit()
    old.close()
    conn = open_history(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
    row = conn.execute("SELECT exercise, range_of_motion, pause_s FROM reps").fetchone()
    assert tuple(row) == ("single_leg_deadlift", 72.0, 0.5)   # pause_s filled from the old JSON
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert {"reps_by_exercise", "sessions_by_start"} <= indexes


def test_newer_database_is_refused_in_one_line(db):
    conn = sqlite3.connect(db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(HistoryError, match="newer than this trainer") as error:
        open_history(db)
    assert "\n" not in str(error.value)


def test_file_that_is_not_a_database_is_refused(db):
    db.write_bytes(b"this is a text file, not SQLite\n" * 100)
    with pytest.raises(HistoryError, match="not a trainer history database"):
        open_history(db)


def test_writer_stores_reps_holds_and_their_cues(db):
    with HistoryWriter(db) as writer:
        session = writer.start_session("analysis", "clip.mp4", datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))
        set_id = writer.start_set(session, "single_leg_deadlift", 1, "left")
        rep_id = writer.add_rep(set_id, rep(cues=("back_rounding", "hip_opening")))
        stretch = writer.start_set(session, "half_pigeon", 2, "right")
        hold_id = writer.add_hold(stretch, hold(side="right", held=28.5, cues=("hips_square",)))
        writer.finish_session(session, "finished", 95.0, report="out/report.html")
    conn = open_history(db)
    s = conn.execute("SELECT * FROM sessions").fetchone()
    assert (s["kind"], s["started_at"], s["ended"], s["duration_s"], s["report"]) == \
        ("analysis", "2026-03-02T09:00:00Z", "finished", 95.0, "out/report.html")
    r = conn.execute("SELECT * FROM reps WHERE id = ?", (rep_id,)).fetchone()
    assert (r["exercise"], r["side"], r["range_of_motion"], r["pause_s"], r["end_s"]) == \
        ("single_leg_deadlift", "left", 70.0, 0.3, 3.0)
    cues = conn.execute("SELECT rule_id, rep_id, hold_id, measured, limit_value FROM cues ORDER BY id").fetchall()
    assert [tuple(c) for c in cues] == [("back_rounding", rep_id, None, 12.0, 8.0),
                                        ("hip_opening", rep_id, None, 12.0, 8.0),
                                        ("hips_square", None, hold_id, 3.0, 5.0)]
    assert conn.execute("SELECT held_s FROM holds").fetchone()[0] == 28.5


def test_missing_measurements_and_nan_are_stored_as_null(db):
    with HistoryWriter(db) as writer:
        set_id = writer.start_set(writer.start_session("live", None), "goblet_squat", 1)
        writer.add_rep(set_id, rep(pause=None, rom=float("nan")))
    row = open_history(db).execute("SELECT range_of_motion, pause_s, metrics FROM reps").fetchone()
    assert (row[0], row[1]) == (None, None) and '"range_of_motion":null' in row[2]


def test_unknown_kind_and_unknown_set_are_refused(db):
    with HistoryWriter(db) as writer:
        with pytest.raises(ValueError, match="kind"):
            writer.start_session("jog", None)
        with pytest.raises(ValueError, match="no set 99"):
            writer.add_rep(99, rep())


KILLED_WRITER = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[2])
    from conftest import rep
    from trainer.history import HistoryWriter
    writer = HistoryWriter(sys.argv[1])
    set_id = writer.start_set(writer.start_session("live", "camera 0"), "single_leg_deadlift", 1, "left")
    for i in range(1, 10_000):
        writer.add_rep(set_id, rep(index=i, cues=("back_rounding",)))
        print(i, flush=True)
        time.sleep(0.01)
""")


def test_sigkill_mid_session_keeps_every_completed_rep(db):
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(db), str(Path(__file__).parent)],
                             stdout=subprocess.PIPE, text=True)
    for _ in range(20):   # each line is printed only after its rep was committed
        done = int(child.stdout.readline())
    child.kill()   # SIGKILL: no cleanup, no close
    child.wait()
    conn = open_history(db)
    stored = conn.execute("SELECT count(*), max(idx) FROM reps").fetchone()
    assert stored[0] >= done == 20 and stored[1] == stored[0]
    assert conn.execute("SELECT count(*) FROM cues").fetchone()[0] == stored[0]
    assert conn.execute("SELECT ended FROM sessions").fetchone()[0] is None   # never finished


def test_a_rep_whose_cues_fail_is_not_stored_half(db):
    broken = rep(cues=("back_rounding",))
    broken.faults[0] = broken.faults[0].__class__(None, "cue", 1.0, 2.0, "deg", 0.5, 1, "left", "side")
    with HistoryWriter(db) as writer:
        set_id = writer.start_set(writer.start_session("live", None), "single_leg_deadlift", 1, "left")
        with pytest.raises(sqlite3.IntegrityError):
            writer.add_rep(set_id, broken)   # the cue has no rule id: the whole rep rolls back
        writer.add_rep(set_id, rep(index=2))
    conn = open_history(db)
    assert [r[0] for r in conn.execute("SELECT idx FROM reps")] == [2]
    assert conn.execute("SELECT count(*) FROM cues").fetchone()[0] == 0


def test_a_folder_in_the_way_is_refused(tmp_path):
    with pytest.raises(HistoryError, match="cannot open"):
        open_history(tmp_path)
