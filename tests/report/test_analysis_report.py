"""The report's rows and page from synthetic sessions: sets, cues, reps, left against right."""

from __future__ import annotations

import csv
import json

from trainer.exercises import get_exercise
from trainer.report.analysis_report import (Section, build_report, rep_records, set_summaries,
                                            side_comparison)
from trainer.report.exports import write_report

from .conftest import rep


def test_set_summary_counts_reps_per_side_and_cues(deadlifts):
    first, second = set_summaries(deadlifts)
    assert first == {"set": 1, "reps": 3, "reps_by_side": {"left": 2, "right": 1}, "holds": 0,
                     "held_s": 0, "cue_counts": {"back_rounding": 1}}
    assert second["cue_counts"] == {"back_rounding": 1, "leg_out_of_line": 1}


def test_left_versus_right_shows_the_weaker_side(deadlifts):
    left, right = side_comparison(deadlifts)
    assert (left["reps"], left["mean_range_of_motion"], left["cues"]) == (2, 71.0, 0)
    assert (right["reps"], right["mean_range_of_motion"], right["cues"]) == (2, 52.0, 3)
    assert left["mean_rep_s"] == right["mean_rep_s"] == 2.0


def test_two_legged_exercise_has_no_side_comparison_but_has_depth(squats):
    section = squats.section()
    assert side_comparison(section) == []
    rows = rep_records(section)
    assert all(r["depth"] is not None and r["depth_unit"] == "deg" for r in rows)


def test_page_has_every_part_with_cue_text_and_rule_id(squats, deadlifts):
    squat_section = squats.section()
    html = build_report("Title", "Sub", [squat_section, deadlifts])
    for part in ("summary-goblet_squat", "reps-goblet_squat", "cues-goblet_squat",
                 "sides-single_leg_deadlift", "Joint angles over time", "Worst rep for each cue"):
        assert part in html
    assert "Push your knees out over your feet (knee_valgus)" in html
    assert html.count("data:image/jpeg;base64,") == 1   # the squats' one cue
    assert html.count("<svg") == 2   # squat angles, deadlift side bars (it has no timeline)
    assert "sides-goblet_squat" not in html


def test_a_session_with_nothing_counted_still_makes_a_page():
    html = build_report("Empty", "", [Section(get_exercise("goblet_squat"))])
    assert "No rep or hold was counted." in html and "<table" not in html


def test_exports_carry_the_same_rows(tmp_path, squats, deadlifts):
    path = write_report(tmp_path, "Title", "Sub", [squats.section(), deadlifts])
    assert path == tmp_path / "report.html" and path.read_text().startswith("<!DOCTYPE html>")
    with (tmp_path / "reps.csv").open() as handle:
        reps = list(csv.DictReader(handle))
    assert len(reps) == 7
    assert {"range_of_motion", "depth", "tempo_down_s", "tempo_up_s", "pause_s", "set"} <= set(reps[0])
    assert [r["cues"] for r in reps if r["exercise"] == "single_leg_deadlift"][-1] == \
        "back_rounding;leg_out_of_line"
    with (tmp_path / "cues.csv").open() as handle:
        assert len(list(csv.DictReader(handle))) == 4   # one knee_valgus, three deadlift cues
    data = json.loads((tmp_path / "report.json").read_text())
    squat, deadlift = data["exercises"]
    assert squat["worst_cue_frames"][0]["rule"] == "knee_valgus"
    assert deadlift["sides"][1]["mean_range_of_motion"] == 52.0
    assert (tmp_path / "holds.csv").read_text().startswith("exercise,set,hold")


def test_a_metric_that_could_not_be_measured_is_empty_not_nan(tmp_path):
    unmeasured = rep(1, "left", 0.0, rom=float("nan"))
    write_report(tmp_path, "T", "", [Section(get_exercise("single_leg_deadlift"), reps=[(1, unmeasured)])])
    with (tmp_path / "reps.csv").open() as handle:
        assert next(csv.DictReader(handle))["range_of_motion"] == ""
    data = json.loads((tmp_path / "report.json").read_text())   # strict JSON: no NaN
    assert data["exercises"][0]["reps"][0]["range_of_motion"] is None
