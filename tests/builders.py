"""Synthetic PoseFrames for unit tests: a stick figure squatting, seen from the front or side.

Geometry only (no rendering): the 33 landmarks of a person whose knees bend by ``knee_flexion``
degrees, optionally with the knees drawn together (``knees_in``, metres) and the trunk pitched
forward (``trunk_lean``, degrees). Image: 720p, camera level with the hips, 1 m ~ 300 px.
"""

from __future__ import annotations

import math

import numpy as np

from trainer.pose import N_LANDMARKS, Landmark as L, PoseFrame

PX_PER_M = 300.0
IMAGE = (1280, 720)
THIGH, SHANK, TORSO, NECK = 0.45, 0.45, 0.55, 0.20


def squat_world(knee_flexion: float, knees_in: float = 0.0, trunk_lean: float = 10.0,
                stance: float = 0.18, shin_share: float = 0.28) -> np.ndarray:
    """(33, 3) body points in metres: x to the person's left, y up, z forward."""
    # As in a real squat with the hips sitting back, the shank tilts forward by a bit over a
    # quarter of the knee bend and the thigh takes the rest, so thighs reach parallel near 125
    # degrees of knee flexion with the shins about 35 degrees from vertical.
    # ``shin_share`` sets that share: a knees-first squat has more.
    shank_tilt = math.radians(shin_share * knee_flexion)
    thigh_tilt = math.radians(knee_flexion) - shank_tilt
    pts = np.zeros((N_LANDMARKS, 3))
    for side, sign in (("LEFT", 1.0), ("RIGHT", -1.0)):
        ankle = np.array([sign * stance, 0.08, 0.0])
        knee = ankle + SHANK * np.array([0.0, math.cos(shank_tilt), math.sin(shank_tilt)])
        knee[0] -= sign * knees_in
        hip = knee + THIGH * np.array([0.0, math.cos(thigh_tilt), -math.sin(thigh_tilt)])
        hip[0] = sign * 0.10
        pts[L[f"{side}_ANKLE"]] = ankle
        pts[L[f"{side}_HEEL"]] = ankle + [0, -0.06, -0.06]
        pts[L[f"{side}_FOOT_INDEX"]] = ankle + [sign * 0.03, -0.07, 0.18]
        pts[L[f"{side}_KNEE"]] = knee
        pts[L[f"{side}_HIP"]] = hip
    mid_hip = (pts[L.LEFT_HIP] + pts[L.RIGHT_HIP]) / 2
    lean = math.radians(trunk_lean)
    chest = mid_hip + TORSO * np.array([0.0, math.cos(lean), math.sin(lean)])
    for side, sign in (("LEFT", 1.0), ("RIGHT", -1.0)):
        shoulder = chest + [sign * 0.19, 0, 0]
        pts[L[f"{side}_SHOULDER"]] = shoulder
        pts[L[f"{side}_ELBOW"]] = shoulder + [0, -0.25, 0.10]
        for name in ("WRIST", "PINKY", "INDEX", "THUMB"):
            pts[L[f"{side}_{name}"]] = shoulder + [-sign * 0.08, -0.15, 0.30]
        pts[L[f"{side}_EAR"]] = chest + NECK * np.array([0, math.cos(lean), math.sin(lean)]) + [sign * 0.07, 0, 0]
        for name in ("EYE_INNER", "EYE", "EYE_OUTER"):
            pts[L[f"{side}_{name}"]] = pts[L[f"{side}_EAR"]] + [-sign * 0.04, 0.02, 0.09]
        pts[L[f"MOUTH_{side}"]] = pts[L[f"{side}_EAR"]] + [-sign * 0.05, -0.05, 0.09]
    pts[L.NOSE] = (pts[L.LEFT_EYE] + pts[L.RIGHT_EYE]) / 2 + [0, -0.02, 0.03]
    return pts


def to_frame(world: np.ndarray, t_s: float, index: int, view: str = "front",
             visibility: float = 0.99, people: int = 1) -> PoseFrame:
    """Project orthographically for a camera facing the person (front) or at their left (side)."""
    if view == "front":  # facing the camera, the person's left appears on the image's right
        u, depth = world[:, 0], -world[:, 2]
    elif view == "side":
        u, depth = world[:, 2], -world[:, 0]
    else:
        raise ValueError(view)
    xy = np.stack([IMAGE[0] / 2 + u * PX_PER_M, IMAGE[1] - 40 - world[:, 1] * PX_PER_M], axis=1)
    hips = (world[L.LEFT_HIP] + world[L.RIGHT_HIP]) / 2
    mp_world = np.stack([u - (hips[0] if view == "front" else hips[2]),
                         -(world[:, 1] - hips[1]), depth], axis=1)
    vis = np.full(N_LANDMARKS, visibility)
    return PoseFrame(t_s, index, IMAGE, xy, mp_world, vis, vis.copy(), people)


def squat_sequence(n_reps: int, *, fps: float = 30.0, rep_s: float = 2.0, rest_s: float = 1.0,
                   depth: float = 125.0, lead_in_s: float = 1.0, view: str = "front",
                   knees_in_on: tuple[int, ...] = (), lean_on: tuple[int, ...] = (),
                   knees_in_rising_on: tuple[int, ...] = (), knees_forward_on: tuple[int, ...] = (),
                   noise_px: float = 0.0, seed: int = 0) -> list[PoseFrame]:
    """Clean squat reps (cosine profile) separated by standing rests; faults on chosen reps:
    knees caving in, the chest leaning, the knees caving in only on the way up, the knees
    shooting forward (shins leaning 45 deg at the bottom)."""
    rng = np.random.default_rng(seed)
    cycle = rep_s + rest_s
    total = lead_in_s + n_reps * cycle
    frames = []
    for i in range(int(total * fps)):
        t = i / fps
        k = int((t - lead_in_s) // cycle) if t >= lead_in_s else -1
        phase = (t - lead_in_s - k * cycle) / rep_s if k >= 0 else 2.0
        bend = (1 - math.cos(2 * math.pi * phase)) / 2 if 0 <= phase <= 1 else 0.0
        rep = k + 1
        # good squats push the knees a little wider than the feet on the way down and up
        knees_in = -0.05 * bend
        if rep in knees_in_on:
            knees_in = 0.12 * bend
        elif rep in knees_in_rising_on and phase > 0.5:
            knees_in = 0.0  # the push-out is lost as the person stands
        world = squat_world(5 + (depth - 5) * bend, knees_in=knees_in,
                            trunk_lean=10 + (60 if rep in lean_on else 20) * bend,
                            shin_share=0.36 if rep in knees_forward_on else 0.28)
        frame = to_frame(world, t, i, view)
        if noise_px:
            frame = frame.with_points(frame.xy + rng.normal(0, noise_px, frame.xy.shape), frame.world)
        frames.append(frame)
    return frames
