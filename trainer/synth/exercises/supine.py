"""Pose builder for lying on the back (shoulders down, hips free to lift), and its helpers.

``supine_pose`` places the trunk with ``trunk_from_shoulders``, lays the arms palms down with
``palms_down_arms`` and takes the legs from the caller; ``planted_leg`` is the usual leg, foot
on the floor or on a ball. Controls (lengths as ratios of height, angles in degrees):

* ``hip_height``: height of the mid-hip point above the floor; the trunk pivots about the
  shoulders, which stay on the floor, so this alone sets how far the pelvis rises.
* ``lumbar_flex``: negative arches the lower back (the pelvis is re-pitched so the shoulders
  still touch the floor).
* ``foot_z``, ``foot_y``: where the working feet's ankles are, measured along the body from
  the shoulders and up from the floor; ``sole_pitch`` tilts the soles (0 flat, 90 toes up).
* ``knee_in``: how far the knees point toward each other (to hold a ball between them).
* The sway controls of ``motion.Sway`` except ``sway_z`` (the shoulders fix the body's z).

World: the head lies toward -z, the feet toward +z, the face up, the person's left at +x.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls
from ..rotations import rot_x

SHOULDER_Y = 0.055   # mid-shoulder height lying on the back (half the chest's depth), of H
SHOULDER_Z = -0.23   # where the shoulders lie along z, so the body is centred in view
UP = np.array([0.0, 1.0, 0.0])


def trunk_from_shoulders(dims: Dimensions, c: Controls) -> Pose:
    """Pelvis placed at ``hip_height`` with the pitch that keeps the shoulders on the floor.

    Pitch turns the hip-to-shoulder vector about the world x axis, so the pitch that puts
    the shoulders at their height follows from the vector measured once at pitch -90.
    """
    h = dims.height
    angles = {"lumbar_flex": c.get("lumbar_flex", 0.0), "thorax_flex": c.get("breath", 0.0)}
    flat = forward_kinematics(dims, Pose(angles, (0.0, 0.0, 0.0), (0.0, -90.0, 0.0)))
    d = (flat.points["shoulder_l"] + flat.points["shoulder_r"]) / 2
    r = math.hypot(d[1], d[2])
    rise = (SHOULDER_Y - c["hip_height"]) * h
    psi = -math.acos(float(np.clip(rise / r, -1.0, 1.0)))  # the shoulders lie toward -z
    alpha = math.degrees(psi - math.atan2(d[2], d[1]))
    pitch = -90.0 + alpha
    dz = r * math.sin(psi)
    root = (c.get("sway_x", 0.0), c["hip_height"] * h, SHOULDER_Z * h - dz)
    # the head rests on the floor: the neck bends as much as the trunk rises
    angles["neck_flex"] = max(0.0, -alpha) * 0.9 + c.get("neck_flex", 0.0)
    angles["neck_twist"] = c.get("look", 0.0)
    return Pose(angles, root, (0.0, pitch, 0.0))


def palms_down_arms(dims: Dimensions, pose: Pose) -> dict[str, float]:
    """Arms along the sides, palms on the floor beside the hips."""
    out: dict[str, float] = {}
    for side, s in SIDES.items():
        wrist = np.array([s * 0.15 * dims.height, 0.025 * dims.height,
                          (SHOULDER_Z + 0.30) * dims.height])
        out.update(arm_angles(dims, pose, side, wrist, UP + np.array([s * 0.3, 0.0, 0.0])))
    return out


def planted_leg(dims: Dimensions, pose: Pose, side: str, c: Controls) -> dict[str, float]:
    """One leg reaching the ankle target of ``foot_z``/``foot_y``, knee up (and in)."""
    s, h = SIDES[side], dims.height
    ankle = np.array([s * (dims.hip_spacing / 2), c.get("foot_y", 0.039) * h,
                      (SHOULDER_Z + c["foot_z"]) * h])
    knee_toward = UP + np.array([-s * math.tan(math.radians(c.get("knee_in", 0.0))), 0.0, 0.0])
    return leg_angles(dims, pose, side, ankle, rot_x(-c.get("sole_pitch", 0.0)), knee_toward)


def supine_pose(dims: Dimensions, c: Controls, legs) -> Pose:
    """Lying on the back: trunk from ``trunk_from_shoulders``, legs by ``legs(dims, pose)``."""
    pose = trunk_from_shoulders(dims, c)
    angles = dict(pose.angles)
    angles.update(legs(dims, pose))
    angles.update(palms_down_arms(dims, pose))
    return Pose(angles, pose.root_pos, pose.root_rot)
