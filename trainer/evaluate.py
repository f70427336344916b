"""`trainer eval`: every figure the exercise modules are judged on, from one command.

Generated clips (each exercise, the camera views its rules need, three body types, a form fault
injected on a chosen rep) are rendered, run through the real pose model (poses cached per clip)
and scored against the generator's exact truth: rep counts, fault recall per fault type, false
cues on clean reps and hold timing. Labelled real clips are scored against their hand counts.
"""

from __future__ import annotations

import functools
import hashlib
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import numpy as np

from .engine import EngineResult, ExerciseEngine
from .exercises import EXERCISES, get_exercise
from .pose import PoseFrame
from .smoothing import PoseSmoother

BODY_TYPES = ("average", "tall_slim", "short_broad")
EVAL_VIEWS = ("front", "side")
HOLD_S = 6.0          # generated holds are shortened: timing is judged within a second either way


@functools.cache
def generator_version(exercise: str) -> str:
    """Digest of the generator source this exercise's clips depend on (everything but the other
    exercises' own modules): a clip cached by an older generator is made again."""
    from . import synth
    from .synth.exercises import EXERCISES as SCRIPTED

    digest = hashlib.sha256()
    for path in sorted(Path(synth.__file__).parent.rglob("*.py")):
        if path.parent.name == "exercises" and path.stem in SCRIPTED and path.stem != exercise:
            continue
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def clip_for(exercise: str, cache: Path, **kwargs) -> Path:
    """Generate (once per generator version) the clip for these arguments; returns its label path."""
    from .synth import generate_clip

    key = hashlib.sha256(json.dumps([exercise, kwargs, generator_version(exercise)],
                                    sort_keys=True).encode()).hexdigest()[:16]
    out = cache / "clips" / f"{exercise}_{key}.mp4"
    if not out.with_suffix(".json").exists():
        out.parent.mkdir(parents=True, exist_ok=True)
        generate_clip(exercise, out=out, **kwargs)
    return out.with_suffix(".json")


def estimator_version() -> str:
    """Digest of the pose estimator's source: poses cached by another estimator (one that
    tracked people differently) are computed again."""
    from .io import landmarker

    return hashlib.sha256(Path(landmarker.__file__).read_bytes()).hexdigest()[:8]


def poses_of(video: Path, model_path: Path, cache: Path) -> list[PoseFrame]:
    """Raw poses of every frame, computed once per clip content and estimator and kept in
    ``cache``."""
    from .io.landmarker import PoseEstimator
    from .io.video import VideoSource

    content = hashlib.sha256(video.read_bytes()).hexdigest()[:16]
    stored = cache / "poses" / f"{content}_{estimator_version()}.npz"
    if stored.exists():
        # read each array once: indexing the archive itself would decompress it again per frame
        # and every frame would keep its own whole copy alive
        with np.load(stored) as archive:
            d = {name: archive[name] for name in archive.files}
        size = tuple(int(v) for v in d["size"])
        return [PoseFrame.empty(float(t), i, size) if n == 0 else
                PoseFrame(float(t), i, size, d["xy"][i], d["world"][i], d["vis"][i], d["pres"][i], int(n),
                          bool(d["followed"][i]))
                for i, (t, n) in enumerate(zip(d["t"], d["people"]))]
    with PoseEstimator(model_path) as estimator:
        frames = [estimator.estimate(f.image, f.t_s, f.index) for f in VideoSource(video)]
    stored.parent.mkdir(parents=True, exist_ok=True)
    np.savez_compressed(stored, t=[f.t_s for f in frames], people=[f.people for f in frames],
                        xy=[f.xy for f in frames], world=[f.world for f in frames],
                        vis=[f.visibility for f in frames], pres=[f.presence for f in frames],
                        followed=[f.followed for f in frames], size=frames[0].image_size)
    return frames


def run_engine(exercise_id: str, poses: list[PoseFrame], fps: float) -> EngineResult:
    exercise = get_exercise(exercise_id)
    engine = ExerciseEngine(exercise, fps)
    smoother = PoseSmoother(use_followed=exercise.detector_misses_expected)
    for pose in poses:
        engine.update(smoother(pose))
    return engine.result()


def evaluation_plan(exercise_ids, body_types=BODY_TYPES):
    """Clip arguments to score: per exercise, each view the routine judges it from (its
    ``best_views``) and each body type. Every fault that view can see goes on its own even rep
    (or hold) with clean ones between, so one clip scores recall and false cues together."""
    from .synth import FAULTS

    for exercise_id in exercise_ids:
        exercise = get_exercise(exercise_id)
        best = {str(v) for v in exercise.best_views}
        for view in (v for v in EVAL_VIEWS if v in best):
            seeable = [f for f in FAULTS.get(exercise_id, ())
                       if any(r.id == f and view in {str(v) for v in r.views} for r in exercise.rules)]
            faults = {2 * (i + 1): [f] for i, f in enumerate(seeable)}
            count = max(3, 2 * len(seeable) + 1)
            for k, body in enumerate(body_types):
                args = dict(view=view, body_type=body, reps=count, faults=faults, seed=k + 1)
                if exercise.hold:
                    args["hold_s"] = HOLD_S
                yield exercise_id, args


def unjudged_faults(exercise_ids) -> list[str]:
    """``exercise.fault`` for each fault the generator injects that no rule judges from the
    views the routine uses for that exercise: the gaps the evaluation cannot score."""
    from .synth import FAULTS

    gaps = []
    for exercise_id in exercise_ids:
        exercise = get_exercise(exercise_id)
        judged = {r.id for r in exercise.rules if r.views & exercise.best_views}
        gaps += [f"{exercise_id}.{f}" for f in FAULTS.get(exercise_id, ()) if f not in judged]
    return sorted(gaps)


@dataclass
class SyntheticScore:
    clips: int = 0
    exact: int = 0
    recall: dict[str, list[int]] = field(default_factory=lambda: defaultdict(lambda: [0, 0]))
    clean_reps: int = 0
    clean_cued: int = 0
    hold_errors_s: list[float] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)

    def add(self, name: str, labels: dict, result: EngineResult) -> None:
        self.clips += 1
        fps = labels["fps"]
        counts_ok = (len(result.reps), len(result.holds)) == (len(labels["reps"]), len(labels["holds"]))
        self.exact += counts_ok
        if not counts_ok:
            self.misses.append(f"{name}: counted {len(result.reps)} reps / {len(result.holds)} holds, "
                               f"truth {len(labels['reps'])} / {len(labels['holds'])}")
        for truth in labels["reps"]:
            found = [r for r in result.reps if truth["start_frame"] / fps <= r.turn_s <= truth["end_frame"] / fps]
            self._score_faults(name, truth, {f.rule_id for r in found for f in r.faults})
        for truth in labels["holds"]:
            span = (truth["start_frame"] / fps, truth["end_frame"] / fps)
            found = [h for h in result.holds if h.start_s < span[1] and h.end_s > span[0]]
            self.hold_errors_s.append(abs(sum(h.held_s for h in found) - (span[1] - span[0])))
            self._score_faults(name, truth, {f.rule_id for h in found for f in h.faults})

    def _score_faults(self, name: str, truth: dict, cues: set[str]) -> None:
        for fault in truth.get("faults", []):
            self.recall[fault][0] += fault in cues
            self.recall[fault][1] += 1
            if fault not in cues:
                self.misses.append(f"{name}: missed {fault}")
        if not truth.get("faults"):
            self.clean_reps += 1
            self.clean_cued += bool(cues)
            if cues:
                self.misses.append(f"{name}: clean rep drew {sorted(cues)}")


# Words of a label's ``visible_form_issues`` -> the rule ids that describe that issue.
ISSUE_RULES = {
    "past toes": {"knees_past_toes", "knee_past_toes"},
    "torso leans forward": {"chest_drop", "torso_lean"},
    "valgus": {"knee_valgus", "knee_valgus_rising"},
    "drift inward": {"knee_valgus", "knee_valgus_rising"},
}


def rules_for_issue(text: str) -> set[str]:
    """Rule ids any of whose issues the label text names (empty for "none seen")."""
    text = text.lower()
    return set().union(*(ids for words, ids in ISSUE_RULES.items() if words in text))


@dataclass
class RealScore:
    rows: int = 0
    right: int = 0
    errors: list[int] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    # clips labelled with a form issue: (file, cues raised, rule ids that would describe it)
    faulty: list[tuple[str, list[str], set[str]]] = field(default_factory=list)
    # clips whose name says "correct": (file, cues raised)
    correct: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def faulty_flagged(self) -> int:
        return sum(bool(set(cues) & wanted) for _, cues, wanted in self.faulty)

    @property
    def correct_cued(self) -> int:
        return sum(bool(cues) for _, cues in self.correct)


def evaluate_synthetic(exercise_ids, model_path: Path, cache: Path, body_types=BODY_TYPES,
                       progress: Callable[[str], None] = lambda m: None) -> SyntheticScore:
    score = SyntheticScore()
    for exercise_id, args in evaluation_plan(exercise_ids, body_types):
        name = f"{exercise_id} {args['view']} {args['body_type']}"
        progress(name)
        labels_path = clip_for(exercise_id, cache, **args)
        labels = json.loads(labels_path.read_text())
        poses = poses_of(labels_path.with_suffix(".mp4"), model_path, cache)
        score.add(name, labels, run_engine(exercise_id, poses, labels["fps"]))
    return score


def evaluate_real(videos: Path, model_path: Path, cache: Path,
                  progress: Callable[[str], None] = lambda m: None) -> RealScore:
    score = RealScore()
    rows = json.loads((videos / "labels.json").read_text())
    for row in rows:
        if row["exercise_id"] not in EXERCISES or not row["reps_ok"]:
            continue
        progress(row["file"])
        from .io.video import VideoSource
        poses = poses_of(videos / row["file"], model_path, cache)
        result = run_engine(row["exercise_id"], poses, VideoSource(videos / row["file"]).info.fps)
        counted = len(result.reps)
        score.rows += 1
        score.right += counted in row["reps_ok"]
        score.errors.append(min(abs(counted - ok) for ok in row["reps_ok"]))
        cues = sorted({f.rule_id for f in result.faults})
        name = Path(row["file"]).stem
        if "incorrect" in name and (wanted := rules_for_issue(row["visible_form_issues"])):
            score.faulty.append((row["file"], cues, wanted))
        elif "correct" in name:
            score.correct.append((row["file"], cues))
        if counted not in row["reps_ok"] or cues:
            score.notes.append(f"{row['file']}: {counted} reps (ok {row['reps_ok']}), cues {cues}; "
                               f"label: {row['visible_form_issues']}")
    return score
