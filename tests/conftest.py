"""Shared fixtures: where the shared real clips and the pose model live."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_VIDEOS = ROOT.parent / "shared" / "videos"
sys.path.insert(0, str(Path(__file__).resolve().parent))  # for tests/builders.py


@pytest.fixture(scope="session")
def shared_videos() -> Path:
    if not (SHARED_VIDEOS / "labels.json").exists():
        pytest.skip("../shared/videos is not here")
    return SHARED_VIDEOS


@pytest.fixture(scope="session")
def labels(shared_videos) -> list[dict]:
    return json.loads((shared_videos / "labels.json").read_text())


@pytest.fixture(scope="session")
def model_info():
    """The pose model bundle, provisioned the way the CLI does (skip when none can be had)."""
    from trainer.io.model_store import ModelError, resolve_model
    try:
        return resolve_model()
    except ModelError as exc:
        pytest.skip(f"no pose model: {exc}")
