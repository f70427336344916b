"""How well ``--exercise auto`` names the exercise: confusion on generated and real clips.

Generated clips (every exercise, front and side, three body types, seeds far from the training
seeds) go through the real pose model; clips and poses are kept in ``trainer eval``'s cache, so
a second run costs seconds. Labelled real clips are read from ``labels.json``. Rows
whose exercise is not in the routine should come out "unsure".
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .evaluate import BODY_TYPES, EVAL_VIEWS, HOLD_S, clip_for, poses_of
from .recognize import Recognition, Recognizer, recognize

UNSURE = "unsure"
GOAL = 0.95
CLIP_FORMAT = dict(fps=10, width=480, height=270)


@dataclass
class RecognitionScore:
    """Each clip's true exercise and what the recogniser said (an id or ``UNSURE``)."""

    results: list[tuple[str, str, str]] = field(default_factory=list)  # (clip, truth, said)

    def add(self, clip: str, truth: str, found: Recognition) -> None:
        self.results.append((clip, truth, found.exercise or UNSURE))

    @property
    def right(self) -> int:
        return sum(truth == said for _, truth, said in self.results)

    def confusion(self) -> Counter:
        return Counter((truth, said) for _, truth, said in self.results)


def recognition_plan(exercise_ids, body_types=BODY_TYPES):
    """Clip arguments per exercise, view and body type: two reps (or short holds) a set,
    small and at 10 fps, because the pose model runs on every frame of every clip."""
    for exercise_id in exercise_ids:
        for view in EVAL_VIEWS:
            for k, body in enumerate(body_types):
                yield exercise_id, dict(view=view, body_type=body, reps=2, seed=k + 1,
                                        hold_s=HOLD_S, **CLIP_FORMAT)


def recognise_generated(exercise_ids, recognizer: Recognizer, model_path: Path, cache: Path,
                        body_types=BODY_TYPES, candidates=None,
                        progress: Callable[[str], None] = lambda m: None) -> RecognitionScore:
    score = RecognitionScore()
    for exercise_id, args in recognition_plan(exercise_ids, body_types):
        name = f"{exercise_id} {args['view']} {args['body_type']}"
        progress(name)
        labels = clip_for(exercise_id, cache, **args)
        poses = poses_of(labels.with_suffix(".mp4"), model_path, cache)
        score.add(name, exercise_id, recognize(poses, recognizer, candidates))
    return score


def recognise_real(videos: Path, recognizer: Recognizer, model_path: Path, cache: Path,
                   candidates=None,
                   progress: Callable[[str], None] = lambda m: None) -> RecognitionScore:
    """Every labelled real clip; one without a routine exercise counts as right when unsure."""
    score = RecognitionScore()
    for row in json.loads((videos / "labels.json").read_text()):
        progress(row["file"])
        poses = poses_of(videos / row["file"], model_path, cache)
        score.add(row["file"], row["exercise_id"] or UNSURE, recognize(poses, recognizer, candidates))
    return score


def report_lines(title: str, score: RecognitionScore, goal: float | None = None) -> list[str]:
    """A summary line, then per true exercise how often it was named right and what else."""
    total = len(score.results)
    share = score.right / max(1, total)
    target = f", goal {100 * goal:.0f}%" if goal else ""
    lines = [f"{title}: exercise named right on {score.right}/{total} ({100 * share:.0f}%{target})"]
    confusion = score.confusion()
    for truth in sorted({t for t, _ in confusion}):
        row = {said: n for (t, said), n in confusion.items() if t == truth}
        wrong = ", ".join(f"{said} x{n}" for said, n in sorted(row.items()) if said != truth)
        lines.append(f"  {truth}: {row.get(truth, 0)}/{sum(row.values())}"
                     + (f"; taken for {wrong}" if wrong else ""))
    return lines


def recognition_report(exercise_ids, model_path: Path, cache: Path, body_types=BODY_TYPES,
                       videos: Path | None = None,
                       progress: Callable[[str], None] = lambda m: None) -> list[str]:
    """The printout of ``trainer eval``: generated clips of ``exercise_ids``, then the real
    clips in ``videos`` when given. Answers are limited to exercises that can be analysed,
    as ``trainer analyze`` limits them."""
    from .exercises import EXERCISES
    from .recognize_train import load

    recognizer, known = load(), set(EXERCISES)
    generated = recognise_generated(exercise_ids, recognizer, model_path, cache, body_types,
                                    known, progress)
    lines = report_lines("--exercise auto on generated clips", generated, GOAL)
    if videos is not None:
        real = recognise_real(videos, recognizer, model_path, cache, known, progress)
        lines += report_lines("--exercise auto on real clips", real)
    return lines
