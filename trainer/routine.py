"""The routine as data: phases of exercises with sets, reps or holds, sides and equipment.

Loaded from a TOML file (``routine/runner_leg_glute.toml`` by default) and validated on load;
every problem is reported as one line naming the file, the place and the fix.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

DEFAULT_ROUTINE = Path(__file__).resolve().parents[1] / "routine" / "runner_leg_glute.toml"

# The routine's 24 exercises, in the article's order.
ROUTINE_EXERCISE_IDS = (
    "squat_to_overhead_reach", "good_morning", "lunge_with_knee_to_chest",
    "standing_clamshell", "monster_walk", "side_step", "diagonal_step_tap", "jab_step", "glute_star",
    "single_leg_bridge", "banded_split_squat", "lateral_lunge", "single_leg_deadlift",
    "ball_hamstring_curl", "banded_hip_extension", "goblet_squat", "elevated_heel_tap",
    "slider_reverse_lunge", "single_leg_ball_squat", "eccentric_heel_raise",
    "half_pigeon", "lizard_to_half_split", "calf_stretch", "hip_flexor_stretch",
)

_EXERCISE_KEYS = {"id", "sets", "reps", "hold_s", "per_side", "equipment", "alternatives", "note"}
_PHASE_KEYS = {"id", "title", "note", "exercise"}
_TOP_KEYS = {"name", "source", "rest_between_sets_s", "phase"}


class RoutineError(ValueError):
    """One line: where in the routine file the problem is and what to write instead."""


@dataclass(frozen=True)
class Target:
    """A count or a range ("12 to 15"); ``low == high`` for a plain number."""

    low: int
    high: int

    def __str__(self) -> str:
        return str(self.low) if self.low == self.high else f"{self.low}-{self.high}"


@dataclass(frozen=True)
class RoutineExercise:
    id: str
    sets: Target
    reps: Target | None
    hold_s: float | None
    per_side: bool
    equipment: tuple[str, ...]
    alternatives: tuple[tuple[str, str], ...]   # (missing equipment, what to do instead)
    note: str

    def describe(self) -> str:
        amount = f"{self.reps} reps" if self.reps else f"{self.hold_s:g}-second holds"
        sets = "1 set" if self.sets.high == 1 else f"{self.sets} sets"
        return f"{sets} of {amount}" + (" on each leg" if self.per_side else "")


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    note: str
    exercises: tuple[RoutineExercise, ...]


@dataclass(frozen=True)
class Routine:
    name: str
    source: str
    rest_between_sets_s: float
    phases: tuple[Phase, ...]

    def exercises(self, only_phase: str | None = None, start_at: str | None = None):
        """(phase, exercise) pairs in order, optionally one phase only or from one exercise on.

        Raises RoutineError naming the valid ids for an unknown phase or exercise."""
        phase_ids = [p.id for p in self.phases]
        if only_phase is not None and only_phase not in phase_ids:
            raise RoutineError(f"--only {only_phase!r} is not a phase of this routine; choose one of: "
                               + ", ".join(phase_ids))
        pairs = [(p, e) for p in self.phases if only_phase in (None, p.id) for e in p.exercises]
        if start_at is not None:
            ids = [e.id for _, e in pairs]
            if start_at not in ids:
                raise RoutineError(f"--start-at {start_at!r} is not in this routine; choose one of: "
                                   + ", ".join(ids))
            pairs = pairs[ids.index(start_at):]
        return pairs


def load_routine(path: Path = DEFAULT_ROUTINE, known_ids=ROUTINE_EXERCISE_IDS) -> Routine:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise RoutineError(f"{path}: no such routine file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise RoutineError(f"{path}: not valid TOML ({exc})") from None
    _no_unknown_keys(data, _TOP_KEYS, f"{path}")
    phases = data.get("phase")
    if not isinstance(phases, list) or not phases:
        raise RoutineError(f"{path}: needs at least one [[phase]] with [[phase.exercise]] entries")
    return Routine(str(data.get("name", path.stem)), str(data.get("source", "")),
                   _number(data.get("rest_between_sets_s", 45), f"{path}: rest_between_sets_s"),
                   tuple(_phase(p, i, path, set(known_ids)) for i, p in enumerate(phases, 1)))


def _phase(raw: dict, number: int, path: Path, known: set[str]) -> Phase:
    where = f"{path}: phase {number}"
    _no_unknown_keys(raw, _PHASE_KEYS, where)
    if "id" not in raw:
        raise RoutineError(f"{where}: missing id")
    where = f"{path}: phase {raw['id']!r}"
    entries = raw.get("exercise") or []
    if not entries:
        raise RoutineError(f"{where}: has no [[phase.exercise]] entries")
    exercises = tuple(_exercise(e, f"{where}, exercise {i}", known) for i, e in enumerate(entries, 1))
    return Phase(str(raw["id"]), str(raw.get("title", raw["id"])), str(raw.get("note", "")), exercises)


def _exercise(raw: dict, where: str, known: set[str]) -> RoutineExercise:
    _no_unknown_keys(raw, _EXERCISE_KEYS, where)
    exercise_id = raw.get("id")
    if exercise_id not in known:
        raise RoutineError(f"{where}: unknown exercise {exercise_id!r}; known: {', '.join(sorted(known))}")
    where = f"{where} ({exercise_id})"
    if ("reps" in raw) == ("hold_s" in raw):
        raise RoutineError(f"{where}: give either reps or hold_s, not both or neither")
    alternatives = raw.get("alternatives", [])
    if not all(isinstance(a, dict) and {"without", "instead"} <= a.keys() for a in alternatives):
        raise RoutineError(f"{where}: each alternative needs 'without' and 'instead'")
    return RoutineExercise(
        id=exercise_id,
        sets=_target(raw.get("sets"), f"{where}: sets"),
        reps=_target(raw["reps"], f"{where}: reps") if "reps" in raw else None,
        hold_s=_number(raw["hold_s"], f"{where}: hold_s") if "hold_s" in raw else None,
        per_side=_flag(raw.get("per_side", False), f"{where}: per_side"),
        equipment=tuple(str(e) for e in raw.get("equipment", [])),
        alternatives=tuple((str(a["without"]), str(a["instead"])) for a in alternatives),
        note=str(raw.get("note", "")),
    )


def _target(value, where: str) -> Target:
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return Target(value, value)
    if (isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)
            and 0 < value[0] <= value[1]):
        return Target(value[0], value[1])
    raise RoutineError(f"{where} must be a positive whole number or a range like [12, 15], got {value!r}")


def _number(value, where: str) -> float:
    if isinstance(value, (int, float)) and not isinstance(value, bool) and value > 0:
        return float(value)
    raise RoutineError(f"{where} must be a positive number of seconds, got {value!r}")


def _flag(value, where: str) -> bool:
    if isinstance(value, bool):
        return value
    raise RoutineError(f"{where} must be true or false, got {value!r}")


def _no_unknown_keys(raw: dict, allowed: set[str], where: str) -> None:
    unknown = sorted(set(raw) - allowed)
    if unknown:
        raise RoutineError(f"{where}: unknown key {unknown[0]!r}; allowed: {', '.join(sorted(allowed))}")
