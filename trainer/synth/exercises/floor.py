"""Pose builders for floor exercises, and their simple props (ball, yoga block).

``supine_pose`` (on the back, shoulders down, hips lift), ``all_fours_pose`` (hands and
knees), ``side_lying_pose`` (propped on a forearm), ``half_kneeling_pose``, ``pigeon_pose``
and ``low_lunge_pose`` (back knee down, folded forward) each document their own controls.
Supine controls (lengths as ratios of height, angles in degrees):

* ``hip_height``: height of the mid-hip point above the floor; the trunk pivots about the
  shoulders, which stay on the floor, so this alone sets how far the pelvis rises.
* ``lumbar_flex``: negative arches the lower back (the pelvis is re-pitched so the shoulders
  still touch the floor).
* ``foot_z``, ``foot_y``: where the working feet's ankles are, measured along the body from
  the shoulders and up from the floor; ``sole_pitch`` tilts the soles (0 flat, 90 toes up).
* ``knee_in``: how far the knees point toward each other (to hold a ball between them).
* The sway controls of ``motion.Sway`` (only ``breath`` and ``look`` matter on the floor).

World: the head lies toward -z, the feet toward +z, the face up, the person's left at +x.
"""

from __future__ import annotations

import math

import numpy as np

from ..body import SIDES, Dimensions, Pose, forward_kinematics
from ..ik import arm_angles, leg_angles
from ..motion import Controls
from ..rotations import rot_x, rot_y, rot_z

SHOULDER_Y = 0.055   # mid-shoulder height lying on the back (half the chest's depth), of H
SHOULDER_Z = -0.23   # where the shoulders lie along z, so the body is centred in view
UP = np.array([0.0, 1.0, 0.0])


def trunk_from_shoulders(dims: Dimensions, c: Controls) -> Pose:
    """Pelvis placed at ``hip_height`` with the pitch that keeps the shoulders on the floor.

    Pitch turns the hip-to-shoulder vector about the world x axis, so the pitch that puts
    the shoulders at their height follows from the vector measured once at pitch -90.
    """
    h = dims.height
    angles = {"lumbar_flex": c.get("lumbar_flex", 0.0), "thorax_flex": c.get("breath", 0.0)}
    flat = forward_kinematics(dims, Pose(angles, (0.0, 0.0, 0.0), (0.0, -90.0, 0.0)))
    d = (flat.points["shoulder_l"] + flat.points["shoulder_r"]) / 2
    r = math.hypot(d[1], d[2])
    rise = (SHOULDER_Y - c["hip_height"]) * h
    psi = -math.acos(float(np.clip(rise / r, -1.0, 1.0)))  # the shoulders lie toward -z
    alpha = math.degrees(psi - math.atan2(d[2], d[1]))
    pitch = -90.0 + alpha
    dz = r * math.sin(psi)
    root = (c.get("sway_x", 0.0), c["hip_height"] * h, SHOULDER_Z * h - dz)
    # the head rests on the floor: the neck bends as much as the trunk rises
    angles["neck_flex"] = max(0.0, -alpha) * 0.9 + c.get("neck_flex", 0.0)
    angles["neck_twist"] = c.get("look", 0.0)
    return Pose(angles, root, (0.0, pitch, 0.0))


def palms_down_arms(dims: Dimensions, pose: Pose) -> dict[str, float]:
    """Arms along the sides, palms on the floor beside the hips."""
    out: dict[str, float] = {}
    for side, s in SIDES.items():
        wrist = np.array([s * 0.15 * dims.height, 0.025 * dims.height,
                          (SHOULDER_Z + 0.30) * dims.height])
        out.update(arm_angles(dims, pose, side, wrist, UP + np.array([s * 0.3, 0.0, 0.0])))
    return out


def planted_leg(dims: Dimensions, pose: Pose, side: str, c: Controls) -> dict[str, float]:
    """One leg reaching the ankle target of ``foot_z``/``foot_y``, knee up (and in)."""
    s, h = SIDES[side], dims.height
    ankle = np.array([s * (dims.hip_spacing / 2), c.get("foot_y", 0.039) * h,
                      (SHOULDER_Z + c["foot_z"]) * h])
    knee_toward = UP + np.array([-s * math.tan(math.radians(c.get("knee_in", 0.0))), 0.0, 0.0])
    return leg_angles(dims, pose, side, ankle, rot_x(-c.get("sole_pitch", 0.0)), knee_toward)


def supine_pose(dims: Dimensions, c: Controls, legs) -> Pose:
    """Lying on the back: trunk from ``trunk_from_shoulders``, legs by ``legs(dims, pose)``."""
    pose = trunk_from_shoulders(dims, c)
    angles = dict(pose.angles)
    angles.update(legs(dims, pose))
    angles.update(palms_down_arms(dims, pose))
    return Pose(angles, pose.root_pos, pose.root_rot)


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


def pitch_for_shoulders(dims: Dimensions, angles: dict, base: float, hip_y: float,
                        shoulder_y: float, roll: float = 0.0) -> tuple[float, float]:
    """Pelvis pitch near ``base`` that puts the mid-shoulder point at ``shoulder_y`` (metres)
    with the hips at ``hip_y``, and the shoulders' z offset from the hips at that pitch."""
    probe = forward_kinematics(dims, Pose(angles, (0.0, 0.0, 0.0), (0.0, base, roll)))
    d = (probe.points["shoulder_l"] + probe.points["shoulder_r"]) / 2
    r = math.hypot(d[1], d[2])
    sign = 1.0 if d[2] >= 0 else -1.0  # keep the shoulders on the side they started on
    psi = sign * math.acos(float(np.clip((shoulder_y - hip_y) / r, -1.0, 1.0)))
    return base + math.degrees(psi - math.atan2(d[2], d[1])), r * math.sin(psi)


def yaw_pitch_roll_of(m: np.ndarray) -> tuple[float, float, float]:
    """(yaw, pitch, roll) with ``rotations.yaw_pitch_roll`` giving the rotation ``m``."""
    pitch = math.asin(float(np.clip(-m[1, 2], -1.0, 1.0)))
    return (math.degrees(math.atan2(m[0, 2], m[2, 2])), math.degrees(pitch),
            math.degrees(math.atan2(m[1, 0], m[1, 1])))


def kneeling_leg(dims: Dimensions, pose: Pose, side: str, knee_y: float) -> dict[str, float]:
    """A leg kneeling straight below its hip: knee at ``knee_y``, shin flat back, toes pointed."""
    hip = forward_kinematics(dims, pose).points[f"hip_{side}"]
    ankle = np.array([hip[0], knee_y + 0.01 * dims.height, hip[2] - dims.shank])
    ankle[1] = max(ankle[1], 0.03 * dims.height)
    knee_toward = np.array([0.0, -1.0, 1.0])
    return leg_angles(dims, pose, side, ankle, rot_x(165.0), knee_toward)


def hands_under_shoulders(dims: Dimensions, pose: Pose) -> dict[str, float]:
    """Straight arms, wrists on the floor below the shoulders."""
    sk, out = forward_kinematics(dims, pose), {}
    for side in SIDES:
        shoulder = sk.points[f"shoulder_{side}"]
        wrist = np.array([shoulder[0], 0.03 * dims.height, shoulder[2]])
        out.update(arm_angles(dims, pose, side, wrist, np.array([0.0, 0.0, -1.0])))
    return out


def all_fours_pose(dims: Dimensions, c: Controls, legs) -> Pose:
    """Hands and knees: hips at ``hip_height``, shoulders over straight arms, trunk as set by
    ``lumbar_flex`` and ``roll`` (the pelvis rolling toward the person's left, degrees)."""
    h = dims.height
    angles = {"lumbar_flex": c.get("lumbar_flex", 0.0), "thorax_flex": c.get("breath", 0.0),
              "neck_flex": c.get("neck_flex", -20.0), "neck_twist": c.get("look", 0.0)}
    hip_y = c["hip_height"] * h
    roll = c.get("roll", 0.0)
    angles["lumbar_twist"] = -0.7 * roll  # the chest stays square while the pelvis rolls
    pitch, dz = pitch_for_shoulders(dims, angles, 90.0, hip_y, 0.36 * h)
    rotation = rot_z(roll) @ rot_x(pitch)  # roll about the spine, which runs along world z
    pose = Pose(angles, (c.get("sway_x", 0.0), hip_y, -dz / 2), yaw_pitch_roll_of(rotation))
    angles.update(legs(dims, pose))
    angles.update(hands_under_shoulders(dims, pose))
    return Pose(angles, pose.root_pos, pose.root_rot)


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
                quad = quad[[0, 1, 3, 2]] if axis != 1 else quad[[0, 1, 3, 2]]
                xy, _ = camera.project(centre + quad)
                fill_polygon(image, xy, shade(colour, 1.0 if axis == 1 else 0.75))
        return depth, draw
    return prop


def _roll_for_shoulder(dims: Dimensions, angles: dict, roll: float, hip_y: float,
                       shoulder: str, shoulder_y: float) -> float:
    """Roll near ``roll`` (about world z, the side-lying body's tilt) putting ``shoulder`` at
    ``shoulder_y`` with the pelvis centre at ``hip_y``."""
    probe = forward_kinematics(dims, Pose(angles, (0.0, 0.0, 0.0), (0.0, 0.0, roll)))
    d = probe.points[shoulder]
    r, theta = math.hypot(d[0], d[1]), math.atan2(d[1], d[0])
    want = math.asin(float(np.clip((shoulder_y - hip_y) / r, -1.0, 1.0)))
    options = (want, math.pi - want)
    best = min(options, key=lambda a: abs(math.remainder(a - theta, 2 * math.pi)))
    return roll + math.degrees(math.remainder(best - theta, 2 * math.pi))


def side_lying_pose(dims: Dimensions, c: Controls, top: str) -> Pose:
    """Lying on one side propped on the bottom forearm, knees bent 90 deg in line with the
    trunk. ``hip_height`` lifts the pelvis (knees and forearm stay down), ``top_lift`` raises
    the top knee toward the ceiling (degrees of hip abduction); ``top`` is "l" or "r"."""
    h, bottom = dims.height, "r" if top == "l" else "l"
    s = SIDES[top]  # lying on the right side (left on top) is roll +90
    angles = {"lumbar_bend": 0.0, "thorax_flex": c.get("breath", 0.0),
              "neck_bend": -s * c.get("neck_bend", 15.0), "neck_twist": c.get("look", 0.0)}
    hip_y = c["hip_height"] * h
    roll = _roll_for_shoulder(dims, angles, s * 90.0, hip_y, f"shoulder_{bottom}", 0.205 * h)
    pose = Pose(angles, (0.0, hip_y, c.get("sway_z", 0.0)), (0.0, 0.0, roll))
    sk = forward_kinematics(dims, pose)
    hip = sk.points[f"hip_{bottom}"]
    knee_y = 0.04 * h
    along = math.sqrt(max(dims.thigh**2 - (hip[1] - knee_y) ** 2, 1e-6))
    knee = np.array([hip[0] + s * along, knee_y, hip[2] + 0.1 * h])  # feet lie toward +s x
    ankle = knee + np.array([0.0, 0.0, -dims.shank])
    angles.update(leg_angles(dims, pose, bottom, ankle, rot_x(0.0) @ rot_z(s * 90.0),
                             np.array([0.0, 0.0, 1.0])))
    for joint in ("hip_flex", "knee_flex", "ankle_flex"):
        angles[f"{joint}_{top}"] = angles[f"{joint}_{bottom}"]
    # the top leg lies parallel to the bottom one: sideways angles mirror across the pelvis
    angles[f"hip_rot_{top}"] = -angles[f"hip_rot_{bottom}"]
    angles[f"hip_abd_{top}"] = -angles[f"hip_abd_{bottom}"] + c.get("top_lift", 0.0)
    shoulder = sk.points[f"shoulder_{bottom}"]
    wrist = np.array([shoulder[0], 0.03 * h, shoulder[2] + dims.forearm])
    angles.update(arm_angles(dims, Pose(angles, pose.root_pos, pose.root_rot), bottom, wrist,
                             np.array([0.0, -1.0, 0.0])))
    hand = sk.points[f"hip_{top}"] + np.array([0.0, 0.06 * h, 0.03 * h])
    angles.update(arm_angles(dims, Pose(angles, pose.root_pos, pose.root_rot), top, hand,
                             np.array([0.0, 0.0, -1.0])))
    return Pose(angles, pose.root_pos, pose.root_rot)


def half_kneeling_pose(dims: Dimensions, c: Controls, back: str) -> Pose:
    """Half kneeling: the ``back`` leg's knee on the floor (its thigh leaning ``back_tilt``
    degrees behind vertical), the other foot flat in front with its shin leaning
    ``front_shin`` degrees forward. Trunk: ``pelvis_pitch`` (negative tucks the pelvis),
    ``lumbar_flex`` (negative arches), ``thorax_flex``; hands rest on the hips."""
    h, front = dims.height, "r" if back == "l" else "l"
    knee_y, tilt = 0.034 * h, math.radians(c.get("back_tilt", 10.0))
    hip_y = knee_y + dims.thigh * math.cos(tilt)
    angles = {"lumbar_flex": c.get("lumbar_flex", 0.0),
              "thorax_flex": c.get("thorax_flex", 0.0) + c.get("breath", 0.0),
              "neck_flex": -c.get("pelvis_pitch", 0.0) - c.get("thorax_flex", 0.0),
              "neck_twist": c.get("look", 0.0)}
    pose = Pose(angles, (c.get("sway_x", 0.0), hip_y, c.get("sway_z", 0.0)),
                (0.0, c.get("pelvis_pitch", 0.0), 0.0))
    sk = forward_kinematics(dims, pose)
    hb, hf = sk.points[f"hip_{back}"], sk.points[f"hip_{front}"]
    knee_b = hb - np.array([0.0, dims.thigh * math.cos(tilt), dims.thigh * math.sin(tilt)])
    knee_b[1] = knee_y
    ankle_b = knee_b + np.array([0.0, 0.012 * h, -dims.shank])
    angles.update(leg_angles(dims, pose, back, ankle_b, rot_x(165.0), np.array([0.0, -1, 1])))
    shin = math.radians(c.get("front_shin", 5.0))
    knee_fy = dims.ankle_height + dims.shank * math.cos(shin)
    reach = math.sqrt(max(dims.thigh**2 - (hf[1] - knee_fy) ** 2, 1e-6))
    ankle_f = np.array([hf[0], dims.ankle_height,
                        hf[2] + reach - dims.shank * math.sin(shin)])
    angles.update(leg_angles(dims, pose, front, ankle_f, np.eye(3), np.array([0.0, 0, 1])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    for side, s in SIDES.items():  # hands on the hips, elbows out and back
        hand = sk.points[f"hip_{side}"] + np.array([s * 0.05, 0.07, 0.02]) * h
        angles.update(arm_angles(dims, pose, side, hand, np.array([s * 1.0, 0.0, -0.5])))
    return Pose(angles, pose.root_pos, pose.root_rot)


def pigeon_pose(dims: Dimensions, c: Controls, front: str) -> Pose:
    """Half pigeon: the ``front`` leg's shin across the body on the floor, knee ahead of its
    hip; the other leg straight back, knee and foot down; the trunk leans ``lean`` degrees
    over it with the hands on the floor beside the front knee. ``hip_height`` (of H) is how
    high the hips stay above the floor."""
    h, back = dims.height, "r" if front == "l" else "l"
    s = SIDES[front]
    angles = {"lumbar_flex": c.get("lumbar_flex", 5.0),
              "thorax_flex": c.get("thorax_flex", 10.0) + c.get("breath", 0.0),
              "neck_flex": -c.get("lean", 30.0) * 0.6, "neck_twist": c.get("look", 0.0)}
    pose = Pose(angles, (c.get("sway_x", 0.0) - s * 0.02 * h, c["hip_height"] * h, 0.0),
                (0.0, c.get("lean", 30.0), 0.0))
    sk = forward_kinematics(dims, pose)
    hf, hb = sk.points[f"hip_{front}"], sk.points[f"hip_{back}"]
    knee = np.array([hf[0] + s * 0.08 * h, 0.035 * h, hf[2] + 0.17 * h])
    ankle = np.array([hb[0] - s * 0.05 * h, 0.03 * h, knee[2] - 0.05 * h])
    toward = knee - (hf + ankle) / 2
    angles.update(leg_angles(dims, pose, front, ankle, rot_y(-s * 80.0) @ rot_z(s * 70.0),
                             toward))
    reach = dims.thigh + dims.shank - 0.01
    drop = hb[1] - 0.035 * h
    ankle_b = np.array([hb[0], 0.035 * h, hb[2] - math.sqrt(max(reach**2 - drop**2, 1e-6))])
    angles.update(leg_angles(dims, pose, back, ankle_b, rot_x(170.0), np.array([0, -1.0, 0])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    for side, sd in SIDES.items():
        wrist = np.array([sd * 0.16 * h, 0.03 * h, hf[2] + 0.2 * h])
        angles.update(arm_angles(dims, pose, side, wrist, np.array([sd * 0.5, 0.0, -1.0])))
    return Pose(angles, pose.root_pos, pose.root_rot)


def low_lunge_pose(dims: Dimensions, c: Controls, back: str) -> Pose:
    """Back knee down, front foot ahead, trunk folded forward with the hands on the floor.

    ``back_tilt`` leans the back thigh behind vertical (lower, further-forward hips),
    ``front_reach`` (of H) puts the front ankle ahead of the hips, ``front_out`` (of H) beside
    them, ``sole_pitch`` lifts its toes (heel down); ``lean`` pitches the trunk forward."""
    h, front = dims.height, "r" if back == "l" else "l"
    knee_y, tilt = 0.034 * h, math.radians(c.get("back_tilt", 10.0))
    hip_y = knee_y + dims.thigh * math.cos(tilt)
    angles = {"lumbar_flex": 10.0, "thorax_flex": 10.0 + c.get("breath", 0.0),
              "neck_flex": -c.get("lean", 45.0) * 0.5, "neck_twist": c.get("look", 0.0)}
    pose = Pose(angles, (c.get("sway_x", 0.0), hip_y, -c.get("front_reach", 0.3) * h / 2),
                (0.0, c.get("lean", 45.0), 0.0))
    sk = forward_kinematics(dims, pose)
    hb, hf = sk.points[f"hip_{back}"], sk.points[f"hip_{front}"]
    knee_b = hb - np.array([0.0, 0.0, dims.thigh * math.sin(tilt)])
    knee_b[1] = knee_y
    ankle_b = knee_b + np.array([0.0, 0.012 * h, -dims.shank])
    angles.update(leg_angles(dims, pose, back, ankle_b, rot_x(165.0), np.array([0.0, -1, 1])))
    s = SIDES[front]
    sole = rot_x(-c.get("sole_pitch", 0.0))
    ankle_f = np.array([hf[0] + s * c.get("front_out", 0.0) * h, dims.ankle_height,
                        hf[2] + c.get("front_reach", 0.3) * h])
    angles.update(leg_angles(dims, pose, front, ankle_f, sole, np.array([0.0, 1.0, 0.3])))
    pose = Pose(angles, pose.root_pos, pose.root_rot)
    for side, sd in SIDES.items():
        inside = 0.1 * h if side == front else 0.14 * h  # the front foot lies outside its hand
        wrist = np.array([sd * inside * (0.6 if side == front else 1.0), 0.03 * h,
                          ankle_f[2] - c.get("hands_back", 0.05) * h])
        angles.update(arm_angles(dims, pose, side, wrist, np.array([sd * 0.5, 0.0, -1.0])))
    return Pose(angles, pose.root_pos, pose.root_rot)
