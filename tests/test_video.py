"""Video input on small files made here: bad files, truncation, timestamps, rotation."""

import shutil
import subprocess

import cv2
import numpy as np
import pytest

from trainer.io.video import VideoError, VideoSource


def write_video(path, frames=30, fps=10.0, fourcc="MJPG", size=(160, 120)):
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), fps, size)
    for i in range(frames):
        writer.write(np.full((size[1], size[0], 3), (i * 8) % 255, np.uint8))
    writer.release()
    return path


def test_missing_file(tmp_path):
    with pytest.raises(VideoError, match="no such file"):
        VideoSource(tmp_path / "nope.mp4")


def test_empty_file(tmp_path):
    (tmp_path / "empty.mp4").write_bytes(b"")
    with pytest.raises(VideoError, match="empty"):
        VideoSource(tmp_path / "empty.mp4")


def test_text_file_named_mp4(tmp_path):
    (tmp_path / "notes.mp4").write_text("this is not a video\n" * 50)
    with pytest.raises(VideoError, match="not a readable video"):
        VideoSource(tmp_path / "notes.mp4")


def test_frames_carry_increasing_timestamps(tmp_path):
    source = VideoSource(write_video(tmp_path / "clip.avi", frames=20, fps=10.0))
    times = [frame.t_s for frame in source]
    assert len(times) == 20 and times[0] == 0.0
    assert np.allclose(np.diff(times), 0.1)
    assert not source.truncated


def test_truncated_video_keeps_its_good_frames(tmp_path):
    full = write_video(tmp_path / "full.avi", frames=60)
    cut = tmp_path / "cut.avi"
    cut.write_bytes(full.read_bytes()[: full.stat().st_size * 6 // 10])
    source = VideoSource(cut)
    decoded = sum(1 for _ in source)
    assert 20 < decoded < 60
    assert source.truncated


def test_stopping_early_releases_the_reader(tmp_path):
    source = VideoSource(write_video(tmp_path / "clip.avi", frames=200))
    for frame in source:
        if frame.index == 3:
            break
    assert source.frames_read < 200


@pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg is needed to write rotation metadata")
def test_rotation_metadata_is_honoured(tmp_path):
    plain = write_video(tmp_path / "plain.mp4", fourcc="mp4v", size=(160, 120))
    rotated = tmp_path / "rotated.mp4"
    subprocess.run(["ffmpeg", "-loglevel", "error", "-y", "-i", str(plain), "-c", "copy",
                    "-metadata:s:v:0", "rotate=90", str(rotated)], check=True)
    source = VideoSource(rotated)
    frame = next(iter(source))
    assert frame.image.shape[:2] == (160, 120)          # portrait, as a phone would show it
    assert (source.info.width, source.info.height) == (120, 160)
    assert source.info.rotation_deg in (90, 270)
