"""Pose builder for split stances: one foot in front, the other behind, each planted on its own.

``side`` names the FRONT (working) leg. The front foot is flat; the back foot stands on the ball
of its foot with the heel lifted. The hips sit wherever the front leg's knee bend and shin lean
put them, and the back leg is solved to reach its own planted foot, so its knee drops toward the
floor by itself as the hips go down. Controls (degrees unless noted):

* ``front_z``: how far forward of the origin the front ankle is; ``stride``: how far behind the
  front ankle the back ankle is when flat (both ratios of height); ``width``: distance between
  the feet across, ratio of height; ``back_heel``: heel lift of the back foot.
* front leg: ``knee_flex``, ``shank_tilt`` (shin lean forward from vertical), ``knee_in``
  (valgus: the knee turns inside the foot's line), ``toe_out``.
* trunk: ``pelvis_pitch`` (forward lean of the pelvis), ``lumbar_flex``, ``thorax_flex``,
  ``neck_flex`` as in ``standing``; the sway controls of ``motion.Sway``.

Arm styles take (dims, pose, side) like ``single_leg``'s.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose
from ..ik import leg_angles
from ..motion import Controls
from ..rotations import rot_x, rot_y
from .single_leg import OTHER, ArmStyle, stance_code
from .standing import trunk_angles


def front_foot(dims: Dimensions, c: Controls, s: float) -> tuple[np.ndarray, np.ndarray]:
    """Front ankle (world) and foot frame: flat, ``width`` / 2 out from the midline."""
    ankle = np.array([s * c.get("width", 0.12) * dims.height / 2, dims.ankle_height,
                      c.get("front_z", 0.0) * dims.height])
    return ankle, rot_y(s * c.get("toe_out", 5.0))


def back_foot(dims: Dimensions, c: Controls, s: float) -> tuple[np.ndarray, np.ndarray]:
    """Back ankle and foot frame: the toes stay on the floor, the heel lifts ``back_heel``."""
    flat = np.array([-s * c.get("width", 0.12) * dims.height / 2, dims.ankle_height,
                     (c.get("front_z", 0.0) - c.get("stride", 0.0)) * dims.height])
    toe_offset = np.array([0.0, -0.82 * dims.ankle_height, dims.toe_front])
    foot = rot_x(c.get("back_heel", 0.0))
    return flat + toe_offset - foot @ toe_offset, foot


def front_hip(dims: Dimensions, c: Controls, ankle: np.ndarray, s: float) -> np.ndarray:
    """The front hip joint from the shin lean and knee bend, straight above the front foot's
    line; the hip itself stays hip-width from the midline."""
    tilt, knee = math.radians(c.get("shank_tilt", 0.0)), math.radians(c.get("knee_flex", 0.0))
    up = dims.shank * math.cos(tilt) + dims.thigh * math.cos(tilt - knee)
    forward = dims.shank * math.sin(tilt) + dims.thigh * math.sin(tilt - knee)
    across = s * dims.hip_spacing / 2 - ankle[0]
    up = math.sqrt(max(up**2 - across**2, 1e-6))  # keep the leg's length when the feet are wide
    return ankle + np.array([across + c.get("sway_x", 0.0), up, forward + c.get("sway_z", 0.0)])


def split_pose(dims: Dimensions, c: Controls, side: str, arms: ArmStyle) -> Pose:
    """Front leg ``side`` bent as the controls say, back leg reaching its planted foot."""
    code = stance_code(side)
    s, back = SIDES[code], OTHER[code]
    ankle, foot = front_foot(dims, c, s)
    hip = front_hip(dims, c, ankle, s)
    root = hip - np.array([s * dims.hip_spacing / 2, 0.0, 0.0])
    pose = Pose(trunk_angles(c), tuple(root), (0.0, c.get("pelvis_pitch", 0.0), 0.0))
    angles = dict(pose.angles)
    knee_toward = rot_y(s * (c.get("toe_out", 5.0) - c.get("knee_in", 0.0))) @ np.array([0, 0, 1.])
    angles.update(leg_angles(dims, pose, code, ankle, foot, knee_toward))
    # The back knee points forward and down, toward the floor it nearly touches.
    back_ankle, back_frame = back_foot(dims, c, s)
    angles.update(leg_angles(dims, pose, back, back_ankle, back_frame, np.array([0, -0.3, 1.])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    angles.update(arms(dims, pose, code))
    return Pose(angles, pose.root_pos, pose.root_rot)


def lateral_pose(dims: Dimensions, c: Controls, side: str, arms: ArmStyle) -> Pose:
    """Feet apart sideways: ``side``'s leg bends, the other reaches its planted foot.

    Extra controls (ratios of height): ``trail_x`` (the trailing ankle's distance from the
    midline), ``step`` (distance between the ankles across) and ``hip_in`` (how far inside the
    bent leg's ankle its hip joint sits). The trailing foot stays where it stood, so the bent
    leg's foot is the one that steps.
    """
    code = stance_code(side)
    s, trail = SIDES[code], OTHER[code]
    # ``trail_x`` (ratio of height) sets the trailing foot off-centre so the whole move stays
    # centred in the frame.
    trail_x = c.get("trail_x", dims.hip_spacing / 2 / dims.height) * dims.height
    trail_ankle = np.array([-s * trail_x, dims.ankle_height, 0.0])
    ankle = trail_ankle + np.array([s * c.get("step", 0.12) * dims.height, 0.0, 0.0])
    tilt, knee = math.radians(c.get("shank_tilt", 0.0)), math.radians(c.get("knee_flex", 0.0))
    forward = dims.shank * math.sin(tilt) + dims.thigh * math.sin(tilt - knee)
    across = -s * c.get("hip_in", 0.0) * dims.height
    up = dims.shank * math.cos(tilt) + dims.thigh * math.cos(tilt - knee)
    up = math.sqrt(max(up**2 - across**2, 1e-6))
    hip = ankle + np.array([across + c.get("sway_x", 0.0), up, forward + c.get("sway_z", 0.0)])
    root = hip - np.array([s * dims.hip_spacing / 2, 0.0, 0.0])
    pose = Pose(trunk_angles(c), tuple(root), (0.0, c.get("pelvis_pitch", 0.0), 0.0))
    angles = dict(pose.angles)
    toe_out = c.get("toe_out", 10.0)
    knee_toward = rot_y(s * (toe_out - c.get("knee_in", 0.0))) @ np.array([0, 0, 1.0])
    angles.update(leg_angles(dims, pose, code, ankle, rot_y(s * toe_out), knee_toward))
    angles.update(leg_angles(dims, pose, trail, trail_ankle, rot_y(-s * 5.0),
                             np.array([0.0, 0.0, 1.0])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    angles.update(arms(dims, pose, code))
    return Pose(angles, pose.root_pos, pose.root_rot)
