"""The core (geometry, filters, reps, cues, exercises, engine) must not load OpenCV or MediaPipe."""

import subprocess
import sys


def test_core_imports_neither_cv2_nor_mediapipe():
    code = ("import sys; import trainer.engine, trainer.exercises, trainer.smoothing, trainer.tracking, "
            "trainer.setup_guide; "
            "print(sorted(m for m in ('cv2', 'mediapipe') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
