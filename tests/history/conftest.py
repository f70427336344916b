"""Hand-made reps and holds for the history tests; every database lives under tmp_path."""

from __future__ import annotations

import pytest

from trainer.cues import FormFault
from trainer.engine import HoldResult, RepResult


def rep(index: int = 1, side: str = "left", rom: float = 70.0, down: float = 1.5, up: float = 1.2,
        pause: float | None = 0.3, start: float = 0.0, cues: tuple[str, ...] = ()) -> RepResult:
    """A rep lasting down + pause + up seconds, with one fault per named rule."""
    metrics = {"range_of_motion": rom, "tempo_down_s": down, "tempo_up_s": up, "knee_valgus": 4.0}
    if pause is not None:
        metrics["pause_s"] = pause
    end = start + down + (pause or 0.0) + up
    faults = [FormFault(rule, f"fix {rule}", 12.0, 8.0, "deg", start + down, index, side, "side")
              for rule in cues]
    return RepResult(index, side, start, start + down, end, "side", metrics, faults, [])


def hold(index: int = 1, side: str = "left", held: float = 30.0, cues: tuple[str, ...] = ()) -> HoldResult:
    faults = [FormFault(rule, f"fix {rule}", 3.0, 5.0, "deg", 1.0, None, side, "side") for rule in cues]
    return HoldResult(index, side, 0.0, held + 1.0, held, "side", {"hip_angle": 40.0}, faults, [])


@pytest.fixture
def db(tmp_path):
    return tmp_path / "history.sqlite3"
