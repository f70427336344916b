"""One synthetic clip from start to finish: script -> timeline -> poses -> frames -> files.

Everything random (tempo and depth per rep, sway, camera noise) comes from one generator seeded
with ``seed``, and the video encoder is deterministic, so equal arguments give equal bytes.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .body import Dimensions, Skeleton, blend_poses, body_type, forward_kinematics, to_mediapipe33
from .camera import VIEWS, Camera, view_yaw
from .exercises import SynthExercise
from .labels import label_document, write_labels
from .motion import SetPlan, Sway, Timeline, build_timeline
from .render import STYLES, FigureRenderer
from .scene import background, camera_effects, contact_shadow
from .video import VideoSink

SHADOW_RADII_M = (0.42, 0.3)


@dataclass(frozen=True)
class ClipRequest:
    """Everything that defines a clip (see ``trainer.synth.generate_clip``)."""

    exercise: SynthExercise
    view: str | float
    reps: int | None
    faults: dict[int, list[str]]
    seed: int
    body_type: str
    fps: int
    width: int
    height: int
    side: str | None
    noise: float
    hold_s: float | None = None


def set_plans(request: ClipRequest) -> list[SetPlan]:
    """The script's sets, restricted to ``side`` and with ``reps`` reps (or holds) per set."""
    plans = list(request.exercise.script.sets)
    if request.side is not None:
        plans = [p for p in plans if p.side == request.side]
        if not plans:
            sides = sorted({p.side for p in request.exercise.script.sets})
            raise ValueError(f"{request.exercise.name} has no {request.side!r} side; "
                             f"choose one of: {', '.join(sides)}")
    if request.reps is not None:
        if request.reps < 1:
            raise ValueError(f"reps must be at least 1, got {request.reps}")
        plans = [SetPlan(p.side, request.reps, p.hold_s) for p in plans]
    if request.hold_s is not None:
        if request.hold_s <= 0:
            raise ValueError(f"hold_s must be positive, got {request.hold_s}")
        plans = [SetPlan(p.side, p.count, request.hold_s if p.hold_s > 0 else 0.0)
                 for p in plans]
    return plans


def write_clip(request: ClipRequest, out: Path) -> Path:
    """Render the clip to ``out`` (mp4) and its labels beside it; return the label path."""
    rng = np.random.default_rng(request.seed)
    timeline = build_timeline(request.exercise.script, set_plans(request), request.faults, rng)
    sway = Sway.seeded(rng)
    dims = Dimensions.of(body_type(request.body_type))
    yaw = view_yaw(request.view)
    camera = make_camera(request.exercise.name, yaw, dims.height, request.width, request.height)
    renderer = FigureRenderer(camera, dims, STYLES[request.body_type], request.exercise.prop)
    room = background(camera)
    n_frames = int(timeline.duration_s * request.fps) + 1
    xy, world, visible = [], [], []
    with VideoSink(out, request.fps, request.width, request.height) as sink:
        for i in range(n_frames):
            skeleton = pose_at(request.exercise, dims, timeline, sway, i / request.fps)
            image = room.copy()
            feet = (skeleton.points["ankle_l"] + skeleton.points["ankle_r"]) / 2
            contact_shadow(image, camera, feet, SHADOW_RADII_M)
            points, seen = renderer.render(image, skeleton)
            sink.write(camera_effects(image, request.noise, rng))
            landmarks = to_mediapipe33(skeleton)
            xy.append(points)
            world.append(camera.world_landmarks(landmarks, skeleton.points["pelvis"]))
            visible.append(seen)
    header = _header(request, yaw, camera, dims)
    document = label_document(header, timeline, request.fps, np.array(xy), np.array(world),
                              np.array(visible))
    return write_labels(out.with_suffix(".json"), document)


def make_camera(exercise: str, yaw: float, body_height: float, width: int,
                height: int) -> Camera:
    """The default camera, or the one an exercise module's optional ``CAMERA`` dict asks for
    (keyword arguments of ``Camera.around``: ``distance``, ``eye_height``, ``aim_height``)."""
    module = importlib.import_module(f"{__package__}.exercises.{exercise}")
    return Camera.around(yaw, body_height, width, height, **getattr(module, "CAMERA", {}))


def pose_at(exercise: SynthExercise, dims: Dimensions, timeline: Timeline, sway: Sway,
            t: float) -> Skeleton:
    """The posed skeleton at time t: the timeline's controls plus sway, built and blended."""
    drift = sway.at(t)
    poses = [(exercise.build_pose(dims, {**controls, **drift}, side), weight)
             for side, controls, weight in timeline.sample(t)]
    pose = poses[0][0] if len(poses) == 1 else blend_poses(poses)
    return forward_kinematics(dims, pose)


def _header(request: ClipRequest, yaw: float, camera: Camera, dims: Dimensions) -> dict:
    view = request.view if request.view in VIEWS else f"{yaw:g}"
    top = np.array([[0.0, dims.height, 0.0], [0.0, 0.0, 0.0]])
    (_, y_top), (_, y_floor) = camera.project(top)[0]
    return {"seed": request.seed, "exercise": request.exercise.name, "view": view,
            "yaw_deg": yaw, "body_type": request.body_type, "noise": request.noise,
            "width": request.width, "height": request.height,
            "person_height_px": round(float(y_floor - y_top), 1)}
