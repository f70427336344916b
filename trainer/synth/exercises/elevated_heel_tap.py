"""Alternating elevated heel tap: on a low step, one leg squats while the other taps around.

The clip shows the person standing on a low step (6 cm) on the working leg, hands on the
hips, the free knee lifted to hip height. Each rep the standing knee bends into a half
squat three times while the free foot reaches down to the floor: a heel tap in front, a toe
tap out to the side, then a toe tap far behind (the turning point, the deepest bend); between
taps the free knee comes back up. After the back tap the free knee comes straight back up to
the start, so one rep is exactly three taps. ``side`` "left" means the left leg stands.
Faults, named like the form rules:

* ``hip_drop``: the free side of the pelvis sinks about 12 deg;
* ``knee_valgus``: the standing knee caves in inside the foot's line;
* ``chest_drop``: the trunk tips about 35 deg further forward.
"""

from __future__ import annotations

import numpy as np

from ..body import SIDES, Dimensions, Pose, Skeleton
from ..camera import Camera
from ..draw import fill_polygon, shade
from ..ik import leg_angles
from ..motion import Controls, Script, SetPlan, Tempo
from ..rotations import rot_x, rot_y
from .single_leg import OTHER, hips_arms, single_leg_pose, stance_code

STEP_M = 0.06
KNEE_UP = {"hip_flex": 85.0, "knee_flex": 90.0, "ankle_flex": 0.0}
# tap targets of the free ankle: (sideways out, forward) in metres, foot pitch in degrees
TAPS = ((0.0, 0.3, -30.0), (0.34, 0.0, 25.0), (0.0, -0.45, 35.0))
SQUAT = {"knee_flex": 62.0, "shank_tilt": 24.0, "hinge": 20.0}
TAP_DEPTH = (1.0, 0.9, 1.0)  # the squat deepens toward the back tap

SCRIPT = Script(
    start={"tap": 0.0, "hip_drop": 0.0, "knee_in": 0.0, "chest": 0.0},
    # past 1 so that the per-rep depth jitter still reaches the back tap
    turn={"tap": 1.1, "hip_drop": 0.0, "knee_in": 0.0, "chest": 0.0},
    # 1 -> 2 lifts the free knee from the back tap straight back up (see ``_phase``)
    finish={"tap": 2.0, "hip_drop": 0.0, "knee_in": 0.0, "chest": 0.0},
    tempo=Tempo(down_s=3.0, pause_s=0.3, up_s=2.4, rest_s=0.5),
    sets=(SetPlan("left", 5), SetPlan("right", 5)),
    faults={"hip_drop": {"hip_drop": 12.0}, "knee_valgus": {"knee_in": 16.0},
            "chest_drop": {"chest": 35.0}},
)


def _phase(c: Controls) -> tuple[int, float]:
    """(which tap 0..2, how far down toward it 0..1): on the way down (``tap`` 0 to 1) the
    taps come at 1/3, 2/3 and 1, the free knee back up at 0, 1/2 and 5/6; on the way up
    (``tap`` 1 to 2) the foot leaves the back tap and the knee rises straight to the start."""
    tap = float(np.clip(c.get("tap", 0.0), 0.0, 2.0))
    if tap > 1.0:  # the foot stays on the back tap up to 1.2, past the turn's depth jitter
        k, reach = 2, min(1.0, (2.0 - tap) / 0.8)
    else:
        x = tap * 6.0
        if x <= 2.0:
            k, reach = 0, x / 2.0
        else:
            seg = min(int((x - 2.0) // 2.0), 1)
            v = x - 2.0 - 2.0 * seg  # 0 at a tap, 1 knee up, 2 at the next tap
            k, reach = (seg, 1.0 - v) if v < 1.0 else (seg + 1, v - 1.0)
    return k, float(reach * reach * (3 - 2 * reach))


def build_pose(dims: Dimensions, controls: Controls, side: str) -> Pose:
    """``side`` is the standing leg on the step."""
    k, reach = _phase(controls)
    depth = reach * TAP_DEPTH[k]
    c = {**controls, **{n: 4.0 + (v - 4.0) * depth for n, v in SQUAT.items()}}
    c["hinge"] += controls.get("chest", 0.0)
    c.update(free_hip_flex=KNEE_UP["hip_flex"], free_knee=KNEE_UP["knee_flex"])
    pose = single_leg_pose(dims, c, side, hips_arms)
    pose = Pose(pose.angles, tuple(np.asarray(pose.root_pos) + [0.0, STEP_M, 0.0]), pose.root_rot)
    code = stance_code(side)
    free, s = OTHER[code], SIDES[OTHER[code]]
    out, fwd, pitch = TAPS[k]
    target = np.array([s * (dims.hip_spacing / 2 + out), dims.ankle_height + 0.01, fwd])
    foot = rot_y(s * 10.0) @ rot_x(pitch)
    tap = leg_angles(dims, pose, free, target, foot, np.array([s * 0.3, 0.2, 1.0]))
    angles = dict(pose.angles)
    for name, value in tap.items():
        up = KNEE_UP.get(name[:-2], 0.0)
        angles[name] = up + (value - up) * reach
    return Pose(angles, pose.root_pos, pose.root_rot)


def step(camera: Camera, skeleton: Skeleton):
    """The low step under the standing foot, a flat box drawn behind the legs."""
    p = skeleton.points
    # the standing heel rests on the step's top; the free one is in the air or on the floor
    stance = min("lr", key=lambda s: abs(p[f"heel_{s}"][1] - STEP_M - 0.01))
    cx, cz = p[f"ankle_{stance}"][0], p[f"ankle_{stance}"][2] + 0.05
    corners = np.array([[cx + dx, y, cz + dz] for dx in (-0.16, 0.16) for y in (0.0, STEP_M)
                        for dz in (-0.2, 0.2)])

    def draw(image) -> None:
        import cv2
        xy, _ = camera.project(corners)
        fill_polygon(image, cv2.convexHull(xy.astype(np.float32))[:, 0], shade((90, 90, 95), 1.0))

    return float(camera.to_camera(corners.mean(axis=0)[None])[0, 2]) + 0.3, draw


PROP = step
