"""Pose builder for standing, two-footed exercises: both feet stay planted, the legs bend.

Controls (degrees unless noted):

* ``knee_flex``: knee bend of both legs; ``shank_tilt``: how far the shins lean forward from
  vertical, which sets how far the knees travel forward (with the feet flat, it is the ankle's
  dorsiflexion); the hips land wherever these two put them above the planted feet.
* ``stance``: distance between the ankles, as a ratio of height; ``toe_out``: each foot's
  turn-out; ``knee_in``: how far the knees turn inward of the toes' line (valgus, 0 = knees
  track over the toes).
* ``pelvis_pitch``, ``lumbar_flex``, ``thorax_flex``, ``neck_flex``: the trunk, from the pelvis
  up; a rounded back is a flexed thorax (and lumbar), a dropped chest a pitched pelvis.
* The sway controls of ``motion.Sway``.

Arm styles are small functions (``goblet_arms``) so the same legs serve other standing moves.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls
from ..rotations import rot_y

ArmStyle = Callable[[Dimensions, Pose], dict[str, float]]

# Goblet hold, thorax frame, ratios of height: wrists on the kettlebell's horns in front of the
# upper chest, elbows pointing down and a little out.
GOBLET_WRIST = (0.062, 0.125, 0.11)
GOBLET_ELBOW_TOWARD = (0.12, -1.0, 0.05)


def planted_ankles(dims: Dimensions, c: Controls) -> dict[str, np.ndarray]:
    """World ankle positions of feet flat on the floor, ``stance`` apart, centred on x = 0."""
    half = c.get("stance", 0.18) * dims.height / 2
    return {side: np.array([s * half, dims.ankle_height, 0.0]) for side, s in SIDES.items()}


def hip_centre(dims: Dimensions, c: Controls) -> np.ndarray:
    """Mid-hip point that gives exactly ``knee_flex`` with the shins tilted ``shank_tilt``.

    The hip-to-ankle distance fixes the knee bend; the shin tilt sets how far forward the knee
    goes and so how far back the hips sit; the height follows from the distance.
    """
    knee, tilt = math.radians(c.get("knee_flex", 0.0)), math.radians(c.get("shank_tilt", 0.0))
    reach_sq = dims.thigh**2 + dims.shank**2 + 2 * dims.thigh * dims.shank * math.cos(knee)
    sideways = c.get("stance", 0.18) * dims.height / 2 - dims.hip_spacing / 2
    forward = dims.shank * math.sin(tilt) - dims.thigh * math.sin(knee - tilt)
    up = math.sqrt(max(reach_sq - sideways**2 - forward**2, 1e-6))
    return np.array([c.get("sway_x", 0.0), dims.ankle_height + up, forward + c.get("sway_z", 0.0)])


def trunk_angles(c: Controls) -> dict[str, float]:
    return {"lumbar_flex": c.get("lumbar_flex", 0.0),
            "thorax_flex": c.get("thorax_flex", 0.0) + c.get("breath", 0.0),
            "neck_flex": c.get("neck_flex", 0.0), "neck_twist": c.get("look", 0.0)}


def standing_pose(dims: Dimensions, c: Controls, arms: ArmStyle) -> Pose:
    """Both feet planted, legs bent as the controls say, trunk set, arms by ``arms``."""
    pose = Pose(trunk_angles(c), tuple(hip_centre(dims, c)), (0.0, c.get("pelvis_pitch", 0.0), 0.0))
    angles = dict(pose.angles)
    toe_out, knee_in = c.get("toe_out", 0.0), c.get("knee_in", 0.0)
    for side, ankle in planted_ankles(dims, c).items():
        s = SIDES[side]
        foot = rot_y(s * toe_out)
        knee_toward = rot_y(s * (toe_out - knee_in)) @ np.array([0.0, 0.0, 1.0])
        angles.update(leg_angles(dims, pose, side, ankle, foot, knee_toward))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    angles.update(arms(dims, pose))
    return Pose(angles, pose.root_pos, pose.root_rot)


def goblet_arms(dims: Dimensions, pose: Pose) -> dict[str, float]:
    """Both hands on a kettlebell held against the upper chest (it moves with the chest)."""
    thorax = forward_kinematics(dims, pose)
    frame, origin = thorax.frames["thorax"], thorax.points["thorax"]
    angles: dict[str, float] = {}
    for side, s in SIDES.items():
        x, y, z = GOBLET_WRIST
        wrist = origin + frame @ (np.array([s * x, y, z]) * dims.height)
        ex, ey, ez = GOBLET_ELBOW_TOWARD
        angles.update(arm_angles(dims, pose, side, wrist, frame @ np.array([s * ex, ey, ez])))
    return angles
