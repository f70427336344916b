"""`trainer analyze --report` on the bundled sample with the real pose model, then the page in
headless Chromium."""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from .chromium import render

pytestmark = pytest.mark.slow
SAMPLE = Path(__file__).resolve().parents[2] / "sample_videos" / "goblet_squat_front.mp4"


@pytest.fixture(scope="module")
def analyzed(tmp_path_factory, model_info) -> Path:
    out = tmp_path_factory.mktemp("analyzed")
    result = subprocess.run([sys.executable, "-m", "trainer", "analyze", str(SAMPLE), "--exercise",
                             "goblet_squat", "--no-voice", "--no-video", "--report", "--out", str(out),
                             "--db", str(out / "history.sqlite3")],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert str(out / "report.html") in result.stdout.replace("\n", "")   # the path is printed
    return out


def test_report_data_matches_analysis_json(analyzed):
    analysis = json.loads((analyzed / "analysis.json").read_text())
    report = json.loads((analyzed / "report.json").read_text())
    [squats] = report["exercises"]
    assert [r["start_s"] for r in squats["reps"]] == [r["start_s"] for r in analysis["reps"]]
    assert squats["sets"][0]["reps"] == analysis["summary"]["reps"] > 0
    assert analysis["report"] == str(analyzed / "report.html")
    with (analyzed / "reps.csv").open() as handle:
        assert len(list(csv.DictReader(handle))) == analysis["summary"]["reps"]
    with (analyzed / "cues.csv").open() as handle:
        assert [c["rule"] for c in csv.DictReader(handle)] == [c["rule"] for c in analysis["cues"]]
    assert {t["rule"] for t in squats["worst_cue_frames"]} == {c["rule"] for c in analysis["cues"]}


def test_chromium_renders_the_sample_report(analyzed, tmp_path):
    shown, console = render(analyzed / "report.html", tmp_path)
    assert {"summary-goblet_squat", "reps-goblet_squat"} <= set(shown["tables"])
    assert len(shown["plots"]) >= 1 and all(height > 100 for height in shown["plots"])
    assert shown["images"] == shown["decoded"]
    assert console == ""


def test_the_analysis_is_stored_in_the_history_with_its_reps_and_cues(analyzed):
    analysis = json.loads((analyzed / "analysis.json").read_text())
    with sqlite3.connect(analyzed / "history.sqlite3") as conn:
        assert conn.execute("SELECT kind, source, ended, report FROM sessions").fetchall() == [
            ("analysis", str(SAMPLE), "finished", str(analyzed / "report.html"))]
        reps = conn.execute("SELECT idx, range_of_motion, pause_s FROM reps ORDER BY idx").fetchall()
        cues = conn.execute("SELECT rule_id FROM cues ORDER BY t_s").fetchall()
    assert [(i, rom, pause) for i, rom, pause in reps] == [
        (r["index"], r["metrics"]["range_of_motion"], r["metrics"]["pause_s"]) for r in analysis["reps"]]
    assert sorted(rule for (rule,) in cues) == sorted(c["rule"] for c in analysis["cues"])
