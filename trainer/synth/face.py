"""The head: hair, a face that turns with the head (eyes, brows, nose, mouth) and ears.

The person detector in MediaPipe keys on the face, so the face must read as one from the front
(two eyes, brows, nose, mouth) and in profile (a nose bump, one eye, an ear). The head is an
ellipsoid of hair; a smaller skin ellipsoid sits toward the front and lower part of it, so
from the front it is a face under a hairline, from the side a face in front of the hair and
from behind only hair.
"""

from __future__ import annotations

import numpy as np

from .body import HEAD_RADII, NOSE_TIP, Dimensions, Skeleton
from .camera import Camera
from .draw import (Colour, fill_ellipse, fill_polygon, polyline, projected_ellipse, shade,
                   shaded_ellipse)

# Head-frame geometry, ratios of height from the head centre (x is the person's left).
HAIR_OFFSET, HAIR_SCALE = (0.0, 0.008, -0.010), 1.07
FACE_OFFSET, FACE_RADII = (0.0, -0.010, 0.018), (0.040, 0.054, 0.043)
JAW_OFFSET, JAW_RADII = (0.0, -0.046, 0.036), (0.028, 0.020, 0.024)  # gives the chin
NOSE = ((0.0, 0.008, 0.058), (0.009, -0.024, 0.060), (-0.009, -0.024, 0.060),
        NOSE_TIP)  # bridge, nostrils, tip: a triangle in profile
MOUTH_MIDDLE = (0.0, -0.037, 0.055)  # between the corners (body.FACE_POINTS), lips forward
EAR_RADII = (0.006, 0.019, 0.012)
BROW = ((0.007, 0.015, 0.056), (0.029, 0.013, 0.045))  # inner and outer end, left side
EYE_HALF_HEIGHT = 0.0042
LIPS = (80.0, 85.0, 175.0)
EYE_WHITE = (235.0, 240.0, 240.0)
IRIS = (45.0, 50.0, 60.0)


def draw_head(image: np.ndarray, camera: Camera, dims: Dimensions, skeleton: Skeleton,
              skin: Colour, hair: Colour) -> None:
    """Draw the whole head, hidden parts first, as seen from ``camera``."""
    h = dims.height
    centre, frame = skeleton.points["head"], skeleton.frames["head"]
    to_camera = camera.position - centre
    to_camera /= np.linalg.norm(to_camera)
    facing = float(np.dot(frame[:, 2], to_camera))  # 1 = face toward the camera

    def at(offset) -> np.ndarray:
        return centre + frame @ (np.asarray(offset, dtype=float) * h)

    hair_part = (at(HAIR_OFFSET), frame, np.array(HEAD_RADII) * h * HAIR_SCALE, hair)
    face_part = (at(FACE_OFFSET), frame, np.array(FACE_RADII) * h, skin)
    jaw_part = (at(JAW_OFFSET), frame, np.array(JAW_RADII) * h, skin)
    # The face goes over the hair unless the head is clearly turned away (from behind the
    # hair hides it); in profile the hair then shows only at the back and on top.
    skin_parts = (jaw_part, face_part)
    for part in (*skin_parts, hair_part) if facing <= -0.35 else (hair_part, *skin_parts):
        shaded_ellipse(image, *projected_ellipse(camera, *part[:3]), part[3])
    _ears(image, camera, dims, skeleton, to_camera, skin)
    if facing > -0.15:
        _face_features(image, camera, dims, skeleton, at, to_camera, skin, hair)


def _visible(point: np.ndarray, centre: np.ndarray, to_camera: np.ndarray,
             limit: float = 0.1) -> bool:
    normal = point - centre
    return float(np.dot(normal, to_camera)) > limit * float(np.linalg.norm(normal))


def _ears(image, camera, dims, skeleton, to_camera, skin) -> None:
    centre, frame = skeleton.points["head"], skeleton.frames["head"]
    for side in ("l", "r"):
        ear = skeleton.points[f"ear_{side}"]
        if _visible(ear, centre, to_camera, 0.05):
            radii = np.array(EAR_RADII) * dims.height
            ellipse = projected_ellipse(camera, ear, frame, radii)
            shaded_ellipse(image, *ellipse, shade(skin, 0.95))


def _face_features(image, camera, dims, skeleton, at, to_camera, skin, hair) -> None:
    centre = skeleton.points["head"]
    px_per_m = camera.pixels_per_metre(float(camera.to_camera(centre[None])[0, 2]))
    stroke = max(1.0, 0.004 * dims.height * px_per_m)
    nose = [at(p) for p in NOSE]
    if _visible(nose[3], centre, to_camera, -0.2):
        outline, _ = camera.project(np.array(nose))
        fill_polygon(image, outline, shade(skin, 0.92))
        polyline(image, outline[[0, 3]], shade(skin, 0.75), stroke * 0.5)
        polyline(image, outline[[1, 3, 2]], shade(skin, 0.62), stroke * 0.6)
    for side in ("l", "r"):
        eye = [skeleton.points[f"{name}_{side}"] for name in ("eye", "eye_inner", "eye_outer")]
        if _visible(eye[0], centre, to_camera, 0.2):
            _eye(image, camera, eye, EYE_HALF_HEIGHT * dims.height * px_per_m)
            sign = 1.0 if side == "l" else -1.0
            brow = [at((sign * x, y, z)) for x, y, z in BROW]
            polyline(image, camera.project(np.array(brow))[0], shade(hair, 0.8), stroke)
    points = skeleton.points
    mouth = np.array([points["mouth_l"], at(MOUTH_MIDDLE), points["mouth_r"]])
    keep = [i for i, p in enumerate(mouth) if _visible(p, centre, to_camera, 0.05)]
    if len(keep) >= 2:
        polyline(image, camera.project(mouth[keep])[0], LIPS, stroke)


def _eye(image, camera, eye_points, half_height: float) -> None:
    """White of the eye between the corners, and a dark iris (narrower when seen obliquely)."""
    centre, inner, outer = camera.project(np.array(eye_points))[0]
    half_width = max(1.0, float(np.linalg.norm(outer - inner)) / 2)
    half_height = max(0.8, half_height)
    angle = float(np.degrees(np.arctan2(outer[1] - inner[1], outer[0] - inner[0])))
    fill_ellipse(image, (inner + outer) / 2, (half_width, half_height), angle, EYE_WHITE)
    iris = max(0.9, half_height * 0.95)
    fill_ellipse(image, centre, (iris * min(1.0, half_width / (1.4 * half_height)), iris),
                 angle, IRIS)
