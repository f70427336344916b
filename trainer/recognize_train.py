"""Build, store and load the exercise recogniser's examples (``trainer/data/recognizer.npz``).

Two kinds of examples, for every exercise the generator performs (a variant such as the calf
raise under the name of the routine exercise it stands for) and three body types:

- rendered: generated clips from three camera angles (front, side, a front oblique, each
  turned a few random degrees), rendered and run through the real pose model, whose output is
  what the recogniser meets in use. The model gets some poses badly wrong in a consistent way
  (a bridge seen from the feet comes out nearly upright); only its own output teaches that.
- exact: the generator's exact landmarks (``synth.truth``, no rendering) from six angles,
  made to look like the model's output (jitter, a tilted camera, squashed depth, missed frames,
  a clip cut at either end): cheap, so they cover angles and bodies the renders do not.

Rendering the 225 clips takes 15-20 minutes on two cores (clips and poses are kept in
``out/recognizer-cache`` and reused), too long for every start, so the vectors are stored
(float16, about 200 KB) and rebuilt after the generator or the features in ``recognize``
change (a test fails when an exercise is missing)::

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
RENDER_YAWS = (0.0, 90.0, 40.0)
YAW_SPREAD = 12.0    # degrees each rendered clip's camera is turned at random
RENDER_SEED = 3000   # evaluation clips use seeds below 100, exact examples 1000-3000
RENDER_CACHE = Path("out/recognizer-cache")
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


def rendered_clips(exercises, model_path: Path, cache: Path = RENDER_CACHE, bodies=TRAIN_BODIES,
                   progress=lambda message: None):
    """(exercise, world, xy) of the pose model's output on every rendered training clip."""
    from .evaluate import HOLD_S, clip_for, poses_of
    from .recognize_eval import CLIP_FORMAT

    for e_index, exercise in enumerate(exercises):
        for b_index, body in enumerate(bodies):
            for y_index, yaw in enumerate(RENDER_YAWS):
                clip_seed = RENDER_SEED + 100 * e_index + 10 * b_index + y_index
                view = yaw + float(np.random.default_rng(clip_seed).uniform(-YAW_SPREAD, YAW_SPREAD))
                progress(f"{exercise} {body} {view:.0f} deg")
                labels = clip_for(exercise, cache, view=view, body_type=body, reps=2,
                                  seed=clip_seed, hold_s=HOLD_S, **CLIP_FORMAT)
                poses = poses_of(labels.with_suffix(".mp4"), model_path, cache)
                yield (exercise, np.array([p.world for p in poses]),
                       np.array([p.xy for p in poses]))


def rendered_examples(exercises, model_path: Path, seed: int = RENDER_SEED, **clip_args):
    """Feature vectors and labels of each rendered clip whole and cut at a random point of
    either end (the model's own noise is left as it is)."""
    rng = np.random.default_rng(seed)
    vectors, labels = [], []
    for exercise, world, xy in rendered_clips(exercises, model_path, **clip_args):
        n = len(world)
        start, stop = int(rng.uniform(0, 0.2) * n), n - int(rng.uniform(0, 0.2) * n)
        for features in (clip_features(world, xy), clip_features(world[start:stop], xy[start:stop])):
            if features is not None:
                vectors.append(features)
                labels.append(routine_name(exercise))
    return np.array(vectors), np.array(labels)


def build_examples(exercises, copies: int = COPIES, seed: int = TRAIN_SEED, **clip_args):
    """Feature vectors and labels of ``copies`` noisy copies of every training clip."""
    rng = np.random.default_rng(seed)
    vectors, labels = [], []
    for exercise, world, xy in training_clips(exercises, seed=seed, **clip_args):
        for _ in range(copies):
            features = clip_features(*augment(world, xy, rng))
            if features is not None:
                vectors.append(features)
                labels.append(routine_name(exercise))
    return np.array(vectors), np.array(labels)


def routine_name(exercise: str) -> str:
    """The routine exercise a generated one is learned as: itself, or the one its generator
    module names as ``VARIANT_OF`` (a calf raise on both feet stands for the eccentric heel
    raise). Read here rather than registered in ``synth``: a change to the generator's shared
    code makes every cached clip be rendered again."""
    import importlib

    module = importlib.import_module(f"{__package__}.synth.exercises.{exercise}")
    return getattr(module, "VARIANT_OF", exercise)


def generated_in_order() -> list[str]:
    """Every generated exercise, the variants last: each clip's seed follows its place in this
    list, so adding a variant leaves the other clips (and their cached renders) as they were."""
    from .synth import EXERCISES

    return sorted(EXERCISES, key=lambda e: routine_name(e) != e)


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
    from .io.model_store import resolve_model

    model = resolve_model(None, progress=print).path
    exercises = generated_in_order()
    exact, exact_labels = build_examples(exercises)
    rendered, rendered_labels = rendered_examples(
        exercises, model, progress=lambda m: print(f"rendering {m}", flush=True))
    examples = np.concatenate([exact, rendered])
    labels = np.concatenate([exact_labels, rendered_labels])
    path = save(Recognizer.fit(examples, labels))
    print(f"wrote {path}: {len(labels)} examples ({len(rendered_labels)} rendered) of "
          f"{len(set(labels))} exercises")


if __name__ == "__main__":
    main()
