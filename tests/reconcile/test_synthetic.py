"""The reconciler on ~100 generated reports with planted disagreements (nianbao.synth).

Facts are the generator's gold spans and tables its printed cells, so this measures the
reconciler alone: every planted text / arithmetic / cross-year disagreement must come out
FAIL, and a FAIL must trace back to something planted (a planted check, or a fact that
reconciles with a planted fact or cell: a narrative that repeats a wrong number is wrong too).
"""
from __future__ import annotations

from collections import Counter

import pytest

from nianbao.reconcile import cross_year_findings, text_findings
from nianbao.report import Cell, Fact, Report, Table
from nianbao.synth import generate

MY_RULES = ("text.", "cross_year.")


def as_report(synthetic) -> Report:
    tables: dict[str, Table] = {}
    for cell_id, cell in synthetic.cells.items():
        table_id = cell_id.split(".", 1)[0]
        table = tables.setdefault(table_id, Table(id=table_id, layout=synthetic.layout if table_id == "t2" else None))
        table.cells[cell_id] = Cell(raw=cell["raw"], value=cell["value"], unit=cell["unit"], kind=cell["kind"])
    facts = [Fact(label=f.label, text=f.text, start=f.start, end=f.end, value=f.value, unit=f.unit,
                  qualifier=f.qualifier, section=f.section, extractor="gold") for f in synthetic.facts]
    chain = synthetic.previous or synthetic.id  # generated issuers may share a name without being one
    return Report(doc_id=synthetic.id, source=synthetic.id, format=synthetic.format, text=synthetic.text,
                  issuer=f"{synthetic.issuer}#{chain}", year=synthetic.year, tables=tables, facts=facts)


def same_check(finding, expectation) -> bool:
    if finding.rule != expectation.rule:
        return False
    if not expectation.facts:
        return True
    return finding.facts[:1] == expectation.facts[:1] or sorted(finding.facts) == sorted(expectation.facts)


@pytest.fixture(scope="module")
def checked():
    synthetic = generate(100, seed=11)
    reports = [as_report(s) for s in synthetic]
    for report in reports:
        report.findings = text_findings(report)
    for report, found in cross_year_findings(reports):
        report.findings.extend(found)
    return list(zip(synthetic, reports))


def test_every_planted_disagreement_is_found(checked):
    planted = found = 0
    for synthetic, report in checked:
        for expected in synthetic.planted:
            if not expected.rule.startswith(MY_RULES):
                continue
            planted += 1
            if any(same_check(f, expected) and f.status == "FAIL" for f in report.findings):
                found += 1
    assert planted >= 10  # the sample really contains planted disagreements
    assert found == planted


def test_no_fail_without_a_planted_cause(checked):
    unexplained = []
    for synthetic, report in checked:
        planted_facts = {i for e in synthetic.planted for i in e.facts}
        planted_cells = {c for e in synthetic.planted for c in e.cells}
        planted_cells |= {c for i in planted_facts for c in synthetic.facts[i].cells}
        for f in report.findings:
            if f.status != "FAIL":
                continue
            if any(same_check(f, e) for e in synthetic.planted):
                continue
            if set(f.facts) & planted_facts or any(set(synthetic.facts[i].cells) & planted_cells for i in f.facts):
                continue
            unexplained.append((synthetic.id, f.rule, f.message))
    assert unexplained == []


def test_statuses_agree_with_the_generators_expectations(checked):
    outcome = Counter()
    for synthetic, report in checked:
        for expected in synthetic.checks:
            if not expected.rule.startswith(MY_RULES):
                continue
            got = next((f.status for f in report.findings if same_check(f, expected)), None)
            outcome["agree" if got == expected.status else f"{expected.status}->{got}"] += 1
    total = sum(outcome.values())
    assert total > 500
    assert outcome["agree"] / total >= 0.99, outcome


@pytest.mark.slow
def test_planted_disagreements_survive_the_whole_pipeline(tmp_path):
    """Written to disk and read back by ingest, sections and the table parser (gold facts)."""
    from nianbao.pipeline import read_structure

    synthetic = generate(40, seed=11)
    reports = []
    for s in synthetic:
        path = tmp_path / f"{s.id}.{s.format}"
        path.write_text(s.file_text(), encoding="utf-8", newline="\n")
        report = read_structure(str(path))
        assert report.text == s.text
        report.facts = as_report(s).facts
        report.issuer = as_report(s).issuer
        reports.append(report)
    for report in reports:
        report.findings.extend(text_findings(report))
    for report, found in cross_year_findings(reports):
        report.findings.extend(found)
    planted = [(e, r) for s, r in zip(synthetic, reports) for e in s.planted if e.rule.startswith(MY_RULES)]
    assert len(planted) >= 5
    missed = [(r.doc_id, e.rule) for e, r in planted
              if not any(same_check(f, e) and f.status == "FAIL" for f in r.findings)]
    assert missed == []
