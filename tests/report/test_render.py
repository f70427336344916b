"""The report as a browser shows it: headless Chromium lays out its tables, plots and pictures
without a console error (skipped where no Chromium is installed)."""

from __future__ import annotations

from trainer.report.exports import write_report

from .chromium import render


def test_chromium_shows_tables_plots_and_pictures(tmp_path, squats, deadlifts):
    report = write_report(tmp_path / "report", "Squats and deadlifts", "synthetic", [squats.section(), deadlifts])
    shown, console = render(report, tmp_path)
    assert {"summary-goblet_squat", "cues-goblet_squat", "reps-goblet_squat",
            "summary-single_leg_deadlift", "sides-single_leg_deadlift"} <= set(shown["tables"])
    assert shown["rows"] >= 3 + 4
    assert len(shown["plots"]) == 2 and all(height > 100 for height in shown["plots"])
    assert shown["images"] == shown["decoded"] == 1
    assert console == ""   # nothing logged to the console: no error, no warning


def test_a_broken_page_is_caught(tmp_path):
    """The check itself can fail: an undecodable picture and a script error are both seen."""
    page = tmp_path / "broken.html"
    page.write_text('<!DOCTYPE html><html><body><img src="data:image/jpeg;base64,AAAA">'
                    "<script>notDefined();</script></body></html>")
    shown, console = render(page, tmp_path)
    assert shown["images"] == 1 and shown["decoded"] == 0
    assert "Uncaught ReferenceError" in console
