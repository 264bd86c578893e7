"""PDF → normalised text: reading order, ruled tables as tab rows, page numbers, bad PDFs."""
from __future__ import annotations

import hashlib

import pytest
from reportlab.lib import colors, pdfencrypt
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from nianbao.errors import InputError
from nianbao.ingest import convert
from nianbao.sections import segment
from tests.conftest import real_path

FONT = "STSong-Light"  # reportlab's built-in CID font: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))
BODY = ParagraphStyle("body", fontName=FONT, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24)
HEADING = ParagraphStyle("heading", parent=BODY, firstLineIndent=0)
LONG = "2023年，本镇在政府网站主动公开政府信息218条，收到政府信息公开申请12件，全部在法定期限内答复。" * 3
ROWS = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "0", "0", "0"]]
ROWS += [[f"第{i}类文件", str(i), "0", str(i * 2)] for i in range(1, 41)]


def _page_number(c, doc):
    c.setFont(FONT, 10)
    c.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")


def _build_pdf(path):
    """A two-page report: title, a wrapped paragraph, and a ruled table that runs onto page 2."""
    story = [
        Paragraph("某某镇2023年政府信息公开工作年度报告", HEADING),
        Paragraph("一、总体情况", HEADING),
        Paragraph(LONG, BODY),
        Paragraph("二、主动公开政府信息情况", HEADING),
        Table(ROWS, style=TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT),
                                      ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])),
        Paragraph("六、其他需要报告的事项", HEADING),
    ]
    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=_page_number, onLaterPages=_page_number)
    return str(path)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    return convert(_build_pdf(tmp_path_factory.mktemp("pdf") / "report.pdf"))


def test_pdf_text_layer_reads_back_in_order(built):
    assert built.format == "pdf" and built.encoding is None
    lines = built.text.split("\n")
    assert lines[:2] == ["某某镇2023年政府信息公开工作年度报告", "一、总体情况"]
    assert lines[-1] == "六、其他需要报告的事项"


def test_pdf_wrapped_paragraph_is_joined_back_into_one_line(built):
    assert "\n" + LONG + "\n" in built.text


def test_pdf_ruled_table_becomes_tab_rows_and_continues_across_the_page_break(built):
    table_lines = [line for line in built.text.split("\n") if "\t" in line]
    assert table_lines == ["\t".join(row) for row in ROWS]


def test_pdf_page_number_lines_are_dropped(built):
    assert "- 1 -" not in built.text and "- 2 -" not in built.text


def test_pdf_sections_are_found(built):
    outline = segment(built.text)
    assert [s.id for s in outline.sections] == ["overview", "proactive", "other"]
    assert (outline.title, outline.year, outline.issuer) == ("某某镇2023年政府信息公开工作年度报告", 2023, "某某镇")


def test_encrypted_pdf_says_decrypt_it_first(tmp_path):
    path = tmp_path / "locked.pdf"
    c = canvas.Canvas(str(path), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    c.setFont(FONT, 12)
    c.drawString(72, 700, "政府信息公开工作年度报告")
    c.save()
    with pytest.raises(InputError, match="encrypted PDF: decrypt it first"):
        convert(str(path))


def test_scanned_pdf_without_text_layer_says_run_ocr_first(tmp_path):
    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    c.rect(72, 72, 300, 300, fill=1)  # a picture of a page: no characters at all
    c.save()
    with pytest.raises(InputError, match="no text layer .*: run OCR first"):
        convert(str(path))


def test_truncated_pdf_is_corrupt(tmp_path):
    good = open(_build_pdf(tmp_path / "good.pdf"), "rb").read()
    path = tmp_path / "cut.pdf"
    path.write_bytes(good[:200])
    with pytest.raises(InputError, match="corrupt PDF: it cannot be parsed"):
        convert(str(path))


def test_pdf_extension_without_pdf_header_is_corrupt(tmp_path):
    path = tmp_path / "fake.pdf"
    path.write_text("政府信息公开工作年度报告", encoding="utf-8")
    with pytest.raises(InputError, match="corrupt PDF: it does not start with %PDF"):
        convert(str(path))


# --- the real report: hongze2024 (WPS, white line backgrounds, a vertical label) -------------

@pytest.fixture(scope="module")
def hongze():
    return convert(str(real_path("hongze2024")))


def test_hongze_text_is_stable_for_gold_offsets(hongze):
    """Gold facts are annotated on this exact text: a change here invalidates them."""
    assert len(hongze.text) == 2638
    assert hashlib.sha256(hongze.text.encode()).hexdigest()[:16] == "6d4b492325e6ced6"


def test_hongze_narrative_is_not_taken_for_tables(hongze):
    overview = hongze.text[hongze.text.index("一、总体情况"):hongze.text.index("二、主动公开政府信息情况")]
    assert "\t" not in overview
    assert "主动发布各类政府信息 2428 条，公开政府常务会议 7期，解读信息发布 7 条。" in overview


def test_hongze_vertical_label_and_merged_rows_read_as_table_rows(hongze):
    lines = hongze.text.split("\n")
    assert "三、本年度办理结果\t（一）予以公开\t\t50\t0\t0\t0\t0\t0\t50" in lines
    assert "一、本年新收政府信息公开申请数量\t\t\t95\t0\t0\t0\t0\t0\t95" in lines
    assert "\t（七）总计\t\t95\t0\t0\t0\t0\t0\t95" in lines
    assert "1\t1\t0\t0\t2\t1\t0\t0\t0\t1\t2\t0\t1\t0\t3" in lines  # table 四's values


def test_hongze_table_split_across_pages_continues_without_page_number(hongze):
    text = hongze.text
    assert "-" + " 3 " + "-" not in text
    assert "\t（四）无法提供\t1.本机关不掌握相关政府信息\t31\t0\t0\t0\t0\t0\t31\n" \
           "\t\t2.没有现成信息需要另行制作\t1\t0\t0\t0\t0\t0\t1\n" in text


def test_hongze_paragraph_continues_across_the_page_break(hongze):
    assert "答复书模板，使各行政机关答复的方式" in hongze.text


def test_pdf_unruled_table_rows_and_headings_are_not_joined_to_wrapped_lines(tmp_path):
    path = tmp_path / "plain.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 12)
    full = "本年度共收到政府信息公开申请，全部在法定期限内答复完毕，未发生被纠错的情形，另有" # 37 chars
    right = 72 + pdfmetrics.stringWidth(full, FONT, 12)
    y = 760
    for text in ("某某镇2020年政府信息公开工作年度报告", None, full, "结转下年度。", full, "二、主动公开政府信息情况"):
        if text is None:
            y -= 20
            continue
        c.drawString(72, y, text)
        y -= 20
    for label, values in (("一、本年新收政府信息公开申请数量", "95 0 0 0 0 0 95"),
                          ("二、上年结转政府信息公开申请数量", "0 0 0 0 0 0 0")):
        c.drawString(72, y, label)
        c.drawRightString(right, y, values)
        y -= 20
    c.save()
    lines = convert(str(path)).text.split("\n")
    assert lines == ["某某镇2020年政府信息公开工作年度报告", full + "结转下年度。", full, "二、主动公开政府信息情况",
                     "一、本年新收政府信息公开申请数量 95 0 0 0 0 0 95", "二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0"]


# --- how each page is read: PDFium's characters and paths, measured as pdfminer measures them --

def test_pdf_pages_are_measured_as_pdfminer_measures_them():
    """Every character of the real report sits where pdfminer puts it (its text, its box within
    two tenths of a point) and every ruling is the same: pdfplumber's table finder and line reader
    see the same page either way."""
    import pdfplumber

    from nianbao.ingest.pdf_objects import read_pages

    data = real_path("hongze2024").read_bytes()
    ours = read_pages(data)
    with pdfplumber.open(str(real_path("hongze2024"))) as pdf:
        assert len(ours) == len(pdf.pages)
        for theirs, page in zip(pdf.pages, ours):
            assert page.bbox == pytest.approx(theirs.bbox)
            for kind in ("char", "rect", "line", "curve"):
                mine, expected = _placed(page.objects.get(kind, [])), _placed(theirs.objects.get(kind, []))
                assert len(mine) == len(expected), kind
                for a, b in zip(mine, expected):
                    assert a[0] == b[0] and a[1:] == pytest.approx(b[1:], abs=0.2), (kind, a, b)


def _placed(objects):
    return sorted((o.get("text", o["object_type"]), o["x0"], o["top"], o["x1"], o["bottom"]) for o in objects)


def test_pdf_whose_fonts_map_no_characters_says_run_ocr_first(tmp_path):
    """A font without a character map (Identity-H, no ToUnicode): the glyphs have numbers only."""
    path = tmp_path / "glyphs.pdf"
    path.write_bytes(_pdf_without_unicode())
    with pytest.raises(InputError, match="fonts carry no Unicode text .*: run OCR first"):
        convert(str(path))


def _pdf_without_unicode() -> bytes:
    stream = b"BT /F1 12 Tf 72 700 Td <00010002000300040005000600070008> Tj ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream),
        b"<< /Type /Font /Subtype /Type0 /BaseFont /NoMap /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /NoMap /CIDSystemInfo << /Registry (Adobe) "
        b"/Ordering (Identity) /Supplement 0 >> /FontDescriptor 7 0 R /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /NoMap /Flags 4 /FontBBox [0 -200 1000 800] /ItalicAngle 0 "
        b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>",
    ]
    out, offsets = b"%PDF-1.4\n", []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    return out + b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)


def test_pdf_hyphen_ending_a_line_is_kept_as_printed(tmp_path):
    """PDFium marks a hyphen at the end of a line with a code of its own; it reads as ``-``."""
    path = tmp_path / "hyphen.pdf"
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(FONT, 12)
    for y, text in ((760, "某某镇2023年政府信息公开工作年度报告"), (740, "本报告电子版可在镇政府网站-"),
                    (720, "政府信息公开专栏查阅。")):
        c.drawString(72, y, text)
    c.save()
    assert "本报告电子版可在镇政府网站-\n政府信息公开专栏查阅。" in convert(str(path)).text


@pytest.mark.slow
def test_pdf_printed_by_a_browser_reads_back_as_its_text(tmp_path):
    """Chromium prints with Noto CJK, whose character map gives some ideographs as radicals
    (⼈ for 人) and draws no glyph for a space: the text still reads back as written, a title
    in a larger font stays off the paragraph below it, and a bordered table becomes tab rows."""
    from tests.browser import chromium

    html = """<html><head><meta charset="utf-8"><style>
      body { font-family: 'Noto Serif CJK SC'; font-size: 15px }
      table { border-collapse: collapse } td { border: 1px solid #000; padding: 2px }
    </style></head><body>
      <h2>某某县人民政府2023年政府信息公开工作年度报告</h2>
      <p>发布机构: 某某县人民政府办公室 发布日期: 2024-01-15</p>
      <p>本报告依据《中华人民共和国政府信息公开条例》编制。</p>
      <table><tr><td>信息内容</td><td>本年制发件数</td></tr><tr><td>规章</td><td>3</td></tr></table>
    </body></html>"""
    path = tmp_path / "printed.pdf"
    with chromium() as browser:
        page = browser.new_page()
        page.set_content(html)
        page.pdf(path=str(path))
    lines = convert(str(path)).text.split("\n")
    assert lines[:3] == ["某某县人民政府2023年政府信息公开工作年度报告",
                         "发布机构: 某某县人民政府办公室 发布日期: 2024-01-15",
                         "本报告依据《中华人民共和国政府信息公开条例》编制。"]
    assert lines[3:5] == ["信息内容\t本年制发件数", "规章\t3"]
