"""Which routine exercise is this? Recognised from a clip's pose sequence (pure numpy, no I/O).

A clip becomes one feature vector of view-independent summaries: body orientation (upright,
on the back, on the side, face down), trunk tilt, hip and knee flexion of the working and the
other leg, how much each moves, whether the legs move together or in turn, feet spacing, foot
lift, heel rise, hand height and hip travel (across, up-down, toward the camera). Each is a percentile over the clip, so a
few bad frames or a slow start do not change it. Angles come from the 3D world landmarks
(metres, hip-centred), so body size and camera angle matter little; lengths are divided by
the person's own leg or torso length.

The classifier compares the vector, scaled by the spread seen within each exercise, with
labelled examples (generated clips run through the pose model, and their exact landmarks
made to look like its output, see ``recognize_train``): the nearest examples vote, and the
winner's share of the votes is the confidence. Too far from every example, too split a vote,
or landmarks whose bone lengths jump about (no real body), and the answer is "unsure".
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import numpy as np

from .pose import Landmark as L
from .pose import PoseFrame

UP = np.array([0.0, -1.0, 0.0])   # world landmarks have y pointing down
PERCENTILES = (10, 50, 90)
MIN_FRAMES = 10         # fewer frames with a whole body than this: nothing to recognise
NEIGHBOURS = 10         # nearest examples that vote
CONFIDENCE_FLOOR = 0.4  # below this share of the votes the best guess is reported as unsure
NOVELTY_LIMIT = 4.0     # RMS distance, in within-exercise spreads, beyond which nothing fits
BONE_WOBBLE = 0.35      # bone length spread (std / mean) beyond which landmarks are no body

_BODY = [L.LEFT_SHOULDER, L.RIGHT_SHOULDER, L.LEFT_HIP, L.RIGHT_HIP, L.LEFT_KNEE, L.RIGHT_KNEE,
         L.LEFT_ANKLE, L.RIGHT_ANKLE]
_LEGS = {"left": (L.LEFT_HIP, L.LEFT_KNEE, L.LEFT_ANKLE, L.LEFT_HEEL, L.LEFT_FOOT_INDEX),
         "right": (L.RIGHT_HIP, L.RIGHT_KNEE, L.RIGHT_ANKLE, L.RIGHT_HEEL, L.RIGHT_FOOT_INDEX)}
_BONES = [(L.LEFT_HIP, L.LEFT_KNEE), (L.RIGHT_HIP, L.RIGHT_KNEE), (L.LEFT_KNEE, L.LEFT_ANKLE),
          (L.RIGHT_KNEE, L.RIGHT_ANKLE), (L.LEFT_SHOULDER, L.LEFT_HIP),
          (L.RIGHT_SHOULDER, L.RIGHT_HIP)]
BODY_SIGNALS = ("trunk_tilt", "facing_up", "shoulders_vertical", "head_height", "hand_high",
                "hand_low", "feet_apart", "knees_apart", "foot_lift")
LEG_SIGNALS = ("knee_flexion", "hip_flexion", "thigh_tilt", "shin_tilt")
FEATURE_NAMES = tuple(
    [f"{s}_p{p}" for s in BODY_SIGNALS for p in PERCENTILES]
    + [f"{leg}_{s}_p{p}" for leg in ("working", "other") for s in LEG_SIGNALS for p in PERCENTILES]
    + [f"{leg}_heel_lift_p{p}_minus_p50" for leg in ("working", "other") for p in PERCENTILES[::2]]
    + ["knee_correlation", "hip_correlation", "travel_across", "travel_up_down", "travel_depth"])


@dataclass(frozen=True)
class Recognition:
    """The best-fitting exercise, its share of the votes, and the runner-up. ``exercise`` is
    None when unsure; ``guess`` is the best fit all the same, for the message."""

    exercise: str | None
    guess: str | None
    confidence: float
    runner_up: str | None
    runner_up_confidence: float
    reason: str = ""

    def to_json(self) -> dict:
        return {"exercise": self.exercise, "guess": self.guess,
                "confidence": round(self.confidence, 3), "runner_up": self.runner_up,
                "runner_up_confidence": round(self.runner_up_confidence, 3),
                "reason": self.reason}


@dataclass(frozen=True)
class Recognizer:
    """Labelled example vectors with the per-feature scale that distances are measured in."""

    examples: np.ndarray   # (n, features)
    labels: np.ndarray     # (n,) exercise ids
    scale: np.ndarray      # (features,) pooled within-exercise standard deviation

    @classmethod
    def fit(cls, examples: np.ndarray, labels) -> Recognizer:
        examples, labels = np.asarray(examples, float), np.asarray(labels)
        spreads = [np.var(examples[labels == c], axis=0) for c in np.unique(labels)]
        scale = np.sqrt(np.mean(spreads, axis=0))
        floor = 0.05 * np.std(examples, axis=0) + 1e-6  # a constant feature must not dominate
        return cls(examples, labels, np.maximum(scale, floor))

    @property
    def exercises(self) -> tuple[str, ...]:
        return tuple(sorted(set(self.labels.tolist())))

    def classify(self, features: np.ndarray | None, candidates=None) -> Recognition:
        """Vote among the ``NEIGHBOURS`` nearest examples (of ``candidates`` only, if given),
        each by its nearness."""
        if features is None:
            return Recognition(None, None, 0.0, None, 0.0, "no person seen long enough")
        allowed = np.array([candidates is None or c in candidates for c in self.labels])
        scaled = (self.examples[allowed] - features) / self.scale
        distance = np.sqrt(np.mean(np.clip(scaled, -6, 6) ** 2, axis=1))  # RMS, outliers capped
        order = np.argsort(distance)
        labels = self.labels[allowed][order].tolist()
        # Each neighbour votes by its nearness, so an even split goes to the closer examples.
        weights = 1.0 / (distance[order[:NEIGHBOURS]] + 1e-6)
        votes = Counter()
        for label, weight in zip(labels[:NEIGHBOURS], weights):
            votes[label] += weight
        # The runner-up may have no vote: then it is the next exercise by nearness.
        ranked = sorted(list(dict.fromkeys(labels))[:len(votes) + 1], key=lambda c: -votes[c])
        best, second = ranked[0], ranked[1] if len(ranked) > 1 else None
        share = {c: float(votes[c] / weights.sum()) for c in (best, second)}
        result = dict(guess=best, confidence=share[best], runner_up=second,
                      runner_up_confidence=share[second])
        if distance[order[0]] > NOVELTY_LIMIT:
            return Recognition(None, **result, reason="unlike every exercise it knows")
        if result["confidence"] < CONFIDENCE_FLOOR:
            return Recognition(None, **result, reason="too close a call")
        return Recognition(best, **result)


def recognize(poses: list[PoseFrame], recognizer: Recognizer, candidates=None) -> Recognition:
    """The exercise performed in ``poses`` (raw or smoothed frames of one clip). Poses found by
    following the person through a miss of the person detector are left out: the recogniser
    learnt from detected poses, and it must not be what makes a body imagined on bare legs steady."""
    poses = [p.detected_only() for p in poses]
    world = np.array([p.world for p in poses]) if poses else np.zeros((0, 33, 3))
    xy = np.array([p.xy for p in poses]) if poses else np.zeros((0, 33, 2))
    if not steady_body(world):
        return Recognition(None, None, 0.0, None, 0.0, "the poses do not hold together as one body")
    return recognizer.classify(clip_features(world, xy), candidates)


def steady_body(world: np.ndarray) -> bool:
    """True when thighs, shins and torso sides keep their length through the clip (within
    ``BONE_WOBBLE``), as a real person's do; also True when too few frames to tell."""
    seen = world[np.all(np.isfinite(world[:, _BODY]), axis=(1, 2))]
    if len(seen) < MIN_FRAMES:
        return True
    lengths = np.stack([_distance(seen, a, b) for a, b in _BONES])
    wobble = np.std(lengths, axis=1) / (np.mean(lengths, axis=1) + 1e-9)
    return float(np.median(wobble)) <= BONE_WOBBLE


def clip_features(world: np.ndarray, xy: np.ndarray) -> np.ndarray | None:
    """Feature vector (``FEATURE_NAMES``) of a clip's (n, 33, 3) world and (n, 33, 2) pixel
    landmarks; frames with any body landmark missing (NaN) are left out. None when fewer than
    ``MIN_FRAMES`` remain."""
    keep = np.all(np.isfinite(world[:, _BODY]), axis=(1, 2)) & np.all(
        np.isfinite(xy[:, _BODY]), axis=(1, 2))
    if keep.sum() < MIN_FRAMES:
        return None
    world, xy = world[keep], xy[keep]
    body = [_percentiles(s) for s in _body_signals(world).values()]
    legs = {side: _leg_signals(world, side) for side in _LEGS}
    working, other = sorted(legs.values(), key=_leg_motion, reverse=True)
    leg_features = [_percentiles(leg[name]) for leg in (working, other) for name in LEG_SIGNALS]
    leg_features += [_percentiles(leg["heel_lift"] - np.median(leg["heel_lift"]))[::2]
                     for leg in (working, other)]
    together = [_correlation(legs["left"][s], legs["right"][s])
                for s in ("knee_flexion", "hip_flexion")]
    return np.concatenate(body + leg_features + [together, _hip_travel(xy)])


def _body_signals(world: np.ndarray) -> dict[str, np.ndarray]:
    hips = (world[:, L.LEFT_HIP] + world[:, L.RIGHT_HIP]) / 2
    shoulders = (world[:, L.LEFT_SHOULDER] + world[:, L.RIGHT_SHOULDER]) / 2
    torso = shoulders - hips
    torso_len = np.median(np.linalg.norm(torso, axis=1)) + 1e-9
    leg_len = _leg_length(world)
    across = world[:, L.LEFT_SHOULDER] - world[:, L.RIGHT_SHOULDER]
    front = _unit(np.cross(across, torso))   # the chest's outward direction

    def height(i) -> np.ndarray:  # above the shoulders, in torso lengths
        return (world[:, i] - shoulders) @ UP / torso_len

    hands = np.stack([height(L.LEFT_WRIST), height(L.RIGHT_WRIST)])
    return {
        "trunk_tilt": _angle(torso, UP),
        "facing_up": front @ UP,
        "shoulders_vertical": np.abs(_unit(across) @ UP),
        "head_height": (world[:, L.NOSE] - hips) @ UP / torso_len,
        "hand_high": hands.max(axis=0),
        "hand_low": hands.min(axis=0),
        "feet_apart": _distance(world, L.LEFT_ANKLE, L.RIGHT_ANKLE) / leg_len,
        "knees_apart": _distance(world, L.LEFT_KNEE, L.RIGHT_KNEE) / leg_len,
        "foot_lift": np.abs((world[:, L.LEFT_ANKLE] - world[:, L.RIGHT_ANKLE]) @ UP) / leg_len,
    }


def _leg_signals(world: np.ndarray, side: str) -> dict[str, np.ndarray]:
    hip, knee, ankle, heel, toes = (world[:, i] for i in _LEGS[side])
    shoulders = (world[:, L.LEFT_SHOULDER] + world[:, L.RIGHT_SHOULDER]) / 2
    return {"knee_flexion": 180.0 - _angle(hip - knee, ankle - knee),
            "hip_flexion": 180.0 - _angle(shoulders - hip, knee - hip),
            "thigh_tilt": _angle(knee - hip, -UP),
            "shin_tilt": _angle(ankle - knee, -UP),
            # Heel above the toes: on tiptoe. The model's foot angle is often off by a steady
            # amount, so only its change over the clip is used.
            "heel_lift": 90.0 - _angle(heel - toes, -UP)}


def _leg_motion(leg: dict[str, np.ndarray]) -> float:
    """How much a leg moves: the working leg moves most (knee plus hip range)."""
    return sum(float(np.ptp(np.percentile(leg[s], (10, 90)))) for s in ("knee_flexion", "hip_flexion"))


def _hip_travel(xy: np.ndarray) -> np.ndarray:
    """Range of the hips' path across and up-down the picture, in torso lengths, and toward or
    away from the camera, as the log of how much the torso grows or shrinks on screen."""
    hips = (xy[:, L.LEFT_HIP] + xy[:, L.RIGHT_HIP]) / 2
    shoulders = (xy[:, L.LEFT_SHOULDER] + xy[:, L.RIGHT_SHOULDER]) / 2
    torso_px = np.linalg.norm(shoulders - hips, axis=1) + 1e-9
    spread = np.percentile(hips, 95, axis=0) - np.percentile(hips, 5, axis=0)
    growth = np.log(np.percentile(torso_px, 95) / np.percentile(torso_px, 5))
    return np.append(spread / np.median(torso_px), growth)


def _leg_length(world: np.ndarray) -> float:
    thigh = _distance(world, L.LEFT_HIP, L.LEFT_KNEE) + _distance(world, L.RIGHT_HIP, L.RIGHT_KNEE)
    shin = _distance(world, L.LEFT_KNEE, L.LEFT_ANKLE) + _distance(world, L.RIGHT_KNEE, L.RIGHT_ANKLE)
    return float(np.median(thigh + shin) / 2) + 1e-9


def _percentiles(signal: np.ndarray) -> np.ndarray:
    return np.percentile(signal, PERCENTILES)


def _correlation(a: np.ndarray, b: np.ndarray) -> float:
    """+1 legs move together, -1 in turn, 0 when either barely moves."""
    if np.std(a) < 1.0 or np.std(b) < 1.0:  # degrees: a still leg has no rhythm to compare
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def _distance(world: np.ndarray, i: int, j: int) -> np.ndarray:
    return np.linalg.norm(world[:, i] - world[:, j], axis=1)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v, axis=-1, keepdims=True) + 1e-9)


def _angle(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    cos = np.sum(_unit(a) * _unit(b), axis=-1)
    return np.degrees(np.arccos(np.clip(cos, -1.0, 1.0)))
