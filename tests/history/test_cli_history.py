"""`trainer history` and `trainer progress` as a user runs them (always with --db under tmp_path)."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest
from click.testing import CliRunner

from trainer.cli import cli
from trainer.history import HistoryWriter, open_history
from trainer.history.progress import write_progress_report

from .conftest import rep

FIRST = datetime(2026, 3, 2, 7, 0, tzinfo=timezone.utc)


@pytest.fixture
def filled(db):
    """Four weekly sessions of single-leg deadlifts, the right leg's range growing each week."""
    with HistoryWriter(db) as writer:
        for week, right in enumerate((60.0, 64.0, 68.0, 72.0)):
            session = writer.start_session("live", "camera 0", FIRST + timedelta(weeks=week))
            for set_no, (side, rom) in enumerate((("left", 80.0), ("right", right)), start=1):
                set_id = writer.start_set(session, "single_leg_deadlift", set_no, side)
                for i in range(1, 4):
                    writer.add_rep(set_id, rep(i, side, rom, start=4.0 * i))
            writer.finish_session(session, "finished", 120.0)
    return db


def invoke(*args):
    return CliRunner().invoke(cli, list(args))


def test_history_lists_sessions(filled):
    result = invoke("history", "--db", str(filled))
    assert result.exit_code == 0
    assert "latest 4 of 4" in result.output and "2026-03-23 07:00" in result.output


def test_history_of_an_exercise_shows_trend_and_balance(filled, tmp_path):
    result = invoke("history", "--exercise", "single_leg_deadlift", "--db", str(filled),
                    "--csv", str(tmp_path / "reps.csv"))
    assert result.exit_code == 0
    assert "+ means the left side is larger" in result.output
    assert "range of motion +10.5%" in result.output      # 100 * (80 - 72) / 76 in the latest session
    assert "range-of-motion gap: closing" in result.output and "over 4 sessions" in result.output
    assert "wrote 24 reps" in result.output
    assert (tmp_path / "reps_sessions.csv").read_text().count("\n") == 5


def test_progress_writes_the_page_and_prints_its_path(filled, tmp_path):
    out = tmp_path / "report" / "progress.html"
    result = invoke("progress", "--out", str(out), "--db", str(filled))
    assert result.exit_code == 0 and str(out) in result.output
    assert "single_leg_deadlift" in out.read_text()


def run_trainer(*args):
    return subprocess.run([sys.executable, "-m", "trainer", *args], capture_output=True, text=True)


@pytest.mark.parametrize("args, code, message", [
    (["history"], 1, "does not exist"),
    (["progress"], 1, "does not exist"),
    (["history", "--exercise", "lateral_lunge"], 1, "no reps or holds of 'lateral_lunge'"),
    (["history", "--csv", "/nonexistent/folder/reps.csv"], 2, "cannot write"),
])
def test_nothing_usable_gives_one_line(filled, tmp_path, args, code, message):
    db = filled if len(args) > 1 else tmp_path / "missing.sqlite3"
    result = run_trainer(*args, "--db", str(db))
    assert result.returncode == code
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("trainer: error:")
    assert not (tmp_path / "missing.sqlite3").exists()    # reading never creates a database


def test_empty_database_and_foreign_file(db, tmp_path):
    HistoryWriter(db).close()
    assert invoke("history", "--db", str(db)).exit_code == 1
    junk = tmp_path / "notes.txt"
    junk.write_text("not a database\n" * 50)
    result = run_trainer("progress", "--db", str(junk))
    assert result.returncode == 2 and "not a trainer history database" in result.stderr
    assert "Traceback" not in result.stderr


def test_progress_page_of_an_empty_history_still_has_its_sections(db, tmp_path):
    html = write_progress_report(open_history(db), tmp_path / "p.html").read_text()
    assert "0 sessions" in html and "No one-sided exercise recorded yet" in html
    assert html.count("<h2>") == 3
