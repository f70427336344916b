"""Pose data shared by every stage: landmark names, skeleton edges and one frozen frame record.

Pure module: numpy and the standard library only. The MediaPipe adapter reads attributes of the
result object and never imports mediapipe, so the core stays testable without the model.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

import numpy as np

N_LANDMARKS = 33


class Landmark(IntEnum):
    """MediaPipe's 33 body landmarks; LEFT/RIGHT are the person's own sides."""

    NOSE = 0
    LEFT_EYE_INNER = 1
    LEFT_EYE = 2
    LEFT_EYE_OUTER = 3
    RIGHT_EYE_INNER = 4
    RIGHT_EYE = 5
    RIGHT_EYE_OUTER = 6
    LEFT_EAR = 7
    RIGHT_EAR = 8
    MOUTH_LEFT = 9
    MOUTH_RIGHT = 10
    LEFT_SHOULDER = 11
    RIGHT_SHOULDER = 12
    LEFT_ELBOW = 13
    RIGHT_ELBOW = 14
    LEFT_WRIST = 15
    RIGHT_WRIST = 16
    LEFT_PINKY = 17
    RIGHT_PINKY = 18
    LEFT_INDEX = 19
    RIGHT_INDEX = 20
    LEFT_THUMB = 21
    RIGHT_THUMB = 22
    LEFT_HIP = 23
    RIGHT_HIP = 24
    LEFT_KNEE = 25
    RIGHT_KNEE = 26
    LEFT_ANKLE = 27
    RIGHT_ANKLE = 28
    LEFT_HEEL = 29
    RIGHT_HEEL = 30
    LEFT_FOOT_INDEX = 31
    RIGHT_FOOT_INDEX = 32


L = Landmark

SKELETON_EDGES: tuple[tuple[Landmark, Landmark], ...] = (
    (L.LEFT_SHOULDER, L.RIGHT_SHOULDER),
    (L.LEFT_HIP, L.RIGHT_HIP),
    (L.LEFT_SHOULDER, L.LEFT_HIP),
    (L.RIGHT_SHOULDER, L.RIGHT_HIP),
    (L.LEFT_SHOULDER, L.LEFT_ELBOW),
    (L.LEFT_ELBOW, L.LEFT_WRIST),
    (L.RIGHT_SHOULDER, L.RIGHT_ELBOW),
    (L.RIGHT_ELBOW, L.RIGHT_WRIST),
    (L.LEFT_HIP, L.LEFT_KNEE),
    (L.LEFT_KNEE, L.LEFT_ANKLE),
    (L.LEFT_ANKLE, L.LEFT_HEEL),
    (L.LEFT_HEEL, L.LEFT_FOOT_INDEX),
    (L.LEFT_ANKLE, L.LEFT_FOOT_INDEX),
    (L.RIGHT_HIP, L.RIGHT_KNEE),
    (L.RIGHT_KNEE, L.RIGHT_ANKLE),
    (L.RIGHT_ANKLE, L.RIGHT_HEEL),
    (L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX),
    (L.RIGHT_ANKLE, L.RIGHT_FOOT_INDEX),
    (L.NOSE, L.LEFT_EYE),
    (L.NOSE, L.RIGHT_EYE),
    (L.LEFT_EYE, L.LEFT_EAR),
    (L.RIGHT_EYE, L.RIGHT_EAR),
)

LEG_LANDMARKS = (
    L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE, L.LEFT_ANKLE, L.RIGHT_ANKLE,
)
# A lower-body exercise can be judged when at least one whole leg is seen: side-on, the far leg
# is hidden behind the near one and the model rightly reports it as not visible.
LEG_CHAINS = (
    (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE),
    (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE),
)
# Home framing often cuts the feet at the bottom edge; the model places an ankle just below it
# well when the rest of the leg is in view, further out its position is a guess. This margin
# (share of the image height, bottom edge only) is the line.
BOTTOM_MARGIN = 0.05


def _nan_array(shape: tuple[int, ...]) -> np.ndarray:
    return np.full(shape, np.nan, dtype=np.float64)


@dataclass(frozen=True)
class PoseFrame:
    """One video frame's pose of the person being coached.

    xy: (33, 2) image pixels; world: (33, 3) metres, origin between the hips, axes as the camera
    sees them (x right, y down, z away from the camera); visibility and presence: (33,) in [0, 1].
    With nobody found, the arrays are NaN and ``people`` is 0. ``people`` counts every person the
    model saw, so a caller can tell "two people, one followed" from "one person". ``followed``
    marks a pose the model found by following the person through a miss of its person detector
    (see ``PoseEstimator``), not by detecting them in this frame.
    """

    t_s: float
    index: int
    image_size: tuple[int, int]
    xy: np.ndarray = field(repr=False)
    world: np.ndarray = field(repr=False)
    visibility: np.ndarray = field(repr=False)
    presence: np.ndarray = field(repr=False)
    people: int = 1
    followed: bool = False

    def __post_init__(self) -> None:
        shapes = {"xy": (N_LANDMARKS, 2), "world": (N_LANDMARKS, 3),
                  "visibility": (N_LANDMARKS,), "presence": (N_LANDMARKS,)}
        for name, shape in shapes.items():
            value = getattr(self, name)
            if value.shape != shape:
                raise ValueError(f"PoseFrame.{name} must have shape {shape}, got {value.shape}")
            value.setflags(write=False)

    @property
    def has_person(self) -> bool:
        return self.people > 0

    @classmethod
    def empty(cls, t_s: float, index: int, image_size: tuple[int, int], people: int = 0) -> PoseFrame:
        return cls(t_s, index, image_size, _nan_array((N_LANDMARKS, 2)), _nan_array((N_LANDMARKS, 3)),
                   np.zeros(N_LANDMARKS), np.zeros(N_LANDMARKS), people)

    @classmethod
    def from_mediapipe(cls, image_landmarks, world_landmarks, t_s: float, index: int,
                       image_size: tuple[int, int], people: int = 1, followed: bool = False) -> PoseFrame:
        """Build from one person's MediaPipe landmark lists (normalized image + world)."""
        width, height = image_size
        xy = np.array([[p.x * width, p.y * height] for p in image_landmarks], dtype=np.float64)
        world = np.array([[p.x, p.y, p.z] for p in world_landmarks], dtype=np.float64)
        visibility = np.array([_or_zero(p.visibility) for p in image_landmarks], dtype=np.float64)
        presence = np.array([_or_zero(p.presence) for p in image_landmarks], dtype=np.float64)
        return cls(t_s, index, image_size, xy, world, visibility, presence, people, followed)

    def with_points(self, xy: np.ndarray, world: np.ndarray) -> PoseFrame:
        """A copy with smoothed coordinates; confidences and metadata unchanged."""
        return PoseFrame(self.t_s, self.index, self.image_size, xy, world,
                         self.visibility, self.presence, self.people, self.followed)

    def detected_only(self) -> PoseFrame:
        """This frame as the person detector alone saw it: a followed pose becomes a frame
        without a person."""
        return PoseFrame.empty(self.t_s, self.index, self.image_size) if self.followed else self

    def visible(self, landmarks, threshold: float = 0.5) -> bool:
        """True when every given landmark is seen and lies inside the image (the bottom edge
        give or take ``BOTTOM_MARGIN``)."""
        idx = np.asarray([int(i) for i in landmarks])
        return self._inside(idx) and bool(np.all(self.visibility[idx] >= threshold))

    def in_frame(self, landmarks, threshold: float = 0.5) -> bool:
        """True when every given landmark is in the picture, seen or hidden behind the body.

        Uses the model's presence score, not visibility: a knee hidden behind the arms in a deep
        squat is still in frame, and its estimated position is still good for counting.
        """
        idx = np.asarray([int(i) for i in landmarks])
        return self._inside(idx) and bool(np.all(self.presence[idx] >= threshold))

    def _inside(self, idx: np.ndarray) -> bool:
        if not self.has_person:
            return False
        width, height = self.image_size
        x, y = self.xy[idx, 0], self.xy[idx, 1]
        return bool(np.all((x >= 0) & (x < width) & (y >= 0) & (y < height * (1 + BOTTOM_MARGIN))))

    def any_in_frame(self, chains) -> bool:
        """True when at least one of the landmark chains is wholly in the picture."""
        return any(self.in_frame(chain) for chain in chains)


def _or_zero(value) -> float:
    return 0.0 if value is None else float(value)
