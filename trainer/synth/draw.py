"""Anti-aliased drawing primitives for the figure: shaded tubes and projected ellipsoids.

Positions come in continuous pixel coordinates (pixel i spans [i, i+1), MediaPipe's
convention) and are shifted half a pixel onto OpenCV's pixel-centre grid here. Drawing uses
4 fractional bits, so sub-pixel motion stays smooth.
"""

from __future__ import annotations

import math

import importlib


class _OpenCVOnFirstUse:
    """cv2, imported when the first shape is drawn: exercise modules import these helpers for
    their props, and describing an exercise (or listing them) must not load OpenCV."""

    def __getattr__(self, name: str):
        return getattr(importlib.import_module("cv2"), name)


cv2 = _OpenCVOnFirstUse()
import numpy as np

from .camera import Camera

SHIFT = 4
SCALE = 1 << SHIFT
Colour = tuple[float, float, float]
# Light comes from the camera's upper left, so highlights slide that way across each part.
LIGHT_2D = np.array([-0.55, -0.83])


def shade(colour: Colour, factor: float, lift: float = 0.0) -> Colour:
    """Colour scaled by ``factor`` and moved ``lift`` (0..1) toward white."""
    return tuple(float(min(255.0, c * factor + (255.0 - c * factor) * lift)) for c in colour)


def _fixed(point: np.ndarray) -> tuple[int, int]:
    return int(round((point[0] - 0.5) * SCALE)), int(round((point[1] - 0.5) * SCALE))


def fill_tube(image: np.ndarray, q0: np.ndarray, q1: np.ndarray, r0: float, r1: float,
              colour: Colour, caps: bool = True) -> None:
    """A tapered band from q0 (half-width r0 px) to q1 (r1 px), with round ends if ``caps``."""
    axis = q1 - q0
    length = float(np.hypot(*axis))
    if length > 1e-3:
        perp = np.array([-axis[1], axis[0]]) / length
        quad = np.array([q0 + perp * r0, q1 + perp * r1, q1 - perp * r1, q0 - perp * r0])
        pts = np.round((quad - 0.5) * SCALE).astype(np.int32)
        cv2.fillConvexPoly(image, pts, colour, cv2.LINE_AA, SHIFT)
    if caps or length <= 1e-3:
        for q, r in ((q0, r0), (q1, r1)):
            if r > 0.3:
                cv2.circle(image, _fixed(q), int(round(r * SCALE)), colour, -1, cv2.LINE_AA, SHIFT)


def shaded_tube(image: np.ndarray, q0: np.ndarray, q1: np.ndarray, r0: float, r1: float,
                colour: Colour, caps: bool = True) -> None:
    """A tube that looks round: dark rim, body colour, then a highlight toward the light."""
    axis = q1 - q0
    length = float(np.hypot(*axis))
    perp = np.array([-axis[1], axis[0]]) / length if length > 1e-3 else LIGHT_2D
    toward_light = perp * float(np.dot(perp, LIGHT_2D))
    fill_tube(image, q0, q1, r0, r1, shade(colour, 0.62), caps)
    for scale, offset, factor, lift in ((0.78, 0.16, 1.0, 0.0), (0.34, 0.42, 1.0, 0.22)):
        if min(r0, r1) * scale < 0.8:
            break
        shift0, shift1 = toward_light * offset * r0, toward_light * offset * r1
        fill_tube(image, q0 + shift0, q1 + shift1, r0 * scale, r1 * scale,
                  shade(colour, factor, lift), caps)


def projected_ellipse(camera: Camera, centre: np.ndarray, frame: np.ndarray,
                      radii: np.ndarray) -> tuple[np.ndarray, tuple[float, float], float]:
    """Image ellipse (centre px, semi-axes px, angle deg) of a 3D ellipsoid.

    The projection is linearised at the centre, exact for a distant ellipsoid and within a
    fraction of a pixel for a head at a few metres.
    """
    cam = camera.to_camera(centre[None])[0]
    f, z = camera.focal_px, cam[2]
    jacobian = (f / z) * np.array([[1.0, 0.0, -cam[0] / z], [0.0, 1.0, -cam[1] / z]])
    jacobian = jacobian @ camera.rotation
    shape = frame @ np.diag(np.square(radii)) @ frame.T
    cov = jacobian @ shape @ jacobian.T
    values, vectors = np.linalg.eigh(cov)
    angle = math.degrees(math.atan2(vectors[1, 1], vectors[0, 1]))
    xy, _ = camera.project(centre[None])
    return xy[0], (float(np.sqrt(values[1])), float(np.sqrt(values[0]))), angle


def fill_ellipse(image: np.ndarray, centre: np.ndarray, axes: tuple[float, float],
                 angle: float, colour: Colour) -> None:
    size = (max(1, int(round(axes[0] * SCALE))), max(1, int(round(axes[1] * SCALE))))
    cv2.ellipse(image, _fixed(centre), size, angle, 0, 360, colour, -1, cv2.LINE_AA, SHIFT)


def shaded_ellipse(image: np.ndarray, centre: np.ndarray, axes: tuple[float, float],
                   angle: float, colour: Colour) -> None:
    """A filled ellipse that reads as a rounded volume (rim, body, highlight)."""
    fill_ellipse(image, centre, axes, angle, shade(colour, 0.62))
    for scale, offset, lift in ((0.84, 0.1, 0.0), (0.4, 0.35, 0.2)):
        shift = LIGHT_2D * offset * min(axes)
        fill_ellipse(image, centre + shift, (axes[0] * scale, axes[1] * scale), angle,
                     shade(colour, 1.0, lift))


def polyline(image: np.ndarray, points: np.ndarray, colour: Colour, thickness: float,
             closed: bool = False) -> None:
    pts = np.round((np.asarray(points) - 0.5) * SCALE).astype(np.int32)
    cv2.polylines(image, [pts], closed, colour, max(1, int(round(thickness))), cv2.LINE_AA, SHIFT)


def fill_polygon(image: np.ndarray, points: np.ndarray, colour: Colour) -> None:
    pts = np.round((np.asarray(points) - 0.5) * SCALE).astype(np.int32)
    cv2.fillPoly(image, [pts], colour, cv2.LINE_AA, SHIFT)
