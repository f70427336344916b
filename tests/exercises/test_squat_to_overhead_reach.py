"""Squat to overhead reach: reps are followed across the blind spots a pole in front of the face
causes (synthetic landmarks, fast)."""

from builders import squat_sequence

from trainer.engine import ExerciseEngine
from trainer.exercises import get_exercise
from trainer.pose import PoseFrame

REP_S, REST_S, LEAD_IN_S = 3.0, 1.0, 1.0


def with_blind_spots(frames: list[PoseFrame], seconds: float) -> list[PoseFrame]:
    """The person lost for ``seconds`` around the bottom of every rep."""
    def lost(t: float) -> bool:
        into_cycle = (t - LEAD_IN_S) % (REP_S + REST_S)
        return t >= LEAD_IN_S and abs(into_cycle - REP_S / 2) < seconds / 2
    return [PoseFrame.empty(f.t_s, f.index, f.image_size) if lost(f.t_s) else f for f in frames]


def reps_counted(frames: list[PoseFrame]) -> int:
    engine = ExerciseEngine(get_exercise("squat_to_overhead_reach"), 30.0)
    for frame in frames:
        engine.update(frame)
    return len(engine.result().reps)


def test_reps_seen_down_and_up_count_across_a_blind_spot_at_the_bottom():
    frames = squat_sequence(3, rep_s=REP_S, rest_s=REST_S, lead_in_s=LEAD_IN_S)
    assert reps_counted(frames) == 3
    assert reps_counted(with_blind_spots(frames, 1.5)) == 3
