"""Run an exercise module on a generated clip with the real pose model, and compare with truth.

    labels, result = run_synth("goblet_squat", model_info, view="front", reps=3, faults={2: ["knee_valgus"]})
    check_against_truth(labels, result)

Clips and their poses are cached under .pytest_cache/eval (see trainer.evaluate), so repeated
runs and several tests on one clip pay for the model once.
"""

from __future__ import annotations

import json
from pathlib import Path

from trainer.engine import EngineResult
from trainer.evaluate import clip_for, poses_of, run_engine

CACHE = Path(__file__).resolve().parents[2] / ".pytest_cache" / "eval"


def run_synth(exercise: str, model_info, analyze_as: str | None = None, **kwargs) -> tuple[dict, EngineResult]:
    """Generate (or reuse) a clip, run the model on it and the exercise module over the poses."""
    label_path = clip_for(exercise, CACHE, **kwargs)
    labels = json.loads(label_path.read_text())
    poses = poses_of(label_path.with_suffix(".mp4"), model_info.path, CACHE)
    return labels, run_engine(analyze_as or exercise, poses, labels["fps"])


def check_against_truth(labels: dict, result: EngineResult) -> None:
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
    assert len(result.holds) == len(labels["holds"]), \
        f"timed {len(result.holds)} holds, truth {len(labels['holds'])}"
    for truth, found in zip(labels["holds"], result.holds):
        true_s = (truth["end_frame"] - truth["start_frame"]) / fps
        assert abs(found.held_s - true_s) <= 1.0, f"hold timed {found.held_s:.1f}s, truth {true_s:.1f}s"
        if truth["side"] != "both":
            assert found.side == truth["side"]
        cues = {f.rule_id for f in found.faults}
        assert set(truth.get("faults", [])) <= cues, f"hold missed {set(truth['faults']) - cues}"
        if not truth.get("faults"):
            assert not cues, f"clean hold drew {cues}"
