"""`nianbao evaluate --cells`: cell accuracy against cell gold, on a page written for the test.

The page (fixtures/cells/shiqiao-2020.txt, made-up street office and numbers) prints
table 二 with its cells run together, two rows of which have several readings, and
table 三 one cell per line, cut short inside its fourth row.  Its gold holds 33 cells.
"""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from nianbao.errors import InputError
from nianbao.evaluate.cells import cell_right, evaluate_cells, load_cell_gold
from nianbao.report import Cell

FIXTURES = Path(__file__).parent / "fixtures" / "cells"
PAGE = FIXTURES / "shiqiao-2020.txt"
GOLD = FIXTURES / "gold"


@pytest.fixture
def cache(tmp_path) -> Path:
    """A page cache holding the fixture page under its sha256."""
    folder = tmp_path / "real-pages"
    folder.mkdir()
    shutil.copyfile(PAGE, folder / f"{load_cell_gold(GOLD / 'shiqiao-2020.json').sha256}.txt")
    return folder


def test_cells_scored_overall_per_shape_and_per_table(cache):
    results = evaluate_cells(GOLD, cache, extractor="none")
    assert results["pages"] == 1 and results["errors"] == []
    assert (results["cells"]["n"], results["cells"]["right"]) == (33, 28)
    # 规范性文件121214 and 行政许可3-125 have several readings: 5 of table 二's 9 cells are left out
    assert results["by_shape"]["run_together"] == {"n": 9, "right": 4, "accuracy": 4 / 9}
    # every cell printed before the cut is read, the not-applicable dashes as null
    assert results["by_shape"]["one_cell_per_line"] == {"n": 24, "right": 24, "accuracy": 1.0}
    assert results["by_table"]["t3"]["right"] == 24
    missed = {m["cell"] for m in results["misses"]}
    assert missed == {"t2.normative_docs.new_made", "t2.normative_docs.new_published",
                      "t2.normative_docs.total_published", "t2.licensing.change", "t2.licensing.decisions"}
    assert results["findings"] == {"n": 4, "right": 4, "accuracy": 1.0}
    # every FAIL the check raises that the page as printed does not fail is listed by page
    assert len(results["fail_misses"]) == results["fail_precision"]["n"] - results["fail_precision"]["right"]


def test_a_page_whose_text_changed_is_skipped_and_named(cache, tmp_path):
    (page,) = cache.iterdir()
    page.write_text(page.read_text(encoding="utf-8").replace("4", "7"), encoding="utf-8")
    results = evaluate_cells(GOLD, cache, extractor="none")
    assert results["pages"] == 0 and results["cells"]["n"] == 0
    assert len(results["errors"]) == 1 and "sha256 differs" in results["errors"][0]


def test_null_gold_is_an_empty_or_not_applicable_cell_never_a_zero():
    assert cell_right(None, Cell(raw="—", value=None, unit=None, kind="na"))
    assert cell_right(None, Cell(raw="", value=None, unit=None, kind="empty"))
    assert not cell_right(None, Cell(raw="0", value=0, unit=None, kind="number"))
    assert not cell_right(0, Cell(raw="", value=None, unit=None, kind="empty"))
    assert cell_right(1203.5, Cell(raw="1203.5万元", value=1203.5, unit="万元", kind="number"))
    assert not cell_right(5, None)


def test_a_gold_file_with_a_value_that_is_not_a_number_is_refused(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"sha256": "0" * 64, "cells": {"t3.new_received.total": "12"}}), encoding="utf-8")
    with pytest.raises(InputError, match="number or null"):
        load_cell_gold(bad)


def test_the_command_writes_the_scores_and_reads_the_cache_folder_from_the_environment(cache, tmp_path):
    out = tmp_path / "out"
    env = {**__import__("os").environ, "NIANBAO_REAL_PAGES": str(cache)}
    run = subprocess.run([sys.executable, "-m", "nianbao", "evaluate", "--cells", "--cell-gold", str(GOLD),
                          "--extractor", "none", "--out", str(out)], capture_output=True, text=True, env=env,
                         timeout=300)
    assert run.returncode == 0, run.stderr
    assert "| all | 33 | 28 | 0.848 |" in run.stdout
    assert "| shape: one_cell_per_line | 24 | 24 | 1.000 |" in run.stdout
    assert json.loads((out / "cells.json").read_text(encoding="utf-8"))["cells"]["right"] == 28


def test_the_command_without_gold_is_one_clear_error(tmp_path):
    run = subprocess.run([sys.executable, "-m", "nianbao", "evaluate", "--cells", "--cell-gold", str(tmp_path),
                          "--out", str(tmp_path / "out")], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1
    assert "no cell gold files" in run.stderr


def test_a_manifest_scores_each_page_under_its_split_and_can_keep_some_splits(cache, tmp_path):
    sha = load_cell_gold(GOLD / "shiqiao-2020.json").sha256
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text("source\tquery\tsha256\tchars\tissuer\tyear\tlevel\tsplit\n"
                        f"https://example.invalid/nb2020.html\t街道 年报\t{sha}\t{len(PAGE.read_text(encoding='utf-8'))}"
                        "\t石桥街道办事处\t2020\tstreet\tdev\n", encoding="utf-8")
    dev = evaluate_cells(GOLD, cache, extractor="none", manifest=manifest, splits=("dev",))
    assert dev["pages"] == 1 and dev["by_split"] == {"dev": {"n": 33, "right": 28, "accuracy": 28 / 33}}
    test = evaluate_cells(GOLD, cache, extractor="none", manifest=manifest, splits=("test",))
    assert test["pages"] == 0 and test["cells"]["n"] == 0
    with pytest.raises(InputError, match="manifest"):
        evaluate_cells(GOLD, cache, extractor="none", splits=("test",))


def test_a_report_kept_as_html_is_scored_as_the_html_converter_reads_it(tmp_path):
    """A manifest row with format html: the cached text is HTML markup, read through the
    HTML converter (its table becomes tab-separated rows), never as plain text."""
    import hashlib

    from nianbao.annotation.realpages import PageEntry, write_manifest

    html = ("<html><body><h1>某县某某局2021年政府信息公开工作年度报告</h1><p>二、主动公开政府信息情况</p><table>"
            "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
            "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
            "<tr><td>行政规范性文件</td><td>3</td><td>0</td><td>—</td></tr></table></body></html>\n")
    sha = hashlib.sha256(html.encode()).hexdigest()
    folder, gold_dir = tmp_path / "cache", tmp_path / "gold"
    folder.mkdir()
    gold_dir.mkdir()
    (folder / f"{sha}.txt").write_text(html, encoding="utf-8")
    manifest = write_manifest([PageEntry(source="https://github.com/example/r/blob/0/a.html", query="read_file",
                                         sha256=sha, chars=len(html), issuer="某县某某局", year=2021,
                                         level="department", split="dev", format="html")], tmp_path / "M.tsv")
    cells = {"t2.regulations.issued": 0, "t2.normative_docs.issued": 3, "t2.normative_docs.in_force": None}
    (gold_dir / "a.json").write_text(json.dumps({"sha256": sha, "cells": cells}), encoding="utf-8")
    results = evaluate_cells(gold_dir, folder, extractor="none", manifest=manifest)
    assert results["errors"] == [] and results["cells"]["right"] == 3
    assert results["by_split"]["dev"]["n"] == 3


def _printed_page(tmp_path):
    """A report of a page written for the test (no tables read from it) and its gold: table 四's
    review row adds up wrong as printed (1 + 1 + 0 + 0 ≠ 3), the narrative claims 3 reviews."""
    from nianbao.evaluate.cells import CellGold
    from nianbao.pipeline import read_structure
    from nianbao.report import Fact

    page = tmp_path / "page.txt"
    page.write_text("青柳镇2022年政府信息公开工作年度报告\n四、行政复议和行政诉讼情况\n本年度发生行政复议3件。\n",
                    encoding="utf-8")
    report = read_structure(str(page))
    cells = {f"t4.review.{c}": v for c, v in zip(("upheld", "corrected", "other", "pending", "total"), (1, 1, 0, 0, 3))}
    gold = CellGold(id="qingliu", sha256="0" * 64, source="test", cells=cells)
    start = report.text.index("3件")
    facts = [Fact(label="REVIEW_CASES", text="3件", start=start, end=start + 2, value=3, unit="件", qualifier="",
                  extractor="gold")]
    return report, gold, facts


def test_the_page_as_printed_is_checked_from_its_gold_cells_and_gold_facts(tmp_path):
    from nianbao.evaluate.cells import reference_findings

    report, gold, facts = _printed_page(tmp_path)
    reference = {f.rule: f.status for f in reference_findings(report, gold, facts)}
    # the printed row's sum fails; the claim agrees with the printed total; rows with no cells are not assessable
    assert reference == {"t4.sum.review": "FAIL", "text.REVIEW_CASES": "PASS"}
    assert report.facts == [] and report.tables == {}  # the report itself is left as it was read


def test_a_reference_finding_is_right_only_with_the_same_rule_cells_fact_and_status(tmp_path):
    from dataclasses import replace

    from nianbao.evaluate.cells import fail_rows, reference_findings, score_reference
    from nianbao.report import Finding

    report, gold, facts = _printed_page(tmp_path)
    reference = reference_findings(report, gold, facts)
    review_cells = [f"t4.review.{c}" for c in ("upheld", "corrected", "other", "pending", "total")]
    report.facts = [replace(facts[0], extractor="model")]
    report.findings = [Finding(rule="t4.sum.review", status="NOT_ASSESSABLE", kind="table_identity", message="",
                               cells=review_cells),
                       Finding(rule="text.REVIEW_CASES", status="PASS", kind="text_vs_table", message="", facts=[0],
                               cells=["t4.review.total"]),
                       Finding(rule="text.LITIGATION_CASES", status="FAIL", kind="text_vs_table", message="",
                               facts=[0], cells=["t4.litigation_direct.total"])]
    rows = {r["rule"]: (r["gold"], r["read"], r["right"]) for r in score_reference(reference, report)}
    assert rows == {"t4.sum.review": ("FAIL", "NOT_ASSESSABLE", False), "text.REVIEW_CASES": ("PASS", "PASS", True)}
    assert fail_rows(reference, report) == [{"rule": "text.LITIGATION_CASES", "cells": ["t4.litigation_direct.total"],
                                             "right": False}]
    report.facts[0] = replace(report.facts[0], start=0, end=2)  # the check's fact is elsewhere: no match
    assert [r["read"] for r in score_reference(reference, report)] == ["NOT_ASSESSABLE", None]
