"""Placing annotators' fact lists: each span found by its printed context, its value read by the
normaliser, every problem of a list named at once, and the gold read back by `load_gold`."""
import json

import pytest
from click.testing import CliRunner

from nianbao.annotation.gold import load_gold
from nianbao.annotation.place import ListedFact, PlacementError, numbered_lines, place_facts, read_fact_list
from nianbao.cli.annotate import command as annotate
from nianbao.errors import InputError

PAGE = ("某镇2024年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息86条，其中通知公告12条、人事信息10条。\n"
        "收到政府信息公开申请3件，办结3件。\n未发生行政复议和行政诉讼。\n")


@pytest.fixture
def page(page_corpus):
    text = PAGE.rstrip("\n")
    manifest, (row,) = page_corpus([(text, dict(source="https://www.example.invalid/2024.html", query="某镇 2024 年度报告",
                                               issuer="某镇人民政府", year=2024, level="township", split="train"))])
    return row.doc, text, manifest


def _listing(tmp_path, doc, facts, name="facts.json"):
    path = tmp_path / name
    path.write_text(json.dumps({"doc": doc, "annotator": "甲", "facts": facts}, ensure_ascii=False), "utf-8")
    return path


def test_facts_are_placed_by_their_context_with_values_parts_and_both_facts_of_a_zero_claim():
    text = PAGE
    spans = place_facts([ListedFact("86条", "INFO_PUBLISHED", left="政府信息"),
                         ListedFact("12条", "INFO_PUBLISHED", left="通知公告", part_of=0),
                         ListedFact("3件", "APP_RECEIVED", right="，办结"),
                         ListedFact("未", "REVIEW_CASES", right="发生行政复议"),
                         ListedFact("未", "LITIGATION_CASES", right="发生行政复议")], text)
    assert [(text[s.start:s.end], s.label, s.value, s.unit, s.qualifier, s.part_of) for s in spans] == [
        ("86条", "INFO_PUBLISHED", 86, "条", "exact", None), ("12条", "INFO_PUBLISHED", 12, "条", "exact", 0),
        ("3件", "APP_RECEIVED", 3, "件", "exact", None), ("未", "REVIEW_CASES", 0, None, "zero_claim", None),
        ("未", "LITIGATION_CASES", 0, None, "zero_claim", None)]
    assert spans[2].start == text.index("3件，办结")


def test_every_problem_of_a_list_is_named_at_once():
    with pytest.raises(PlacementError) as caught:
        place_facts([ListedFact("3件", "APP_RECEIVED"),  # twice in the page: 申请3件 and 办结3件
                     ListedFact("86条", "NO_SUCH_LABEL", left="政府信息"),
                     ListedFact("一、", "INFO_PUBLISHED", right="总体情况"),
                     ListedFact("12条", "INFO_PUBLISHED", left="通知公告", part_of=3)], PAGE, "a.json")
    problems = caught.value.problems
    assert len(problems) == 4
    assert "found 2 times" in problems[0] and "'NO_SUCH_LABEL' is not a label" in problems[1]
    assert "not a quantity span" in problems[2] and "part_of 3 names no other fact" in problems[3]
    assert str(caught.value).startswith("a.json: 4 problem(s)")


def test_a_malformed_fact_list_is_named_with_the_file_and_the_entry(tmp_path):
    path = _listing(tmp_path, "0123456789abcdef", [{"text": "86条", "label": "INFO_PUBLISHED"}, {"text": "12条"}])
    with pytest.raises(InputError, match="facts.json: fact 1: needs a text and a label"):
        read_fact_list(path)
    path.write_text("{not json", "utf-8")
    with pytest.raises(InputError, match="not a readable JSON fact list"):
        read_fact_list(path)


def test_the_command_writes_gold_load_gold_reads_and_names_a_list_that_fails(page, tmp_path):
    doc, text, manifest = page
    good = _listing(tmp_path, doc, [{"text": "86条", "left": "政府信息", "label": "INFO_PUBLISHED"},
                                    {"text": "10条", "left": "人事信息", "label": "INFO_PUBLISHED", "part_of": 0}])
    bad = _listing(tmp_path, doc, [{"text": "3件", "label": "APP_RECEIVED"}], "bad.json")
    out = tmp_path / "gold"
    result = CliRunner().invoke(annotate, ["place", str(good), str(bad), "--out", str(out), "--manifest", str(manifest)])
    assert result.exit_code == 1
    assert f"ok        {good}  {doc} 2 facts" in result.output
    assert f"failed    {bad}\n  fact 0 '3件'" in result.output and "found 2 times" in result.output
    gold = load_gold(out / f"{doc}.json")  # re-reads the cached page by the source the file names
    assert gold.text == text and [(s.text, s.part_of) for s in gold.spans] == [("86条", None), ("10条", 0)]
    assert gold.annotator == "甲" and gold.catalogue_version == "1.2"


def test_a_page_not_in_the_manifest_is_named(page, tmp_path):
    _, _, manifest = page
    listing = _listing(tmp_path, "ffffffffffffffff", [])
    result = CliRunner().invoke(annotate, ["place", str(listing), "--out", str(tmp_path / "g"), "--manifest", str(manifest)])
    assert result.exit_code == 1 and "no page 'ffffffffffffffff' in the manifest" in result.output


def test_show_page_prints_each_line_after_the_offset_gold_counts_it_from(page):
    doc, text, manifest = page
    result = CliRunner().invoke(annotate, ["show-page", doc, "--manifest", str(manifest)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].startswith(f"# {doc}  issuer=某镇人民政府 year=2024 level=township split=train")
    for printed, (at, line) in zip(lines[1:], numbered_lines(text), strict=True):
        assert printed == f"[{at}] {line}" and text[at:at + len(line)] == line
