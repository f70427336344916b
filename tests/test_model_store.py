"""Tests for trainer.io.model_store: finding, checking, downloading and building the pose bundle."""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
import threading
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from trainer.io import model_store
from trainer.io.model_store import (
    ModelError,
    ModelInfo,
    default_models_dir,
    describe_models,
    resolve_model,
    verify_bundle,
)

VIDEOS = Path(__file__).resolve().parents[1].parent / "shared" / "videos"
SQUAT_VIDEO = VIDEOS / "Goondoc08__to-be-frank" / "goblet-squat.mp4"

# Landmarks (x, y) that mediapipe 0.10.21's legacy mp.solutions.pose (full model,
# static images) finds in frames 10 and 20 of SQUAT_VIDEO. Wrong input
# normalization in the built bundle shifts these by about 0.005 to 0.01.
LEGACY_LANDMARKS = {
    10: {0: (0.4724, 0.1934), 11: (0.4695, 0.2785), 12: (0.3817, 0.2845), 23: (0.4248, 0.4997),
         24: (0.3590, 0.4963), 25: (0.4906, 0.6585), 26: (0.3845, 0.6689), 27: (0.4617, 0.8192),
         28: (0.3576, 0.8541)},
    20: {0: (0.4827, 0.2692), 11: (0.4795, 0.3570), 12: (0.3884, 0.3555), 23: (0.4093, 0.5479),
         24: (0.3443, 0.5487), 25: (0.5012, 0.6696), 26: (0.3920, 0.6911), 27: (0.4645, 0.8247),
         28: (0.3598, 0.8578)},
}
LEGACY_TOLERANCE = 0.003
NOSE, LEFT_HIP, LEFT_ANKLE = 0, 23, 27


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch):
    for name in ("TRAINER_OFFLINE", "TRAINER_MODELS_DIR", "http_proxy", "HTTP_PROXY"):
        monkeypatch.delenv(name, raising=False)


def write_fake_bundle(path: Path, members=model_store.BUNDLE_MEMBERS) -> Path:
    with zipfile.ZipFile(path, "w") as bundle:
        for member in members:
            bundle.writestr(member, b"not really a model")
    return path


def write_sidecar(path: Path, sha: str) -> None:
    path.with_name(path.name + ".sha256").write_text(f"{sha}  {path.name}\n")


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def build_calls(monkeypatch):
    """Replaces the offline build with a stub; the list records each call's models_dir."""
    calls = []

    def fake_build(models_dir, report):
        calls.append(models_dir)
        return ModelInfo(models_dir / "stub.task", "built-offline", "0" * 64, "stub")

    monkeypatch.setattr(model_store, "_build_bundle", fake_build)
    return calls


@pytest.fixture
def serve_bytes():
    """Starts a local HTTP server answering every GET with the given body; returns its URL."""
    servers = []

    def start(body: bytes) -> str:
        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_port}/pose_landmarker_full.task"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


# --- bundles already on disk ---------------------------------------------------

def test_missing_explicit_path_is_a_model_error(tmp_path):
    missing = tmp_path / "nowhere.task"
    with pytest.raises(ModelError, match="not found") as error:
        resolve_model(missing)
    assert str(missing) in str(error.value)
    assert "--model" in str(error.value)


def test_random_bytes_in_models_dir_are_reported_as_corrupt(tmp_path):
    corrupt = tmp_path / "pose_landmarker_full.task"
    corrupt.write_bytes(os.urandom(4096))
    with pytest.raises(ModelError, match="corrupt") as error:
        resolve_model(models_dir=tmp_path, allow_download=False, allow_build=False)
    assert str(corrupt) in str(error.value)


def test_random_bytes_as_explicit_model_are_rejected(tmp_path):
    corrupt = tmp_path / "mine.task"
    corrupt.write_bytes(os.urandom(4096))
    with pytest.raises(ModelError, match="not a zip") as error:
        resolve_model(corrupt)
    assert str(corrupt) in str(error.value)


def test_truncated_bundle_is_corrupt(tmp_path):
    bundle = write_fake_bundle(tmp_path / "pose_landmarker_full.task")
    bundle.write_bytes(bundle.read_bytes()[:-40])
    with pytest.raises(ModelError, match="corrupt"):
        verify_bundle(bundle)


def test_zip_without_pose_models_is_rejected(tmp_path):
    bundle = write_fake_bundle(tmp_path / "other.task", members=["hand_detector.tflite"])
    with pytest.raises(ModelError, match="lacks pose_detector.tflite"):
        verify_bundle(bundle)


def test_sidecar_checksum_mismatch_is_a_model_error(tmp_path):
    bundle = write_fake_bundle(tmp_path / "pose_landmarker_full.task")
    write_sidecar(bundle, "0" * 64)
    with pytest.raises(ModelError, match="sha256 does not match") as error:
        resolve_model(models_dir=tmp_path, allow_download=False, allow_build=False)
    assert str(bundle) in str(error.value)


def test_bundle_in_models_dir_is_used_full_before_heavy_before_lite(tmp_path):
    for name in ("custom.task", "pose_landmarker_lite.task", "pose_landmarker_heavy.task"):
        write_fake_bundle(tmp_path / name)
    full = write_fake_bundle(tmp_path / "pose_landmarker_full.task")
    write_sidecar(full, sha256_of(full))

    info = resolve_model(models_dir=tmp_path, allow_download=False, allow_build=False)
    assert (info.path, info.source, info.sha256) == (full, "models-dir", sha256_of(full))

    full.unlink()
    info = resolve_model(models_dir=tmp_path, allow_download=False, allow_build=False)
    assert info.path.name == "pose_landmarker_heavy.task"


def test_describe_models_reports_checksums_and_problems(tmp_path):
    full = write_fake_bundle(tmp_path / "pose_landmarker_full.task")
    write_sidecar(full, sha256_of(full))
    lite = write_fake_bundle(tmp_path / "pose_landmarker_lite.task")
    write_sidecar(lite, "0" * 64)
    (tmp_path / "broken.task").write_bytes(b"junk")

    rows = {row["name"]: row for row in describe_models(tmp_path)}
    assert list(rows) == ["pose_landmarker_full.task", "pose_landmarker_lite.task", "broken.task"]
    assert rows["pose_landmarker_full.task"]["checksum"] == "ok"
    assert rows["pose_landmarker_full.task"]["source"] == "download"
    assert rows["pose_landmarker_full.task"]["size_bytes"] == full.stat().st_size
    assert rows["pose_landmarker_lite.task"]["checksum"] == "mismatch"
    assert rows["broken.task"]["checksum"] == "unrecorded"
    assert rows["broken.task"]["source"] == "manual"
    assert "not a zip" in rows["broken.task"]["problem"]
    assert rows["pose_landmarker_full.task"]["problem"] is None


def test_models_dir_env_var_overrides_everything(tmp_path, monkeypatch):
    monkeypatch.setenv("TRAINER_MODELS_DIR", str(tmp_path / "mine"))
    assert default_models_dir() == tmp_path / "mine"


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="XDG cache layout is for Linux")
def test_outside_a_checkout_models_go_to_the_xdg_cache(tmp_path, monkeypatch):
    installed = tmp_path / "site-packages" / "trainer" / "io" / "model_store.py"
    monkeypatch.setattr(model_store, "__file__", str(installed))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    assert default_models_dir() == tmp_path / "cache" / "trainer" / "models"


# --- download and its fall-through --------------------------------------------

def test_unreachable_download_falls_through_to_build(tmp_path, monkeypatch, build_calls):
    monkeypatch.setattr(model_store, "DOWNLOAD_URL", "http://127.0.0.1:9/x.task")
    messages = []
    info = resolve_model(models_dir=tmp_path, progress=messages.append)
    assert build_calls == [tmp_path]
    assert info.source == "built-offline"
    assert any(message.startswith("download failed") for message in messages)


def test_offline_env_var_skips_the_download(tmp_path, monkeypatch, build_calls):
    monkeypatch.setenv("TRAINER_OFFLINE", "1")
    monkeypatch.setattr(model_store.urllib.request, "urlopen", lambda *a, **k: pytest.fail("downloaded"))
    resolve_model(models_dir=tmp_path)
    assert build_calls == [tmp_path]


def test_downloaded_bundle_is_installed_with_sidecar(tmp_path, monkeypatch, build_calls, serve_bytes):
    official = write_fake_bundle(tmp_path / "served.task").read_bytes()
    monkeypatch.setattr(model_store, "DOWNLOAD_URL", serve_bytes(official))
    models_dir = tmp_path / "models"

    info = resolve_model(models_dir=models_dir)

    assert info.source == "download" and build_calls == []
    assert info.path == models_dir / "pose_landmarker_full.task"
    assert info.path.read_bytes() == official
    assert info.sha256 == hashlib.sha256(official).hexdigest()
    assert (models_dir / "pose_landmarker_full.task.sha256").read_text().split()[0] == info.sha256
    assert not list(models_dir.glob("*.part"))


def test_downloaded_junk_falls_through_to_build(tmp_path, monkeypatch, build_calls, serve_bytes):
    monkeypatch.setattr(model_store, "DOWNLOAD_URL", serve_bytes(b"<html>captive portal</html>"))
    resolve_model(models_dir=tmp_path)
    assert build_calls == [tmp_path]
    assert not list(tmp_path.glob("*.task")) and not list(tmp_path.glob("*.part"))


def test_no_model_and_nothing_allowed_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="--model PATH"):
        resolve_model(models_dir=tmp_path, allow_download=False, allow_build=False)


# --- the real offline build ------------------------------------------------------

@pytest.fixture(scope="module")
def built_bundle(tmp_path_factory) -> ModelInfo:
    """Builds the bundle offline in a temp models dir, reusing the real wheel cache when it exists."""
    models_dir = tmp_path_factory.mktemp("models")
    cached_wheel = default_models_dir() / "cache" / model_store.WHEEL_NAME
    if cached_wheel.is_file():
        (models_dir / "cache").mkdir()
        shutil.copy(cached_wheel, models_dir / "cache" / cached_wheel.name)
    try:
        return resolve_model(models_dir=models_dir, allow_download=False)
    except ModelError as error:
        if "pip could not fetch" in str(error):
            pytest.skip(f"mediapipe {model_store.WHEEL_VERSION} wheel unavailable: {error}")
        raise


def test_offline_build_matches_the_pinned_sha256(built_bundle):
    assert built_bundle.source == "built-offline"
    assert built_bundle.sha256 in model_store.BUILT_BUNDLE_SHA256S
    assert sha256_of(built_bundle.path) == built_bundle.sha256
    verify_bundle(built_bundle.path)
    again = resolve_model(models_dir=built_bundle.path.parent, allow_download=False, allow_build=False)
    assert (again.path, again.source) == (built_bundle.path, "models-dir")
    assert "built offline" in again.description


@pytest.mark.slow
@pytest.mark.skipif(not SQUAT_VIDEO.is_file(), reason=f"{SQUAT_VIDEO} is missing")
def test_built_bundle_finds_the_person_like_the_legacy_api(built_bundle):
    import cv2
    import mediapipe as mp
    from mediapipe.tasks.python import BaseOptions, vision

    options = vision.PoseLandmarkerOptions(
        base_options=BaseOptions(model_asset_path=str(built_bundle.path)),
        running_mode=vision.RunningMode.IMAGE,
    )
    video = cv2.VideoCapture(str(SQUAT_VIDEO))
    with vision.PoseLandmarker.create_from_options(options) as landmarker:
        for frame_index, expected in LEGACY_LANDMARKS.items():
            video.set(cv2.CAP_PROP_POS_FRAMES, frame_index)
            ok, bgr = video.read()
            assert ok, f"cannot read frame {frame_index} of {SQUAT_VIDEO}"
            rgb = cv2.cvtColor(bgr, cv2.COLOR_BGR2RGB)
            result = landmarker.detect(mp.Image(image_format=mp.ImageFormat.SRGB, data=rgb))

            assert len(result.pose_landmarks) == 1
            landmarks = result.pose_landmarks[0]
            assert len(landmarks) == 33
            assert landmarks[NOSE].y < landmarks[LEFT_HIP].y < landmarks[LEFT_ANKLE].y
            for index, (x, y) in expected.items():
                assert landmarks[index].x == pytest.approx(x, abs=LEGACY_TOLERANCE)
                assert landmarks[index].y == pytest.approx(y, abs=LEGACY_TOLERANCE)
    video.release()
