"""Does a long live session keep its memory flat? Resident memory over a looped clip.

    python bench/bench_live_memory.py [--minutes 30] [--clip sample_videos/goblet_squat_side.mp4]

Plays a sample clip again and again as the camera (at its real frame rate, as a webcam would
deliver it) through the whole live session of `trainer live` (pose model, smoothing, setup
guide, engine, voice without sound, session.json rewritten after every rep) for ``--minutes``,
and prints the process's resident memory at minute 1 and at the end, with a line each minute
between. The issue's check: the two should be about the same. Nothing is asserted. Takes as
long as it says: 30 minutes by default.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from trainer.io.camera import CameraSource  # noqa: E402
from trainer.io.model_store import resolve_model  # noqa: E402
from trainer.live import run_live  # noqa: E402

DEFAULT_CLIP = ROOT / "sample_videos" / "goblet_squat_side.mp4"


def resident_mb() -> float:
    """This process's resident memory in MB (Linux /proc; elsewhere the peak so far)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError, IndexError):
        import resource
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def sample_every_minute(samples: list[tuple[float, float]], stop: threading.Event) -> None:
    start = time.monotonic()
    while not stop.wait(60.0 - (time.monotonic() - start) % 60.0):
        minute = round((time.monotonic() - start) / 60.0)
        samples.append((minute, resident_mb()))
        print(f"minute {minute:3d}: resident {samples[-1][1]:7.1f} MB", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--clip", type=Path, default=DEFAULT_CLIP)
    parser.add_argument("--exercise", default="goblet_squat")
    options = parser.parse_args()
    model = resolve_model(None).path
    samples: list[tuple[float, float]] = []
    stop = threading.Event()
    sampler = threading.Thread(target=sample_every_minute, args=(samples, stop), daemon=True)
    with tempfile.TemporaryDirectory() as out:
        sampler.start()
        session = run_live(options.exercise, CameraSource(str(options.clip), loop=True), model,
                           out_dir=Path(out), window=False, no_voice=True,
                           max_seconds=options.minutes * 60.0, print_cue=lambda text: None)
        stop.set()
    print(f"{session.frames} frames, {len(session.reps)} reps in {session.duration_s / 60:.1f} min")
    if samples:
        first, last = samples[0], samples[-1]
        print(f"resident memory: minute {first[0]:.0f} {first[1]:.1f} MB, minute {last[0]:.0f} "
              f"{last[1]:.1f} MB (growth {last[1] - first[1]:+.1f} MB)")


if __name__ == "__main__":
    main()
