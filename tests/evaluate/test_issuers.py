"""`nianbao evaluate --issuers`: issuer and year read from pages, scored against a manifest."""
from __future__ import annotations

import hashlib

from click.testing import CliRunner

from nianbao.cli import main
from nianbao.evaluate.issuers import score_issuers
from tests import pages

NO_ISSUER = "2021年政府信息公开工作年度报告\n本报告依据《条例》编制。\n一、总体情况\n全年公开信息12条。\n"
OTHER_BODY = ("2020年政府信息公开工作年度报告\n本报告依据《条例》编制。\n一、总体情况\n公开信息8条。\n"
              "六、其他需要报告的事项\n如有疑问，请联系湖溪县档案馆。\n")


def _corpus(tmp_path, rows):
    folder = tmp_path / "pages"
    folder.mkdir()
    lines = ["source\tquery\tsha256\tchars\tissuer\tyear\tlevel\tsplit"]
    for text, issuer, year, level in rows:
        sha = hashlib.sha256(text.encode()).hexdigest()
        (folder / f"{sha}.txt").write_text(text, encoding="utf-8")
        lines.append(f"http://example.invalid/{sha[:6]}\tq\t{sha}\t{len(text)}\t{issuer}\t{year}\t{level}\ttest")
    manifest = tmp_path / "MANIFEST.tsv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest, folder


def test_issuer_and_year_scored_against_the_manifest(tmp_path):
    manifest, folder = _corpus(tmp_path, [
        (pages.STREET_TXT, "青禾区石桥街道办事处", 2022, "street"),
        (pages.TOWN_TXT, "枫林镇人民政府", 2023, "town"),
        (pages.ONE_LINE_TXT, "云岭县政府办", 2021, "county"),
        (NO_ISSUER, "", 2021, "county"),  # names no body: nothing to find, nothing to invent
        (OTHER_BODY, "湖溪县人民政府", 2019, "county"),  # gold not printed; the archive it names is invented
    ])
    score = score_issuers(manifest, folder)
    assert (score.right, score.named, score.invented) == (3, 3, 1)
    assert (score.year_right, score.with_year) == (4, 5)
    assert score.by_level() == {"county": (1, 1), "street": (1, 1), "town": (1, 1)}


def test_evaluate_issuers_prints_the_accuracies(tmp_path, monkeypatch):
    manifest, folder = _corpus(tmp_path, [(pages.STREET_TXT, "石桥街道", 2022, "street"),
                                          (NO_ISSUER, "-", 2021, "county")])
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(folder))
    result = CliRunner().invoke(main, ["evaluate", "--issuers", "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    assert "issuer right: 1/1 (100.0 %)" in result.output
    assert "issuer invented: 0" in result.output and "year right: 2/2 (100.0 %)" in result.output


def test_evaluate_issuers_without_a_manifest_says_so(tmp_path):
    result = CliRunner().invoke(main, ["evaluate", "--issuers", "--manifest", str(tmp_path / "none.tsv")])
    assert result.exit_code != 0 and "no such manifest" in result.output


def test_evaluate_chrome_counts_facts_from_chrome_per_system(tmp_path, monkeypatch):
    manifest, folder = _corpus(tmp_path, [(pages.STREET_TXT, "石桥街道", 2022, "street"),
                                          (pages.ONE_LINE_TXT, "云岭县政府办", 2021, "county")])
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(folder))
    result = CliRunner().invoke(main, ["evaluate", "--chrome", "--systems", "rules", "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    line = result.output.strip()
    assert line.startswith("rules: 0 facts from chrome or outside the body of ") and "on 2 pages" in line
    assert "(without the body layer: 0)" not in line  # the counters were facts before
