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
the latency by where it is measured from. A stretch's fault is said when the hold ends, which
the 90th percentile shows. Faults judged on the worst value held (a knee caving, the chest
dropping) are said while the rep is still under way once they have held 0.2 s (the engine's
early faults); the printout says how many were and whether each was confirmed when its rep
ended. Live sessions add the
pose model's time per frame (about 25-35 ms here) on top. Nothing is asserted.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.arbiter import CueArbiter, schedule_speech  # noqa: E402
from trainer.evaluate import BODY_TYPES, clip_for, evaluation_plan, poses_of, run_engine  # noqa: E402
from trainer.exercises import EXERCISES  # noqa: E402
from trainer.io.model_store import resolve_model  # noqa: E402
from trainer.voice import speaking_time_s  # noqa: E402
from trainer.voice_track import completion_events  # noqa: E402

CACHE = ROOT / "out" / "eval-cache"


EARLY = {"raised": 0, "confirmed": 0}   # early faults over all clips, and how many their rep kept


def latencies(exercise_id: str, args: dict, model: Path) -> tuple[list[tuple[float, float, float]], int]:
    """(from the fault's first frame, from its turn, from the labelled end) to the cue's start,
    in seconds, for each faulty rep (or hold: its start is its turn) of one clip whose cue was
    spoken; and how many faults the clip has."""
    labels_path = clip_for(exercise_id, CACHE, **args)
    labels = json.loads(labels_path.read_text())
    fps = labels["fps"]
    result = run_engine(exercise_id, poses_of(labels_path.with_suffix(".mp4"), model, CACHE), fps)
    timeline = schedule_speech(completion_events(result), speaking_time_s, CueArbiter())
    kept = {rep.index: {f.rule_id for f in rep.faults} for rep in result.reps}
    EARLY["raised"] += len(result.early_faults)
    EARLY["confirmed"] += sum(f.rule_id in kept.get(f.rep_index, ()) for f in result.early_faults)
    found, faults = [], 0
    for rep in labels["reps"] + labels["holds"]:
        start_s, end_s = rep["start_frame"] / fps, rep["end_frame"] / fps
        turn_s = rep.get("turn_frame", rep["start_frame"]) / fps
        for fault in rep["faults"]:
            faults += 1
            said = [t for t, u in timeline if u.rule_id == fault and t >= start_s]
            if said:
                found.append((said[0] - start_s, said[0] - turn_s, said[0] - end_s))
    return found, faults


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
    from_start, from_turn, from_end = zip(*rows)

    def summary(values) -> str:
        ordered = sorted(values)
        return (f"median {statistics.median(ordered):5.2f} s, 90th percentile "
                f"{ordered[int(0.9 * (len(ordered) - 1))]:5.2f} s")

    print(f"faulty reps with their cue spoken: {len(rows)} of {faults} (the others: not caught, "
          "or the same cue said less than its cool-down before)")
    print(f"fault's first frame -> cue starts: {summary(from_start)}  (goal: median < 0.5 s)")
    print(f"fault at its plainest (turn) -> cue starts: {summary(from_turn)}")
    print(f"faults said while their rep was under way: {EARLY['raised']}, of which "
          f"{EARLY['confirmed']} were confirmed when the rep ended")
    print(f"labelled end of the rep -> cue starts: {summary(from_end)}  (below 0: the engine ends "
          "a rep as the person is nearly back, before the generator's label does)")


if __name__ == "__main__":
    main()
