"""The CRF baseline: features, tags, training on generated reports, the shipped model."""
from __future__ import annotations

import pytest

from nianbao.baselines.crf import DEFAULT_PATH, CrfExtractor, Window, TrainingDoc, train_crf, predict_facts, \
    window_features, window_tags
from nianbao.facts.candidates import narrative_exclusions
from nianbao.pipeline import read_structure
from nianbao.report import Fact
from tests.conftest import seed_path


def test_window_tags_mark_gold_spans_in_bio_and_leave_the_rest_o():
    text = "全年收到申请98件，办结98件。"
    gold = [Fact("APP_RECEIVED", "98件", 6, 9, 98, "件", "exact"), Fact("APP_PROCESSED", "98件", 12, 15, 98, "件", "exact")]
    tags = window_tags(text, Window(4, 15), gold)
    assert tags[2:5] == ["B-APP_RECEIVED", "I-APP_RECEIVED", "I-APP_RECEIVED"]
    assert tags[8:11] == ["B-APP_PROCESSED", "I-APP_PROCESSED", "I-APP_PROCESSED"]
    assert tags.count("O") == len(tags) - 6


def test_keyword_window_features_see_the_cue_before_a_number():
    text = "全年收到申请98件"
    feats = window_features(text, Window(0, len(text)))
    assert feats[6]["L:收到"] == 1.0 and feats[6]["t"] == "D"
    assert "L:收到" not in feats[0]


@pytest.mark.slow
def test_a_crf_trained_on_generated_reports_tags_an_unseen_one():
    from nianbao.evaluate.data import synthetic_docs

    docs = synthetic_docs(12, seed=3)
    crf = train_crf([TrainingDoc(d.report.text, d.gold, narrative_exclusions(d.report)) for d in docs[:10]],
                    max_iterations=30)
    held_out = docs[10]
    predicted = predict_facts(crf, held_out.report.text, narrative_exclusions(held_out.report))
    gold = {(g.start, g.end, g.label) for g in held_out.gold}
    hits = sum((p.start, p.end, p.label) in gold for p in predicted)
    assert hits >= len(gold) // 2
    assert all(held_out.report.text[p.start:p.end] == p.text for p in predicted)


def test_the_shipped_crf_finds_seed_002s_received_application():
    assert DEFAULT_PATH.is_file()
    report = read_structure(str(seed_path("002")))
    (facts,) = CrfExtractor().extract([report])
    assert any(f.label == "APP_RECEIVED" and f.value == 1 for f in facts)
