"""Does speech slow the frame loop? The largest gap between processed frames, with and without.

    python bench/bench_speech.py [--workload pose|cpu] [--seconds 20] [--rounds 2] [--every 1.5]

A frame loop runs a fixed per-frame workload: the real PoseEstimator on frames of a sample
clip (``pose``), or about 30 ms of numpy work (``cpu``, no model needed). It runs with the
speech worker silent, then with it asked to say a cue every ``--every`` seconds; the two
conditions alternate ``--rounds`` times so background load hits both alike. Printed: frames,
median and largest gap between processed frames per condition, and the ratio of the largest
gaps (issue 5 goal: under 1.5). Nothing is asserted.
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import numpy as np  # noqa: E402

from trainer.io.speech_worker import SpeechWorker  # noqa: E402

CLIP = ROOT / "sample_videos" / "goblet_squat_front.mp4"
CUES = ("Push your knees out", "Keep your chest up", "Sit deeper", "Slow down on the way down")
MAX_FRAMES = 120   # decoded once, then looped, so decoding is not part of the workload


@contextlib.contextmanager
def pose_workload():
    """The real pose model on the sample clip's frames: one call = one frame."""
    from trainer.io.landmarker import PoseEstimator
    from trainer.io.model_store import resolve_model
    from trainer.io.video import VideoSource

    with contextlib.closing(iter(VideoSource(CLIP))) as frames:   # closing stops its reader thread
        images = [frame.image for frame in itertools.islice(frames, MAX_FRAMES)]
    counter = itertools.count()
    with PoseEstimator(resolve_model().path) as estimator:
        def one_frame() -> None:
            index = next(counter)
            estimator.estimate(images[index % len(images)], index / 30.0, index)
        yield one_frame


@contextlib.contextmanager
def cpu_workload(target_s: float = 0.030):
    """About target_s of single-threaded numpy work per call, calibrated once (elementwise
    maths, not BLAS, whose thread pool would add its own stalls on a busy machine)."""
    a = np.random.default_rng(0).random(100_000)
    b = np.empty_like(a)   # written in place: no allocation (and page faults) per call

    def work() -> float:
        np.multiply(a, a, out=b)
        np.add(b, 1.0, out=b)
        return float(np.sqrt(b, out=b).sum())
    start = time.perf_counter()
    for _ in range(20):
        work()
    repeats = max(1, round(target_s / ((time.perf_counter() - start) / 20)))

    def one_frame() -> None:
        for _ in range(repeats):
            work()
    yield one_frame


def frame_gaps(one_frame, seconds: float, speech: SpeechWorker | None, every_s: float,
               say_times: list[float]) -> list[float]:
    """Run the loop for `seconds`; with `speech`, ask for a cue every `every_s` (if free).
    How long each say() call took is added to say_times."""
    gaps, cues = [], itertools.cycle(CUES)
    start = last = next_cue = time.perf_counter()
    while last - start < seconds:
        one_frame()
        if speech is not None and last >= next_cue:
            asked = time.perf_counter()
            speech.say(next(cues))   # returns at once; refused while still speaking
            say_times.append(time.perf_counter() - asked)
            next_cue = last + every_s
        now = time.perf_counter()
        gaps.append(now - last)
        last = now
    return gaps


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workload", choices=("pose", "cpu"), default="pose")
    parser.add_argument("--seconds", type=float, default=20.0, help="per condition, over all rounds")
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--every", type=float, default=1.5, help="seconds between cues")
    args = parser.parse_args()

    workload = pose_workload() if args.workload == "pose" else cpu_workload()
    with workload as one_frame, SpeechWorker() as speech:
        if not speech.available:
            print(f"speech: {speech.notice}; nothing to compare")
            return
        print(f"speech: {'audible' if speech.audible else 'silent'} ({speech.notice or 'audio player found'})")
        for _ in range(10):   # warm-up: the model's first inferences are slow
            one_frame()
        quiet, speaking, say_times = [], [], []
        for _ in range(args.rounds):   # alternate, so background load falls on both alike
            quiet += frame_gaps(one_frame, args.seconds / args.rounds, None, args.every, say_times)
            speaking += frame_gaps(one_frame, args.seconds / args.rounds, speech, args.every, say_times)
        utterances = len(speech.log)
    print(f"workload: {args.workload}, {args.seconds:g} s per condition in {args.rounds} rounds, "
          f"{utterances} utterances; longest say() call {1000 * max(say_times):.2f} ms")
    for name, gaps in (("without speech", quiet), ("with speech", speaking)):
        print(f"{name:15s} frames {len(gaps):5d}  median {1000 * statistics.median(gaps):5.1f} ms"
              f"  99th pct {1000 * np.percentile(gaps, 99):5.1f} ms  largest {1000 * max(gaps):5.1f} ms")
    print(f"largest-gap ratio (with / without): {max(speaking) / max(quiet):.2f}  (goal: under 1.5); "
          f"99th-percentile ratio: {np.percentile(speaking, 99) / np.percentile(quiet, 99):.2f}")


if __name__ == "__main__":
    main()
