"""Pose builder for banded walking: a held quarter squat while the feet step one at a time.

One rep is one step cycle, driven by ``phase``: from 0 to 1 the lead foot (``side``) swings to
its new spot (the turn: it has just landed); from 1 to 2 the trailing foot follows it by the
same move (``follow`` 1) or stays put (``follow`` 0). Where the rep begins comes from
``motion.Travel``: ``shift_x``, ``shift_z`` (stance centre, ratios of height) and ``heading``
(+1 forward, -1 back); ``travel_shift`` tells it how far one rep moves the body. Controls
(ratios of height unless noted):

* ``width``: distance across between the ankles when a rep begins; ``lead_back``: how far the
  lead foot then stands behind the stance centre along the heading (the trailing one as far
  ahead: a staggered, walking stance).
* ``step_out``, ``step_fwd``: the lead foot's move, out toward its own side and along the
  heading; ``lift``: the swinging foot's highest clearance; ``bow``: how far a swinging foot
  curves in toward the other one midway.
* ``heel_first`` (deg): the lead foot's toes point up as it lands heel first; ``tap`` (deg):
  the trailing foot arrives on its toes (a toe tap) and leaves from them as the next lead.
* legs and trunk: ``knee_flex``, ``shank_tilt`` (the squat: the hips sit where these put them
  over the feet, never lower than both legs reach), ``toe_out`` (deg), ``pelvis_pitch``,
  ``lumbar_flex``, ``thorax_flex``, ``neck_flex`` and the sway controls of ``motion.Sway``.

Hands rest on the hips.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose
from ..ik import leg_angles
from ..motion import Controls
from ..rotations import rot_x, rot_y
from .single_leg import OTHER, hips_arms, stance_code
from .standing import trunk_angles

# Ten side steps cover ~1.7 body heights: a camera further back and lower keeps the walk in
# view, and from the side a walk toward it stays short of the frame's top and bottom. Every
# walk here uses it (``CAMERA`` of an exercise module).
WALK_CAMERA = {"distance": 4.5, "eye_height": 0.47, "aim_height": 0.45}
SWING_DEAD = 0.08  # the feet rest this close to phase 1, so a turn's depth jitter moves neither
WEIGHT_SHIFT = 0.15  # share of the stance the hips lean toward the standing foot mid-swing


def travel_shift(turn: Controls, side: str) -> Controls:
    """How far one rep moves the stance centre: the lead foot's move, and the trailing foot's
    when it follows (``motion.Travel.shift``)."""
    out, share = SIDES[stance_code(side)], (1.0 + turn.get("follow", 1.0)) / 2
    return {"shift_x": out * turn.get("step_out", 0.0) * share,
            "shift_z": turn.get("heading", 1.0) * turn.get("step_fwd", 0.0) * share}


def swing_progress(c: Controls) -> tuple[float, float]:
    """(lead foot's progress, trailing foot's progress), each 0..1, from ``phase``."""
    phase, span = c.get("phase", 0.0), 1.0 - SWING_DEAD
    return (float(np.clip(phase / span, 0.0, 1.0)),
            float(np.clip((phase - 1.0 - SWING_DEAD) / span, 0.0, 1.0)))


def foot_on_floor(dims: Dimensions, spot: np.ndarray, yaw: float, pitch: float,
                  lift: float) -> tuple[np.ndarray, np.ndarray]:
    """Ankle position and foot frame of a foot at floor ``spot`` (x, z in metres) turned
    ``yaw`` deg, tipped ``pitch`` deg (positive: heel up about the toes; negative: toes up about
    the heel) and raised ``lift`` metres."""
    pivot_along = dims.toe_front if pitch > 0 else -dims.heel_back
    pivot = np.array([0.0, -0.82 * dims.ankle_height, pivot_along])
    turn = rot_y(yaw)
    frame = turn @ rot_x(pitch)
    ankle = np.array([spot[0], dims.ankle_height + lift, spot[1]])
    return ankle + turn @ pivot - frame @ pivot, frame


def feet(dims: Dimensions, c: Controls, side: str) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """Ankle and foot frame of both feet (body side code -> (ankle, frame))."""
    code = stance_code(side)
    out, h, height = SIDES[code], c.get("heading", 1.0), dims.height
    u, v = swing_progress(c)
    centre = np.array([c.get("shift_x", 0.0), c.get("shift_z", 0.0)])
    half, back, bow = c.get("width", 0.2) / 2, c.get("lead_back", 0.0), c.get("bow", 0.0)
    move = np.array([out * c.get("step_out", 0.0), h * c.get("step_fwd", 0.0)])
    follow = c.get("follow", 1.0) * v  # the trailing foot's share of the move so far
    lead = centre + [out * (half - bow * math.sin(math.pi * u)), -h * back] + move * u
    trail = centre + [-out * (half - bow * math.sin(math.pi * follow)), h * back] + move * follow
    toe_out, lift = c.get("toe_out", 8.0), c.get("lift", 0.04) * height
    heel_first = c.get("heel_first", 0.0) * min(1.0, 4.0 * u) * min(1.0, 6.0 * (1.0 - u))
    tap = c.get("tap", 0.0)
    lead_pitch = -heel_first if heel_first else tap * (1.0 - u)
    return {code: foot_on_floor(dims, lead * height, out * toe_out, lead_pitch,
                                lift * math.sin(math.pi * u)),
            OTHER[code]: foot_on_floor(dims, trail * height, -out * toe_out, tap * v,
                                       lift * math.sin(math.pi * v) * follow)}


def hip_root(dims: Dimensions, c: Controls, side: str, ankles: dict[str, np.ndarray]) -> np.ndarray:
    """Mid-hip point: between the feet, leaning toward the standing foot mid-swing, sat back by
    the squat, and as low as gives the more stretched leg exactly ``knee_flex``: the squat is
    held however wide the feet are."""
    code = stance_code(side)
    u, v = swing_progress(c)
    lead, trail = ankles[code], ankles[OTHER[code]]
    middle = lead + (trail - lead) * (0.5 + WEIGHT_SHIFT * (math.sin(math.pi * u) -
                                                            math.sin(math.pi * v)))
    knee, tilt = math.radians(c.get("knee_flex", 0.0)), math.radians(c.get("shank_tilt", 0.0))
    back = dims.shank * math.sin(tilt) - dims.thigh * math.sin(knee - tilt)
    reach = math.sqrt(dims.thigh**2 + dims.shank**2 + 2 * dims.thigh * dims.shank * math.cos(knee))
    root = np.array([middle[0] + c.get("sway_x", 0.0), 0.0,
                     middle[2] + back + c.get("sway_z", 0.0)])
    heights = []
    for leg, s in SIDES.items():
        flat = np.hypot(*(ankles[leg] - root - [s * dims.hip_spacing / 2, 0.0, 0.0])[[0, 2]])
        heights.append(ankles[leg][1] + math.sqrt(max(reach**2 - flat**2, 1e-6)))
    root[1] = min(heights)
    return root


def walk_pose(dims: Dimensions, c: Controls, side: str) -> Pose:
    """The whole body at one instant of a step cycle led by ``side``'s foot."""
    placed = feet(dims, c, side)
    root = hip_root(dims, c, side, {k: a for k, (a, _) in placed.items()})
    pose = Pose(trunk_angles(c), tuple(root), (0.0, c.get("pelvis_pitch", 0.0), 0.0))
    angles = dict(pose.angles)
    for code, (ankle, frame) in placed.items():
        s = SIDES[code]
        knee_toward = rot_y(s * (c.get("toe_out", 8.0) + 4.0)) @ np.array([0.0, 0.0, 1.0])
        angles.update(leg_angles(dims, pose, code, ankle, frame, knee_toward))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    angles.update(hips_arms(dims, pose, stance_code(side)))
    return Pose(angles, pose.root_pos, pose.root_rot)
