"""The pure parts of the generator: body proportions, kinematics, solvers and timelines."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from trainer.synth.body import (BODY_TYPES, Dimensions, Pose, blend_poses, forward_kinematics,
                                to_mediapipe33)
from trainer.synth.exercises import EXERCISES
from trainer.synth.ik import leg_angles
from trainer.synth.motion import LEAD_IN_S, LEAD_OUT_S, SetPlan, build_timeline, ease
from trainer.synth.rotations import euler_xzy, rot_xzy, rot_y

AVERAGE = Dimensions.of(BODY_TYPES["average"])
STANDING_HIP = (0.0, 0.530 * 1.75, 0.0)


def standing() -> dict[str, np.ndarray]:
    return forward_kinematics(AVERAGE, Pose({}, STANDING_HIP)).points


@pytest.mark.parametrize("point, ratio", [
    ("knee_l", 0.285), ("ankle_r", 0.039), ("shoulder_l", 0.818), ("eye_l", 0.936),
    ("head_top", 1.0), ("wrist_r", 0.485),
])
def test_standing_heights_follow_the_anthropometric_ratios(point, ratio):
    assert standing()[point][1] == pytest.approx(ratio * 1.75, abs=0.01 * 1.75)


def test_left_is_plus_x_and_the_face_looks_along_plus_z():
    points = standing()
    assert points["shoulder_l"][0] > 0 > points["shoulder_r"][0]
    assert points["nose"][2] > points["ear_l"][2]
    assert points["toe_l"][2] > points["heel_l"][2]


def test_mediapipe_order():
    landmarks = to_mediapipe33(forward_kinematics(AVERAGE, Pose({}, STANDING_HIP)))
    assert landmarks.shape == (33, 3)
    assert np.allclose(landmarks[0], standing()["nose"])
    assert landmarks[11, 0] > 0 and landmarks[12, 0] < 0  # 11 left shoulder, 12 right
    assert landmarks[31, 2] > landmarks[29, 2]             # 31 left toe ahead of 29 left heel


def test_joint_limits_clamp():
    bent = forward_kinematics(AVERAGE, Pose({"knee_flex_l": 200.0}, STANDING_HIP)).points
    limit = forward_kinematics(AVERAGE, Pose({"knee_flex_l": 150.0}, STANDING_HIP)).points
    assert np.allclose(bent["ankle_l"], limit["ankle_l"])
    with pytest.raises(ValueError, match="knee_bend"):
        Pose({"knee_bend_l": 10.0})


def test_hip_flexion_moves_the_thigh_forward_and_abduction_outward():
    flexed = forward_kinematics(AVERAGE, Pose({"hip_flex_r": 90.0}, STANDING_HIP)).points
    assert flexed["knee_r"][2] == pytest.approx(AVERAGE.thigh, abs=1e-6)
    spread = forward_kinematics(AVERAGE, Pose({"hip_abd_r": 30.0}, STANDING_HIP)).points
    assert spread["knee_r"][0] < standing()["knee_r"][0]


def test_lying_on_the_back_puts_the_body_along_the_floor():
    supine = Pose({}, (0.0, 0.1, 0.0), (0.0, -90.0, 0.0))
    points = forward_kinematics(AVERAGE, supine).points
    heights = [points[p][1] for p in ("head", "shoulder_l", "hip_r", "knee_l", "ankle_r")]
    assert np.ptp(heights) < 0.08
    assert points["nose"][1] > points["head"][1]  # face up
    assert points["head"][2] < points["ankle_l"][2]


def test_euler_decomposition_round_trips():
    for angles in ((30.0, -20.0, 45.0), (-80.0, 10.0, -120.0), (5.0, 60.0, 0.0)):
        assert np.allclose(euler_xzy(rot_xzy(*angles)), angles)


def test_leg_solver_reaches_the_target_with_the_foot_as_asked():
    pose = Pose({}, (0.02, 0.70, -0.12), (0.0, 25.0, 0.0))
    ankle = np.array([0.17, AVERAGE.ankle_height, 0.01])
    foot = rot_y(15.0)
    angles = leg_angles(AVERAGE, pose, "l", ankle, foot, foot @ [0.0, 0.0, 1.0])
    skeleton = forward_kinematics(AVERAGE, Pose(angles, pose.root_pos, pose.root_rot))
    assert np.allclose(skeleton.points["ankle_l"], ankle, atol=1e-6)
    assert np.allclose(skeleton.frames["ankle_l"], foot, atol=1e-6)


def test_squat_keeps_the_feet_planted():
    squat = EXERCISES["goblet_squat"]
    feet = []
    for controls in (squat.script.start, squat.script.turn):
        points = forward_kinematics(AVERAGE, squat.build_pose(AVERAGE, controls, "both")).points
        feet.append(np.stack([points[p] for p in ("heel_l", "toe_l", "heel_r", "toe_r")]))
    assert np.allclose(feet[0], feet[1], atol=1e-6)


def test_timeline_has_lead_in_sets_and_lead_out():
    script = EXERCISES["goblet_squat"].script
    plans = [SetPlan("left", 2), SetPlan("right", 1)]
    timeline = build_timeline(script, plans, {}, np.random.default_rng(0))
    assert [r.side for r in timeline.reps] == ["left", "left", "right"]
    assert timeline.reps[0].start_s == pytest.approx(LEAD_IN_S)
    assert timeline.duration_s - timeline.reps[-1].end_s == pytest.approx(LEAD_OUT_S)
    switch = timeline.sample((timeline.reps[1].end_s + timeline.reps[2].start_s) / 2)
    assert [side for side, _, _ in switch] == ["left", "right"]  # the two sides blend
    assert ease(0.0) == 0.0 and ease(1.0) == 1.0 and ease(0.5) == pytest.approx(0.5)


def test_hold_sets_give_hold_spans_and_no_reps():
    script = EXERCISES["goblet_squat"].script
    plans = [SetPlan("left", 2, hold_s=3.0), SetPlan("right", 1, hold_s=3.0)]
    timeline = build_timeline(script, plans, {}, np.random.default_rng(0))
    assert timeline.reps == ()
    assert [h.side for h in timeline.holds] == ["left", "left", "right"]
    assert all(h.end_s - h.start_s == pytest.approx(3.0) for h in timeline.holds)
    middle = (timeline.holds[0].start_s + timeline.holds[0].end_s) / 2
    [(side, controls, weight)] = timeline.sample(middle)
    assert side == "left" and weight == 1.0 and controls == script.turn


def test_blending_poses_averages_angles_and_root():
    a = Pose({"knee_flex_l": 10.0}, (0.0, 1.0, 0.0), (0.0, 0.0, 0.0))
    b = Pose({"knee_flex_l": 30.0, "hip_flex_r": 40.0}, (0.2, 1.0, 0.0), (20.0, 0.0, 0.0))
    mixed = blend_poses([(a, 0.5), (b, 0.5)])
    assert mixed.angles == {"knee_flex_l": 20.0, "hip_flex_r": 20.0}
    assert mixed.root_pos == pytest.approx((0.1, 1.0, 0.0))
    assert mixed.root_rot == pytest.approx((10.0, 0.0, 0.0))


def test_pure_modules_do_not_load_opencv():
    code = ("import sys, trainer.synth, trainer.synth.ik, trainer.synth.camera, "
            "trainer.synth.occlusion, trainer.synth.labels; print('cv2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
