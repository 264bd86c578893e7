"""`ingest.convert`: one format table, plain text kept exactly, and every bad input named."""
from __future__ import annotations

import hashlib

import pytest

from nianbao.errors import InputError
from nianbao.ingest import FORMATS, choose_format, convert
from nianbao.ingest.normalise import normalise_text
from tests.conftest import REAL, SEEDS, real_path, seed_path

TEXT_DOCS = ["pt2019", "pt2020", "pt2021", "pt2022", "shuyang2025", "kewei2024"]


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_seed_text_is_the_decoded_file_exactly(prefix):
    path = seed_path(prefix)
    data = path.read_bytes()
    report = convert(str(path))
    assert report.format == "txt" and report.encoding == "utf-8" and report.warnings == []
    assert report.text == normalise_text(data.decode("utf-8"))
    assert report.doc_id == hashlib.sha256(data).hexdigest()[:16]
    assert report.source == str(path)


@pytest.mark.parametrize("doc", TEXT_DOCS)
def test_real_text_and_markdown_are_kept_as_printed(doc):
    path = real_path(doc)
    report = convert(str(path))
    assert report.format == ("md" if path.suffix == ".md" else "txt")
    assert report.text == path.read_text(encoding="utf-8")  # LF-only UTF-8 files: nothing changes
    # the hash recorded in MANIFEST.tsv is the sha256 of these bytes
    manifest = (REAL / "MANIFEST.tsv").read_text(encoding="utf-8")
    assert f"sha256={hashlib.sha256(path.read_bytes()).hexdigest()}" in manifest


def test_crlf_and_bom_are_normalised_and_nothing_else(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("\ufeff年度报告\r\n\u3000１２件\t\u00a0x\rend".encode("utf-8"))
    report = convert(str(path))
    assert report.text == "年度报告\n\u3000１２件\t\u00a0x\nend"


def test_one_format_table_names_every_report_format():
    assert {f.name for f in FORMATS} == {"txt", "md", "html", "docx", "pdf"}


def test_pdf_content_wins_over_a_wrong_extension(tmp_path):
    assert choose_format(str(tmp_path / "x.txt"), b"%PDF-1.7\n...").name == "pdf"


@pytest.mark.parametrize("name, data, problem", [
    ("r.txt", b"", "empty file"),
    ("r.txt", b"  \n\r\n ", "empty file"),
    ("r.xlsx", "政府信息公开".encode(), "unsupported format ('.xlsx'): supported formats are .txt"),
    ("report", "政府信息公开".encode(), "unsupported format (a file without an extension)"),
    ("r.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "legacy Word/Excel (.doc/.xls) file is not supported"),
    ("r.docx", "政府信息公开年度报告".encode(), "corrupt docx: it is not a zip archive"),
    ("r.txt", "会议纪要：讨论了明年的预算。".encode(), "does not look like a government information-disclosure annual report"),
    ("r.txt", b"\x00\x01\x02binary\x00", "binary data, not text"),
])
def test_bad_input_is_an_input_error_naming_the_problem(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as caught:
        convert(str(path))
    assert problem in caught.value.problem
    assert str(caught.value).startswith(f"{path}: ")


def test_missing_file_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        convert(str(tmp_path / "nope.txt"))


def test_a_directory_is_an_input_error_that_points_to_the_batch_job(tmp_path):
    with pytest.raises(InputError, match=r"is a directory, not a file \(`nianbao batch` checks every report"):
        convert(str(tmp_path))


def test_seeds_folder_holds_the_five_seeds():
    assert len(list(SEEDS.glob("*.txt"))) == 5


def test_html_extension_without_markup_is_read_as_plain_text(tmp_path):
    path = tmp_path / "r.html"
    path.write_text("某镇2020年政府信息公开工作年度报告\n\n一、总体情况\n", encoding="utf-8")
    report = convert(str(path))
    assert report.format == "txt"
    assert report.text == "某镇2020年政府信息公开工作年度报告\n\n一、总体情况\n"


def test_only_pdfs_are_slow_to_read_and_the_extension_alone_says_so():
    from nianbao.ingest import slow_to_read

    assert slow_to_read("reports/2024.PDF") and slow_to_read("a.pdf")
    assert not any(slow_to_read(p) for p in ("a.txt", "a.md", "a.html", "a.docx", "pdf", "a.pdf.txt"))


def test_an_excerpt_that_starts_at_its_first_section_is_read_as_a_report(tmp_path):
    from nianbao.ingest import convert

    page = tmp_path / "excerpt.txt"
    page.write_text("一、总体情况\n2024年，某区持续推进政务公开。\n（一）主动公开方面。全年公开重点领域信息120条。\n",
                    encoding="utf-8")
    assert convert(str(page)).text.startswith("一、总体情况")


@pytest.mark.parametrize("text", [
    "某區2019年政府資訊公開工作年度報告\n一、總體情況\n全年主動公開政府資訊85條。\n",
    "一、總體情況\n2019年，某鎮持續推進政務公開。\n（一）主動公開方面。全年公開資訊30條。\n",
])
def test_a_page_printed_in_traditional_script_is_read_as_a_report(tmp_path, text):
    page = tmp_path / "big5-gateway.txt"
    page.write_text(text, encoding="utf-8")
    assert convert(str(page)).text == text
