"""Pose builders for kneeling floor positions, and their helpers.

``all_fours_pose`` (hands and knees, legs from the caller; ``kneeling_leg`` is the usual one),
``half_kneeling_pose`` (one knee down, the other foot flat in front, trunk upright),
``pigeon_pose`` (half pigeon) and ``low_lunge_pose`` (back knee down, folded forward) each
document their own controls (lengths as ratios of height, angles in degrees). All of them
read the sway controls ``breath``, ``look`` and ``sway_x`` of ``motion.Sway``.

``pitch_for_shoulders`` and ``yaw_pitch_roll_of`` place a tilted trunk for ``all_fours_pose``.

World: the person faces +z (on all fours the head lies toward +z), the back knee and feet lie
toward -z, the person's left at +x.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls
from ..rotations import rot_x, rot_y, rot_z


def pitch_for_shoulders(dims: Dimensions, angles: dict, base: float, hip_y: float,
                        shoulder_y: float, roll: float = 0.0) -> tuple[float, float]:
    """Pelvis pitch near ``base`` that puts the mid-shoulder point at ``shoulder_y`` (metres)
    with the hips at ``hip_y``, and the shoulders' z offset from the hips at that pitch."""
    probe = forward_kinematics(dims, Pose(angles, (0.0, 0.0, 0.0), (0.0, base, roll)))
    d = (probe.points["shoulder_l"] + probe.points["shoulder_r"]) / 2
    r = math.hypot(d[1], d[2])
    sign = 1.0 if d[2] >= 0 else -1.0  # keep the shoulders on the side they started on
    psi = sign * math.acos(float(np.clip((shoulder_y - hip_y) / r, -1.0, 1.0)))
    return base + math.degrees(psi - math.atan2(d[2], d[1])), r * math.sin(psi)


def yaw_pitch_roll_of(m: np.ndarray) -> tuple[float, float, float]:
    """(yaw, pitch, roll) with ``rotations.yaw_pitch_roll`` giving the rotation ``m``."""
    pitch = math.asin(float(np.clip(-m[1, 2], -1.0, 1.0)))
    return (math.degrees(math.atan2(m[0, 2], m[2, 2])), math.degrees(pitch),
            math.degrees(math.atan2(m[1, 0], m[1, 1])))


def kneeling_leg(dims: Dimensions, pose: Pose, side: str, knee_y: float) -> dict[str, float]:
    """A leg kneeling straight below its hip: knee at ``knee_y``, shin flat back, toes pointed."""
    hip = forward_kinematics(dims, pose).points[f"hip_{side}"]
    ankle = np.array([hip[0], knee_y + 0.01 * dims.height, hip[2] - dims.shank])
    ankle[1] = max(ankle[1], 0.03 * dims.height)
    knee_toward = np.array([0.0, -1.0, 1.0])
    return leg_angles(dims, pose, side, ankle, rot_x(165.0), knee_toward)


def hands_under_shoulders(dims: Dimensions, pose: Pose) -> dict[str, float]:
    """Straight arms, wrists on the floor below the shoulders."""
    sk, out = forward_kinematics(dims, pose), {}
    for side in SIDES:
        shoulder = sk.points[f"shoulder_{side}"]
        wrist = np.array([shoulder[0], 0.03 * dims.height, shoulder[2]])
        out.update(arm_angles(dims, pose, side, wrist, np.array([0.0, 0.0, -1.0])))
    return out


def all_fours_pose(dims: Dimensions, c: Controls, legs) -> Pose:
    """Hands and knees: hips at ``hip_height``, shoulders over straight arms, trunk as set by
    ``lumbar_flex`` and ``roll`` (the pelvis rolling toward the person's left, degrees)."""
    h = dims.height
    angles = {"lumbar_flex": c.get("lumbar_flex", 0.0), "thorax_flex": c.get("breath", 0.0),
              "neck_flex": c.get("neck_flex", -20.0), "neck_twist": c.get("look", 0.0)}
    hip_y = c["hip_height"] * h
    roll = c.get("roll", 0.0)
    angles["lumbar_twist"] = -0.7 * roll  # the chest stays square while the pelvis rolls
    pitch, dz = pitch_for_shoulders(dims, angles, 90.0, hip_y, 0.36 * h)
    rotation = rot_z(roll) @ rot_x(pitch)  # roll about the spine, which runs along world z
    pose = Pose(angles, (c.get("sway_x", 0.0), hip_y, -dz / 2), yaw_pitch_roll_of(rotation))
    angles.update(legs(dims, pose))
    angles.update(hands_under_shoulders(dims, pose))
    return Pose(angles, pose.root_pos, pose.root_rot)


def half_kneeling_pose(dims: Dimensions, c: Controls, back: str) -> Pose:
    """Half kneeling: the ``back`` leg's knee on the floor (its thigh leaning ``back_tilt``
    degrees behind vertical), the other foot flat in front with its shin leaning
    ``front_shin`` degrees forward. Trunk: ``pelvis_pitch`` (negative tucks the pelvis),
    ``lumbar_flex`` (negative arches), ``thorax_flex``; hands rest on the hips."""
    h, front = dims.height, "r" if back == "l" else "l"
    knee_y, tilt = 0.034 * h, math.radians(c.get("back_tilt", 10.0))
    hip_y = knee_y + dims.thigh * math.cos(tilt)
    angles = {"lumbar_flex": c.get("lumbar_flex", 0.0),
              "thorax_flex": c.get("thorax_flex", 0.0) + c.get("breath", 0.0),
              "neck_flex": -c.get("pelvis_pitch", 0.0) - c.get("thorax_flex", 0.0),
              "neck_twist": c.get("look", 0.0)}
    pose = Pose(angles, (c.get("sway_x", 0.0), hip_y, c.get("sway_z", 0.0)),
                (0.0, c.get("pelvis_pitch", 0.0), 0.0))
    sk = forward_kinematics(dims, pose)
    hb, hf = sk.points[f"hip_{back}"], sk.points[f"hip_{front}"]
    knee_b = hb - np.array([0.0, dims.thigh * math.cos(tilt), dims.thigh * math.sin(tilt)])
    knee_b[1] = knee_y
    ankle_b = knee_b + np.array([0.0, 0.012 * h, -dims.shank])
    angles.update(leg_angles(dims, pose, back, ankle_b, rot_x(165.0), np.array([0.0, -1, 1])))
    shin = math.radians(c.get("front_shin", 5.0))
    knee_fy = dims.ankle_height + dims.shank * math.cos(shin)
    reach = math.sqrt(max(dims.thigh**2 - (hf[1] - knee_fy) ** 2, 1e-6))
    ankle_f = np.array([hf[0], dims.ankle_height,
                        hf[2] + reach - dims.shank * math.sin(shin)])
    angles.update(leg_angles(dims, pose, front, ankle_f, np.eye(3), np.array([0.0, 0, 1])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    for side, s in SIDES.items():  # hands on the hips, elbows out and back
        hand = sk.points[f"hip_{side}"] + np.array([s * 0.05, 0.07, 0.02]) * h
        angles.update(arm_angles(dims, pose, side, hand, np.array([s * 1.0, 0.0, -0.5])))
    return Pose(angles, pose.root_pos, pose.root_rot)


def pigeon_pose(dims: Dimensions, c: Controls, front: str) -> Pose:
    """Half pigeon: the ``front`` leg's shin across the body on the floor, knee ahead of its
    hip; the other leg straight back, knee and foot down; the trunk leans ``lean`` degrees
    over it with the hands on the floor beside the front knee. ``hip_height`` (of H) is how
    high the hips stay above the floor."""
    h, back = dims.height, "r" if front == "l" else "l"
    s = SIDES[front]
    angles = {"lumbar_flex": c.get("lumbar_flex", 5.0),
              "thorax_flex": c.get("thorax_flex", 10.0) + c.get("breath", 0.0),
              "neck_flex": -c.get("lean", 30.0) * 0.6, "neck_twist": c.get("look", 0.0)}
    pose = Pose(angles, (c.get("sway_x", 0.0) - s * 0.02 * h, c["hip_height"] * h, 0.0),
                (0.0, c.get("lean", 30.0), 0.0))
    sk = forward_kinematics(dims, pose)
    hf, hb = sk.points[f"hip_{front}"], sk.points[f"hip_{back}"]
    knee = np.array([hf[0] + s * 0.08 * h, 0.035 * h, hf[2] + 0.17 * h])
    ankle = np.array([hb[0] - s * 0.05 * h, 0.03 * h, knee[2] - 0.05 * h])
    toward = knee - (hf + ankle) / 2
    angles.update(leg_angles(dims, pose, front, ankle, rot_y(-s * 80.0) @ rot_z(s * 70.0),
                             toward))
    reach = dims.thigh + dims.shank - 0.01
    drop = hb[1] - 0.035 * h
    ankle_b = np.array([hb[0], 0.035 * h, hb[2] - math.sqrt(max(reach**2 - drop**2, 1e-6))])
    angles.update(leg_angles(dims, pose, back, ankle_b, rot_x(170.0), np.array([0, -1.0, 0])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    for side, sd in SIDES.items():
        wrist = np.array([sd * 0.16 * h, 0.03 * h, hf[2] + 0.2 * h])
        angles.update(arm_angles(dims, pose, side, wrist, np.array([sd * 0.5, 0.0, -1.0])))
    return Pose(angles, pose.root_pos, pose.root_rot)


def low_lunge_pose(dims: Dimensions, c: Controls, back: str) -> Pose:
    """Back knee down, front foot ahead, trunk folded forward with the hands on the floor.

    ``back_tilt`` leans the back thigh behind vertical (lower, further-forward hips),
    ``front_reach`` (of H) puts the front ankle ahead of the hips, ``front_out`` (of H) beside
    them, ``sole_pitch`` lifts its toes (heel down); ``lean`` pitches the trunk forward."""
    h, front = dims.height, "r" if back == "l" else "l"
    knee_y, tilt = 0.034 * h, math.radians(c.get("back_tilt", 10.0))
    hip_y = knee_y + dims.thigh * math.cos(tilt)
    angles = {"lumbar_flex": 10.0, "thorax_flex": 10.0 + c.get("breath", 0.0),
              "neck_flex": -c.get("lean", 45.0) * 0.5, "neck_twist": c.get("look", 0.0)}
    pose = Pose(angles, (c.get("sway_x", 0.0), hip_y, -c.get("front_reach", 0.3) * h / 2),
                (0.0, c.get("lean", 45.0), 0.0))
    sk = forward_kinematics(dims, pose)
    hb, hf = sk.points[f"hip_{back}"], sk.points[f"hip_{front}"]
    knee_b = hb - np.array([0.0, 0.0, dims.thigh * math.sin(tilt)])
    knee_b[1] = knee_y
    ankle_b = knee_b + np.array([0.0, 0.012 * h, -dims.shank])
    angles.update(leg_angles(dims, pose, back, ankle_b, rot_x(165.0), np.array([0.0, -1, 1])))
    s = SIDES[front]
    sole = rot_x(-c.get("sole_pitch", 0.0))
    ankle_f = np.array([hf[0] + s * c.get("front_out", 0.0) * h, dims.ankle_height,
                        hf[2] + c.get("front_reach", 0.3) * h])
    angles.update(leg_angles(dims, pose, front, ankle_f, sole, np.array([0.0, 1.0, 0.3])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    for side, sd in SIDES.items():
        inside = 0.1 * h if side == front else 0.14 * h  # the front foot lies outside its hand
        wrist = np.array([sd * inside * (0.6 if side == front else 1.0), 0.03 * h,
                          ankle_f[2] - c.get("hands_back", 0.05) * h])
        angles.update(arm_angles(dims, pose, side, wrist, np.array([sd * 0.5, 0.0, -1.0])))
    return Pose(angles, pose.root_pos, pose.root_rot)
