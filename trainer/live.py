"""The live coaching session: camera -> pose -> smoothing -> set-up check -> engine -> voice.

The camera hands over only its newest frame, so a slow pose model skips frames rather than
lagging behind the person (VIDEO mode on the newest frame drops frames like live-stream mode).
Counting starts once the person is set up: the set-up guide has no advice left and they have
held still a moment, and then the engine's own settle time passes. The session is written to
``session.json`` (atomically) after every rep, hold and utterance and at the end, so a lost
camera, Ctrl-C or a crash loses at most the rep in progress. Unless it crashed, report.html
(with its JSON and CSV data) is written beside it at the end.
"""

from __future__ import annotations

from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import cv2

from .arbiter import ArbiterSettings
from .engine import ExerciseEngine, FrameStatus, HoldResult, RepResult
from .exercises import get_exercise
from .io.camera import CameraSource
from .io.landmarker import PoseEstimator
from .io.speech import VoiceSettings
from .overlay.window import LiveWindow, display_available
from .pose import PoseFrame
from .report.timeline import SectionRecorder
from .session_record import LiveSession, ending_recorded, history_finished, write_session_report
from .setup_guide import SetupGuide
from .smoothing import PoseSmoother

# Seconds of per-frame metrics a live engine keeps: a rep lasts at most 30 s, and a stretch is
# judged over its last two minutes; a longer history would only grow memory over a session.
HISTORY_S = 120.0


@dataclass
class LiveKit:
    """What every live session opens: the camera, the pose model, the voice and the window
    (None where none can be shown)."""

    source: CameraSource
    estimator: PoseEstimator
    voice: object   # voice.LiveVoice
    screen: LiveWindow | None


def open_live(resources: ExitStack, camera: str | CameraSource, model_path: Path, *, window: bool,
              speech: ArbiterSettings | None, voice: VoiceSettings | None, no_voice: bool,
              print_cue: Callable[[str], None]) -> LiveKit:
    """Open the camera, the pose model, the voice (its speech worker unless --no-voice: without
    a voice that can be heard, LiveVoice says so once and prints and shows the cues) and the
    window; ``resources`` closes them all."""
    from .arbiter import CueArbiter
    from .io.speech_worker import SpeechWorker
    from .voice import LiveVoice

    source = camera if isinstance(camera, CameraSource) else CameraSource(camera)
    resources.callback(source.close)
    estimator = resources.enter_context(PoseEstimator(model_path))
    worker = None if no_voice else SpeechWorker(voice or VoiceSettings())
    if worker is not None:
        resources.callback(worker.close)
    screen = LiveWindow() if window and display_available() else None
    if screen:
        resources.callback(screen.close)
    return LiveKit(source, estimator, LiveVoice(worker, CueArbiter(speech or ArbiterSettings()), print_cue),
                   screen)


class ExerciseLoop:
    """One exercise's per-frame work; ``step`` returns the frame's status (None before set-up)."""

    def __init__(self, exercise, fps: float, estimator, voice, session: LiveSession,
                 save: Callable[[], None] | None = None, recorder: SectionRecorder | None = None,
                 history=None) -> None:
        self.exercise, self.estimator, self.voice, self.session = exercise, estimator, voice, session
        self.save = save or session.save   # a guided workout saves its own record instead
        self.engine = ExerciseEngine(exercise, fps, history_s=HISTORY_S)
        self.smoother = PoseSmoother(use_followed=exercise.detector_misses_expected)
        estimator.follow_misses = exercise.detector_misses_expected   # shared by a workout's exercises
        self.guide = SetupGuide(exercise)
        self.set_up = False
        self.advice: list[str] = []
        self._said_count = 0
        self.recorder = recorder or SectionRecorder(exercise)   # what the report shows
        self.history = history   # a history.SessionLog: each rep and hold stored as judged

    def step(self, frame):
        pose = self.smoother(self.estimator.estimate(frame.image, frame.t_s, frame.index))
        self.session.frames += 1
        self.session.frames_with_person += pose.has_person
        luma = float(cv2.cvtColor(frame.image[::4, ::4], cv2.COLOR_BGR2GRAY).mean())
        advice = self.guide.check(pose, luma, frame.t_s)
        self.advice, self.set_up = advice.advice, self.set_up or advice.ready
        for sentence in advice.say:
            self.voice.announce(sentence, frame.t_s)
        status = self.engine.update(pose) if self.set_up else None
        if status is not None:
            self.voice.on_status(status, frame.t_s)
        self.recorder.on_frame(frame.image, pose, status)
        self._record(status, frame.t_s)
        return pose, status

    def _record(self, status: FrameStatus | None, now_s: float) -> None:
        """Keep a finished rep or hold, and save whenever one finished or something was said."""
        rep, hold = (status.new_rep, status.new_hold) if status else (None, None)
        for item in (rep, hold):
            if item:
                self._keep(item, now_s)
        if rep or hold or len(self.voice.spoken) != self._said_count:
            self._said_count = len(self.voice.spoken)
            self.session.utterances = list(self.voice.spoken)
            self.save()

    def restart_counting(self) -> None:
        """A fresh engine (a new set), keeping the set-up already done; the last one's reps and
        holds stay in the session."""
        self.finish(self.session.duration_s)
        self.recorder.new_set()
        self.engine = ExerciseEngine(self.exercise, self.engine.fps, history_s=HISTORY_S)

    def finish(self, now_s: float) -> None:
        """Close a hold still held (or a rep still waiting for its follow-through) at the end."""
        if not self.set_up:
            return
        known = len(self.engine.reps), len(self.engine.holds)
        result = self.engine.result()
        for item in [*result.reps[known[0]:], *result.holds[known[1]:]]:
            self.recorder.on_result(item)
            self._keep(item, now_s)

    def _keep(self, item: RepResult | HoldResult, now_s: float) -> None:
        """A finished rep or hold into the session record and the history."""
        (self.session.reps if isinstance(item, RepResult) else self.session.holds).append((now_s, item))
        if self.history:
            self.history.add(self.exercise.id, self.recorder.set_number, item)


def _status_lines(loop: ExerciseLoop, status: FrameStatus | None, paused: bool) -> list[str]:
    lines = ["paused (p to go on)"] if paused else [] if status else ["get into position"]
    if status and loop.exercise.unilateral:
        lines.append("  ".join(f"{side} {n}" for side, n in sorted(status.reps_by_side.items())))
    if status and status.holding:
        lines.append(f"hold {status.held_s:.0f} s")
    return lines + loop.advice


def _run_frames(source: CameraSource, loop: ExerciseLoop, voice, window, max_seconds) -> str:
    """Frames until the file ends, time is up or a key ends it; returns how it ended."""
    paused = False
    while (frame := source.read()) is not None:
        if max_seconds is not None and frame.t_s >= max_seconds:
            return "finished"
        if paused:
            pose, status = PoseFrame.empty(frame.t_s, frame.index, frame.image.shape[1::-1]), None
        else:
            pose, status = loop.step(frame)
        voice.tick(frame.t_s)
        loop.session.duration_s = frame.t_s
        loop.session.dropped_frames = source.dropped
        if window:
            key = window.show(frame.image, pose, status, _status_lines(loop, status, paused), voice.shown,
                              frame.t_s, loop.exercise)
            if key in ("quit", "skip"):
                return "quit" if key == "quit" else "skipped"
            paused = paused != (key == "pause")
            if key == "mute":
                voice.toggle_mute()
    return "finished"


def run_live(exercise_id: str, camera: str | CameraSource, model_path: Path, *, out_dir: Path,
             window: bool = True, speech: ArbiterSettings | None = None,
             voice: VoiceSettings | None = None, no_voice: bool = False,
             max_seconds: float | None = None, print_cue: Callable[[str], None] = print,
             history=None) -> LiveSession:
    """Coach one exercise live until the file ends, a key or Ctrl-C stops it, or the camera is lost.
    ``history``: a history.SessionLog that stores each rep and hold as it is judged.

    Raises KeyError for an unknown exercise, CameraError for a camera or file that cannot be
    opened and ModelError for an unusable model, all before the session starts. A given
    CameraSource is closed at the end; it starts grabbing only once everything is loaded.
    """
    exercise = get_exercise(exercise_id)
    with ExitStack() as resources:
        kit = open_live(resources, camera, model_path, window=window, speech=speech, voice=voice,
                        no_voice=no_voice, print_cue=print_cue)
        out_dir.mkdir(parents=True, exist_ok=True)
        session = LiveSession(exercise.id, kit.source.name, out_dir / "session.json")
        session.save()
        loop = ExerciseLoop(exercise, kit.source.fps, kit.estimator, kit.voice, session, history=history)
        with history_finished(history, session):
            with ending_recorded(session, lambda: setattr(session, "utterances", list(kit.voice.spoken))):
                session.ended = _run_frames(kit.source, loop, kit.voice, kit.screen, max_seconds)
                loop.finish(session.duration_s)
            session.report_path = write_session_report(out_dir, f"Live session: {exercise.name}", session,
                                                       [loop.recorder])
    return session
