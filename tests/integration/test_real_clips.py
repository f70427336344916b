"""The real pose model on real people: the shared clips, their hand-counted reps and hard cases.

Skipped when ../shared/videos is absent. Marked slow: each clip runs the full model.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.analysis import analyze_video

pytestmark = pytest.mark.slow

SQUAT_FAMILY = "goblet_squat"
# Two people stand close together and the model loses the squatting one behind the trainer for
# most of the clip; kept visible here, strict, so a fix shows up as an unexpected pass.
KNOWN_HARD = {
    "kaiakol__computervision/squat_correct_011.mp4":
        "two people; the model tracks the standing trainer, not the squatting client",
    "chauhan08__Fitness/calf-raises.mp4":
        "only shins and feet in view: the model finds nobody in about half the frames",
}


def counted_dev_rows():
    """Labelled clips of exercises that have a module, with hand-counted reps."""
    from trainer.exercises import EXERCISES

    labels = Path(__file__).resolve().parents[2].parent / "shared" / "videos" / "labels.json"
    if not labels.exists():
        return []
    rows = json.loads(labels.read_text())
    return [r for r in rows if r["split"] == "dev" and r["exercise_id"] in EXERCISES and r["reps_ok"]]


def _param(row):
    marks = [pytest.mark.xfail(reason=KNOWN_HARD[row["file"]], strict=True)] if row["file"] in KNOWN_HARD else []
    return pytest.param(row, id=row["file"], marks=marks)


@pytest.mark.parametrize("row", [_param(r) for r in counted_dev_rows()])
def test_rep_counts_match_the_labels(row, shared_videos, model_info, tmp_path):
    analysis = analyze_video(shared_videos / row["file"], row["exercise_id"], tmp_path, model_info,
                             write_video=False)
    assert len(analysis.engine.reps) in row["reps_ok"]
    sides = {rep.side for rep in analysis.engine.reps}
    if row["reps_by_side"] and len([n for n in row["reps_by_side"].values() if n]) == 1:
        assert len(sides) <= 1, "a one-sided set was split between legs"


def test_analysis_json_and_annotated_video(shared_videos, model_info, tmp_path):
    import cv2

    clip = shared_videos / "yuyoujiang__test_video/squat.mp4"
    analysis = analyze_video(clip, SQUAT_FAMILY, tmp_path, model_info)
    data = json.loads((tmp_path / "analysis.json").read_text())
    assert data["exercise"] == SQUAT_FAMILY and len(data["reps"]) == 3
    assert {"exercise", "reps", "holds", "cues"} <= data.keys()
    for rep in data["reps"]:
        assert rep["side"] == "both" and rep["start_s"] < rep["turn_s"] < rep["end_s"]
        assert {"range_of_motion", "thigh_above_parallel"} <= rep["metrics"].keys()
        assert isinstance(rep["cues"], list)
    # The labelled turning points (bottom of each squat) are found within a third of a second.
    turns = [r["turn_s"] for r in data["reps"]]
    label = next(r for r in json.loads((shared_videos / "labels.json").read_text()) if r["file"].startswith("yuyoujiang"))
    assert all(abs(a - b) < 0.35 for a, b in zip(turns, label["rep_turn_times_s"]))
    video = cv2.VideoCapture(str(analysis.annotated_video))
    assert int(video.get(cv2.CAP_PROP_FRAME_COUNT)) == data["video"]["frames"]
    # The person walks out of frame at the end: that is reported, not counted.
    assert data["frames"]["no_person"] > 0


def test_body_partly_out_of_frame_is_explained_not_counted(shared_videos, model_info, tmp_path):
    # Waist-down framing, at times only shins and feet: no squat is there to count.
    analysis = analyze_video(shared_videos / "chauhan08__Fitness/calf-raises.mp4", SQUAT_FAMILY,
                             tmp_path, model_info, write_video=False)
    assert analysis.engine.reps == [] and analysis.engine.faults == []
    # The model finds no one in about half the frames (only shins and feet) and says so.
    assert any("nobody was in view" in note for note in analysis.engine.advice)


def test_second_person_is_reported_and_the_client_followed(shared_videos, model_info, tmp_path):
    analysis = analyze_video(shared_videos / "kaiakol__computervision/squat_correct_013.mp4",
                             SQUAT_FAMILY, tmp_path, model_info, write_video=False)
    assert any("more than one person" in note for note in analysis.engine.advice)
    assert len(analysis.engine.reps) == 1


def held_dev_rows():
    """Labelled stretch holds of exercises that time holds."""
    from trainer.exercises import EXERCISES

    labels = Path(__file__).resolve().parents[2].parent / "shared" / "videos" / "labels.json"
    if not labels.exists():
        return []
    rows = json.loads(labels.read_text())
    return [r for r in rows if r["split"] == "dev" and r["holds_s"]
            and r["exercise_id"] in EXERCISES and EXERCISES[r["exercise_id"]].hold]


@pytest.mark.parametrize("row", held_dev_rows(), ids=lambda r: r["file"])
def test_holds_are_timed_within_a_second(row, shared_videos, model_info, tmp_path):
    analysis = analyze_video(shared_videos / row["file"], row["exercise_id"], tmp_path, model_info,
                             write_video=False)
    holds = analysis.engine.holds
    assert len(holds) == len(row["holds_s"])
    for hold, (start, end) in zip(holds, row["holds_s"]):
        assert abs(hold.held_s - (end - start)) <= 1.0
