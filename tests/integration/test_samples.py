"""The bundled sample clips: exact labels from the generator against the real model."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from trainer.analysis import analyze_video

pytestmark = pytest.mark.slow

SAMPLES = Path(__file__).resolve().parents[2] / "sample_videos"
LABELS = sorted(SAMPLES.glob("*.json"))


@pytest.mark.parametrize("label_path", LABELS, ids=[p.stem for p in LABELS])
def test_sample_reps_and_faults_match_the_generators_truth(label_path, model_info, tmp_path):
    labels = json.loads(label_path.read_text())
    analysis = analyze_video(label_path.with_suffix(".mp4"), labels["exercise"], tmp_path, model_info,
                             write_video=False)
    reps = analysis.engine.reps
    assert len(reps) == len(labels["reps"])
    fps = labels["fps"]
    for truth, found in zip(labels["reps"], reps):
        # Same rep: the detected turning point lies inside the labelled rep.
        assert truth["start_frame"] / fps <= found.turn_s <= truth["end_frame"] / fps
        cues = {f.rule_id for f in found.faults}
        assert set(truth["faults"]) <= cues, f"rep {truth['index']}: missed {truth['faults']}"
        if not truth["faults"]:
            assert cues == set(), f"clean rep {truth['index']} drew {cues}"
    holds = analysis.engine.holds
    assert [h.side for h in holds] == [h["side"] for h in labels["holds"]]
    for truth, found in zip(labels["holds"], holds):
        assert abs(found.held_s - (truth["end_frame"] - truth["start_frame"]) / fps) <= 1.0
        assert {f.rule_id for f in found.faults} == set(truth["faults"])


def test_samples_regenerate_byte_for_byte(tmp_path):
    from trainer.synth.samples import SAMPLES as RECIPES, main

    main([str(tmp_path)])
    for name in RECIPES:
        for suffix in (".mp4", ".json"):
            made = hashlib.sha256((tmp_path / f"{name}{suffix}").read_bytes()).hexdigest()
            shipped = hashlib.sha256((SAMPLES / f"{name}{suffix}").read_bytes()).hexdigest()
            assert made == shipped, f"{name}{suffix} differs from sample_videos/; run `make samples`"
