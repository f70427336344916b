"""Build, store and load the exercise recogniser's examples (``trainer/data/recognizer.npz``).

Examples are the generator's exact landmarks (``synth.truth``, no rendering) for every
exercise it performs, from six camera angles and three body types, each copy made to look
like the pose model's output: jitter, a tilted camera, squashed depth, missed frames and a
clip cut at either end. Building takes about 4 CPU minutes, too long for every start, so the
vectors are stored (float16, about 100 KB) and rebuilt after the generator or the features
in ``recognize`` change (a test fails when an exercise is missing)::

    .venv/bin/python -m trainer.recognize_train
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

from .recognize import FEATURE_NAMES, Recognizer, clip_features

STORED = Path(__file__).parent / "data" / "recognizer.npz"
TRAIN_YAWS = (0.0, 45.0, 90.0, -90.0, -135.0, 180.0)
TRAIN_BODIES = ("average", "tall_slim", "short_broad")
COPIES = 2           # noisy copies per generated clip
TRAIN_SEED = 1000    # evaluation clips use seeds below 100
TRAIN_FPS = 10       # enough for percentiles over a clip, and fast
SHORT_HOLD_S = 6.0   # holds shortened: the held position is what matters, not its length
OFFSET_M = 0.04      # steady per-landmark error of the pose model, metres (one sigma)
JITTER_M = 0.02      # frame-to-frame error, metres


def augment(world: np.ndarray, xy: np.ndarray,
            rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A copy of exact landmarks made to look like the pose model's: camera tilt and roll
    (its world axes follow the camera, not the floor), depth squashed (it underrates depth),
    a steady error per landmark (it misjudges a body part the same way all clip long), frame
    jitter, 5 % of frames lost and up to a fifth of the clip cut from either end."""
    tilt, roll = np.radians(rng.uniform(-15, 15)), np.radians(rng.uniform(-6, 6))
    rotation = _rotation_x(tilt) @ _rotation_z(roll)
    world = world @ rotation.T * np.array([1.0, 1.0, 1.0 + rng.uniform(-0.9, 0.1)])
    world = world + rng.normal(0.0, OFFSET_M, (1, *world.shape[1:]))
    world = world + rng.normal(0.0, JITTER_M, world.shape)
    size_px = np.ptp(xy[..., 1]) + 1.0
    xy = xy + rng.normal(0.0, 0.01 * size_px, xy.shape)
    n = len(world)
    start, stop = int(rng.uniform(0, 0.2) * n), n - int(rng.uniform(0, 0.2) * n)
    world, xy = world[start:stop].copy(), xy[start:stop].copy()
    lost = rng.random(len(world)) < 0.05
    world[lost], xy[lost] = np.nan, np.nan
    return world, xy


def training_clips(exercises, yaws=TRAIN_YAWS, bodies=TRAIN_BODIES, seed=TRAIN_SEED):
    """(exercise, world, xy) of the exact landmarks of every training clip."""
    from .synth.truth import truth_landmarks

    for e_index, exercise in enumerate(exercises):
        for b_index, body in enumerate(bodies):
            for y_index, yaw in enumerate(yaws):
                clip_seed = seed + 100 * e_index + 10 * b_index + y_index
                truth = truth_landmarks(exercise, view=yaw, reps=3, seed=clip_seed,
                                        body_type=body, fps=TRAIN_FPS, hold_s=SHORT_HOLD_S)
                yield exercise, truth.world, truth.xy


def build_examples(exercises, copies: int = COPIES, seed: int = TRAIN_SEED, **clip_args):
    """Feature vectors and labels of ``copies`` noisy copies of every training clip."""
    rng = np.random.default_rng(seed)
    vectors, labels = [], []
    for exercise, world, xy in training_clips(exercises, seed=seed, **clip_args):
        for _ in range(copies):
            features = clip_features(*augment(world, xy, rng))
            if features is not None:
                vectors.append(features)
                labels.append(exercise)
    return np.array(vectors), np.array(labels)


def save(recognizer: Recognizer, path: Path = STORED) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(path, examples=recognizer.examples.astype(np.float16),
                        labels=recognizer.labels, features=np.array(FEATURE_NAMES))
    return path


@functools.cache
def load(path: Path = STORED) -> Recognizer:
    """The stored recogniser; raises ValueError when it was built for other features."""
    data = np.load(path)
    if tuple(data["features"].tolist()) != FEATURE_NAMES:
        raise ValueError(f"{path} was built for other features; rebuild it with "
                         "`python -m trainer.recognize_train`")
    return Recognizer.fit(data["examples"].astype(float), data["labels"])


def _rotation_x(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])


def _rotation_z(a: float) -> np.ndarray:
    c, s = np.cos(a), np.sin(a)
    return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])


def main() -> None:
    from .synth import EXERCISES

    examples, labels = build_examples(EXERCISES)
    path = save(Recognizer.fit(examples, labels))
    print(f"wrote {path}: {len(labels)} examples of {len(set(labels))} exercises")


if __name__ == "__main__":
    main()
