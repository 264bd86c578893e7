import pytest

from nianbao.labelstudio.spans import LabelledSpan, fact_result, read_result, span_problem
from nianbao.report import Fact

TEXT = "𠀀本年度共收到申请98件，未发生行政复议。"
S = TEXT.index("98件")  # 9: 𠀀 counts as one code point


def _item(start, end, text, labels, **over):
    item = {"from_name": "label", "to_name": "text", "type": "labels",
            "value": {"start": start, "end": end, "text": text, "labels": labels}}
    item.update(over)
    return item


def test_a_sound_span_has_no_problem_even_after_a_character_outside_the_bmp():
    assert S == 9
    assert span_problem(TEXT, S, S + 3, "98件", ["APP_RECEIVED"]) is None


@pytest.mark.parametrize("start,end,text,labels,reason", [
    (S, S + 3, "99件", ["APP_RECEIVED"], "not '99件'"),
    (S + 1, S + 4, "98件", ["APP_RECEIVED"], "not '98件'"),
    (S, S + 3, "98件", ["APPLICATIONS"], "'APPLICATIONS' is not in the catalogue"),
    (S, S + 3, "98件", [], "no label"),
    (S, 99, "98件", ["APP_RECEIVED"], "outside the text"),
    (-1, 3, "98件", ["APP_RECEIVED"], "outside the text"),
    (str(S), S + 3, "98件", ["APP_RECEIVED"], "integers"),
    (S - 1, S + 3, "请98件", ["APP_RECEIVED"], "not a quantity span"),
    (S, S + 4, "98件，", ["APP_RECEIVED"], "not a quantity span"),
])
def test_unsound_spans_say_what_is_wrong(start, end, text, labels, reason):
    problem = span_problem(TEXT, start, end, text, labels)
    assert problem is not None and reason in problem


def test_a_zero_claim_cue_with_two_labels_is_sound():
    start = TEXT.index("未")
    assert span_problem(TEXT, start, start + 1, "未", ["REVIEW_CASES", "LITIGATION_CASES"]) is None


def test_a_fact_becomes_a_result_item_in_chunk_offsets_and_reads_back():
    fact = Fact("APP_RECEIVED", "98件", 100 + S, 103 + S, 98, "件", "exact", score=0.8123456)
    item = fact_result(fact, offset=100)
    assert item["value"] == {"start": S, "end": S + 3, "text": "98件", "labels": ["APP_RECEIVED"]}
    assert item["score"] == 0.8123
    assert read_result(item, TEXT) == LabelledSpan(S, S + 3, "98件", ("APP_RECEIVED",))


def test_results_from_another_control_or_without_value_are_refused():
    assert "unexpected result" in read_result(_item(S, S + 3, "98件", ["APP_RECEIVED"], type="choices"), TEXT)
    assert "unexpected result" in read_result(_item(S, S + 3, "98件", ["APP_RECEIVED"], from_name="x"), TEXT)
    assert read_result({"from_name": "label", "to_name": "text", "type": "labels"}, TEXT) == "the result has no value"
    assert read_result("98件", TEXT) == "the result is not an object"
