"""A Report: its JSON form (OUTPUT.md) is plain data and reads back; its facts are looked up by offset."""
import dataclasses

from hypothesis import given
from hypothesis import strategies as st

from nianbao.pipeline import check_paths
from nianbao.report import Fact, Report
from tests.conftest import seed_path


def test_to_dict_is_what_asdict_gives_and_shares_nothing_with_the_report():
    report = next(iter(check_paths([seed_path("000")])))
    assert report.findings and report.facts
    d = report.to_dict()
    assert d["facts"] == [dataclasses.asdict(f) for f in report.facts]
    assert d["findings"] == [dataclasses.asdict(f) for f in report.findings]
    assert d["sections"] == [dataclasses.asdict(s) for s in report.sections]
    with_evidence = next(i for i, f in enumerate(report.findings) if f.evidence)
    d["findings"][with_evidence]["evidence"]["added"] = 1
    d["findings"][with_evidence]["cells"].append("t3.x")
    assert "added" not in report.findings[with_evidence].evidence
    assert "t3.x" not in report.findings[with_evidence].cells


def test_a_report_reads_back_from_its_json_form_unchanged():
    report = next(iter(check_paths([seed_path("003")])))
    assert Report.from_dict(report.to_dict(with_text=True)) == report


def _count(start: int, end: int) -> Fact:
    return Fact("INFO_PUBLISHED", "x" * (end - start), start, end, 1, "条", "exact")


@given(st.lists(st.tuples(st.integers(0, 60), st.integers(0, 8)), max_size=30), st.integers(-1, 70))
def test_the_last_fact_end_before_an_offset_is_the_furthest_of_all_ends_up_to_it(spans, offset):
    # facts in any order, overlapping or nested, as a tagger may hand them over
    report = Report("d", "s", "txt", "", facts=[_count(s, s + n) for s, n in spans])
    ends = [f.end for f in report.facts if f.end <= offset]
    assert report.fact_end_before(offset) == (max(ends) if ends else -1)


def test_the_facts_ends_are_read_again_when_the_facts_change():
    report = Report("d", "s", "txt", "", facts=[_count(0, 4)])
    assert report.fact_end_before(10) == 4
    report.facts.append(_count(5, 8))  # the list grows
    assert report.fact_end_before(10) == 8
    report.facts = [_count(1, 2)]  # the list is replaced
    assert report.fact_end_before(10) == 2
    assert report.fact_end_before(1) == -1
