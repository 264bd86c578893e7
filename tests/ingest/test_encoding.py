"""How bytes become text: detected in a fixed order, every guess leaves a warning."""
from __future__ import annotations

import pytest

from nianbao.errors import InputError
from nianbao.ingest import convert
from nianbao.ingest.encoding import decode

REPORT = "某某县2021年政府信息公开工作年度报告\n一、总体情况\n本年度收到申请 12 件。\n"


def test_valid_utf8_is_utf8_without_warning():
    decoded = decode(REPORT.encode("utf-8"), "r.txt")
    assert (decoded.text, decoded.encoding, decoded.warnings) == (REPORT, "utf-8", [])


def test_utf8_with_bom_is_utf8_and_the_bom_is_dropped_by_ingest(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.encode("utf-8-sig"))
    report = convert(str(path))
    assert (report.text, report.encoding, report.warnings) == (REPORT, "utf-8", [])


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path, codec):
    path = tmp_path / "r.txt"
    bom = "\ufeff".encode(codec)
    path.write_bytes(bom + REPORT.replace("\n", "\r\n").encode(codec))
    report = convert(str(path))
    assert (report.text, report.encoding, report.warnings) == (REPORT, "utf-16", [])


def test_gbk_text_is_decoded_as_gb18030_with_a_warning_saying_why(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(REPORT.encode("gbk"))
    report = convert(str(path))
    assert report.text == REPORT and report.encoding == "gb18030"
    assert report.warnings == ["encoding: decoded as gb18030 because the bytes are not valid UTF-8 "
                               "and decode strictly as GB18030 (GBK)"]


def test_gb18030_only_characters_decode(tmp_path):
    text = REPORT + "𠀀"  # outside GBK: four-byte GB18030
    decoded = decode(text.encode("gb18030"), "r.txt")
    assert decoded.text == text and decoded.encoding == "gb18030"


def test_declared_gb2312_that_holds_gbk_characters_decodes_as_its_superset():
    text = "政府信息公开年度报告：镕"  # 镕 is in GBK/GB18030 but not GB2312
    decoded = decode(text.encode("gb18030"), "r.html", declared="gb2312")
    assert decoded.text == text and decoded.encoding == "gb18030" and decoded.warnings == []


def test_unknown_declared_charset_is_warned_and_detection_takes_over():
    decoded = decode(REPORT.encode("utf-8"), "r.html", declared="x-no-such-charset")
    assert decoded.encoding == "utf-8"
    assert decoded.warnings == ["encoding: the declared charset 'x-no-such-charset' is unknown; detecting instead"]


def test_neither_utf8_nor_gb18030_falls_to_charset_normalizer_with_a_warning():
    data = ("Rapport annuel sur la publicité de l'information gouvernementale, été 2021. " * 4).encode("cp1252")
    data += b"\x80\x81"  # bytes GB18030 cannot decode at the end of the text
    decoded = decode(data, "r.txt")
    assert "charset-normalizer" in decoded.warnings[0] and decoded.encoding in decoded.warnings[0]
    assert "publicit" in decoded.text


def test_nul_bytes_mean_binary_not_text():
    with pytest.raises(InputError, match="binary data, not text"):
        decode(b"abc\x00def", "r.txt")


def test_bytes_no_encoding_fits_are_an_input_error(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(bytes([0xFF, 0x80, 0x81, 0xFE]) * 40)  # not UTF-8, not GB18030, no codec fits
    with pytest.raises(InputError, match="cannot decode the text: it is not UTF-8 or GB18030"):
        convert(str(path))
