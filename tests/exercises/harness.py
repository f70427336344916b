"""Run an exercise module on a generated clip with the real pose model, and compare with truth.

    labels, result = run_synth("goblet_squat", view="front", reps=3, faults={2: ["knee_valgus"]})
    check_against_truth(labels, result)

Poses are cached per clip (keyed by the clip's bytes) under .pytest_cache/poses, so repeated runs
and several tests on one clip pay for the model once.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np

from trainer.engine import EngineResult, ExerciseEngine
from trainer.exercises import get_exercise
from trainer.pose import PoseFrame
from trainer.smoothing import PoseSmoother

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".pytest_cache" / "poses"
CLIPS = ROOT / ".pytest_cache" / "clips"


def generate(exercise: str, **kwargs) -> Path:
    """The clip for these arguments (generated once), returning its label path."""
    from trainer.synth import generate_clip

    key = hashlib.sha256(json.dumps([exercise, kwargs], sort_keys=True, default=str).encode()).hexdigest()[:16]
    out = CLIPS / f"{exercise}_{key}.mp4"
    if not out.with_suffix(".json").exists():
        CLIPS.mkdir(parents=True, exist_ok=True)
        generate_clip(exercise, out=out, **kwargs)
    return out.with_suffix(".json")


def poses_of(video: Path, model_path: Path) -> list[PoseFrame]:
    """Raw (unsmoothed) poses of every frame, from the cache or the model."""
    from trainer.io.landmarker import PoseEstimator
    from trainer.io.video import VideoSource

    digest = hashlib.sha256(video.read_bytes()).hexdigest()[:16]
    cached = CACHE / f"{digest}.npz"
    if cached.exists():
        d = np.load(cached)
        size = tuple(int(v) for v in d["size"])
        return [PoseFrame.empty(float(t), i, size) if n == 0 else
                PoseFrame(float(t), i, size, d["xy"][i], d["world"][i], d["vis"][i], d["pres"][i], int(n))
                for i, (t, n) in enumerate(zip(d["t"], d["people"]))]
    frames = []
    with PoseEstimator(model_path) as estimator:
        for frame in VideoSource(video):
            frames.append(estimator.estimate(frame.image, frame.t_s, frame.index))
    CACHE.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(cached, t=[f.t_s for f in frames], people=[f.people for f in frames],
                        xy=[f.xy for f in frames], world=[f.world for f in frames],
                        vis=[f.visibility for f in frames], pres=[f.presence for f in frames],
                        size=frames[0].image_size)
    return frames


def analyze_poses(exercise_id: str, poses: list[PoseFrame], fps: float) -> EngineResult:
    engine, smoother = ExerciseEngine(get_exercise(exercise_id), fps), PoseSmoother()
    for pose in poses:
        engine.update(smoother(pose))
    return engine.result()


def run_synth(exercise: str, model_info, analyze_as: str | None = None, **kwargs) -> tuple[dict, EngineResult]:
    """Generate (or reuse) a clip, run the model on it and the exercise module over the poses."""
    label_path = generate(exercise, **kwargs)
    labels = json.loads(label_path.read_text())
    poses = poses_of(label_path.with_suffix(".mp4"), model_info.path)
    return labels, analyze_poses(analyze_as or exercise, poses, labels["fps"])


def check_against_truth(labels: dict, result: EngineResult, *, allow_extra_cues_on_faulty: bool = True) -> None:
    """Reps (count, side, order), faults on their rep, no cues on clean reps; holds within 1 s."""
    fps = labels["fps"]
    assert len(result.reps) == len(labels["reps"]), \
        f"counted {len(result.reps)} reps, truth {len(labels['reps'])}"
    for truth, found in zip(labels["reps"], result.reps):
        assert truth["start_frame"] / fps <= found.turn_s <= truth["end_frame"] / fps, \
            f"rep {truth['index']}: turn at {found.turn_s:.2f}s outside the labelled rep"
        if truth["side"] != "both":
            assert found.side == truth["side"], f"rep {truth['index']}: side {found.side}, truth {truth['side']}"
        cues = {f.rule_id for f in found.faults}
        assert set(truth["faults"]) <= cues, f"rep {truth['index']}: missed {set(truth['faults']) - cues}"
        if not truth["faults"]:
            assert not cues, f"clean rep {truth['index']} drew {cues}"
        elif not allow_extra_cues_on_faulty:
            assert cues == set(truth["faults"])
    assert len(result.holds) == len(labels["holds"]), \
        f"timed {len(result.holds)} holds, truth {len(labels['holds'])}"
    for truth, found in zip(labels["holds"], result.holds):
        true_s = (truth["end_frame"] - truth["start_frame"]) / fps
        assert abs(found.held_s - true_s) <= 1.0, f"hold timed {found.held_s:.1f}s, truth {true_s:.1f}s"
        if truth["side"] != "both":
            assert found.side == truth["side"]
