"""The overlay's measurement panel: which measurements each exercise shows, and that it draws."""

import numpy as np

from builders import squat_world, to_frame
from trainer.engine import FrameStatus
from trainer.exercises import get_exercise
from trainer.geometry import View
from trainer.overlay.annotators import MetricPanelAnnotator, metric_rows


def test_the_panel_lists_what_the_exercise_s_rules_read_per_leg_where_they_read_one():
    squat = [metric for _, metric, *_ in metric_rows(get_exercise("goblet_squat"))]
    assert "thigh_above_parallel" in squat and "trunk_lean" in squat
    assert not any(metric.startswith("rep:") for metric in squat)   # no per-frame value to show
    deadlift = [metric for _, metric, *_ in metric_rows(get_exercise("single_leg_deadlift"))]
    one_leg = [m for m in deadlift if m.endswith("_left")]
    assert one_leg and all(m.removesuffix("_left") + "_right" in deadlift for m in one_leg)


def test_the_panel_draws_measurements_that_have_a_value_and_the_view_can_judge():
    exercise = get_exercise("goblet_squat")
    frame = to_frame(squat_world(90), 0.0, 0, "side")

    def drawn(metrics, view=View.SIDE):
        scene = np.zeros((480, 854, 3), np.uint8)
        status = FrameStatus(0.0, True, True, view, 0, False, metrics)
        MetricPanelAnnotator(exercise).annotate(scene, frame, status)
        return int(scene.any(axis=2).sum())

    assert drawn({}) == 0 and drawn({"trunk_lean": float("nan")}) == 0
    assert drawn({"trunk_lean": 12.0}) > 0
    # the knees caving in are judged from the front only: side-on their reading is not shown
    assert drawn({"knee_width_ratio": 0.8}) == 0 < drawn({"knee_width_ratio": 0.8}, View.FRONT)
