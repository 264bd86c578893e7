"""The JSON form of a Report (OUTPUT.md): what `to_dict` gives is plain data, and it reads back."""
import dataclasses

from nianbao.pipeline import check_paths
from nianbao.report import Report
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
