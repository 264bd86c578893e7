"""Word .docx → normalised text: paragraphs and tables in body order, merged cells once."""
from __future__ import annotations

import docx
import pytest

from nianbao.errors import InputError
from nianbao.ingest import convert


def _report_docx(path):
    document = docx.Document()
    document.add_paragraph("某某镇2022年政府信息公开工作年度报告")
    document.add_paragraph("一、总体情况")
    document.add_paragraph("2022年，我镇共收到政府信息公开申请5件。")
    document.add_paragraph("")  # an empty paragraph is spacing, not text
    document.add_paragraph("三、收到和处理政府信息公开申请情况")
    table = document.add_table(rows=4, cols=3)
    rows = [["三、本年度办理结果", "（一）予以公开", "3"],
            ["", "（二）部分公开", "1"],
            ["", "（三）不予公开", "1"],
            ["（七）总计", "", "5"]]
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.cell(r, c).text = value
    table.cell(0, 0).merge(table.cell(2, 0))  # vMerge down the first column
    table.cell(3, 0).merge(table.cell(3, 1))  # gridSpan across the total row
    table.cell(3, 0).text = "（七）总计"
    document.add_paragraph("六、其他需要报告的事项")
    document.save(path)
    return str(path)


def test_docx_paragraphs_and_tables_come_in_body_order(tmp_path):
    report = convert(_report_docx(tmp_path / "r.docx"))
    assert report.format == "docx" and report.encoding is None
    lines = report.text.split("\n")
    assert lines[:4] == ["某某镇2022年政府信息公开工作年度报告", "一、总体情况",
                         "2022年，我镇共收到政府信息公开申请5件。", "三、收到和处理政府信息公开申请情况"]
    assert lines[-1] == "六、其他需要报告的事项"


def test_docx_vertically_merged_cell_is_written_once_and_empty_below(tmp_path):
    report = convert(_report_docx(tmp_path / "r.docx"))
    assert ("三、本年度办理结果\t（一）予以公开\t3\n"
            "\t（二）部分公开\t1\n"
            "\t（三）不予公开\t1\n") in report.text


def test_docx_horizontally_merged_cell_is_written_once_and_empty_to_its_right(tmp_path):
    report = convert(_report_docx(tmp_path / "r.docx"))
    assert "\n（七）总计\t\t5\n" in report.text


def test_docx_doc_id_is_the_hash_of_the_file_bytes(tmp_path):
    import hashlib

    path = _report_docx(tmp_path / "r.docx")
    with open(path, "rb") as f:
        assert convert(path).doc_id == hashlib.sha256(f.read()).hexdigest()[:16]


def test_corrupt_docx_is_an_input_error(tmp_path):
    path = tmp_path / "broken.docx"
    good = open(_report_docx(tmp_path / "r.docx"), "rb").read()
    path.write_bytes(good[: len(good) // 2])  # truncated zip: the central directory is gone
    with pytest.raises(InputError, match="corrupt docx"):
        convert(str(path))


def test_zip_without_a_word_document_is_not_taken_for_docx(tmp_path):
    import zipfile

    path = tmp_path / "r.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("content.xml", "<xml/>")
    with pytest.raises(InputError, match="corrupt docx: the zip archive has no word/document.xml"):
        convert(str(path))


def test_docx_cell_paragraphs_between_cjk_characters_join(tmp_path):
    document = docx.Document()
    document.add_paragraph("政府信息公开工作年度报告")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "法律\n服务\n机构"  # python-docx writes each line as a line break in one run
    table.cell(0, 1).paragraphs[0].text = "商业"
    table.cell(0, 1).add_paragraph("企业")
    document.save(tmp_path / "r.docx")
    assert convert(str(tmp_path / "r.docx")).text == "政府信息公开工作年度报告\n法律服务机构\t商业企业"
