"""The thumbnail ring (bounded, small) and the choice of the worst rep per cue."""

from __future__ import annotations

from types import SimpleNamespace

import cv2
import numpy as np
import pytest

from trainer.cues import FormFault
from trainer.pose import PoseFrame
from trainer.report.thumbnails import ThumbnailRing, WorstCueFrames, person_box, violation

from .conftest import record_squats


def feed(ring: ThumbnailRing, seconds: float, fps: float = 30.0, size=(640, 480)) -> None:
    for i in range(int(seconds * fps)):
        t = i / fps
        image = np.full((size[1], size[0], 3), int(t) % 256, np.uint8)   # brightness = whole second
        ring.offer(image, PoseFrame.empty(t, i, size))


def brightness(jpeg: bytes) -> float:
    """The picture's background grey (the median: the skeleton's lines are a small part)."""
    return float(np.median(cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_GRAYSCALE)))


def test_ring_keeps_about_six_small_frames_a_second_of_the_last_thirty_seconds():
    ring = ThumbnailRing()
    feed(ring, 90.0)
    times = [t for t, _ in ring.frames]
    assert 170 <= len(times) <= 181
    assert times[-1] - times[0] == pytest.approx(30.0, abs=0.5)
    assert all(0.13 <= b - a <= 0.2 for a, b in zip(times, times[1:]))
    picture = cv2.imdecode(np.frombuffer(ring.frames[-1][1], np.uint8), cv2.IMREAD_COLOR)
    assert picture.shape[0] == 240


def test_ring_keeps_six_a_second_from_the_first_frame():
    ring = ThumbnailRing()
    feed(ring, 3.0)
    assert len(ring) in (18, 19)


def test_ring_memory_stays_flat_as_a_session_goes_on():
    ring = ThumbnailRing()
    feed(ring, 40.0)
    early = sum(len(jpeg) for _, jpeg in ring.frames)
    feed(ring, 200.0)
    assert sum(len(jpeg) for _, jpeg in ring.frames) <= early * 1.05


def test_nearest_frame_is_the_closest_kept_one_and_none_when_too_far():
    ring = ThumbnailRing()
    feed(ring, 10.0)
    t, jpeg = ring.nearest(7.4)
    assert abs(t - 7.4) <= 0.1 and brightness(jpeg) == pytest.approx(7, abs=1)
    assert ring.nearest(25.0) is None


def test_a_thumbnail_is_cropped_around_the_person():
    xy = np.full((33, 2), np.nan)
    xy[11:29] = [[300, 100], [340, 400]] * 9
    pose = PoseFrame(0.0, 0, (1280, 720), xy, np.zeros((33, 3)), np.ones(33), np.ones(33))
    x0, y0, x1, y1 = person_box(pose, (720, 1280, 3))
    assert x0 < 300 and x1 > 340 and y0 < 100 and y1 > 400 and x1 - x0 < 200
    assert person_box(PoseFrame.empty(0.0, 0, (1280, 720)), (720, 1280, 3)) == (0, 0, 1280, 720)


def test_violation_is_relative_to_the_limit():
    assert violation(30.0, 25.0) == pytest.approx(0.2)
    assert violation(0.76, 0.95) == pytest.approx(0.2)
    assert violation(3.0, 0.0) == 3.0


def _rep(index, turn_s, measured):
    fault = FormFault("shallow_depth", "Sit deeper", measured, 25.0, "deg", turn_s, index, "both", "front")
    return SimpleNamespace(index=index, turn_s=turn_s, faults=[fault])


def test_only_the_worst_rep_per_cue_is_kept_at_its_turning_point():
    ring = ThumbnailRing()
    feed(ring, 20.0)
    worst = WorstCueFrames()
    for rep in (_rep(1, 4.5, 30.0), _rep(2, 12.5, 40.0), _rep(3, 16.5, 35.0)):
        worst.consider(ring, rep, "rep")
    [thumb] = worst.thumbnails()
    assert thumb.item.index == 2 and thumb.severity == pytest.approx(0.6)
    assert abs(thumb.t_s - 12.5) <= 0.1 and brightness(thumb.jpeg) == pytest.approx(12, abs=1)


def test_squats_through_the_engine_picture_the_caving_rep(squats):
    [thumb] = squats.thumbnails
    assert thumb.fault.rule_id == "knee_valgus" and thumb.item.index == 2
    assert abs(thumb.t_s - thumb.item.turn_s) <= 1 / 6
    assert brightness(thumb.jpeg) == pytest.approx(round(thumb.t_s * 30) % 256, abs=3)


def test_a_clean_set_has_no_thumbnails():
    assert record_squats(n_reps=2).thumbnails == []
