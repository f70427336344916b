import math

import numpy as np
import pytest

from builders import squat_world, to_frame
from trainer.geometry import (View, classify_view, joint_angle, tilt_from_horizontal,
                              tilt_from_vertical, width_ratio)


@pytest.mark.parametrize("a, b, c, expected", [
    ((1, 0), (0, 0), (0, 1), 90.0),            # right angle
    ((1, 0), (0, 0), (-1, 0), 180.0),          # straight line
    ((1, 0, 0), (0, 0, 0), (1, 1, 0), 45.0),   # 3D
])
def test_joint_angle(a, b, c, expected):
    assert joint_angle(np.array(a), np.array(b), np.array(c)) == pytest.approx(expected)


def test_joint_angle_is_nan_for_a_zero_length_segment():
    assert math.isnan(joint_angle(np.zeros(2), np.zeros(2), np.ones(2)))


def test_joint_angle_vectorised_over_frames():
    a = np.array([[1, 0], [1, 0]]); b = np.zeros((2, 2)); c = np.array([[0, 1], [-1, 0]])
    assert joint_angle(a, b, c) == pytest.approx([90.0, 180.0])


def test_tilts_use_image_y_pointing_down():
    hip, shoulder_up, shoulder_forward = (100, 500), (100, 300), (300, 300)
    assert tilt_from_vertical(hip, shoulder_up) == pytest.approx(0.0)
    assert tilt_from_vertical(hip, shoulder_forward) == pytest.approx(45.0)
    assert tilt_from_horizontal((0, 0), (100, 0)) == pytest.approx(0.0)
    assert tilt_from_horizontal((0, 0), (0, 100)) == pytest.approx(90.0)


@pytest.mark.parametrize("view, expected", [("front", View.FRONT), ("side", View.SIDE)])
def test_view_is_classified_from_apparent_body_width(view, expected):
    frame = to_frame(squat_world(10), 0.0, 0, view)
    assert classify_view(width_ratio(frame.xy)) is expected


def test_oblique_between_front_and_side():
    assert classify_view(0.4) is View.OBLIQUE
    assert classify_view(float("nan")) is None
