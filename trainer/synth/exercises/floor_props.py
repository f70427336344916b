"""Simple props drawn with floor exercises: a rubber ball and a foam yoga block.

``sphere_prop`` and ``box_prop`` turn a ``centre_of(skeleton)`` function into a prop function
(see ``render.FigureRenderer``) that follows the body; ``knee_ball`` is the ball squeezed
between the knees. Colours are BGR. OpenCV is imported only inside the drawing closures, so
building a pose never needs it.
"""

from __future__ import annotations

import numpy as np

BALL_COLOUR = (70.0, 90.0, 200.0)   # BGR: a red-orange rubber ball


def sphere_prop(centre_of, radius_m: float, colour=BALL_COLOUR):
    """A prop function drawing a shaded ball at ``centre_of(skeleton)`` of ``radius_m``."""
    def prop(camera, skeleton):
        centre = centre_of(skeleton)
        depth = float(camera.to_camera(centre[None])[0, 2])

        def draw(image: np.ndarray) -> None:
            from ..draw import projected_ellipse, shaded_ellipse  # OpenCV only to render
            radii = np.full(3, radius_m)
            shaded_ellipse(image, *projected_ellipse(camera, centre, np.eye(3), radii), colour)
        return depth, draw
    return prop


# a small ball squeezed between the knees, a little toward the hips from the knee joints
knee_ball = sphere_prop(lambda sk: 0.85 * (sk.points["knee_l"] + sk.points["knee_r"]) / 2
                        + 0.15 * sk.points["pelvis"], 0.06)


BLOCK_COLOUR = (160.0, 120.0, 70.0)   # BGR: a blue foam yoga block


def box_prop(centre_of, size_m: tuple[float, float, float], colour=BLOCK_COLOUR):
    """A prop function drawing an axis-aligned box (x, y, z sizes) centred at
    ``centre_of(skeleton)``: its faces toward the camera, lit from above."""
    half = np.array(size_m) / 2
    corners = np.array([[x, y, z] for x in (-1, 1) for y in (-1, 1) for z in (-1, 1)]) * half
    faces = [(a, n) for a in range(3) for n in (-1, 1)]

    def prop(camera, skeleton):
        centre = centre_of(skeleton)
        depth = float(camera.to_camera(centre[None])[0, 2])

        def draw(image: np.ndarray) -> None:
            from ..draw import fill_polygon, shade
            for axis, sign in faces:
                normal = np.zeros(3)
                normal[axis] = sign
                if np.dot(normal, camera.position - centre - normal * half) <= 0:
                    continue  # faces away from the camera
                quad = corners[corners[:, axis] * sign > 0]
                quad = quad[[0, 1, 3, 2]]  # walk round the face, not across it
                xy, _ = camera.project(centre + quad)
                fill_polygon(image, xy, shade(colour, 1.0 if axis == 1 else 0.75))
        return depth, draw
    return prop
