"""The per-frame recorder: joint angles per leg, the rep signal, set numbers."""

from __future__ import annotations

import math
from types import SimpleNamespace

import numpy as np
import pytest

from builders import squat_sequence
from trainer.engine import ExerciseEngine
from trainer.exercises import get_exercise
from trainer.geometry import hip_angle, knee_angle
from trainer.pose import PoseFrame
from trainer.report.timeline import SectionRecorder, Timeline, split_sets

from .conftest import record_squats


def test_angles_match_the_geometry_helpers_for_each_leg():
    timeline = Timeline("hip_drop")
    poses = squat_sequence(1, view="side")
    engine = ExerciseEngine(get_exercise("goblet_squat"), 30.0)
    for pose in poses:
        timeline.add(pose.t_s, pose, engine.update(pose))
    frames = timeline.arrays()
    deepest = poses[int(np.argmin(frames["knee_left"]))]
    i = deepest.index
    for side in ("left", "right"):   # stored as float32: equal to a few hundredths of a degree
        assert frames[f"knee_{side}"][i] == pytest.approx(knee_angle(deepest.xy, side), abs=0.01)
        assert frames[f"hip_{side}"][i] == pytest.approx(hip_angle(deepest.xy, side), abs=0.01)
    assert frames["knee_left"][i] < 90 < frames["knee_left"][0]   # bent at the bottom, straight before
    assert np.nanmax(frames["signal"]) > 0.3   # hip_drop rises through the rep


def test_a_frame_without_a_person_is_recorded_as_missing():
    timeline = Timeline("hip_drop")
    timeline.add(0.5, PoseFrame.empty(0.5, 0, (640, 480)), None)
    frames = timeline.arrays()
    assert frames["t"].tolist() == [0.5]
    assert all(math.isnan(frames[key][0]) for key in ("signal", "knee_left", "hip_right"))


def test_arrays_can_be_cut_to_a_time_window():
    timeline = Timeline(None)
    for i in range(10):
        timeline.add(float(i), PoseFrame.empty(float(i), i, (64, 48)), None)
    assert timeline.arrays(2.5, 5.0)["t"].tolist() == [3.0, 4.0, 5.0]


def _item(start_s, end_s):
    return SimpleNamespace(start_s=start_s, end_s=end_s, turn_s=start_s, faults=[])


@pytest.mark.parametrize("spans, sets", [
    ([(0, 3), (5, 8), (10, 13)], [1, 1, 1]),               # short pauses: one set
    ([(0, 3), (5, 8), (40, 43), (45, 48)], [1, 1, 2, 2]),  # a 32 s rest starts set 2
    ([(0, 3), (23, 26)], [1, 1]),                           # exactly 20 s is not over the rest
    ([(0, 3), (23.5, 26), (60, 62)], [1, 2, 3]),            # every long rest counts
    ([], []),
])
def test_sets_split_where_the_rest_is_over_twenty_seconds(spans, sets):
    assert split_sets([_item(*span) for span in spans]) == sets


def test_recorder_numbers_sets_when_told_or_by_rest(squats):
    live = record_squats(n_reps=2)
    live.new_set()
    record_squats(live, n_reps=1)
    assert [n for n, _ in live.reps] == [1, 1, 2]
    assert [n for n, _ in squats.reps] == [1, 1, 1]
    video = SectionRecorder(get_exercise("goblet_squat"), sets_by_rest_s=20.0)
    for span in [(0, 3), (5, 8), (40, 43), (45, 48)]:
        video.on_result(_item(*span))
    assert [n for n, _ in video.reps] == [1, 1, 2, 2]


def test_no_timeline_point_before_the_person_is_set_up():
    recorder = record_squats(n_reps=1)
    before = len(recorder.timeline)
    pose = PoseFrame.empty(99.0, 0, (64, 48))
    recorder.on_frame(np.zeros((48, 64, 3), np.uint8), pose, None)
    assert len(recorder.timeline) == before
