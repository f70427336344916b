"""Pinhole camera looking at the person from a chosen side (pure numpy).

Camera yaw is measured around the person, who faces +z: 0 puts the camera in front of them, 90
on their left side (their left faces the camera), -90 on their right, 180 behind. The camera
stands back 1.83 x body height (3.2 m for 1.75 m) at 0.55 x body height and aims at mid-body,
with a focal length that frames the standing person at ``FILL`` of the image height.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

VIEWS: dict[str, float] = {"front": 0.0, "side": 90.0, "side_right": -90.0,
                           "oblique": 45.0, "back": 180.0}
DISTANCE = 1.83    # camera distance from the person, in body heights
EYE_HEIGHT = 0.55  # camera height above the floor, in body heights
AIM_HEIGHT = 0.48  # height of the point the camera aims at, in body heights
FILL = 0.78        # standing body height as a share of the image height


def view_yaw(view: str | float | int) -> float:
    """Camera yaw in degrees for a view name or a number of degrees."""
    if isinstance(view, (int, float)):
        return float(view)
    if view in VIEWS:
        return VIEWS[view]
    try:
        return float(view)
    except ValueError:
        raise ValueError(f"unknown view {view!r}; use one of {', '.join(VIEWS)} "
                         "or a yaw in degrees") from None


@dataclass(frozen=True)
class Camera:
    """World-to-image projection. ``rotation`` rows are the camera's right, down and forward
    axes in world coordinates (OpenCV's camera frame)."""

    position: np.ndarray
    rotation: np.ndarray
    focal_px: float
    width: int
    height: int

    @classmethod
    def around(cls, yaw_deg: float, body_height: float, width: int, height: int, *,
               distance: float = DISTANCE, eye_height: float = EYE_HEIGHT,
               aim_height: float = AIM_HEIGHT) -> Camera:
        """Camera at ``yaw_deg`` around the person; ``distance``, ``eye_height`` and
        ``aim_height`` in body heights (a person on the floor needs the camera lower and aimed
        lower). The focal length keeps the standing height at ``FILL`` of the image whatever
        the distance, so ``person_height_px`` in the labels keeps its meaning."""
        yaw = math.radians(yaw_deg)
        aim = np.array([0.0, aim_height * body_height, 0.0])
        position = np.array([distance * body_height * math.sin(yaw), eye_height * body_height,
                             distance * body_height * math.cos(yaw)])
        forward = (aim - position) / np.linalg.norm(aim - position)
        right = np.cross(forward, [0.0, 1.0, 0.0])
        right /= np.linalg.norm(right)
        down = np.cross(forward, right)
        focal = FILL * height * np.linalg.norm(aim - position) / body_height
        return cls(position, np.stack([right, down, forward]), float(focal), width, height)

    def to_camera(self, points: np.ndarray) -> np.ndarray:
        """(N, 3) world points in the camera frame (x right, y down, z depth)."""
        return (np.asarray(points, dtype=float) - self.position) @ self.rotation.T

    def project(self, points: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(N, 2) pixel positions and (N,) depths in metres of (N, 3) world points."""
        cam = self.to_camera(points)
        depth = cam[:, 2]
        xy = self.focal_px * cam[:, :2] / depth[:, None]
        xy += (self.width / 2.0, self.height / 2.0)
        return xy, depth

    def pixels_per_metre(self, depth: np.ndarray | float) -> np.ndarray | float:
        return self.focal_px / depth

    def world_landmarks(self, points: np.ndarray, origin: np.ndarray) -> np.ndarray:
        """Points relative to ``origin`` in MediaPipe's world-landmark axes for this camera:
        x to the image's right, y down, z away from the camera, all level with the floor
        (the camera's tilt is left out, so y is exactly the vertical)."""
        right = self.rotation[0]
        away = np.cross(right, [0.0, -1.0, 0.0])
        axes = np.stack([right, [0.0, -1.0, 0.0], away])
        return (np.asarray(points, dtype=float) - origin) @ axes.T

    def ray_directions(self) -> np.ndarray:
        """(height, width, 3) world direction of the ray through every pixel centre."""
        u = (np.arange(self.width) + 0.5 - self.width / 2.0) / self.focal_px
        v = (np.arange(self.height) + 0.5 - self.height / 2.0) / self.focal_px
        uu, vv = np.meshgrid(u, v)
        cam = np.stack([uu, vv, np.ones_like(uu)], axis=-1)
        return cam @ self.rotation
