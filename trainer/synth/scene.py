"""The room around the figure: wall, floor with a faint tile grid, contact shadow, and
optional camera imperfections (blur, sensor noise, JPEG-like compression).

The background depends only on the camera, so it is computed once per clip with numpy.
"""

from __future__ import annotations

import cv2
import numpy as np

from .camera import Camera
from .draw import fill_polygon

WALL_BEHIND_M = 2.2   # wall distance behind the person, along the camera's line of sight
TILE_M = 0.6
WALL_GRADIENT_M = 2.6  # the wall lightens from the floor up to this height
WALL_TOP, WALL_BOTTOM = np.array([228.0, 226.0, 220.0]), np.array([196.0, 200.0, 204.0])
FLOOR_NEAR, FLOOR_FAR = np.array([120.0, 150.0, 178.0]), np.array([150.0, 172.0, 192.0])


def background(camera: Camera) -> np.ndarray:
    """BGR image of the empty room seen by ``camera``."""
    rays = camera.ray_directions()
    origin = camera.position
    forward = camera.rotation[2] * np.array([1.0, 0.0, 1.0])
    forward /= np.linalg.norm(forward)
    with np.errstate(divide="ignore", invalid="ignore"):
        t_floor = np.where(rays[..., 1] < 0, -origin[1] / rays[..., 1], np.inf)
        wall_distance = float(np.dot(-origin, forward)) + WALL_BEHIND_M
        t_wall = np.where(rays @ forward > 0, wall_distance / (rays @ forward), np.inf)
    hit = origin + rays * np.minimum(t_floor, t_wall)[..., None]
    on_floor = (t_floor < t_wall)[..., None]
    height = np.clip(hit[..., 1] / WALL_GRADIENT_M, 0, 1)[..., None]
    wall = WALL_BOTTOM + (WALL_TOP - WALL_BOTTOM) * height
    floor = _floor(hit, t_floor, camera)
    return np.clip(np.where(on_floor, floor, wall), 0, 255).astype(np.uint8)


def _floor(hit: np.ndarray, distance: np.ndarray, camera: Camera) -> np.ndarray:
    """Floor tone fading with distance, darker thin lines on a tile grid."""
    fade = np.clip((np.nan_to_num(distance, posinf=20.0) - 2.0) / 6.0, 0, 1)[..., None]
    tone = FLOOR_NEAR + (FLOOR_FAR - FLOOR_NEAR) * fade
    frac = np.abs((hit[..., [0, 2]] / TILE_M + 0.5) % 1.0 - 0.5)  # 0 on a grid line
    width = 0.012 * np.maximum(np.nan_to_num(distance, posinf=20.0), 1.0)[..., None] / 3
    line = np.clip(1.0 - frac / width, 0, 1).max(axis=-1, keepdims=True)
    return tone * (1.0 - 0.12 * line)


def contact_shadow(image: np.ndarray, camera: Camera, centre: np.ndarray,
                   radii: tuple[float, float], strength: float = 0.3) -> None:
    """Soft darkening of the floor in an ellipse around ``centre`` (world, on the floor)."""
    angles = np.linspace(0, 2 * np.pi, 32, endpoint=False)
    ring = np.stack([centre[0] + radii[0] * np.cos(angles), np.zeros_like(angles),
                     centre[2] + radii[1] * np.sin(angles)], axis=1)
    xy, _ = camera.project(ring)
    blur = max(1.0, float(np.ptp(xy[:, 1])) / 4)
    margin = int(3 * blur)
    x0, y0 = np.floor(xy.min(axis=0)).astype(int) - margin
    x1, y1 = np.ceil(xy.max(axis=0)).astype(int) + margin
    x0, y0, x1, y1 = max(x0, 0), max(y0, 0), min(x1, image.shape[1]), min(y1, image.shape[0])
    if x1 <= x0 or y1 <= y0:
        return
    mask = np.zeros((y1 - y0, x1 - x0), np.uint8)
    fill_polygon(mask, xy - (x0, y0), (255.0, 255.0, 255.0))
    mask = cv2.GaussianBlur(mask, (0, 0), blur).astype(np.float32) / 255
    roi = image[y0:y1, x0:x1]
    roi[:] = (roi * (1.0 - strength * mask[..., None])).astype(np.uint8)


def camera_effects(image: np.ndarray, noise: float, rng: np.random.Generator) -> np.ndarray:
    """Blur, sensor noise and JPEG compression growing with ``noise`` in [0, 1]; 0 is clean."""
    if noise <= 0:
        return image
    image = cv2.GaussianBlur(image, (0, 0), 0.3 + 1.2 * noise)
    grain = rng.normal(0.0, 7.0 * noise, image.shape)
    image = np.clip(image + grain, 0, 255).astype(np.uint8)
    quality = int(round(92 - 55 * noise))
    _, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    return cv2.imdecode(encoded, cv2.IMREAD_COLOR)
