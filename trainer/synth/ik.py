"""Two-bone inverse kinematics: joint angles that put a hand or foot where a script wants it.

Closed-chain poses (feet planted through a squat, hands holding a weight at the chest, hands and
knees on the floor on all fours) are described by where the ends of the limbs are; these
solvers turn that into the hip/knee/ankle or shoulder/elbow angles of a ``Pose``, so forward
kinematics stays the single source of every position.
"""

from __future__ import annotations

import math

import numpy as np

from .body import SIDES, Dimensions, Pose, forward_kinematics
from .rotations import euler_xzy, frame_from_axes, rot_x, yaw_pitch_roll


def bend_point(root: np.ndarray, target: np.ndarray, first: float, second: float,
               toward: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
    """Middle joint of a two-bone chain from ``root`` to ``target`` bulging toward ``toward``.

    Returns (middle joint, the perpendicular bulge direction, bend in degrees, 0 = straight).
    A target out of reach is pulled onto the reachable shell along the same line.
    """
    offset = target - root
    reach = float(np.linalg.norm(offset))
    along = offset / reach
    distance = float(np.clip(reach, abs(first - second) + 1e-6, first + second - 1e-6))
    bulge = toward - np.dot(toward, along) * along
    if np.linalg.norm(bulge) < 1e-9:  # pole along the chain: any perpendicular will do
        bulge = np.cross(along, [1.0, 0.0, 0.0])
    bulge /= np.linalg.norm(bulge)
    cos_root = (first**2 + distance**2 - second**2) / (2 * first * distance)
    sin_root = math.sqrt(max(0.0, 1.0 - cos_root**2))
    middle = root + first * (cos_root * along + sin_root * bulge)
    cos_middle = (first**2 + second**2 - distance**2) / (2 * first * second)
    bend = 180.0 - math.degrees(math.acos(float(np.clip(cos_middle, -1.0, 1.0))))
    return middle, bulge, bend


def leg_angles(dims: Dimensions, pose: Pose, side: str, ankle: np.ndarray,
               foot_frame: np.ndarray, knee_toward: np.ndarray) -> dict[str, float]:
    """Hip, knee and ankle angles of one leg reaching ``ankle`` (world) with the foot oriented as
    ``foot_frame`` and the knee pointing toward ``knee_toward`` (a world direction)."""
    s = SIDES[side]
    pelvis = yaw_pitch_roll(*pose.root_rot)
    hip = np.asarray(pose.root_pos) + pelvis @ np.array([s * dims.hip_spacing / 2, 0.0, 0.0])
    knee, bulge, knee_flex = bend_point(hip, ankle, dims.thigh, dims.shank, knee_toward)
    thigh = frame_from_axes(hip - knee, bulge)  # the knee points forward along thigh z
    x, z, y = euler_xzy(pelvis.T @ thigh)
    shank = thigh @ rot_x(knee_flex)
    fx, fz, fy = euler_xzy(shank.T @ foot_frame)
    return {f"hip_flex_{side}": -x, f"hip_abd_{side}": s * z, f"hip_rot_{side}": -s * y,
            f"knee_flex_{side}": knee_flex,
            f"ankle_flex_{side}": -fx, f"ankle_inv_{side}": -s * fz, f"ankle_out_{side}": s * fy}


def arm_angles(dims: Dimensions, pose: Pose, side: str, wrist: np.ndarray,
               elbow_toward: np.ndarray) -> dict[str, float]:
    """Shoulder and elbow angles of one arm reaching ``wrist`` (world), the elbow pointing toward
    ``elbow_toward``; the trunk of ``pose`` must already be set."""
    s = SIDES[side]
    skeleton = forward_kinematics(dims, pose)
    shoulder = skeleton.points[f"shoulder_{side}"]
    elbow, bulge, elbow_flex = bend_point(shoulder, wrist, dims.upper_arm, dims.forearm,
                                          elbow_toward)
    upper_arm = frame_from_axes(shoulder - elbow, -bulge)  # the forearm folds forward
    x, z, y = euler_xzy(skeleton.frames["thorax"].T @ upper_arm)
    return {f"shoulder_flex_{side}": -x, f"shoulder_abd_{side}": s * z,
            f"shoulder_rot_{side}": -s * y, f"elbow_flex_{side}": elbow_flex}

