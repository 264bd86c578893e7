"""The reconciler on the seed reports, with facts from the gold annotations, the rules
extractor and the shipped model (tables and structure from the real pipeline stages)."""
from __future__ import annotations

import pytest

from nianbao.annotation.gold import load_gold
from nianbao.facts.extractors import get_extractor
from nianbao.pipeline import read_structure
from nianbao.reconcile import text_findings

from tests.conftest import seed_path


def checked(prefix: str, facts_from: str):
    path = seed_path(prefix)
    report = read_structure(str(path))
    if facts_from == "gold":
        gold = load_gold(path.stem)
        assert gold.text == report.text
        report.facts = gold.to_facts()
    else:
        (report.facts,) = _extractor(facts_from).extract([report])
    return report, text_findings(report)


def rule_findings(findings, rule):
    return [f for f in findings if f.rule == rule]


_extractors: dict = {}


def _extractor(name):
    if name not in _extractors:
        _extractors[name] = get_extractor(name)
    return _extractors[name]


SOURCES = ["gold", "rules", pytest.param("model", marks=pytest.mark.slow)]


@pytest.mark.parametrize("facts_from", SOURCES)
def test_seed_002_received_one_fails_against_total_zero_noting_the_natural_person_column(facts_from):
    report, findings = checked("002", facts_from)
    (f,) = rule_findings(findings, "text.APP_RECEIVED")
    assert f.status == "FAIL" and f.text_value == 1 and f.table_value == 0
    assert f.cells == ["t3.new_received.total"]
    assert "1件" in f.message and "总计为0" in f.message and "自然人一栏为1" in f.message
    fact = report.facts[f.facts[0]]
    assert report.text[fact.start:fact.end] == "1件"


@pytest.mark.parametrize("facts_from", SOURCES)
def test_seed_003_received_passes(facts_from):
    _, findings = checked("003", facts_from)
    (f,) = rule_findings(findings, "text.APP_RECEIVED")
    assert f.status == "PASS" and f.table_value == 4


@pytest.mark.parametrize("facts_from", SOURCES)
def test_seed_004_has_no_table_three_and_its_normative_documents_pass(facts_from):
    _, findings = checked("004", facts_from)
    (received,) = rule_findings(findings, "text.APP_RECEIVED")
    assert received.status == "NOT_ASSESSABLE" and "缺少表三" in received.message
    (docs,) = rule_findings(findings, "text.NORMATIVE_DOCS")
    assert docs.status == "PASS" and docs.cells == ["t2.normative_docs.new_published"]
    (share,) = rule_findings(findings, "text.share")
    assert share.status == "FAIL" and "50.98%" in share.message


@pytest.mark.parametrize("facts_from", SOURCES)
def test_seed_000_zero_claim_passes_against_zero(facts_from):
    report, findings = checked("000", facts_from)
    zero = [f for f in findings if f.rule.startswith("text.") and report.facts[f.facts[0]].qualifier == "zero_claim"]
    assert zero and all(f.status == "PASS" and f.table_value == 0 for f in zero)
    assert "text.APP_RECEIVED" in {f.rule for f in zero}
