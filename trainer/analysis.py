"""Analyze a recorded video: decode -> pose -> smoothing -> exercise engine -> outputs.

Writes an annotated mp4 (skeleton, key angles, rep counter, cue banners, and with ``speak`` the
spoken cues as its audio track and as spoken_cues.wav) and ``analysis.json``; with ``report``
also report.html and its data (report.json, reps.csv, holds.csv, cues.csv).
Decoding and video encoding run on their own threads so the pose model sets the pace.
When the exercise is not given, ``estimate_poses`` and ``recognize_exercise`` name it first and
the poses of that pass are handed to ``analyze_video``, so the model runs once per frame.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from contextlib import nullcontext
from dataclasses import asdict, dataclass
from pathlib import Path
from queue import Queue
from typing import Callable

import cv2

from .arbiter import ArbiterSettings
from .engine import EngineResult, ExerciseEngine
from .exercises import get_exercise
from .io.landmarker import PoseEstimator
from .io.model_store import ModelInfo
from .io.video import VideoInfo, VideoSource
from .overlay.annotators import (CueBannerAnnotator, MetricPanelAnnotator, RepCounterAnnotator,
                                 SkeletonAnnotator)
from .pose import PoseFrame
from .recognize import Recognition, recognize
from .report.timeline import REST_BETWEEN_SETS_S, SectionRecorder
from .smoothing import PoseSmoother
from .voice_track import VoiceTrack, build_voice_track

ANALYSIS_VERSION = 1


@dataclass
class Analysis:
    exercise: str
    video: VideoInfo
    model: ModelInfo
    engine: EngineResult
    truncated: bool
    decode_error: str | None
    annotated_video: Path | None
    json_path: Path | None = None
    voice: VoiceTrack | None = None
    recognition: Recognition | None = None
    report_path: Path | None = None

    def to_json(self) -> dict:
        reps = [{"index": r.index, "side": r.side, "start_s": round(r.start_s, 3),
                 "turn_s": round(r.turn_s, 3), "end_s": round(r.end_s, 3), "view": r.view,
                 "metrics": r.measurements, "cues": [f.rule_id for f in r.faults],
                 "not_judged": r.unjudged} for r in self.engine.reps]
        cues = [{"rule": f.rule_id, "cue": f.cue, "t_s": round(f.t_s, 3), "rep": f.rep_index,
                 "side": f.side, "view": f.view, "measured": round(f.measured, 2),
                 "limit": f.limit, "unit": f.unit} for f in self.engine.faults]
        holds = [{"index": h.index, "side": h.side, "start_s": round(h.start_s, 3),
                  "end_s": round(h.end_s, 3), "held_s": h.held_s, "view": h.view,
                  "metrics": h.measurements, "cues": [f.rule_id for f in h.faults],
                  "not_judged": h.unjudged} for h in self.engine.holds]
        counts = dict(Counter(c["rule"] for c in cues))
        return {
            "version": ANALYSIS_VERSION,
            "exercise": self.exercise,
            "recognition": self.recognition.to_json() if self.recognition else None,
            "video": {"path": str(self.video.path), "width": self.video.width, "height": self.video.height,
                      "fps": round(self.video.fps, 3), "frames": self.engine.stats.total,
                      "rotation_deg": self.video.rotation_deg, "truncated": self.truncated,
                      "decode_error": self.decode_error},
            "model": {"path": str(self.model.path), "source": self.model.source, "sha256": self.model.sha256},
            "summary": {"reps": len(reps), "reps_by_side": self.engine.reps_by_side,
                        "holds": len(holds), "held_s_total": round(sum(h["held_s"] for h in holds), 2),
                        "cue_counts": counts},
            "reps": reps,
            "holds": holds,
            "cues": cues,
            "frames": asdict(self.engine.stats),
            "views": self.engine.view_counts,
            "advice": self.engine.advice,
            "annotated_video": str(self.annotated_video) if self.annotated_video else None,
            "speech": self.voice.to_json() if self.voice else None,
            "report": str(self.report_path) if self.report_path else None,
        }


class _VideoWriterThread:
    """Encodes annotated frames on a worker thread so encoding overlaps inference."""

    def __init__(self, path: Path, fps: float, size: tuple[int, int]) -> None:
        self._writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"mp4v"), fps, size)
        if not self._writer.isOpened():
            raise OSError(f"cannot write video {path}")
        self._queue: Queue = Queue(maxsize=16)
        self._thread = threading.Thread(target=self._run, name="video-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (image := self._queue.get()) is not None:
            self._writer.write(image)
        self._writer.release()

    def write(self, image) -> None:
        self._queue.put(image)

    def close(self) -> None:
        self._queue.put(None)
        self._thread.join()


def _write_report(recorder: SectionRecorder, engine: ExerciseEngine, analysis: Analysis, out_dir: Path) -> Path:
    """report.html and its data."""
    from .report.exports import write_report   # matplotlib loads only when a report is asked for

    video = analysis.video
    seconds = engine.times[-1] if engine.times else 0.0
    subtitle = (f"Recorded video {Path(video.path).name}: {seconds:.0f} s, {video.width}x{video.height} "
                f"at {video.fps:.0f} fps. Sets are split where the rest between reps was over "
                f"{REST_BETWEEN_SETS_S:.0f} s.")
    return write_report(out_dir, f"{recorder.exercise.name}: analysis report", subtitle, [recorder.section()])


def _cached_pose(poses: list[PoseFrame], frame) -> PoseFrame:
    if frame.index < len(poses):
        return poses[frame.index]
    return PoseFrame.empty(frame.t_s, frame.index, (frame.image.shape[1], frame.image.shape[0]))


def estimate_poses(source: VideoSource, model: ModelInfo,
                   on_frame: Callable[[int, int], None] | None = None) -> list[PoseFrame]:
    """The raw pose of every frame (the first pass when the exercise must be recognised)."""
    poses = []
    with PoseEstimator(model.path) as estimator:
        for frame in source:
            poses.append(estimator.estimate(frame.image, frame.t_s, frame.index))
            if on_frame:
                on_frame(frame.index + 1, source.info.frame_count)
    return poses


def recognize_exercise(poses: list[PoseFrame]) -> Recognition:
    """Which of the exercises that can be analysed ``poses`` show; ``exercise`` None if unsure.

    Raises ValueError when the stored recogniser is missing or out of date.
    """
    from .exercises import EXERCISES
    from .recognize_train import load

    try:
        recognizer = load()
    except OSError as exc:
        raise ValueError(f"the exercise recogniser could not be read ({exc})") from None
    return recognize(poses, recognizer, candidates=set(EXERCISES))


def analyze_video(video: Path | VideoSource, exercise_id: str, out_dir: Path, model: ModelInfo, *,
                  write_video: bool = True, speak: bool = False, speech: ArbiterSettings | None = None,
                  voice=None, on_frame: Callable[[int, int], None] | None = None,
                  poses: list[PoseFrame] | None = None,
                  recognition: Recognition | None = None, report: bool = False,
                  history=None) -> Analysis:
    """Run the whole pipeline over one file. ``on_frame(done, total)`` reports progress.
    ``poses``: raw poses already estimated for this file (``estimate_poses``), used instead of
    running the model again; ``recognition``: how the exercise was found, kept in the JSON;
    ``report``: also write report.html with its JSON and CSV data; ``history``: a
    history.SessionLog that stores each rep and hold as it is judged.

    Raises VideoError for a file that is not a readable video, ModelError for an unusable model.
    """
    exercise = get_exercise(exercise_id)
    source = video if isinstance(video, VideoSource) else VideoSource(video)
    out_dir.mkdir(parents=True, exist_ok=True)
    engine = ExerciseEngine(exercise, source.info.fps)
    smoother = PoseSmoother(use_followed=exercise.detector_misses_expected)
    annotated = out_dir / "annotated.mp4" if write_video else None
    writer = _VideoWriterThread(annotated, source.info.fps, (source.info.width, source.info.height)) if annotated else None
    drawers = (SkeletonAnnotator(), MetricPanelAnnotator(exercise), RepCounterAnnotator())
    banner, cue_text, cue_since = CueBannerAnnotator(), None, -1e9
    recorder = SectionRecorder(exercise, sets_by_rest_s=REST_BETWEEN_SETS_S)   # sets for report and history

    def keep(item) -> None:
        if history is not None:
            history.add(exercise.id, recorder.set_number, item)
    try:
        with (PoseEstimator(model.path, follow_misses=exercise.detector_misses_expected) if poses is None
              else nullcontext()) as estimator:
            for frame in source:
                raw = (estimator.estimate(frame.image, frame.t_s, frame.index) if estimator
                       else _cached_pose(poses, frame))
                pose = smoother(raw)
                status = engine.update(pose)
                recorder.on_frame(frame.image, pose, status)   # before the overlay is drawn on it
                finished = status.new_rep or status.new_hold
                if finished:
                    keep(finished)
                if finished and finished.faults:
                    top = min(finished.faults, key=lambda f: f.priority)
                    cue_text, cue_since = top.cue, frame.t_s
                if writer:
                    scene = frame.image
                    for drawer in drawers:
                        drawer.annotate(scene, pose, status)
                    banner.annotate(scene, cue_text, cue_since, frame.t_s)
                    writer.write(scene)
                if on_frame:
                    on_frame(frame.index + 1, source.info.frame_count)
    finally:
        if writer:
            writer.close()
    known = len(engine.reps), len(engine.holds)
    analysis = Analysis(exercise.id, source.info, model, engine.result(), source.truncated,
                        source.error, annotated, recognition=recognition)
    for item in [*analysis.engine.reps[known[0]:], *analysis.engine.holds[known[1]:]]:
        recorder.on_result(item)   # closed by result(): a stretch still held at the end
        keep(item)
    if speak:
        duration = engine.times[-1] + 1.0 / source.info.fps if engine.times else 0.0
        analysis.voice = build_voice_track(analysis.engine, duration, out_dir, annotated, speech, voice)
    if report:
        analysis.report_path = _write_report(recorder, engine, analysis, out_dir)
    analysis.json_path = out_dir / "analysis.json"
    analysis.json_path.write_text(json.dumps(analysis.to_json(), indent=2) + "\n")
    return analysis
