"""Decoding one window's tags into facts (no torch, no model)."""
from nianbao.tagger.data import Window
from nianbao.tagger.decode import document_facts, trimmed_fact, window_facts

TEXT = "全年共收到政府信息公开申请98件，办结98件。暂未收到行政复议和行政诉讼事项。"


def tags_for(text, window, spans):
    tags = ["O"] * (window.end - window.start)
    for s, e, label in spans:
        for i in range(s, e):
            tags[i - window.start] = ("B-" if i == s else "I-") + label
    return tags


def test_window_facts_read_value_unit_and_offsets():
    w = Window(0, 0, len(TEXT), 0, len(TEXT))
    s = TEXT.index("98件")
    facts = window_facts(TEXT, w, tags_for(TEXT, w, [(s, s + 3, "APP_RECEIVED")]), [0.9] * len(TEXT))
    (f,) = facts
    assert (f.label, f.value, f.unit, f.qualifier, TEXT[f.start:f.end]) == ("APP_RECEIVED", 98, "件", "exact", "98件")


def test_a_span_starting_outside_the_core_belongs_to_another_window():
    s = TEXT.index("98件")
    w = Window(0, 0, len(TEXT), s + 3, len(TEXT))
    assert window_facts(TEXT, w, tags_for(TEXT, w, [(s, s + 3, "APP_RECEIVED")]), [1.0] * len(TEXT)) == []


def test_a_span_cut_too_wide_is_trimmed_to_the_quantity():
    s = TEXT.index("98件")
    f = trimmed_fact(TEXT, s - 2, s + 4, "APP_RECEIVED", 0.8)
    assert (f.text, f.start, f.end, f.value) == ("98件", s, s + 3, 98)


def test_a_span_with_no_quantity_is_dropped():
    assert trimmed_fact(TEXT, 0, 4, "APP_RECEIVED", 0.8) is None


def test_one_zero_cue_for_review_and_litigation_gives_two_facts():
    cue = TEXT.index("未")
    w = Window(0, 0, len(TEXT), 0, len(TEXT))
    facts = document_facts(TEXT, window_facts(TEXT, w, tags_for(TEXT, w, [(cue, cue + 1, "REVIEW_CASES")]), [1.0] * len(TEXT)))
    assert sorted((f.label, f.value, f.qualifier, f.start) for f in facts) == [
        ("LITIGATION_CASES", 0, "zero_claim", cue), ("REVIEW_CASES", 0, "zero_claim", cue)]


def test_the_same_fact_from_two_windows_is_reported_once():
    s = TEXT.index("98件")
    w = Window(0, 0, len(TEXT), 0, len(TEXT))
    one = window_facts(TEXT, w, tags_for(TEXT, w, [(s, s + 3, "APP_RECEIVED")]), [1.0] * len(TEXT))
    assert len(document_facts(TEXT, one + one)) == 1


def test_a_candidate_takes_the_label_whose_b_plus_i_mass_is_highest_over_the_whole_mention():
    import numpy as np

    from nianbao.tagger.decode import candidate_facts

    names = ["O", "B-APP_PROCESSED", "I-APP_PROCESSED", "B-APP_RECEIVED", "I-APP_RECEIVED"]
    received, processed = TEXT.index("98件"), TEXT.index("98件", TEXT.index("98件") + 1)
    probs = np.full((len(TEXT), len(names)), 0.0)
    probs[:, 0] = 1.0
    # first mention: its first digit leans APP_PROCESSED, but over the mention APP_RECEIVED (B+I) wins
    probs[received:received + 3] = [[0.1, 0.5, 0.0, 0.4, 0.0], [0.1, 0.0, 0.2, 0.0, 0.7], [0.1, 0.0, 0.2, 0.0, 0.7]]
    # second mention: O outweighs every label
    probs[processed:processed + 3] = [[0.6, 0.4, 0.0, 0.0, 0.0]] * 3
    w = Window(0, 0, len(TEXT), 0, len(TEXT))
    (fact,) = candidate_facts(TEXT, w, [(received, received + 3), (processed, processed + 3)], probs, names)
    assert (fact.label, fact.start, fact.value) == ("APP_RECEIVED", received, 98)
    assert abs(fact.score - 0.6) < 1e-9


def test_a_tagged_average_or_maximum_is_dropped_but_the_years_total_kept():
    text = "网站全年访问量9万人次，日均访问量250人次，最高单日访问量1800人次。"
    w = Window(0, 0, len(text), 0, len(text))
    spans = [(text.index(q), text.index(q) + len(q), "VIEWS") for q in ("9万人次", "250人次", "1800人次")]
    facts = document_facts(text, window_facts(text, w, tags_for(text, w, spans), [1.0] * len(text)))
    assert [f.text for f in facts] == ["9万人次"]


def test_a_count_received_and_handled_at_once_gets_its_second_label():
    text = "本年度受理并办理依申请公开事项7件。"
    s = text.index("7件")
    w = Window(0, 0, len(text), 0, len(text))
    facts = document_facts(text, window_facts(text, w, tags_for(text, w, [(s, s + 2, "APP_RECEIVED")]), [1.0] * len(text)))
    assert sorted((f.label, f.text) for f in facts) == [("APP_PROCESSED", "7件"), ("APP_RECEIVED", "7件")]


def decoded(text, tagged):
    """The facts decoded from one window over all of `text` whose tags mark each (quantity, label) of `tagged`."""
    spans = [(text.index(q), text.index(q) + len(q), label) for q, label in tagged]
    w = Window(0, 0, len(text), 0, len(text))
    return [(f.label, f.text) for f in document_facts(text, window_facts(text, w, tags_for(text, w, spans),
                                                                          [1.0] * len(text)))]


def test_a_tagged_count_of_the_applications_charged_a_fee_is_dropped():
    text = "本年度收取信息处理费共计150元，其中档案馆2件。本年度受理申请9件。"
    tagged = (("150元", "FEE_COLLECTED"), ("2件", "APP_PROCESSED"), ("9件", "APP_RECEIVED"))
    assert decoded(text, tagged) == [("FEE_COLLECTED", "150元"), ("APP_RECEIVED", "9件")]


def test_a_tagged_count_of_applications_another_body_asked_help_with_is_dropped():
    text = "本年度受理申请9件。配合上级办理依申请公开意见征询3件，协助区政府调查处理申请2件。"
    tagged = (("9件", "APP_RECEIVED"), ("3件", "PUBLIC_MESSAGES"), ("2件", "APP_PROCESSED"))
    assert decoded(text, tagged) == [("APP_RECEIVED", "9件")]


def test_a_tagged_count_the_rules_would_say_counts_nothing_is_dropped():
    text = "本年度清理整合政务新媒体2个。本站历年主动公开信息分类情况：工作动态类信息40条，通知公告类信息9条。本年度发布信息30条。"
    tagged = (("2个", "NEW_MEDIA_ACCOUNTS"), ("40条", "INFO_PUBLISHED"), ("9条", "INFO_PUBLISHED"), ("30条", "INFO_PUBLISHED"))
    assert decoded(text, tagged) == [("INFO_PUBLISHED", "30条")]


def test_a_tagged_count_of_disputes_joining_appeals_and_lawsuits_is_dropped():
    text = "全年因信息公开引发行政争议11件，其中行政复议7件，行政诉讼4件。"
    tagged = (("11件", "REVIEW_CASES"), ("7件", "REVIEW_CASES"), ("4件", "LITIGATION_CASES"))
    assert decoded(text, tagged) == [("REVIEW_CASES", "7件"), ("LITIGATION_CASES", "4件")]
