"""Banded walking exercises (side step, monster walk, diagonal step tap): labels match the walk.

For each exercise, short clips from the front and the side: reps per side follow the set plan
(the feet take turns where they should, and a walk back starts with the right foot), spans are
ordered inside the clip, each clean rep's turn is where its key measurement peaks, every fault
changes its rep's measurement clearly and only that rep carries it, the body really travels
the rep's way, equal seeds give equal bytes, and a whole default clip keeps every landmark
inside the image from the front and from the side.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from trainer.synth import generate_clip
from trainer.synth.labels import read_labels

SMALL = {"width": 320, "height": 180, "fps": 15}
HIP_L, HIP_R, KNEE_L, KNEE_R, ANK_L, ANK_R = 23, 24, 25, 26, 27, 28
HEEL_L, HEEL_R, TOE_L, TOE_R = 29, 30, 31, 32
ANKLE = {"left": ANK_L, "right": ANK_R}
OTHER = {"left": "right", "right": "left"}
R, L = "right", "left"
# with two reps per set: sides of the eight reps, and +1 forward / -1 back for each
SIDES = {"side_step": [R, R, L, L, R, R, L, L],
         "monster_walk": [R, L, L, R, R, L, L, R],  # the front foot steps back first
         "diagonal_step_tap": [R, L, R, L, R, L, R, L]}
HEADINGS = [1, 1, -1, -1, 1, 1, -1, -1]


def _flat(v: np.ndarray) -> np.ndarray:
    v = v.copy()
    v[..., 1] = 0.0
    return v / np.linalg.norm(v, axis=-1, keepdims=True)


def feet_apart(w: np.ndarray) -> np.ndarray:
    """Distance between the ankles across the floor (metres)."""
    return np.linalg.norm((w[:, ANK_L] - w[:, ANK_R])[:, [0, 2]], axis=1)


def feet_across(w: np.ndarray) -> np.ndarray:
    """Ankle spacing along the hips' line, sideways to the person (metres)."""
    return np.abs(np.sum((w[:, ANK_L] - w[:, ANK_R]) * _flat(w[:, HIP_L] - w[:, HIP_R]), axis=1))


def knee_bend(w: np.ndarray) -> np.ndarray:
    """Mean knee flexion of both legs (degrees)."""
    bends = []
    for hip, knee, ankle in ((HIP_L, KNEE_L, ANK_L), (HIP_R, KNEE_R, ANK_R)):
        a, b = w[:, hip] - w[:, knee], w[:, ankle] - w[:, knee]
        cos = np.sum(a * b, axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
        bends.append(180.0 - np.degrees(np.arccos(np.clip(cos, -1, 1))))
    return np.mean(bends, axis=0)


def step_lead(w: np.ndarray, rep: dict) -> np.ndarray:
    """How far the stepping ankle is ahead of the other along the rep's heading (metres)."""
    forward = _flat(_flat(w[:, TOE_L] - w[:, HEEL_L]) + _flat(w[:, TOE_R] - w[:, HEEL_R]))
    lead = w[:, ANKLE[rep["side"]]] - w[:, ANKLE[OTHER[rep["side"]]]]
    return HEADINGS[rep["index"] - 1] * np.sum(lead * forward, axis=1)


def at_turn(measure):
    return lambda w, rep: measure(w)[rep["turn_frame"]]


def hip_bob(w: np.ndarray, rep: dict) -> float:
    """How far the hips rise and fall over the rep, above the planted (lower) ankle (metres)."""
    height = np.maximum(w[:, ANK_L, 1], w[:, ANK_R, 1])
    return float(np.ptp(height[rep["start_frame"]:rep["end_frame"] + 1]))


def narrowest_swing(w: np.ndarray, rep: dict) -> float:
    return float(feet_across(w)[rep["start_frame"]:rep["turn_frame"] + 1].min())


# exercise -> {fault: (rep measure, direction, least change)}
CASES = {
    "side_step": {"narrow_step": (at_turn(feet_apart), -1, 0.08),
                  "standing_tall": (at_turn(knee_bend), -1, 15.0),
                  "bobbing": (hip_bob, +1, 0.08)},
    "monster_walk": {"feet_together": (narrowest_swing, -1, 0.2),
                     "standing_tall": (at_turn(knee_bend), -1, 15.0)},
    "diagonal_step_tap": {"narrow_step": (at_turn(feet_apart), -1, 0.1),
                          "standing_tall": (at_turn(knee_bend), -1, 15.0)},
}
# exercise -> the key measurement, largest at a clean rep's turn
KEYS = {"side_step": lambda w, rep: feet_apart(w), "monster_walk": step_lead,
        "diagonal_step_tap": lambda w, rep: feet_apart(w)}


def _generate(exercise, view, out):
    faults = {i + 2: [f] for i, f in enumerate(CASES[exercise])}
    return faults, generate_clip(exercise, view=view, reps=2, faults=faults, out=out, seed=3,
                                 **SMALL)


@pytest.fixture(scope="module", params=[(e, v) for e in CASES for v in ("front", "side")],
                ids=lambda p: "-".join(p))
def clip(request, tmp_path_factory):
    exercise, view = request.param
    out = tmp_path_factory.mktemp("gait") / f"{exercise}_{view}.mp4"
    faults, label_path = _generate(exercise, view, out)
    return exercise, view, out, read_labels(label_path), faults


def test_reps_per_side_match_the_set_plan(clip):
    exercise, _, _, labels, _ = clip
    assert [r["side"] for r in labels["reps"]] == SIDES[exercise]
    assert not labels["holds"]


def test_spans_are_ordered_and_inside_the_clip(clip):
    _, _, _, labels, _ = clip
    previous = 0
    for rep in labels["reps"]:
        assert previous <= rep["start_frame"] < rep["turn_frame"] < rep["end_frame"]
        previous = rep["end_frame"]
    assert previous < labels["n_frames"] - 1


def test_turn_is_where_the_key_measurement_peaks(clip):
    exercise, _, _, labels, _ = clip
    w = labels["landmarks_3d"]
    for rep in labels["reps"]:
        if rep["faults"]:
            continue
        values = KEYS[exercise](w, rep)
        span = values[rep["start_frame"]:rep["end_frame"] + 1]
        assert values[rep["turn_frame"]] >= span.max() - 0.03 * np.ptp(span) - 1e-3, rep
        assert np.ptp(span) > 0.1, rep  # the feet really open and close (metres)


def test_each_fault_is_on_its_rep_only_and_changes_the_pose(clip):
    exercise, _, _, labels, faults = clip
    w = labels["landmarks_3d"]
    for rep in labels["reps"]:
        assert rep["faults"] == faults.get(rep["index"], [])
    for index, (fault,) in faults.items():
        measure, direction, size = CASES[exercise][fault]
        bad = labels["reps"][index - 1]
        clean = [r for r in labels["reps"] if not r["faults"] and r["side"] == bad["side"]]
        value = measure(w, bad)
        reference = np.mean([measure(w, r) for r in clean])
        assert direction * (value - reference) >= size, (fault, value, reference)


def test_each_rep_travels_its_own_way(clip):
    """The hips move on over every rep: sideways toward the stepping foot (side step, diagonal
    step seen from the front), forward or back along the heading (seen from the side, where
    the person faces the image's left)."""
    exercise, view, _, labels, _ = clip
    hips_x = labels["landmarks_2d"][:, [HIP_L, HIP_R], 0].mean(axis=1)
    for rep in labels["reps"]:
        moved = hips_x[rep["end_frame"]] - hips_x[rep["start_frame"]]
        if view == "front" and exercise != "monster_walk":
            expected = 1 if rep["side"] == "left" else -1  # facing us, their left is our right
        elif view == "side" and exercise != "side_step":
            expected = -HEADINGS[rep["index"] - 1]
        else:
            continue
        assert expected * moved >= 0.03 * labels["person_height_px"], (rep, moved)


def test_same_seed_same_bytes(clip, tmp_path):
    exercise, view, out, _, _ = clip
    again = tmp_path / "again.mp4"
    _generate(exercise, view, again)
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()
    assert digest(again) == digest(out)
    assert digest(again.with_suffix(".json")) == digest(out.with_suffix(".json"))


@pytest.mark.parametrize("exercise", list(CASES))
@pytest.mark.parametrize("view", ["front", "side"])
def test_a_default_clip_stays_inside_the_frame(exercise, view, tmp_path):
    """All the default sets (the longest walk), at a low frame rate to stay quick."""
    labels = read_labels(generate_clip(exercise, view=view, out=tmp_path / "all.mp4", seed=5,
                                       width=320, height=180, fps=6))
    xy = labels["landmarks_2d"]
    assert len(labels["reps"]) == 40 if exercise == "side_step" else 20
    assert xy[..., 0].min() >= 0 and xy[..., 0].max() <= labels["width"]
    assert xy[..., 1].min() >= 0 and xy[..., 1].max() <= labels["height"]
