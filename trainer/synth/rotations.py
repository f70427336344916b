"""Rotation matrices about the body axes and the one Euler decomposition the joints use.

All angles are in degrees and rotations are active and right-handed: ``rot_x(a)`` turns +y toward
+z. Joint rotations are composed as ``rot_x(a) @ rot_z(b) @ rot_y(c)`` (flexion, then sideways,
then twist about the bone), so ``euler_xzy`` inverts exactly that product.
"""

from __future__ import annotations

import math

import numpy as np


def rot_x(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[1.0, 0.0, 0.0], [0.0, c, -s], [0.0, s, c]])


def rot_y(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[c, 0.0, s], [0.0, 1.0, 0.0], [-s, 0.0, c]])


def rot_z(deg: float) -> np.ndarray:
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    return np.array([[c, -s, 0.0], [s, c, 0.0], [0.0, 0.0, 1.0]])


def rot_xzy(x_deg: float, z_deg: float, y_deg: float) -> np.ndarray:
    return rot_x(x_deg) @ rot_z(z_deg) @ rot_y(y_deg)


def euler_xzy(matrix: np.ndarray) -> tuple[float, float, float]:
    """Angles (x, z, y) in degrees with ``rot_xzy(x, z, y) == matrix``; z lies in [-90, 90]."""
    z = math.degrees(math.asin(float(np.clip(-matrix[0, 1], -1.0, 1.0))))
    x = math.degrees(math.atan2(matrix[2, 1], matrix[1, 1]))
    y = math.degrees(math.atan2(matrix[0, 2], matrix[0, 0]))
    return x, z, y


def yaw_pitch_roll(yaw: float, pitch: float, roll: float) -> np.ndarray:
    """Orientation of the pelvis in the world: turn about the vertical, then tip forward, then
    roll sideways (pitch -90 lies on the back, +90 on the front, roll +-90 on a side)."""
    return rot_y(yaw) @ rot_x(pitch) @ rot_z(roll)


def frame_from_axes(y_axis: np.ndarray, z_hint: np.ndarray) -> np.ndarray:
    """Right-handed frame (columns x, y, z) with the given y axis and z as close to the hint."""
    y = y_axis / np.linalg.norm(y_axis)
    z = z_hint - np.dot(z_hint, y) * y
    z = z / np.linalg.norm(z)
    return np.column_stack([np.cross(y, z), y, z])
