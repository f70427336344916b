"""Pose builder for lying on one side, propped on the bottom forearm.

``side_lying_pose`` documents its controls: ``hip_height`` (of H) lifts the pelvis off the
floor, ``top_lift`` (degrees) raises the top knee toward the ceiling, ``neck_bend`` tilts
the head; ``breath``, ``look`` and ``sway_z`` come from ``motion.Sway``.

World: the body lies along x with the knees bent forward toward +z; with the left side on
top the head lies toward -x and the feet toward +x (mirrored with the right side on top).
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls
from ..rotations import rot_x, rot_z


def _roll_for_shoulder(dims: Dimensions, angles: dict, roll: float, hip_y: float,
                       shoulder: str, shoulder_y: float) -> float:
    """Roll near ``roll`` (about world z, the side-lying body's tilt) putting ``shoulder`` at
    ``shoulder_y`` with the pelvis centre at ``hip_y``."""
    probe = forward_kinematics(dims, Pose(angles, (0.0, 0.0, 0.0), (0.0, 0.0, roll)))
    d = probe.points[shoulder]
    r, theta = math.hypot(d[0], d[1]), math.atan2(d[1], d[0])
    want = math.asin(float(np.clip((shoulder_y - hip_y) / r, -1.0, 1.0)))
    options = (want, math.pi - want)
    best = min(options, key=lambda a: abs(math.remainder(a - theta, 2 * math.pi)))
    return roll + math.degrees(math.remainder(best - theta, 2 * math.pi))


def side_lying_pose(dims: Dimensions, c: Controls, top: str) -> Pose:
    """Lying on one side propped on the bottom forearm, knees bent 90 deg in line with the
    trunk. ``hip_height`` lifts the pelvis (knees and forearm stay down), ``top_lift`` raises
    the top knee toward the ceiling (degrees of hip abduction); ``top`` is "l" or "r"."""
    h, bottom = dims.height, "r" if top == "l" else "l"
    s = SIDES[top]  # lying on the right side (left on top) is roll +90
    angles = {"lumbar_bend": 0.0, "thorax_flex": c.get("breath", 0.0),
              "neck_bend": -s * c.get("neck_bend", 15.0), "neck_twist": c.get("look", 0.0)}
    hip_y = c["hip_height"] * h
    roll = _roll_for_shoulder(dims, angles, s * 90.0, hip_y, f"shoulder_{bottom}", 0.205 * h)
    pose = Pose(angles, (0.0, hip_y, c.get("sway_z", 0.0)), (0.0, 0.0, roll))
    sk = forward_kinematics(dims, pose)
    hip = sk.points[f"hip_{bottom}"]
    knee_y = 0.04 * h
    along = math.sqrt(max(dims.thigh**2 - (hip[1] - knee_y) ** 2, 1e-6))
    knee = np.array([hip[0] + s * along, knee_y, hip[2] + 0.1 * h])  # feet lie toward +s x
    ankle = knee + np.array([0.0, 0.0, -dims.shank])
    angles.update(leg_angles(dims, pose, bottom, ankle, rot_x(0.0) @ rot_z(s * 90.0),
                             np.array([0.0, 0.0, 1.0])))
    for joint in ("hip_flex", "knee_flex", "ankle_flex"):
        angles[f"{joint}_{top}"] = angles[f"{joint}_{bottom}"]
    # the top leg lies parallel to the bottom one: sideways angles mirror across the pelvis
    angles[f"hip_rot_{top}"] = -angles[f"hip_rot_{bottom}"]
    angles[f"hip_abd_{top}"] = -angles[f"hip_abd_{bottom}"] + c.get("top_lift", 0.0)
    shoulder = sk.points[f"shoulder_{bottom}"]
    wrist = np.array([shoulder[0], 0.03 * h, shoulder[2] + dims.forearm])
    angles.update(arm_angles(dims, Pose(angles, pose.root_pos, pose.root_rot), bottom, wrist,
                             np.array([0.0, -1.0, 0.0])))
    hand = sk.points[f"hip_{top}"] + np.array([0.0, 0.06 * h, 0.03 * h])
    angles.update(arm_angles(dims, Pose(angles, pose.root_pos, pose.root_rot), top, hand,
                             np.array([0.0, 0.0, -1.0])))
    return Pose(angles, pose.root_pos, pose.root_rot)
