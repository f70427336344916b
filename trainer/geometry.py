"""Joint angles, body scale and camera-view estimation on landmark arrays (numpy only).

Image coordinates have y pointing down, so "up" on screen is negative y.
"""

from __future__ import annotations

from enum import Enum

import numpy as np

from .pose import Landmark as L


def joint_angle(a: np.ndarray, b: np.ndarray, c: np.ndarray) -> np.ndarray | float:
    """Angle ABC at vertex b in degrees (0..180), for 2D or 3D points; NaN where undefined."""
    ba = np.asarray(a, dtype=float) - np.asarray(b, dtype=float)
    bc = np.asarray(c, dtype=float) - np.asarray(b, dtype=float)
    norms = np.linalg.norm(ba, axis=-1) * np.linalg.norm(bc, axis=-1)
    with np.errstate(invalid="ignore", divide="ignore"):
        cosine = np.sum(ba * bc, axis=-1) / norms
    angle = np.where(norms > 1e-9, np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0))), np.nan)
    return angle if angle.ndim else float(angle)


def tilt_from_vertical(lower: np.ndarray, upper: np.ndarray) -> float:
    """Angle in degrees between the image segment lower->upper and straight up (0 = upright)."""
    dx, dy = np.asarray(upper, float)[:2] - np.asarray(lower, float)[:2]
    length = np.hypot(dx, dy)
    if not length > 1e-9:
        return float("nan")
    return float(np.degrees(np.arccos(np.clip(-dy / length, -1.0, 1.0))))


def tilt_from_horizontal(a: np.ndarray, b: np.ndarray) -> float:
    """Angle in degrees between the image segment a-b and the horizontal (0 = level, 90 = vertical)."""
    dx, dy = np.asarray(b, float)[:2] - np.asarray(a, float)[:2]
    if not np.hypot(dx, dy) > 1e-9:
        return float("nan")
    return float(np.degrees(np.arctan2(abs(dy), abs(dx))))


def midpoint(points: np.ndarray, a: int, b: int) -> np.ndarray:
    return (points[a] + points[b]) / 2.0


def torso_length(points: np.ndarray) -> float:
    """Mid-shoulder to mid-hip distance: a body scale that does not change as the legs bend."""
    return float(np.linalg.norm(midpoint(points, L.LEFT_SHOULDER, L.RIGHT_SHOULDER)
                                - midpoint(points, L.LEFT_HIP, L.RIGHT_HIP)))


def leg_length(points: np.ndarray, side: str) -> float:
    """Thigh plus shank length of one leg (stable under flexion, unlike hip-to-ankle distance)."""
    hip, knee, ankle = _leg(side)
    return float(np.linalg.norm(points[hip] - points[knee]) + np.linalg.norm(points[knee] - points[ankle]))


def _leg(side: str) -> tuple[int, int, int]:
    if side == "left":
        return L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE
    if side == "right":
        return L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE
    raise ValueError(f"side must be 'left' or 'right', got {side!r}")


def knee_angle(points: np.ndarray, side: str) -> float:
    hip, knee, ankle = _leg(side)
    return float(joint_angle(points[hip], points[knee], points[ankle]))


def hip_angle(points: np.ndarray, side: str) -> float:
    """Shoulder-hip-knee angle: 180 standing tall, smaller as the hip flexes."""
    shoulder = L.LEFT_SHOULDER if side == "left" else L.RIGHT_SHOULDER
    hip, knee, _ = _leg(side)
    return float(joint_angle(points[shoulder], points[hip], points[knee]))


class View(str, Enum):
    """Which way the person faces the camera."""

    FRONT = "front"      # chest (or back) toward the camera: left-right motion is visible
    SIDE = "side"        # one flank toward the camera: forward-backward motion is visible
    OBLIQUE = "oblique"  # in between: neither is judged reliably

    def __str__(self) -> str:
        return self.value


# Shoulder and hip widths relative to torso length: about 0.8 facing the camera, near 0.1-0.2
# side on (MediaPipe's hip points sit inside the pelvis, so hips read narrower than shoulders).
FRONT_MIN_WIDTH_RATIO = 0.50
SIDE_MAX_WIDTH_RATIO = 0.28


def width_ratio(xy: np.ndarray) -> float:
    """Mean apparent shoulder and hip width divided by torso length, in the image."""
    torso = torso_length(xy)
    if not torso > 1e-6:
        return float("nan")
    shoulders = abs(xy[L.LEFT_SHOULDER, 0] - xy[L.RIGHT_SHOULDER, 0])
    hips = abs(xy[L.LEFT_HIP, 0] - xy[L.RIGHT_HIP, 0])
    return float((shoulders + hips) / 2.0 / torso)


def classify_view(ratio: float) -> View | None:
    if not np.isfinite(ratio):
        return None
    if ratio >= FRONT_MIN_WIDTH_RATIO:
        return View.FRONT
    if ratio <= SIDE_MAX_WIDTH_RATIO:
        return View.SIDE
    return View.OBLIQUE


def side_nearer_camera(world: np.ndarray) -> str:
    """'left' or 'right': the flank closer to the camera (smaller world z), for side views."""
    left = world[[L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE], 2].mean()
    right = world[[L.RIGHT_SHOULDER, L.RIGHT_HIP, L.RIGHT_KNEE], 2].mean()
    return "left" if left < right else "right"
