"""Character tags → facts, without torch."""
import pytest

from nianbao.facts.decode import facts_from_tags, joint_facts, spans_from_tags


def test_bio_spans_include_a_dangling_inside_tag():
    assert spans_from_tags(["B-RATE", "I-RATE", "O", "I-VIEWS", "I-VIEWS", "B-RATE"]) == [
        (0, 2, "RATE"), (3, 5, "VIEWS"), (5, 6, "RATE")]


def test_tagged_characters_become_facts_with_normalised_values_and_document_offsets():
    text = "前言。全年收到申请98件，其中粉丝近45.9万"
    offset = 3
    window = text[offset:]
    tags = ["O"] * len(window)
    for word, label in (("98件", "APP_RECEIVED"), ("近45.9万", "FOLLOWERS")):
        i = window.index(word)
        tags[i] = "B-" + label
        for k in range(i + 1, i + len(word)):
            tags[k] = "I-" + label
    facts = facts_from_tags(text, offset, tags, [0.8] * len(window), "crf")
    assert [(text[f.start:f.end], f.label, f.value, f.qualifier) for f in facts] == [
        ("98件", "APP_RECEIVED", 98, "exact"), ("近45.9万", "FOLLOWERS", 459000, "approx")]


def test_one_zero_cue_for_review_and_litigation_gives_both_facts():
    text = "本年度未发生行政复议和行政诉讼。"
    facts = facts_from_tags(text, 0, ["O", "O", "O", "B-REVIEW_CASES"] + ["O"] * 12, [0.9] * 16, "crf")
    assert {(f.label, f.start, f.value) for f in facts} == {("REVIEW_CASES", 3, 0), ("LITIGATION_CASES", 3, 0)}


def test_a_zero_cue_for_review_alone_stays_one_fact():
    text = "本年度未发生行政复议案件。"
    facts = facts_from_tags(text, 0, ["O", "O", "O", "B-REVIEW_CASES"] + ["O"] * 9, [0.9] * 13, "crf")
    assert [f.label for f in joint_facts(text, facts)] == ["REVIEW_CASES"]


def test_one_zero_cue_reaches_review_and_litigation_across_a_short_clause():
    text = "全年未发生因政府信息公开引起的行政复议、行政诉讼。"
    cue = text.index("未")
    tags = ["O"] * len(text)
    tags[cue] = "B-REVIEW_CASES"
    facts = facts_from_tags(text, 0, tags, [0.9] * len(text), "crf")
    assert {(f.label, f.start) for f in facts} == {("REVIEW_CASES", cue), ("LITIGATION_CASES", cue)}


def test_one_zero_cue_reaches_review_and_litigation_named_far_after_it_in_either_order():
    for text in ("全年未发生针对某某镇有关政府信息公开事务的行政复议案件、行政诉讼。",
                 "全年未发生因政府信息公开引起的行政复议申请和行政诉讼。",
                 "全年未发生因政府信息公开引起的行政诉讼或行政复议。"):
        cue = text.index("未")
        tags = ["O"] * len(text)
        tags[cue] = "B-LITIGATION_CASES" if "诉讼或" in text else "B-REVIEW_CASES"
        facts = facts_from_tags(text, 0, tags, [0.9] * len(text), "crf")
        assert {f.label for f in facts} == {"REVIEW_CASES", "LITIGATION_CASES"}, text


def test_a_zero_cue_tagged_with_one_of_a_list_of_labels_gives_every_label_of_the_list():
    text = "本年度未制定规章、行政规范性文件。"
    tags = ["O"] * len(text)
    tags[text.index("未")] = "B-REGULATIONS"
    facts = facts_from_tags(text, 0, tags, [0.9] * len(text), "model")
    assert sorted(f.label for f in facts) == ["NORMATIVE_DOCS", "REGULATIONS"]


def test_a_tagged_zero_cue_that_denies_an_incident_or_an_adverse_outcome_is_no_fact():
    for text in ("全年确保无泄密事件发生。", "本机关未发生行政复议被改变或行政诉讼败诉的情形。", "全年无信息安全事件。"):
        cue = next(i for i, ch in enumerate(text) if ch in "未无")
        tags = ["O"] * len(text)
        tags[cue] = "B-REVIEW_CASES"
        assert facts_from_tags(text, 0, tags, [0.9] * len(text), "crf") == []


def test_a_tagged_zero_cue_that_denies_only_internal_rules_is_no_fact():
    for text, fact in (("本街道未制定本单位规章制度。", False), ("本街道未制定规章。", True)):
        cue = text.index("未")
        tags = ["O"] * len(text)
        tags[cue] = "B-REGULATIONS"
        facts = facts_from_tags(text, 0, tags, [0.6] * len(text), "model")
        assert [(f.label, f.start) for f in facts] == ([("REGULATIONS", cue)] if fact else [])


@pytest.mark.parametrize("text, label, tagged, kept", [
    ("网站全年访问量9万人次，日均访问量250人次。", "VIEWS", ("9万人次", "250人次"), ["9万人次"]),  # an average
    ("本年公开信息32条，历年累计公开信息410条。", "INFO_PUBLISHED", ("32条", "410条"), ["32条"]),  # all the years
])
def test_every_tagger_drops_a_count_that_is_no_total_of_the_year(text, label, tagged, kept):
    tags = ["O"] * len(text)
    for word in tagged:
        i = text.index(word)
        tags[i:i + len(word)] = [f"B-{label}"] + [f"I-{label}"] * (len(word) - 1)
    assert [f.text for f in facts_from_tags(text, 0, tags, [0.9] * len(text), "crf")] == kept
