"""The guided routine on a camera: ``run_workout`` feeds ``workout.WorkoutCoach`` from one
camera stream, reusing the live session's per-exercise loop (set-up guidance again at every
exercise, a fresh engine for every set), and writes ``workout.json`` atomically after every
rep, hold and announcement, so a lost camera, Ctrl-C or a crash keeps what was done. Unless it
crashed, report.html (one section per exercise, with JSON and CSV data) is written at the end.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from .arbiter import utterances_json
from .exercises import get_exercise
from .io.files import write_text_atomically
from .live import ExerciseLoop, open_live
from .session_record import LiveSession, ending_recorded, history_finished, write_session_report
from .pose import PoseFrame
from .report.thumbnails import ThumbnailRing
from .report.timeline import SectionRecorder
from .routine import Routine
from .workout import WorkoutCoach

DRAIN_S = 5.0   # after "Workout complete", frames keep coming this long so the voice can finish


@dataclass
class WorkoutRecord:
    """The workout so far; ``exercises`` holds one LiveSession per exercise started."""

    routine: str
    camera: str
    path: Path
    coach: WorkoutCoach
    started_at: str = field(default_factory=lambda: datetime.now(timezone.utc).isoformat(timespec="seconds"))
    exercises: list = field(default_factory=list)
    utterances: list = field(default_factory=list)   # (t_s, Utterance) from the live voice
    ended: str = "running"
    duration_s: float = 0.0
    report_path: Path | None = None

    def to_json(self) -> dict:
        counted = []
        for session in self.exercises:
            data = session.to_json()
            counted.append({key: data[key] for key in ("exercise", "frames", "reps", "holds")})
        return {"routine": self.routine, "camera": self.camera, "started_at": self.started_at,
                "ended": self.ended, "duration_s": round(self.duration_s, 2),
                "announcements": [{"t_s": round(t, 3), "text": text} for t, text in self.coach.announced],
                "sets": [log.to_json() for log in self.coach.sets], "skipped": list(self.coach.skipped),
                "exercises": counted,
                "utterances": utterances_json(self.utterances)}

    def save(self) -> None:
        """Write workout.json atomically: a reader never sees half a file."""
        write_text_atomically(self.path, json.dumps(self.to_json(), indent=2) + "\n")


CLEAN_ENDINGS = ("finished", "quit", "video ended")


class _Workout:
    """Frame by frame: the current exercise's live loop, the coach and the voice."""

    def __init__(self, coach: WorkoutCoach, record: WorkoutRecord, fps: float, estimator, voice,
                 history=None) -> None:
        self.coach, self.record, self.fps, self.estimator, self.voice = coach, record, fps, estimator, voice
        self.history = history
        self.loop = None
        self._position: tuple[int, int] | None = None
        self._seen = (0, 0)
        self.recorders: list[SectionRecorder] = []   # one per exercise, for the report
        self._ring = ThumbnailRing()   # shared: one exercise at a time, memory stays flat

    def step(self, frame, paused: bool = False):
        """One frame: counted while an exercise is on (not resting, not paused)."""
        pose, status = PoseFrame.empty(frame.t_s, frame.index, frame.image.shape[1::-1]), None
        if self.coach.counting and not paused:
            self.loop.session.duration_s = frame.t_s
            pose, status = self.loop.step(frame)
            self._feed(status, frame.t_s)
        if not paused:
            self.coach.tick(frame.t_s)
        self.sync(frame.t_s)
        return pose, status

    def sync(self, now_s: float) -> None:
        """Say what the coach decided; a new exercise gets a new loop (set-up guidance again),
        a new set a fresh engine; save when anything was announced or said."""
        for text in self.coach.take_announcements():
            self.voice.announce(text, now_s)
        self.voice.tick(now_s)
        if not self.coach.done and self.coach.position != self._position:
            self._new_loop() if self._position is None or self._position[0] != self.coach.index \
                else self.loop.restart_counting()
            self._position = self.coach.position
        seen = (len(self.coach.announced), len(self.voice.spoken))
        if seen != self._seen:
            self._seen = seen
            self.record.save()

    def _feed(self, status, now_s: float) -> None:
        if status is None:
            return
        if status.new_rep is not None:
            self.coach.on_rep(status.new_rep.side, now_s)
        hold_spec = self.loop.exercise.hold
        if hold_spec is not None:
            side = hold_spec.side(status.metrics) if status.holding else "both"
            self.coach.on_hold(status.holding, status.held_s, side, now_s)

    def _new_loop(self) -> None:
        if self.loop is not None:
            self.loop.finish(self.loop.session.duration_s)
        exercise = get_exercise(self.coach.exercise.id)
        session = LiveSession(exercise.id, self.record.camera, self.record.path)
        self.record.exercises.append(session)
        self.recorders.append(SectionRecorder(exercise, self._ring))
        self.loop = ExerciseLoop(exercise, self.fps, self.estimator, self.voice, session, save=self.record.save,
                                 recorder=self.recorders[-1], history=self.history)

    def lines(self, status, now_s: float) -> list[str]:
        """The overlay's text: rest countdown, or the set and the count against its target."""
        coach = self.coach
        if coach.done:
            return ["workout complete"]
        if coach.resting_until is not None:
            return [f"rest {coach.rest_left_s(now_s):.0f} s (s to skip)"]
        exercise = coach.exercise
        lines = [f"{exercise.id}: set {coach.set_number} of {exercise.sets.low}"]
        if exercise.reps is not None:
            lines.append("  ".join(f"{side} {n}/{exercise.reps.low}"
                                   for side, n in sorted(coach.current.reps_by_side.items())))
        elif status is not None and status.holding:
            lines.append(f"hold {status.held_s:.0f} of {exercise.hold_s:g} s")
        return lines + ([] if status else ["get into position"]) + self.loop.advice


def _play(source, workout: _Workout, window, print_line: Callable[[str], None]) -> str:
    """Frames until the workout is done (and spoken), the file ends or a key ends it."""
    paused, done_at = False, None
    while (frame := source.read()) is not None:
        workout.record.duration_s = frame.t_s
        pose, status = workout.step(frame, paused)
        if not window and (countdown := workout.coach.countdown(frame.t_s)):
            print_line(countdown)
        if workout.coach.done:
            done_at = frame.t_s if done_at is None else done_at
            if frame.t_s - done_at >= DRAIN_S:
                return "finished"
        if window:
            key = window.show(frame.image, pose, status, workout.lines(status, frame.t_s),
                              workout.voice.shown, frame.t_s, workout.loop.exercise)
            if key == "quit":
                return "quit"
            if key == "skip":
                workout.coach.skip(frame.t_s)
            paused = paused != (key == "pause")
            if key == "mute":
                workout.voice.toggle_mute()
    return "finished" if workout.coach.done else "video ended"


def run_workout(routine: Routine, camera, model_path: Path, *, out_dir: Path, only_phase: str | None = None,
                start_at: str | None = None, window: bool = True, speech=None, voice=None,
                no_voice: bool = False, print_cue: Callable[[str], None] = print,
                history=None) -> WorkoutRecord:
    """Coach the routine live until it is complete, the file ends, a key or Ctrl-C stops it, or
    the camera is lost. Raises RoutineError for an unknown phase or exercise id (before
    anything is opened), CameraError and ModelError like ``run_live``. ``history``: a
    history.SessionLog that stores each rep and hold as it is judged."""

    coach = WorkoutCoach(routine, routine.exercises(only_phase, start_at))
    with ExitStack() as resources:
        kit = open_live(resources, camera, model_path, window=window, speech=speech, voice=voice,
                        no_voice=no_voice, print_cue=print_cue)
        out_dir.mkdir(parents=True, exist_ok=True)
        record = WorkoutRecord(routine.name, kit.source.name, out_dir / "workout.json", coach,
                               utterances=kit.voice.spoken)
        workout = _Workout(coach, record, kit.source.fps, kit.estimator, kit.voice, history)
        with history_finished(history, record):
            with ending_recorded(record):
                coach.start(0.0)
                workout.sync(0.0)
                record.ended = _play(kit.source, workout, kit.screen, print_cue)
                if workout.loop is not None:
                    workout.loop.finish(record.duration_s)
            record.report_path = write_session_report(out_dir, f"Workout: {routine.name}", record,
                                                      workout.recorders)
    return record
