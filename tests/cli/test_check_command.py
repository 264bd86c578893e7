"""`nianbao check` as a user runs it: exit codes and one-line errors naming the file."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import seed_path


def nianbao(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "nianbao", *args], capture_output=True, text=True, timeout=timeout)


def test_several_files_give_json_lines_and_a_bad_file_does_not_stop_the_others(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    out = nianbao("check", str(seed_path("002")), str(empty), str(seed_path("003")), "--json", "--extractor", "rules")
    assert out.returncode == 1
    lines = [json.loads(line) for line in out.stdout.splitlines()]
    assert [d["source"] for d in lines] == [str(seed_path("002")), str(seed_path("003"))]
    assert out.stderr.strip().splitlines() == [f"Error: {empty}: " + out.stderr.split(f"{empty}: ", 1)[1].strip()]


def test_with_text_exposes_the_text_every_offset_points_into():
    out = nianbao("check", str(seed_path("002")), "--json", "--with-text", "--extractor", "rules")
    d = json.loads(out.stdout)
    assert d["facts"] and all(d["text"][f["start"]:f["end"]] == f["text"] for f in d["facts"])
    assert all(d["text"][c["start"]:c["end"]] == c["raw"] for c in d["tables"]["t3"]["cells"].values() if "start" in c)


@pytest.mark.slow
def test_a_model_folder_that_is_not_there_is_one_clear_error(tmp_path):
    out = nianbao("check", str(seed_path("002")), "--model", str(tmp_path / "no-model"))
    assert out.returncode == 2
    assert out.stderr.startswith("Error: ") and len(out.stderr.strip().splitlines()) == 1
    assert "no-model" in out.stderr


def test_a_pdf_read_in_the_helper_process_gives_the_report_read_in_line():
    from nianbao.pipeline import CheckOptions, check_paths
    from tests.conftest import real_path

    paths = [str(seed_path("002")), str(real_path("hongze2024")), str(seed_path("003"))]
    out = nianbao("check", *paths, "--json", "--extractor", "rules")  # the command reads the PDF aside
    assert out.returncode == 0, out.stderr
    in_line = [json.loads(json.dumps(r.to_dict(), ensure_ascii=False))
               for r in check_paths(paths, CheckOptions(extractor="rules"))]
    assert [json.loads(line) for line in out.stdout.splitlines()] == in_line
    assert in_line[1]["format"] == "pdf" and in_line[1]["tables"]["t3"]["cells"]


def test_a_corrupt_pdf_read_in_the_helper_process_is_one_error_naming_it(tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer garbage")
    out = nianbao("check", str(broken), str(seed_path("002")), "--json", "--extractor", "rules")
    assert out.returncode == 1
    assert [json.loads(line)["source"] for line in out.stdout.splitlines()] == [str(seed_path("002"))]
    assert out.stderr.strip().splitlines() == [f"Error: {broken}: " + out.stderr.split(f"{broken}: ", 1)[1].strip()]
    assert "corrupt PDF" in out.stderr


def test_a_file_whose_helper_process_died_is_read_in_the_main_process():
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    from nianbao.pipeline import _collected

    died = Future()
    died.set_exception(BrokenProcessPool("the helper was killed"))
    report = _collected(str(seed_path("002")), died)
    assert report.source == str(seed_path("002")) and report.tables


def test_every_fact_in_the_json_says_which_total_it_is_a_part_of(tmp_path):
    page = tmp_path / "report.txt"
    page.write_text("某某镇人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
                    "全年主动公开政府信息120条，其中工作动态80条、通知公告25条。"
                    "全年收到政府信息公开申请6件，其中自然人5件、法人或其他组织1件，办结6件。\n", encoding="utf-8")
    report = json.loads(nianbao("check", str(page), "--json", "--extractor", "rules").stdout)
    facts = report["facts"]
    assert all("part_of" in f for f in facts)
    by_text = {f["text"]: f for f in facts}
    totals = {f["text"] for f in facts if f["part_of"] is None}
    assert {"120条", "6件"} <= totals
    assert facts[by_text["80条"]["part_of"]]["text"] == "120条"
    assert facts[by_text["5件"]["part_of"]]["text"] == "6件" and by_text["5件"]["label"] == "APP_NATURAL_PERSON"
