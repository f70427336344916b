"""Throughput of the whole analysis against bare decoding + pose inference, on one clip.

    python bench/bench_pipeline.py [VIDEO] [--exercise goblet_squat] [--repeat 2]

Prints frames per second of (a) a plain loop that decodes each frame and runs PoseLandmarker,
and (b) `analyze_video` (smoothing, rules, overlay, video encoding, JSON), and their ratio.
The goal is a ratio of at least 0.95: everything around the model should cost almost nothing.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import cv2  # noqa: E402
import mediapipe as mp  # noqa: E402
from mediapipe.tasks.python import BaseOptions, vision  # noqa: E402

from trainer.analysis import analyze_video  # noqa: E402
from trainer.io.landmarker import MAX_PEOPLE  # noqa: E402
from trainer.io.model_store import resolve_model  # noqa: E402
from trainer.io.quiet import native_stderr_silenced  # noqa: E402

DEFAULT_CLIP = ROOT / "sample_videos" / "goblet_squat_side.mp4"


def bare_fps(video: Path, model: Path) -> tuple[float, int]:
    options = vision.PoseLandmarkerOptions(base_options=BaseOptions(model_asset_path=str(model)),
                                           running_mode=vision.RunningMode.VIDEO, num_poses=MAX_PEOPLE)
    with native_stderr_silenced():
        landmarker = vision.PoseLandmarker.create_from_options(options)
    capture = cv2.VideoCapture(str(video))
    fps = capture.get(cv2.CAP_PROP_FPS) or 30.0
    frames, start = 0, time.perf_counter()
    while True:
        ok, image = capture.read()
        if not ok:
            break
        rgb = cv2.cvtColor(image, cv2.COLOR_BGR2RGB)
        landmarker.detect_for_video(mp.Image(image_format=mp.ImageFormat.SRGB, data=rgb),
                                    int(frames * 1000 / fps))
        frames += 1
    elapsed = time.perf_counter() - start
    landmarker.close()
    return frames / elapsed, frames


def pipeline_fps(video: Path, exercise: str, model_info) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        analysis = analyze_video(video, exercise, Path(out), model_info)
        elapsed = time.perf_counter() - start
    return analysis.engine.stats.total / elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("video", nargs="?", type=Path, default=DEFAULT_CLIP)
    parser.add_argument("--exercise", default="goblet_squat")
    parser.add_argument("--repeat", type=int, default=2, help="runs of each; the best is kept")
    args = parser.parse_args()
    model_info = resolve_model()
    bare, pipe = 0.0, 0.0
    for _ in range(args.repeat):  # alternate so both see the same machine state
        fps, frames = bare_fps(args.video, model_info.path)
        bare = max(bare, fps)
        pipe = max(pipe, pipeline_fps(args.video, args.exercise, model_info))
    print(f"clip: {args.video} ({frames} frames)")
    print(f"bare decode + PoseLandmarker: {bare:7.1f} fps")
    print(f"whole analyze pipeline:       {pipe:7.1f} fps")
    print(f"ratio pipeline / bare:        {pipe / bare:7.3f}  (goal >= 0.95)")


if __name__ == "__main__":
    main()
