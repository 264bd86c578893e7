"""Agreement of the second annotation pass with the first, scored like a system against gold."""
import pytest

from nianbao.annotation.gold import GoldDoc, GoldSpan
from nianbao.annotation.write import write_gold
from nianbao.errors import InputError
from nianbao.evaluate.agreement import agreement_markdown, second_pass_agreement

TEXT = "全年公开信息40条，其中网站30条、微信10条。收到申请5件。"


def _span(text, label, part_of=None):
    start = TEXT.index(text)
    value = int(text.rstrip("条件"))
    return GoldSpan(start, start + len(text), text, label, value, text[-1], "exact", part_of)


def _write(folder, annotator, spans):
    gold = GoldDoc(doc="page", source="seeds/page.txt", text=TEXT, spans=tuple(spans), annotator=annotator,
                   catalogue_version="1.2")
    return write_gold(gold, folder / "page.json")


@pytest.fixture
def passes(tmp_path, monkeypatch):
    shared = tmp_path / "shared"
    (shared / "seeds").mkdir(parents=True)
    (shared / "seeds" / "page.txt").write_text(TEXT, "utf-8")
    monkeypatch.setenv("NIANBAO_SHARED", str(shared))
    first, second = tmp_path / "first", tmp_path / "second"
    _write(first, "first", [_span("40条", "INFO_PUBLISHED"), _span("30条", "WEBSITE_POSTS", 0),
                            _span("10条", "WECHAT_POSTS", 0), _span("5件", "APP_RECEIVED")])
    _write(second, "second", [_span("40条", "INFO_PUBLISHED"), _span("30条", "WEBSITE_POSTS", 0),
                              _span("10条", "OTHER_MEDIA_POSTS", 0)])
    return first, second


def test_the_second_pass_is_scored_against_the_first_fact_by_fact(passes):
    result = second_pass_agreement(*passes)
    value = result["value"]["micro"]
    assert (result["pages"], result["first_pass_facts"], result["second_pass_facts"]) == (1, 4, 3)
    assert (value["correct"], round(value["precision"], 3), value["recall"]) == (2, 0.667, 0.5)
    assert result["part_of"] == {"right": 2, "matched": 2}
    assert result["annotators"] == ["second"]
    assert [(d["kind"], d["label"], d["start"]) for d in result["disagreements"]] == [
        ("first_only", "WECHAT_POSTS", 20), ("second_only", "OTHER_MEDIA_POSTS", 20), ("first_only", "APP_RECEIVED", 28)]
    assert "| value (label + value) | 0.667 | 0.500 | 0.571 |" in agreement_markdown(result)


def test_a_second_pass_page_without_a_first_pass_is_named(passes, tmp_path):
    first, second = passes
    (first / "page.json").unlink()
    with pytest.raises(InputError, match="page.json: no first pass"):
        second_pass_agreement(first, second)
