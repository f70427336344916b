"""Ground-truth landmarks of a generated clip without rendering it (no OpenCV, pure numpy).

The same steps as ``clip.write_clip`` (seeded timeline, sway, camera) stop before drawing, so
a whole clip's landmarks cost milliseconds instead of seconds. Used to train and test the
exercise recogniser, which needs many varied pose sequences but no pixels.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .body import Dimensions, body_type as build_of, to_mediapipe33
from .camera import view_yaw
from .clip import ClipRequest, make_camera, pose_at, set_plans
from .exercises import get_exercise
from .motion import Sway, build_timeline


@dataclass(frozen=True)
class TruthLandmarks:
    """Per-frame landmarks as the label file has them: ``xy`` (n, 33, 2) pixels and ``world``
    (n, 33, 3) metres, hip-centred, MediaPipe's world axes."""

    exercise: str
    fps: float
    width: int
    height: int
    xy: np.ndarray
    world: np.ndarray


def truth_landmarks(exercise: str, *, view: str | float = "side", reps: int | None = None,
                    seed: int = 0, body_type: str = "average", fps: int = 15,
                    width: int = 854, height: int = 480, side: str | None = None,
                    hold_s: float | None = None,
                    faults: dict[int, list[str]] | None = None) -> TruthLandmarks:
    """The landmarks ``generate_clip`` would label for these arguments (same meaning)."""
    request = ClipRequest(get_exercise(exercise), view, reps, dict(faults or {}), seed,
                          body_type, fps, width, height, side, 0.0, hold_s)
    rng = np.random.default_rng(seed)
    timeline = build_timeline(request.exercise.script, set_plans(request), request.faults, rng)
    sway = Sway.seeded(rng)
    dims = Dimensions.of(build_of(body_type))
    camera = make_camera(exercise, view_yaw(view), dims.height, width, height)
    xy, world = [], []
    for i in range(int(timeline.duration_s * fps) + 1):
        skeleton = pose_at(request.exercise, dims, timeline, sway, i / fps)
        landmarks = to_mediapipe33(skeleton)
        xy.append(camera.project(landmarks)[0])
        world.append(camera.world_landmarks(landmarks, skeleton.points["pelvis"]))
    return TruthLandmarks(exercise, float(fps), width, height, np.array(xy), np.array(world))
