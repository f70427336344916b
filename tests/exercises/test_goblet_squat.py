"""Goblet squat: every fault from the view that can see it, on generated clips (slow), and the
back-rounding rule's timing on synthetic landmarks (fast)."""

import math

import pytest
from builders import squat_sequence

from trainer.engine import ExerciseEngine
from trainer.exercises import get_exercise
from trainer.pose import Landmark as L, PoseFrame

from .harness import check_against_truth, run_synth

EARS = ((L.LEFT_EAR, L.LEFT_SHOULDER), (L.RIGHT_EAR, L.RIGHT_SHOULDER))
SQUAT = dict(fps=30.0, rep_s=2.0, rest_s=1.0, lead_in_s=1.0)


@pytest.mark.slow
@pytest.mark.parametrize("view, faults", [
    ("front", {2: ["knee_valgus"], 3: ["shallow_depth"]}),
    ("side", {2: ["chest_drop"], 3: ["back_rounding"]}),
])
def test_goblet_squat_generated(view, faults, model_info):
    labels, result = run_synth("goblet_squat", model_info, view=view, reps=4, faults=faults,
                               body_type="short_broad", seed=5)
    check_against_truth(labels, result)


def curl_head(frame: PoseFrame, degrees: float) -> PoseFrame:
    """The ears swung forward and down about the shoulders by ``degrees`` in the image (a side
    view with the person facing +x): what a rounding upper back does to the head."""
    xy = frame.xy.copy()
    turn = math.radians(degrees)
    for ear, shoulder in EARS:
        dx, dy = xy[ear] - xy[shoulder]
        xy[ear] = xy[shoulder] + [dx * math.cos(turn) - dy * math.sin(turn),
                                  dx * math.sin(turn) + dy * math.cos(turn)]
    return frame.with_points(xy, frame.world)


def squat_bend(t_s: float) -> tuple[int, float]:
    """(rep number, share of the full knee bend) of ``squat_sequence`` with ``SQUAT`` timing."""
    cycle = SQUAT["rep_s"] + SQUAT["rest_s"]
    since = t_s - SQUAT["lead_in_s"]
    if since < 0:
        return 0, 0.0
    rep, phase = int(since // cycle) + 1, (since % cycle) / SQUAT["rep_s"]
    return rep, (1 - math.cos(2 * math.pi * phase)) / 2 if phase <= 1 else 0.0


def back_rounding_by_rep(curl_of) -> dict[int, bool]:
    """Run three side-view squats with the head curled by ``curl_of(rep, bend)`` degrees."""
    engine = ExerciseEngine(get_exercise("goblet_squat"), SQUAT["fps"])
    for frame in squat_sequence(3, view="side", **SQUAT):
        engine.update(curl_head(frame, curl_of(*squat_bend(frame.t_s))))
    return {rep.index: any(f.rule_id == "back_rounding" for f in rep.faults)
            for rep in engine.result().reps}


def test_back_rounding_caught_when_the_model_loses_the_head_at_the_bottom():
    # rep 2 curls 40 deg on the way down and up, but reads in line through the deepest part,
    # as the pose model does once the face points at the floor
    def curl(rep, bend):
        return 40.0 if rep == 2 and 0.25 <= bend < 0.7 else 0.0

    assert back_rounding_by_rep(curl) == {1: False, 2: True, 3: False}


@pytest.mark.parametrize("degrees, rounded", [
    (20.0, False),  # looking slightly down with a flat back
    (40.0, True),   # head and upper back curled forward through the rep
])
def test_back_rounding_limit_on_a_steady_curl(degrees, rounded):
    by_rep = back_rounding_by_rep(lambda rep, bend: degrees * bend)
    assert by_rep == {1: rounded, 2: rounded, 3: rounded}
