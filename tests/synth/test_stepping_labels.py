"""Stepping exercises (split stances, lunges): labels agree with the motion.

For each exercise, short clips from the front and the side: reps per side match the set plan
(so the working leg really changes), spans are ordered and inside the clip, each clean rep's
turn is where its key measurement (hip height, or the feet's spread for a tap) is most
extreme, every fault changes its rep's measurement clearly and only that rep carries it,
and equal seeds give equal bytes.
"""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from trainer.synth import generate_clip
from trainer.synth.exercises import get_exercise
from trainer.synth.labels import read_labels

SMALL = {"width": 320, "height": 180, "fps": 15}
SH = (11, 12)
LEFT = {"hip": 23, "knee": 25, "ankle": 27, "heel": 29, "toe": 31}
RIGHT = {"hip": 24, "knee": 26, "ankle": 28, "heel": 30, "toe": 32}


def legs(rep: dict) -> tuple[dict, dict]:
    """(working leg, other leg) landmark indices of a rep: ``side`` names the working leg."""
    return (LEFT, RIGHT) if rep["side"] == "left" else (RIGHT, LEFT)


def _flat(v: np.ndarray) -> np.ndarray:
    v = v.copy()
    v[:, 1] = 0.0
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def hip_height(w: np.ndarray) -> np.ndarray:
    """Mid-hip height above the lower ankle (y is down, the origin is the mid-hip)."""
    return np.maximum(w[:, 27, 1], w[:, 28, 1])


def hip_rise(w, work, other):
    return hip_height(w)


def knee_past_toes(w, work, other):
    """How far the working knee is ahead of its toes along the foot (metres)."""
    forward = _flat(w[:, work["toe"]] - w[:, work["heel"]])
    return np.sum((w[:, work["knee"]] - w[:, work["toe"]]) * forward, axis=1)


def knee_inward(w, work, other):
    """How far the working knee sits inside its ankle, toward the other hip (metres)."""
    inward = _flat(w[:, other["hip"]] - w[:, work["hip"]])
    return np.sum((w[:, work["knee"]] - w[:, work["ankle"]]) * inward, axis=1)


def back_knee_height(w, work, other):
    """Height of the other (back) knee above the floor under the lower ankle."""
    return np.maximum(w[:, 27, 1], w[:, 28, 1]) - w[:, other["knee"], 1]


def trunk_lean(w, work, other):
    """Degrees of the hip-to-shoulder line from vertical."""
    up = (w[:, SH[0]] + w[:, SH[1]]) / 2 - (w[:, 23] + w[:, 24]) / 2
    return np.degrees(np.arccos(-up[:, 1] / np.linalg.norm(up, axis=1)))


def _knee_bend(w, leg):
    a, b = w[:, leg["hip"]] - w[:, leg["knee"]], w[:, leg["ankle"]] - w[:, leg["knee"]]
    cos = np.sum(a * b, axis=1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1)
    return 180.0 - np.degrees(np.arccos(np.clip(cos, -1, 1)))


def work_knee_bend(w, work, other):
    return _knee_bend(w, work)


def other_knee_bend(w, work, other):
    return _knee_bend(w, other)


# exercise -> {fault: (measure, direction, least change)}; see KEYS for the turns.
CASES = {
    "banded_split_squat": {
        "shallow_depth": (back_knee_height, +1, 0.12), "knee_past_toes": (knee_past_toes, +1, 0.1),
        "knee_valgus": (knee_inward, +1, 0.05), "torso_lean": (trunk_lean, +1, 15.0)},
    "slider_reverse_lunge": {
        "knee_past_toes": (knee_past_toes, +1, 0.1), "shallow_depth": (work_knee_bend, -1, 30.0)},
    "lateral_lunge": {
        "knee_past_toes": (knee_past_toes, +1, 0.08), "chest_drop": (trunk_lean, +1, 12.0),
        "bent_trailing_leg": (other_knee_bend, +1, 25.0), "knee_valgus": (knee_inward, +1, 0.05)},
    "jab_step": {"standing_up": (hip_rise, +1, 0.08)},
}


def _generate(exercise, view, out):
    faults = {i + 2: [f] for i, f in enumerate(CASES[exercise])}
    return faults, generate_clip(exercise, view=view, reps=2, faults=faults, out=out, seed=3,
                                 **SMALL)


@pytest.fixture(scope="module", params=[(e, v) for e in CASES for v in ("front", "side")],
                ids=lambda p: "-".join(p))
def clip(request, tmp_path_factory):
    exercise, view = request.param
    out = tmp_path_factory.mktemp("stepping") / f"{exercise}_{view}.mp4"
    faults, label_path = _generate(exercise, view, out)
    return exercise, view, out, read_labels(label_path), faults


def test_reps_per_side_match_the_set_plan(clip):
    exercise, _, _, labels, _ = clip
    expected = [p.side for p in get_exercise(exercise).script.sets for _ in range(2)]
    assert [r["side"] for r in labels["reps"]] == expected
    assert not labels["holds"]


def front_foot_lead(w, work, other):
    """How far the working ankle is ahead of the other ankle along the feet (metres)."""
    forward = _flat(w[:, work["toe"]] - w[:, work["heel"]])
    return np.sum((w[:, work["ankle"]] - w[:, other["ankle"]]) * forward, axis=1)


def knee_bend_lead(w, work, other):
    """How much more the working knee is bent than the other (degrees)."""
    return _knee_bend(w, work) - _knee_bend(w, other)


def ankle_reach_lead(w, work, other):
    """How much farther the working ankle is from the mid-hip than the other, across the
    floor (metres; the origin is the mid-hip)."""
    reach = lambda i: np.linalg.norm(w[:, i][:, [0, 2]], axis=1)
    return reach(work["ankle"]) - reach(other["ankle"])


def feet_apart(w: np.ndarray) -> np.ndarray:
    """Distance between the ankles across the floor (metres)."""
    return np.linalg.norm((w[:, 27] - w[:, 28])[:, [0, 2]], axis=1)


# exercise -> (measure that is large at the turn only when the rep's own side works, least value)
WORKING = {"banded_split_squat": (front_foot_lead, 0.4),
           "slider_reverse_lunge": (front_foot_lead, 0.4),
           "lateral_lunge": (knee_bend_lead, 40.0),
           "jab_step": (ankle_reach_lead, 0.15)}
# exercise -> (key measurement, its extreme at the turn); hip height lowest unless named here.
KEYS = {"jab_step": (feet_apart, "max")}


def test_the_working_leg_changes_with_the_side(clip):
    """At every clean turn the rep's own leg is the working one (front foot, or bent knee)."""
    exercise, _, _, labels, _ = clip
    w = labels["landmarks_3d"]
    measure, least = WORKING[exercise]
    for rep in labels["reps"]:
        if not rep["faults"]:
            assert measure(w, *legs(rep))[rep["turn_frame"]] >= least, rep


def test_spans_are_ordered_and_inside_the_clip(clip):
    _, _, _, labels, _ = clip
    previous = 0
    for rep in labels["reps"]:
        assert previous <= rep["start_frame"] < rep["turn_frame"] < rep["end_frame"]
        previous = rep["end_frame"]
    assert previous < labels["n_frames"] - 1


def test_turn_is_where_the_key_measurement_peaks(clip):
    exercise, _, _, labels, _ = clip
    key, extreme = KEYS.get(exercise, (hip_height, "min"))
    values = key(labels["landmarks_3d"])
    for rep in labels["reps"]:
        if rep["faults"]:
            continue
        span = values[rep["start_frame"]:rep["end_frame"] + 1]
        best = span.min() if extreme == "min" else span.max()
        assert abs(values[rep["turn_frame"]] - best) <= 0.03 * np.ptp(span) + 1e-3


def test_each_fault_is_on_its_rep_only_and_changes_the_pose(clip):
    exercise, _, _, labels, faults = clip
    w = labels["landmarks_3d"]
    for rep in labels["reps"]:
        assert rep["faults"] == faults.get(rep["index"], [])
    for index, (fault,) in faults.items():
        measure, direction, size = CASES[exercise][fault]
        bad = labels["reps"][index - 1]
        clean = [r for r in labels["reps"] if not r["faults"] and r["side"] == bad["side"]]
        value = measure(w, *legs(bad))[bad["turn_frame"]]
        reference = np.mean([measure(w, *legs(r))[r["turn_frame"]] for r in clean])
        assert direction * (value - reference) >= size, (fault, value, reference)


def test_same_seed_same_bytes(clip, tmp_path):
    exercise, view, out, _, _ = clip
    again = tmp_path / "again.mp4"
    _generate(exercise, view, again)
    digest = lambda p: hashlib.sha256(p.read_bytes()).hexdigest()
    assert digest(again) == digest(out)
    assert digest(again.with_suffix(".json")) == digest(out.with_suffix(".json"))
