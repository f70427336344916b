"""Measurements for the floor exercises (lying on the back or side, on all fours).

Pure numpy on PoseFrames, like ``lower_body``: every function returns NaN when a joint it needs
is not seen (image measures) or not estimated (3D measures), so a rule reading it has nothing to
judge on that frame. Lying down, much of the body hides behind the rest of it or points at the
camera; the 3D measures read the model's estimate of those joints, which it still places.
"""

from __future__ import annotations

import math

import numpy as np

from ..pose import Landmark as L, PoseFrame
from .lower_body import VISIBLE

_SIDE_JOINTS = {
    "left": (L.LEFT_SHOULDER, L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE),
    "right": (L.RIGHT_SHOULDER, L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE),
}


def _seen(frame: PoseFrame, *landmarks: int) -> bool:
    return frame.visible(landmarks, VISIBLE)


def height_above_line(point: np.ndarray, start: np.ndarray, end: np.ndarray) -> float:
    """Signed distance of ``point`` above the line from ``start`` to ``end`` in the image, in
    pixels (> 0 = toward the top of the picture, the ceiling when lying down)."""
    line = end - start
    length = float(np.linalg.norm(line))
    if length < 1e-6:
        return math.nan
    normal = np.array([line[1], -line[0]]) / length
    if normal[1] > 0:   # image y grows downward: make the normal point up
        normal = -normal
    return float((point - start) @ normal)


def hip_above_heel_line(frame: PoseFrame, side: str, leg_px: float) -> float:
    """How far the hip sits above the straight shoulder-to-ankle line, in leg lengths (side
    view, lying on the back with the legs out: 0 = one straight line, < 0 = hips sagging).

    The leg length is the body reference's (the longest the thigh and shank have been seen),
    so a body seen at a slant does not shrink the unit the way an in-frame length would.
    """
    shoulder, hip, _, ankle = _SIDE_JOINTS[side]
    if not _seen(frame, shoulder, hip, ankle) or not leg_px > 0:
        return math.nan
    xy = frame.xy
    return height_above_line(xy[hip], xy[shoulder], xy[ankle]) / leg_px


def world_ankle_rise(frame: PoseFrame, side: str) -> float:
    """How far this ankle sits above the other one, in leg lengths, from the 3D world landmarks.

    On all fours facing the camera the legs are behind the body, and their image heights say
    little; the model's 3D estimate still places a leg kicked back high above the resting one,
    from either view. The leg length is this frame's own (hip-knee-ankle, both legs' mean), so
    the unit needs no standing reference.
    """
    world = frame.world
    if world is None or not np.isfinite(world[[L.LEFT_ANKLE, L.RIGHT_ANKLE]]).all():
        return math.nan
    legs = [np.linalg.norm(world[h] - world[k]) + np.linalg.norm(world[k] - world[a])
            for _, h, k, a in _SIDE_JOINTS.values()]
    leg = float(np.mean(legs))
    if not leg > 1e-6:
        return math.nan
    ankle, other = _SIDE_JOINTS[side][3], _SIDE_JOINTS["right" if side == "left" else "left"][3]
    return float((world[other, 1] - world[ankle, 1]) / leg)   # world y points down


def _world_thigh(world: np.ndarray) -> float:
    """Mean hip-to-knee length of both legs in the 3D world landmarks, in metres."""
    return float(np.mean([np.linalg.norm(world[h] - world[k])
                          for _, h, k, _ in _SIDE_JOINTS.values()]))


def side_lying_lift(frame: PoseFrame) -> dict[str, float]:
    """Lying on one side: how high the hips and the top knee sit above the bottom knee (the one
    on the floor), in thigh lengths, from the 3D world landmarks.

    ``hip_lift`` grows as the hips leave the floor, ``knee_lift`` as the top knee rises (with
    the hips and on its own). In the picture a side-lying body flips between looking wide and
    narrow and its lowest point changes with every move; the model's 3D estimate keeps "up"
    as up. NaN when the hips or knees are not estimated.
    """
    world = frame.world
    joints = [L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE]
    if world is None or not np.isfinite(world[joints]).all():
        return {"hip_lift": math.nan, "knee_lift": math.nan}
    thigh = _world_thigh(world)
    if not thigh > 1e-6:
        return {"hip_lift": math.nan, "knee_lift": math.nan}
    down = world[[L.LEFT_KNEE, L.RIGHT_KNEE], 1]          # world y points down
    bottom_knee, top_knee = float(down.max()), float(down.min())
    hips = float(world[[L.LEFT_HIP, L.RIGHT_HIP], 1].mean())
    return {"hip_lift": (bottom_knee - hips) / thigh, "knee_lift": (bottom_knee - top_knee) / thigh}


def hips_stacked(frame: PoseFrame) -> float:
    """How upright the line between the hips stands in 3D: 1 lying on a side (one hip above
    the other), 0 lying on the back or front. Rolling over to switch sides passes through 0."""
    world = frame.world
    if world is None or not np.isfinite(world[[L.LEFT_HIP, L.RIGHT_HIP]]).all():
        return math.nan
    between = world[L.LEFT_HIP] - world[L.RIGHT_HIP]
    length = float(np.linalg.norm(between))
    return abs(float(between[1])) / length if length > 1e-6 else math.nan



def hips_above_shoulders(frame: PoseFrame) -> float:
    """Tilt of the trunk in 3D, degrees: how steeply the line from the shoulders' centre to the
    hips' centre climbs (> 0) or falls (< 0) toward the hips.

    Propped on a forearm, the shoulders sit well above the floor: with the hips down the trunk
    falls toward them, lifted into a side plank it nears level. An angle needs no body length,
    so it reads the same for every build.
    """
    world = frame.world
    joints = [L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP]
    if world is None or not np.isfinite(world[joints]).all():
        return math.nan
    hips = world[[L.LEFT_HIP, L.RIGHT_HIP]].mean(axis=0)
    trunk = hips - world[[L.LEFT_SHOULDER, L.RIGHT_SHOULDER]].mean(axis=0)
    length = float(np.linalg.norm(trunk))
    if length < 1e-6:
        return math.nan
    return math.degrees(math.asin(float(np.clip(-trunk[1] / length, -1.0, 1.0))))   # y points down
