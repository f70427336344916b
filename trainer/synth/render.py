"""Draws the posed body as shaded 3D-looking parts, far parts first (painter's algorithm).

Every ``body.SHAPES`` part becomes a tapered tube whose on-screen thickness is the silhouette
of its oval cross-section seen from the camera; parts, the head and the prop are sorted by
depth and drawn back to front. ``FigureRenderer.render`` draws one frame onto a background and
returns the 33 landmarks in pixels with a flag for each saying whether it is in sight.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import numpy as np

from .body import MEDIAPIPE_ORDER, SHAPES, Dimensions, Shape, Skeleton
from .camera import Camera
from .draw import Colour, shaded_tube
from .face import draw_head
from .occlusion import Tube, landmark_visibility
from .props import PROPS


@dataclass(frozen=True)
class Style:
    """Colours (BGR) of skin, hair and clothes; ``legs`` is leggings, or None for bare legs."""

    skin: Colour
    hair: Colour
    shirt: Colour
    shorts: Colour
    shoes: Colour
    legs: Colour | None = None

    def colour(self, material: str) -> Colour:
        if material == "legs":
            return self.legs or self.skin
        return getattr(self, material)


STYLES: dict[str, Style] = {
    "average": Style(skin=(150, 185, 225), hair=(35, 45, 65), shirt=(185, 110, 40),
                     shorts=(60, 58, 62), shoes=(225, 228, 232)),
    "tall_slim": Style(skin=(80, 110, 155), hair=(28, 28, 32), shirt=(60, 60, 185),
                       shorts=(45, 42, 48), shoes=(40, 140, 230), legs=(45, 42, 48)),
    "short_broad": Style(skin=(125, 165, 210), hair=(30, 60, 105), shirt=(80, 150, 70),
                         shorts=(105, 60, 35), shoes=(70, 70, 75)),
}

DrawItem = tuple[float, Callable[[np.ndarray], None]]


Prop = Callable[[Camera, Skeleton], DrawItem]


class FigureRenderer:
    """Draws one body build, dressed in ``style``, with its props: each a name in props.PROPS
    or a function (camera, skeleton) -> (depth, draw), so an exercise module can bring its own
    (a ball under the heels, a step under the feet)."""

    def __init__(self, camera: Camera, dims: Dimensions, style: Style,
                 prop: str | Prop | tuple | None = None) -> None:
        self.camera, self.dims, self.style = camera, dims, style
        props = prop if isinstance(prop, tuple) else (prop,) if prop else ()
        self.props = [PROPS[p] if isinstance(p, str) else p for p in props]

    def render(self, image: np.ndarray, skeleton: Skeleton) -> tuple[np.ndarray, np.ndarray]:
        """Draw the body onto ``image`` in place; return (33, 2) landmark pixels and their
        (33,) in-sight flags."""
        tubes = [self._tube(shape, skeleton) for shape in SHAPES]
        items: list[DrawItem] = [(t.depth + t.shape.depth_bias, self._tube_drawer(t))
                                 for t in tubes]
        head_depth = float(self.camera.to_camera(skeleton.points["head"][None])[0, 2])
        items.append((head_depth, lambda img: draw_head(
            img, self.camera, self.dims, skeleton, self.style.skin, self.style.hair)))
        items.extend(prop(self.camera, skeleton) for prop in self.props)
        for _, draw in sorted(items, key=lambda item: -item[0]):
            draw(image)
        points = np.stack([skeleton.points[name] for name in MEDIAPIPE_ORDER])
        xy, depth = self.camera.project(points)
        visible = landmark_visibility(xy, depth, tubes, skeleton, self.camera.position)
        return xy, visible

    def _tube(self, shape: Shape, skeleton: Skeleton) -> Tube:
        a, b = skeleton.points[shape.start], skeleton.points[shape.end]
        p0, p1 = a + (b - a) * shape.span[0], a + (b - a) * shape.span[1]
        radii = self.dims.radius(np.array(shape.radius))
        half = radii * self._silhouette_factor(shape, skeleton, p0, p1)
        xy, depth = self.camera.project(np.stack([p0, p1]))
        px = half * self.camera.focal_px / depth
        return Tube(shape, xy[0], xy[1], float(px[0]), float(px[1]),
                    depth - half, float(depth.mean()))

    def _silhouette_factor(self, shape: Shape, skeleton: Skeleton, p0: np.ndarray,
                           p1: np.ndarray) -> float:
        """Half-width of the oval cross-section across the line of sight, per unit radius."""
        if shape.frame is None or shape.aspect == 1.0:
            return 1.0
        axis = p1 - p0
        sight = (p0 + p1) / 2 - self.camera.position
        across = np.cross(axis, sight)
        if np.linalg.norm(across) < 1e-9:
            return 1.0
        across /= np.linalg.norm(across)
        frame = skeleton.frames[shape.frame]
        first, second = (frame[:, "xyz".index(c)] for c in shape.axes)
        return float(np.hypot(np.dot(first, across), shape.aspect * np.dot(second, across)))

    def _tube_drawer(self, tube: Tube) -> Callable[[np.ndarray], None]:
        colour = self.style.colour(tube.shape.material)
        return lambda img: shaded_tube(img, tube.q0, tube.q1, tube.r0, tube.r1, colour,
                                       tube.shape.caps)
