"""Things the person holds, drawn in depth order with the body parts.

A prop is a function (camera, skeleton) -> (depth, draw) placed from the hands, so it follows
whatever pose the script builds.
"""

from __future__ import annotations

from typing import Callable

import numpy as np

from .body import Skeleton
from .camera import Camera
from .draw import polyline, projected_ellipse, shaded_ellipse, shade

BELL_RADIUS_M = 0.085    # a 12 kg kettlebell
HANDLE_HALF_M = 0.06     # half the handle's width
HANDLE_THICK_M = 0.022
BELL_BELOW_HANDS_M = 0.11
IRON = (58.0, 58.0, 62.0)


def kettlebell(camera: Camera, skeleton: Skeleton) -> tuple[float, Callable[[np.ndarray], None]]:
    """A kettlebell held bell-down by the horns, against the chest (goblet hold).

    Its sort depth is put a little behind the hands so the fingers stay drawn over the handle.
    """
    p, frame = skeleton.points, skeleton.frames["thorax"]
    hands = (p["wrist_l"] + p["wrist_r"] + p["index_l"] + p["index_r"]) / 4
    across, toward_chest, up = frame[:, 0], -frame[:, 2], np.array([0.0, 1.0, 0.0])
    bell = hands - up * BELL_BELOW_HANDS_M + toward_chest * 0.01
    horns = np.array([bell + s * across * HANDLE_HALF_M * 0.9 + up * BELL_RADIUS_M * 0.6
                      for s in (-1, 1)])
    handle = np.array([horns[0], hands - across * HANDLE_HALF_M, hands + across * HANDLE_HALF_M,
                       horns[1]])
    depth = float(camera.to_camera(bell[None])[0, 2]) + 0.02

    def draw(image: np.ndarray) -> None:
        xy, z = camera.project(handle)
        thickness = camera.focal_px * HANDLE_THICK_M / float(z.mean())
        polyline(image, xy, shade(IRON, 0.8), thickness)
        radii = np.full(3, BELL_RADIUS_M)
        shaded_ellipse(image, *projected_ellipse(camera, bell, np.eye(3), radii), IRON)

    return depth, draw


PROPS: dict[str, Callable[[Camera, Skeleton], tuple[float, Callable[[np.ndarray], None]]]] = {
    "kettlebell": kettlebell,
}
