"""Synthetic exercise videos with exact ground truth: the test oracle and the demo clips.

A parametric 3D body (``body``) is posed by motion scripts (``motion``, ``exercises``), drawn
as a shaded figure in a room by a pinhole camera (``camera``, ``render``, ``face``, ``scene``)
and written as an mp4 with a JSON label file beside it (``labels``, ``video``)::

    from trainer.synth import generate_clip, parse_fault_spec
    generate_clip("goblet_squat", view="front", reps=5,
                  faults=parse_fault_spec("shallow_depth@3,knee_valgus@4"),
                  out=Path("squat.mp4"), seed=1)

Importing this package does not load OpenCV; generating a clip does.
"""

from __future__ import annotations

from pathlib import Path

from .body import BODY_TYPES
from .camera import VIEWS
from .exercises import EXERCISES as _EXERCISES, get_exercise

EXERCISES: tuple[str, ...] = tuple(sorted(_EXERCISES))
FAULTS: dict[str, tuple[str, ...]] = {name: e.faults for name, e in _EXERCISES.items()}

__all__ = ["BODY_TYPES", "EXERCISES", "FAULTS", "VIEWS", "generate_clip", "parse_fault_spec"]


def generate_clip(exercise: str, *, view: str | float = "side", reps: int | None = None,
                  faults: dict[int, list[str]] | None = None, out: Path, seed: int = 0,
                  body_type: str = "average", fps: int = 30, width: int = 854,
                  height: int = 480, side: str | None = None, noise: float = 0.0,
                  hold_s: float | None = None) -> Path:
    """Render ``exercise`` to ``out`` (mp4) and write its labels to ``out.with_suffix(".json")``.

    view: "front", "side" (the person's left toward the camera), "side_right", "oblique",
    "back", or a camera yaw in degrees (0 in front, 90 on the person's left). reps: reps (or
    holds) per set, default the script's. faults: rep number (from 1) -> fault names, see
    ``FAULTS``. side: only the sets of that side ("left"/"right") of a one-sided exercise.
    noise: 0 (clean) to 1 (blurry, grainy, compressed). hold_s: seconds of every hold of a
    hold set (default the script's), e.g. short holds for tests. Returns the label file's path.
    Raises ValueError naming the valid choices for an unknown exercise, fault, view, side or
    body type.
    """
    from .clip import ClipRequest, write_clip  # OpenCV is loaded only to render

    chosen = get_exercise(exercise)
    faults = dict(faults or {})
    for names in faults.values():
        _check_faults(names, chosen.faults, exercise)
    if not 0.0 <= noise <= 1.0:
        raise ValueError(f"noise must be between 0 and 1, got {noise}")
    if body_type not in BODY_TYPES:
        raise ValueError(f"unknown body type {body_type!r}; choose one of: "
                         f"{', '.join(BODY_TYPES)}")
    request = ClipRequest(chosen, view, reps, faults, seed, body_type, fps, width, height,
                          side, noise, hold_s)
    return write_clip(request, Path(out))


def parse_fault_spec(spec: str, exercise: str | None = None) -> dict[int, list[str]]:
    """``"shallow_depth@3,knee_valgus@4"`` -> ``{3: ["shallow_depth"], 4: ["knee_valgus"]}``.

    Fault names are checked against ``exercise``'s faults, or against every exercise's when
    none is given; an unknown name raises ValueError listing the valid ones.
    """
    valid = FAULTS[get_exercise(exercise).name] if exercise else \
        tuple(sorted({f for names in FAULTS.values() for f in names}))
    faults: dict[int, list[str]] = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        name, at, rep = item.partition("@")
        if not at or not rep.strip().isdigit() or int(rep) < 1:
            raise ValueError(f"bad fault {item!r}: write it as NAME@REP, e.g. shallow_depth@3")
        _check_faults([name.strip()], valid, exercise or "any exercise")
        faults.setdefault(int(rep), []).append(name.strip())
    return faults


def _check_faults(names: list[str], valid: tuple[str, ...], exercise: str) -> None:
    unknown = [n for n in names if n not in valid]
    if unknown:
        raise ValueError(f"unknown fault {unknown[0]!r} for {exercise}; choose from: "
                         f"{', '.join(valid)}")
