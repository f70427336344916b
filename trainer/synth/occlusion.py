"""Which landmarks the camera can see: not covered by a nearer body part, face points turned
toward the camera (pure numpy).

A landmark's own limb never hides it (the knee sits inside the thigh and shank it joins); any
other part hides it when its outline covers the landmark's pixel and its front surface there
is nearer than the landmark. The held prop is not counted.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .body import MEDIAPIPE_ORDER, Shape, Skeleton

FACE = {"nose", "eye", "eye_inner", "eye_outer", "ear", "mouth"}
ARM = {"shoulder", "elbow", "wrist", "pinky", "index", "thumb",
       "sleeve", "upper_arm", "forearm", "hand"}
LEG = {"hip", "knee", "ankle", "heel", "toe", "thigh_top", "thigh", "shank", "shoe", "shoe_top"}
TRUNK = {"pelvis", "waist", "chest", "shoulders"}
MARGIN_M = 0.01  # a part must be this much nearer than the landmark to hide it
# A face point counts as turned toward the camera up to a little past the head's outline, so
# the ears still count from straight in front (the pose model reports them there too).
FACING_SLACK = 0.25


@dataclass(frozen=True)
class Tube:
    """One body part as drawn: end centres and half-widths in pixels, the depth of its front
    surface at each end and of its centre, in metres."""

    shape: Shape
    q0: np.ndarray
    q1: np.ndarray
    r0: float
    r1: float
    near: np.ndarray
    depth: float


def _split(name: str) -> tuple[str, str]:
    if name[-2:] in ("_l", "_r"):
        return name[:-2], name[-1]
    return name, ""


def part_groups(name: str) -> set[str]:
    """Body groups a landmark or shape belongs to: head, trunk, arm_l, leg_r, ..."""
    base, side = _split(name)
    groups = set()
    if base in FACE or base == "neck":
        groups.add("head")
    if base in ARM:
        groups.add(f"arm_{side}")
    if base in LEG:
        groups.add(f"leg_{side}")
    if base in TRUNK or base in ("shoulder", "hip"):
        groups.add("trunk")
    return groups


LANDMARK_GROUPS = [part_groups(name) for name in MEDIAPIPE_ORDER]


def landmark_visibility(xy: np.ndarray, depth: np.ndarray, tubes: list[Tube],
                        skeleton: Skeleton, camera_position: np.ndarray) -> np.ndarray:
    """(33,) True where the landmark at pixel ``xy`` and ``depth`` metres is in sight."""
    q0 = np.stack([t.q0 for t in tubes])
    axis = np.stack([t.q1 for t in tubes]) - q0
    length_sq = np.maximum(np.sum(axis**2, axis=1), 1e-9)
    rel = xy[:, None, :] - q0[None]
    u = np.clip(np.sum(rel * axis[None], axis=2) / length_sq, 0.0, 1.0)  # (33, T)
    distance = np.linalg.norm(rel - u[..., None] * axis[None], axis=2)
    radius = np.array([t.r0 for t in tubes]) * (1 - u) + np.array([t.r1 for t in tubes]) * u
    near = np.array([t.near[0] for t in tubes]) * (1 - u) + np.array([t.near[1] for t in tubes]) * u
    own = np.array([[bool(groups & part_groups(t.shape.name)) for t in tubes]
                    for groups in LANDMARK_GROUPS])
    hidden = (distance < radius) & (near < depth[:, None] - MARGIN_M) & ~own
    return ~hidden.any(axis=1) & _facing_camera(skeleton, camera_position)


def _facing_camera(skeleton: Skeleton, camera_position: np.ndarray) -> np.ndarray:
    """Face points on the side of the head turned toward the camera; other points pass."""
    head = skeleton.points["head"]
    flags = np.ones(len(MEDIAPIPE_ORDER), dtype=bool)
    for i, name in enumerate(MEDIAPIPE_ORDER):
        if _split(name)[0] in FACE:
            point = skeleton.points[name]
            normal = (point - head) / np.linalg.norm(point - head)
            sight = (camera_position - point) / np.linalg.norm(camera_position - point)
            flags[i] = float(np.dot(normal, sight)) > -FACING_SLACK
    return flags
