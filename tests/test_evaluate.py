"""The evaluation's bookkeeping: which cue a real clip's issue label asks for."""

from trainer.evaluate import RealScore, rules_for_issue


def test_issue_labels_map_to_the_rules_that_describe_them():
    knees = rules_for_issue("knees travel well forward past toes and torso leans forward")
    assert {"knees_past_toes", "chest_drop"} <= knees
    assert "knee_valgus_rising" in rules_for_issue("mild knee valgus (knees drift inward)")
    assert rules_for_issue("none seen") == set()


def test_real_score_counts_flagged_faulty_clips_and_cued_correct_ones():
    score = RealScore(faulty=[("a", ["chest_drop"], {"chest_drop"}), ("b", [], {"knee_valgus"})],
                      correct=[("c", []), ("d", ["shallow_depth"]), ("e", [])])
    assert (score.faulty_flagged, score.correct_cued) == (1, 1)
