"""The guided routine's sequencing: what to announce, when a side, set or exercise is done.

``WorkoutCoach`` is a plain state machine fed with rep events, hold progress, key presses and
the clock; it never sees a frame (``workout_session.run_workout`` feeds it from a camera).

Rules it follows:
- A target range (reps 12-15, sets 2-3) is met at its low end.
- A per-side exercise counts each leg to the target; once the first leg worked reaches it,
  "Switch legs" is said once. Which leg worked comes from the engine (RepResult.side,
  the hold's side); a rep or hold of the wrong leg simply counts toward that leg's total, and
  one with no leg ("both") counts toward the leg being worked.
- A set of holds is one hold of the target length (on each leg, for a per-side stretch).
- A hold counts only while the engine's hold timer says the position is held; reaching the
  target length completes that hold ("30 seconds, release"), and the next hold is timed only
  after the position has been let go.
- Between sets a rest runs for the routine's ``rest_between_sets_s``; nothing is counted while
  resting. Skip ends the rest early, or (while counting) moves on to the next exercise.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Callable

from .routine import Phase, Routine, RoutineExercise

SIDES = ("left", "right")
COUNTDOWN_S = 15   # the terminal shows the rest's time left this often


def _exercise_name(exercise_id: str) -> str:
    from .exercises import get_exercise
    return get_exercise(exercise_id).name


@dataclass
class SetLog:
    """What was done in one set (holds are (side, seconds held))."""

    exercise: str
    set_number: int
    reps_by_side: dict[str, int] = field(default_factory=dict)
    holds: list[tuple[str, float]] = field(default_factory=list)
    complete: bool = False

    def to_json(self) -> dict:
        return {"exercise": self.exercise, "set": self.set_number, "complete": self.complete,
                "reps_by_side": dict(self.reps_by_side),
                "holds": [{"side": side, "held_s": round(held, 2)} for side, held in self.holds]}


class WorkoutCoach:
    """Walks through ``pairs`` ((phase, exercise) from ``Routine.exercises``) set by set.

    Every method returns nothing; sentences to say pile up in ``pending`` (take them with
    ``take_announcements``) and in ``announced`` as (time, text) for the record.
    """

    def __init__(self, routine: Routine, pairs: list[tuple[Phase, RoutineExercise]],
                 name_of: Callable[[str], str] = _exercise_name) -> None:
        if not pairs:
            raise ValueError("the workout has no exercises")
        self.routine, self.pairs, self.name_of = routine, pairs, name_of
        self.index = -1
        self.set_number = 0
        self.resting_until: float | None = None
        self.done = False
        self.sets: list[SetLog] = []
        self.skipped: list[str] = []
        self.announced: list[tuple[float, str]] = []
        self.pending: list[str] = []
        self._switch_said = False
        self._hold_armed = True
        self._first_leg: str | None = None
        self._countdown_marks: int | None = None

    @property
    def exercise(self) -> RoutineExercise:
        return self.pairs[self.index][1]

    @property
    def counting(self) -> bool:
        return not self.done and self.resting_until is None and self.index >= 0

    @property
    def position(self) -> tuple[int, int]:
        """(exercise index, set number): a new value means a fresh engine is needed."""
        return self.index, self.set_number

    def rest_left_s(self, now_s: float) -> float:
        return max(0.0, self.resting_until - now_s) if self.resting_until is not None else 0.0

    def countdown(self, now_s: float) -> str | None:
        """For a terminal without the overlay: the rest's time left, once per COUNTDOWN_S mark."""
        marks = math.ceil(self.rest_left_s(now_s) / COUNTDOWN_S)
        if self.resting_until is None or marks == self._countdown_marks:
            return None
        first, self._countdown_marks = self._countdown_marks is None, marks
        return None if first or marks == 0 else f"rest: {marks * COUNTDOWN_S:g} s left"

    @property
    def current(self) -> SetLog:
        return self.sets[-1]

    def leg_now(self) -> str | None:
        """The leg being worked in a per-side exercise: the first leg seen until it reaches the
        target, then the other (None before the first rep or hold, or for a two-legged one)."""
        if not self.exercise.per_side or self._first_leg is None:
            return None
        return _other(self._first_leg) if self._side_done(self._first_leg) else self._first_leg

    def take_announcements(self) -> list[str]:
        said, self.pending = self.pending, []
        return said

    def start(self, now_s: float) -> None:
        self._next_exercise(now_s)

    def on_rep(self, side: str, now_s: float) -> None:
        if not self.counting or self.exercise.reps is None:
            return
        leg = self._leg_for(side)
        self.current.reps_by_side[leg] = self.current.reps_by_side.get(leg, 0) + 1
        self._after_progress(now_s)

    def on_hold(self, holding: bool, held_s: float, side: str, now_s: float) -> None:
        """One frame's hold timer: a hold reaching the target length completes it."""
        if not self.counting or self.exercise.hold_s is None:
            return
        if not holding:
            self._hold_armed = True
            return
        if not self._hold_armed or held_s < self.exercise.hold_s:
            return
        self._hold_armed = False
        self.current.holds.append((self._leg_for(side), held_s))
        self._say(f"{self.exercise.hold_s:g} seconds, release", now_s)
        self._after_progress(now_s)

    def tick(self, now_s: float) -> None:
        """Once a frame: ends a rest whose time is up."""
        if self.resting_until is not None and now_s >= self.resting_until:
            self._start_set(self.set_number + 1, now_s)

    def skip(self, now_s: float) -> None:
        """Key s: cut the rest short, or leave the exercise being counted."""
        if self.done:
            return
        if self.resting_until is not None:
            self._start_set(self.set_number + 1, now_s)
            return
        self.skipped.append(self.exercise.id)
        self._next_exercise(now_s)

    def _after_progress(self, now_s: float) -> None:
        if self.exercise.per_side and not self._switch_said and self._one_leg_done():
            self._switch_said = True
            self._say("Switch legs", now_s)
        if all(self._side_done(s) for s in (SIDES if self.exercise.per_side else ("all",))):
            self._finish_set(now_s)

    def _finish_set(self, now_s: float) -> None:
        self.current.complete = True
        self._say(f"Set {self.set_number} complete", now_s)
        if self.set_number < self.exercise.sets.low:
            self.resting_until = now_s + self.routine.rest_between_sets_s
            self._say(f"Rest {self.routine.rest_between_sets_s:g} seconds", now_s)
        else:
            self._next_exercise(now_s)

    def _next_exercise(self, now_s: float) -> None:
        self.index += 1
        if self.index >= len(self.pairs):
            self.done, self.resting_until = True, None
            self._say("Workout complete", now_s)
            return
        phase, exercise = self.pairs[self.index]
        if self.index == 0 or self.pairs[self.index - 1][0] is not phase:
            self._say(phase.title + (f". {phase.note}" if phase.note else ""), now_s)
        self._say(f"{self.name_of(exercise.id)}: {exercise.describe()}", now_s)
        if exercise.equipment:
            self._say("You need " + " and ".join(exercise.equipment), now_s)
        if exercise.alternatives:
            missing, instead = exercise.alternatives[0]
            self._say(f"No {missing}? Instead: {instead}", now_s)
        self._start_set(1, now_s)

    def _start_set(self, number: int, now_s: float) -> None:
        self.set_number, self.resting_until, self._countdown_marks = number, None, None
        self._switch_said, self._hold_armed, self._first_leg = False, True, None
        self.sets.append(SetLog(self.exercise.id, number))
        self._say(f"Set {number} of {self.exercise.sets.low}", now_s)

    def _leg_for(self, side: str) -> str:
        if not self.exercise.per_side:
            return "all"
        leg = side if side in SIDES else (self.leg_now() or SIDES[0])
        self._first_leg = self._first_leg or leg
        return leg

    def _done_count(self, side: str) -> int:
        if self.exercise.reps is not None:
            counts = self.current.reps_by_side
            return sum(counts.values()) if side == "all" else counts.get(side, 0)
        return sum(1 for leg, _ in self.current.holds if side in ("all", leg))

    def _side_done(self, side: str) -> bool:
        target = self.exercise.reps.low if self.exercise.reps is not None else 1
        return self._done_count(side) >= target

    def _one_leg_done(self) -> bool:
        return sum(self._side_done(s) for s in SIDES) == 1

    def _say(self, text: str, now_s: float) -> None:
        self.pending.append(text)
        self.announced.append((now_s, text))


def _other(side: str) -> str:
    return SIDES[1] if side == SIDES[0] else SIDES[0]
