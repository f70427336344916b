"""A live session's report, fed from the live loop itself: the pose model is replaced by
synthetic squats (the only stand-in), everything after it is the real per-frame loop."""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np

from builders import IMAGE, squat_sequence
from trainer.exercises import get_exercise
from trainer.live import ExerciseLoop
from trainer.session_record import LiveSession, write_session_report
from trainer.voice import LiveVoice


class ScriptedPoses:
    """Stands in for the pose model: hands out the next synthetic pose, retimed to the frame."""

    def __init__(self, poses) -> None:
        self.poses = iter(poses)

    def estimate(self, image, t_s, index):
        pose = next(self.poses)
        return pose.__class__(t_s, index, pose.image_size, pose.xy, pose.world, pose.visibility,
                              pose.presence, pose.people)


def play(loop: ExerciseLoop, poses, start_s: float) -> float:
    image = np.full((IMAGE[1], IMAGE[0], 3), 128, np.uint8)
    loop.estimator = ScriptedPoses(poses)
    t_s = start_s
    for i in range(len(poses)):
        t_s = start_s + i / 30
        loop.step(SimpleNamespace(image=image, t_s=t_s, index=int(t_s * 30)))
        loop.session.duration_s = t_s
    return t_s


def test_a_live_session_with_two_sets_gets_its_report(tmp_path):
    exercise = get_exercise("goblet_squat")
    session = LiveSession(exercise.id, "test", tmp_path / "session.json")
    loop = ExerciseLoop(exercise, 30.0, ScriptedPoses([]), LiveVoice(None, print_cue=lambda text: None), session)
    end_s = play(loop, squat_sequence(3, lead_in_s=3.0, knees_in_on=(2,)), 0.0)
    loop.restart_counting()
    end_s = play(loop, squat_sequence(2, lead_in_s=3.0), end_s + 5.0)
    loop.finish(end_s)
    path = write_session_report(tmp_path, "Live session: Goblet squat", session, [loop.recorder])
    data = json.loads((tmp_path / "report.json").read_text())
    [squats] = data["exercises"]
    assert [(s["set"], s["reps"]) for s in squats["sets"]] == [(1, 3), (2, 2)]
    assert len(session.reps) == 5
    assert [t["rule"] for t in squats["worst_cue_frames"]] == ["knee_valgus"]
    html = path.read_text()
    assert html.count("<svg") == 2   # one angle plot per set
    assert "Set 2:" in html and "data:image/jpeg;base64," in html
