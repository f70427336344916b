"""How long after a form fault does the coach say something about it?

    python bench/bench_cue_latency.py [--bodies 1|2|3] [--exercise ID ...]

Runs the generated clips of `trainer eval` (every exercise, the views the routine films it
from, with a fault injected on chosen reps; clips and poses come from its cache in
out/eval-cache, rendered first where missing) through the engine and the cue arbiter exactly as
a live session does, and measures, for every faulty rep whose cue was spoken, the time from the
fault's first frame to the start of its spoken cue. Utterance lengths are estimated (about 14
characters a second), as the live voice paces an unheard cue.

The generator's labels give a faulty rep's start, its turning point and its end. A fault shows
from the rep's start and is plainest at the turn, so both are printed; the issue's goal is a
median under 0.5 s. A rep is judged once it is complete (the persistence rule: a fault must
hold through the rep's turn), so the cue cannot start before the rep ends: the printout splits
the latency by where it is measured from. Faults judged on the worst value held (a knee caving, the chest
dropping) are said while the rep is still under way once they have held 0.2 s (the engine's
early faults); the printout says how many were and whether each was confirmed when its rep
ended, on the generated clips and on the labelled real clips in ../shared/videos (skipped when
that folder is absent). The 0.2 s is the persistence rule's cost on those faults: 0.15 s said
them 0.07 s sooner (median) but raised two cues on a squat labelled correct. A stretch's faults
are said once the position has been held a second. Live sessions add the pose model's time per
frame (about 25-35 ms here) on top. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from trainer.arbiter import CueArbiter, schedule_speech  # noqa: E402
from trainer.cues import Phase  # noqa: E402
from trainer.engine import BOTTOM_SHARE, ExerciseEngine  # noqa: E402
from trainer.exercises import get_exercise  # noqa: E402
from trainer.pose import PoseFrame  # noqa: E402
from trainer.evaluate import BODY_TYPES, clip_for, evaluation_plan, poses_of, run_engine  # noqa: E402
from trainer.exercises import EXERCISES  # noqa: E402
from trainer.io.model_store import resolve_model  # noqa: E402
from trainer.voice import speaking_time_s  # noqa: E402
from trainer.voice_track import completion_events  # noqa: E402

CACHE = ROOT / "out" / "eval-cache"


EARLY = {"raised": 0, "confirmed": 0}   # early faults over all clips, and how many their rep kept


def truth_series(labels: dict, exercise_id: str) -> ExerciseEngine:
    """An engine fed the generator's exact landmarks: its per-frame metrics are what the
    person really did, frame by frame."""
    engine = ExerciseEngine(get_exercise(exercise_id), labels["fps"])
    xy, world = np.asarray(labels["landmarks_2d"], float), np.asarray(labels["landmarks_3d"], float)
    size = (labels["width"], labels["height"])
    for i in range(len(xy)):   # the truth knows hidden joints too: every landmark counts as seen
        engine.update(PoseFrame(i / labels["fps"], i, size, xy[i], world[i], np.ones(33), np.ones(33), 1))
    return engine


def fault_onset_s(engine: ExerciseEngine, fault: str, span: dict, fps: float) -> float:
    """When a fault first shows, as the rule defines it. A rule on the worst value held: the
    first frame, within the part of the rep the rule watches (the way down, the bottom, the
    way up, the whole rep), whose true metric breaks the limit; a knee a little in as the
    person starts down is not yet "knees caving at the bottom". A rule on the best value
    reached (depth): the turning point, where the person turns back short of it. A whole-rep
    measurement or a swing: the end of the rep, the first moment it exists. A stretch: the
    first frame of the hold that breaks the limit."""
    rule = next(r for r in engine.exercise.rules if r.id == fault)
    start, end = span["start_frame"] / fps, span["end_frame"] / fps
    turn = span.get("turn_frame", span["start_frame"]) / fps
    if rule.metric.startswith("rep:") or rule.judged_on == "range":
        return end
    if rule.judged_on == "best":
        return turn
    times = np.asarray(engine.times)
    values = np.asarray(engine.series.get(rule.metric.format(side=span["side"]), [np.nan] * len(times)), float)
    watched = (times >= start) & (times <= end) & phase_mask(engine, rule.phase, times, start, turn, end)
    with np.errstate(invalid="ignore"):
        broken = watched & (values > rule.limit if rule.fault_when == "above" else values < rule.limit)
    if broken.any():
        return float(times[np.argmax(broken)])
    # The true pose stays within the limit (the fault is milder than the rule's limit, which is
    # set against the pose model's readings): the fault is taken to show from the first frame
    # the rule watches, the earliest it could be said to exist.
    return float(times[np.argmax(watched)]) if watched.any() else start


def phase_mask(engine: ExerciseEngine, phase: Phase, times: np.ndarray, start: float, turn: float,
               end: float) -> np.ndarray:
    """The frames of a rep a rule of ``phase`` watches; the bottom is the deepest share of the
    true rep signal's excursion, as the engine defines it."""
    if phase is Phase.DESCENT:
        return times <= turn
    if phase is Phase.ASCENT:
        return times >= turn
    if phase is not Phase.BOTTOM:
        return np.ones(times.shape, bool)
    away = engine.exercise.rep_thresholds.direction
    signal = away * np.asarray(engine.series[engine.exercise.rep_metric], float)
    rep = signal[(times >= start) & (times <= end)]
    deepest, rest = np.nanmax(rep), np.nanmin(rep)
    with np.errstate(invalid="ignore"):
        return signal >= deepest - BOTTOM_SHARE * (deepest - rest)


def confirmed(early, result) -> bool:
    """Whether the rep (or hold) an early fault was said in ended with that fault too."""
    if early.rep_index is not None:
        return any(r.index == early.rep_index and early.rule_id in {f.rule_id for f in r.faults}
                   for r in result.reps)
    return any(h.start_s <= early.t_s <= h.end_s + 1.0 and early.rule_id in {f.rule_id for f in h.faults}
               for h in result.holds)


KINDS: dict[str, list[float]] = {}   # latency from the onset, by how the fault is judged


def fault_kind(engine: ExerciseEngine, fault: str, in_hold: bool) -> str:
    rule = next(r for r in engine.exercise.rules if r.id == fault)
    if in_hold:
        return "a stretch's position (said once held 1 s)"
    if rule.metric.startswith("rep:") or rule.judged_on == "range":
        return "whole-rep measurement or swing (said when the rep ends)"
    if rule.judged_on == "best":
        return "depth or reach not attained (said when the rep ends)"
    return "worst value held (said during the rep once it held 0.2 s)"


def latencies(exercise_id: str, args: dict, model: Path) -> tuple[list[tuple[float, ...]], int]:
    """(from the fault's onset, from the rep's start, from its turn, from the labelled end) to
    the cue's start, in seconds, for each faulty rep (or hold: its start is its turn) of one
    clip whose cue was spoken; and how many faults the clip has."""
    labels_path = clip_for(exercise_id, CACHE, **args)
    labels = json.loads(labels_path.read_text())
    fps = labels["fps"]
    truth = truth_series(labels, exercise_id)
    result = run_engine(exercise_id, poses_of(labels_path.with_suffix(".mp4"), model, CACHE), fps)
    timeline = schedule_speech(completion_events(result), speaking_time_s, CueArbiter())
    EARLY["raised"] += len(result.early_faults)
    EARLY["confirmed"] += sum(confirmed(f, result) for f in result.early_faults)
    found, faults = [], 0
    for rep in labels["reps"] + labels["holds"]:
        start_s, end_s = rep["start_frame"] / fps, rep["end_frame"] / fps
        turn_s = rep.get("turn_frame", rep["start_frame"]) / fps
        for fault in rep["faults"]:
            faults += 1
            said = [t for t, u in timeline if u.rule_id == fault and t >= start_s]
            if said:
                onset_s = fault_onset_s(truth, fault, rep, fps)
                found.append((said[0] - onset_s, said[0] - start_s, said[0] - turn_s, said[0] - end_s))
                KINDS.setdefault(fault_kind(truth, fault, "turn_frame" not in rep), []).append(said[0] - onset_s)
    return found, faults


def real_clip_early_cues(model: Path) -> None:
    """Cues said during a rep on the labelled real clips, and how many their rep confirmed: the
    check that saying a fault early does not say a wrong one."""
    videos = ROOT.parent / "shared" / "videos"
    if not (videos / "labels.json").is_file():
        print(f"real clips: {videos} not found, skipped")
        return
    from trainer.io.video import VideoSource
    said, kept, unconfirmed = 0, 0, []
    for row in json.loads((videos / "labels.json").read_text()):
        if row["exercise_id"] not in EXERCISES:
            continue
        print(f"  {row['file']}", file=sys.stderr)
        result = run_engine(row["exercise_id"], poses_of(videos / row["file"], model, CACHE),
                            VideoSource(videos / row["file"]).info.fps)
        for fault in result.early_faults:
            said += 1
            if confirmed(fault, result):
                kept += 1
            else:
                unconfirmed.append(f"{Path(row['file']).name} {fault.rule_id} at {fault.t_s:.1f} s")
    print(f"real clips: {said} cues said during a rep, {kept} confirmed when it ended"
          + (f"; not confirmed: {', '.join(unconfirmed)}" if unconfirmed else ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bodies", type=int, default=1, choices=(1, 2, 3))
    parser.add_argument("--exercise", nargs="*", default=list(EXERCISES))
    options = parser.parse_args()
    model = resolve_model(None).path
    rows, faults = [], 0
    for exercise_id, args in evaluation_plan(options.exercise, BODY_TYPES[:options.bodies]):
        print(f"  {exercise_id} {args['view']} {args['body_type']}", file=sys.stderr)
        found, injected = latencies(exercise_id, args, model)
        rows, faults = rows + found, faults + injected
    if not rows:
        print("no spoken fault cue found")
        return
    from_onset, from_start, from_turn, from_end = zip(*rows)

    def summary(values) -> str:
        ordered = sorted(values)
        return (f"median {statistics.median(ordered):5.2f} s, 90th percentile "
                f"{ordered[int(0.9 * (len(ordered) - 1))]:5.2f} s")

    print(f"faulty reps with their cue spoken: {len(rows)} of {faults} (the others: not caught, "
          "or the same cue said less than its cool-down before)")
    print(f"fault's first frame -> cue starts: {summary(from_onset)}  (goal: median < 0.5 s)")
    for kind, values in sorted(KINDS.items()):
        print(f"  {kind}: {len(values)} faults, {summary(values)}")
    print(f"rep's first frame -> cue starts: {summary(from_start)}")
    print(f"fault at its plainest (turn) -> cue starts: {summary(from_turn)}")
    print(f"faults said while their rep was under way: {EARLY['raised']}, of which "
          f"{EARLY['confirmed']} were confirmed when the rep ended")
    print(f"labelled end of the rep -> cue starts: {summary(from_end)}  (below 0: the engine ends "
          "a rep as the person is nearly back, before the generator's label does)")
    real_clip_early_cues(model)


if __name__ == "__main__":
    main()
