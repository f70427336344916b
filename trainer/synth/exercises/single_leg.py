"""Pose builder for standing on one leg while the other leg moves freely.

``side`` names the STANCE leg (the one that works in every single-leg move here); the free
leg is the other one. Controls (degrees unless noted):

* stance leg: ``knee_flex``, ``shank_tilt`` (shin lean forward from vertical), ``knee_in``
  (valgus: the knee turns inside the foot's line), ``heel_lift`` (rise onto the ball of the
  foot, the toes stay planted), ``toe_out``.
* pelvis: ``hinge`` (forward tip of the pelvis, 90 = trunk horizontal when the spine is
  straight), ``hip_open`` (the free side's hip turns up toward the ceiling about the trunk's
  long axis, an open pelvis in a hinge), ``hip_drop`` (the free side's hip sinks when upright).
* trunk: ``lumbar_flex``, ``thorax_flex``, ``neck_flex`` as in ``standing``.
* free leg, joint angles straight into the pose: ``free_hip_flex`` (negative = extended
  behind), ``free_hip_abd``, ``free_hip_rot``, ``free_knee``, ``free_ankle``.
* the sway controls of ``motion.Sway``.

Arm styles take (dims, pose, side) so they can depend on which leg stands.
"""

from __future__ import annotations

import math
from typing import Callable

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls
from ..rotations import rot_x, rot_y, rot_z, yaw_pitch_roll
from .standing import trunk_angles

ArmStyle = Callable[[Dimensions, Pose, str], dict[str, float]]
OTHER = {"l": "r", "r": "l"}


def stance_code(side: str) -> str:
    """Body side code ("l"/"r") of the stance leg for a set plan's side."""
    return {"left": "l", "right": "r"}.get(side, "l")


def stance_ankle(dims: Dimensions, c: Controls, s: float) -> tuple[np.ndarray, np.ndarray]:
    """Ankle position and foot frame with the toes planted and the heel ``heel_lift`` up."""
    x = s * dims.hip_spacing / 2
    foot = rot_y(s * c.get("toe_out", 5.0)) @ rot_x(c.get("heel_lift", 0.0))
    toe_offset = np.array([0.0, -0.82 * dims.ankle_height, dims.toe_front])
    flat = rot_y(s * c.get("toe_out", 5.0)) @ toe_offset
    toe = np.array([x, dims.ankle_height, 0.0]) + flat
    return toe - foot @ toe_offset, foot


def stance_hip(dims: Dimensions, c: Controls, ankle: np.ndarray) -> np.ndarray:
    """The stance hip joint from the shin lean and knee bend, in the sagittal plane."""
    tilt, knee = math.radians(c.get("shank_tilt", 0.0)), math.radians(c.get("knee_flex", 0.0))
    knee_pt = ankle + dims.shank * np.array([0.0, math.cos(tilt), math.sin(tilt)])
    hip = knee_pt + dims.thigh * np.array([0.0, math.cos(tilt - knee), math.sin(tilt - knee)])
    return hip + np.array([c.get("sway_x", 0.0), 0.0, c.get("sway_z", 0.0)])


def pelvis_rotation(c: Controls, s: float) -> tuple[float, float, float]:
    """(yaw, pitch, roll) of the pelvis tipped by ``hinge``, then opened and dropped.

    Opening turns about the trunk's own long axis, which a world yaw cannot express in a
    hinge, so the wanted matrix is built and split back into the pose's yaw-pitch-roll.
    """
    m = rot_x(c.get("hinge", 0.0)) @ rot_y(-s * c.get("hip_open", 0.0)) \
        @ rot_z(s * c.get("hip_drop", 0.0))
    pitch = math.degrees(math.asin(float(np.clip(-m[1, 2], -1, 1))))
    roll = math.degrees(math.atan2(m[1, 0], m[1, 1]))
    yaw = math.degrees(math.atan2(m[0, 2], m[2, 2]))
    return yaw, pitch, roll


def single_leg_pose(dims: Dimensions, c: Controls, side: str, arms: ArmStyle) -> Pose:
    """Stand on ``side``'s leg, free leg posed by its angles, trunk set, arms by ``arms``."""
    code = stance_code(side)
    s, free = SIDES[code], OTHER[code]
    ankle, foot = stance_ankle(dims, c, s)
    hip = stance_hip(dims, c, ankle)
    rot = pelvis_rotation(c, s)
    root = hip - yaw_pitch_roll(*rot) @ np.array([s * dims.hip_spacing / 2, 0.0, 0.0])
    angles = trunk_angles(c)
    angles.update({f"hip_flex_{free}": c.get("free_hip_flex", 0.0),
                   f"hip_abd_{free}": c.get("free_hip_abd", 0.0),
                   f"hip_rot_{free}": c.get("free_hip_rot", 0.0),
                   f"knee_flex_{free}": c.get("free_knee", 0.0),
                   f"ankle_flex_{free}": c.get("free_ankle", 0.0)})
    pose = Pose(angles, tuple(root), rot)
    knee_toward = rot_y(s * (c.get("toe_out", 5.0) - c.get("knee_in", 0.0))) @ np.array([0, 0, 1.0])
    angles.update(leg_angles(dims, pose, code, ankle, foot, knee_toward))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    angles.update(arms(dims, pose, code))
    return Pose(angles, pose.root_pos, pose.root_rot)


def hanging_arms(dims: Dimensions, pose: Pose, stance: str) -> dict[str, float]:
    """Arms hang straight down from the shoulders (holding dumbbells), elbows soft."""
    skeleton = forward_kinematics(dims, pose)
    angles: dict[str, float] = {}
    for side in SIDES:
        shoulder = skeleton.points[f"shoulder_{side}"]
        wrist = shoulder - np.array([0.0, 0.97 * (dims.upper_arm + dims.forearm), 0.0])
        angles.update(arm_angles(dims, pose, side, wrist, np.array([0.0, 0.0, -1.0])))
    return angles


def hips_arms(dims: Dimensions, pose: Pose, stance: str) -> dict[str, float]:
    """Hands on the hips, elbows out to the sides."""
    skeleton = forward_kinematics(dims, pose)
    frame, origin = skeleton.frames["pelvis"], skeleton.points["pelvis"]
    angles: dict[str, float] = {}
    for side, s in SIDES.items():
        wrist = origin + frame @ (np.array([s * 0.105, 0.045, 0.0]) * dims.height)
        toward = frame @ np.array([s * 1.0, 0.0, -0.4])
        angles.update(arm_angles(dims, pose, side, wrist, toward))
    return angles
