"""HTML pages → normalised text: blocks, inline runs, &nbsp;, tables with spans, charsets."""
from __future__ import annotations

from nianbao.ingest import convert
from nianbao.pipeline import check_file

TABLE_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>标题栏</title>
<style>p {{ color: red }}</style><script>var x = "政府信息公开";</script></head>
<body>
<div class="nav">首页 &gt; 政务公开</div>
<h1>某某区{year}年政府信息公开工作年度报告</h1>
<p>一、总体情况</p>
<p>&nbsp;&nbsp;本年度共收到申请<span>12</span>件，<b>全部</b>办结。</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
  <tr><td colspan="4">第二十条第（一）项</td></tr>
  <tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
  <tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
  <tr><td>行政规范性文件</td><td>3</td><td>0</td><td>8</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table>
  <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>50</td></tr>
  <tr><td>（二）部分公开</td><td>9</td></tr>
  <tr><td colspan="2">（七）总计</td><td>59</td></tr>
</table>
</body></html>
"""


def _write(tmp_path, name, content, encoding="utf-8"):
    path = tmp_path / name
    path.write_bytes(content.encode(encoding) if isinstance(content, str) else content)
    return str(path)


def test_html_drops_head_script_and_style(tmp_path):
    report = convert(_write(tmp_path, "r.html", TABLE_PAGE.format(year=2023)))
    assert report.format == "html"
    assert "标题栏" not in report.text and "var x" not in report.text and "color" not in report.text
    assert report.text.startswith("首页 > 政务公开\n某某区2023年政府信息公开工作年度报告\n一、总体情况\n")


def test_html_inline_elements_flow_and_nbsp_stays_a_no_break_space(tmp_path):
    report = convert(_write(tmp_path, "r.html", TABLE_PAGE.format(year=2023)))
    assert "\n\u00a0\u00a0本年度共收到申请12件，全部办结。\n" in report.text


def test_html_colspan_header_is_written_once_with_empty_covered_cells(tmp_path):
    report = convert(_write(tmp_path, "r.html", TABLE_PAGE.format(year=2023)))
    lines = report.text.split("\n")
    i = lines.index("第二十条第（一）项\t\t\t")
    assert lines[i + 1] == "信息内容\t本年制发件数\t本年废止件数\t现行有效件数"
    assert lines[i + 3] == "行政规范性文件\t3\t0\t8"


def test_html_rowspan_cells_get_an_empty_cell_below_their_row_label(tmp_path):
    report = convert(_write(tmp_path, "r.html", TABLE_PAGE.format(year=2023)))
    assert "三、本年度办理结果\t（一）予以公开\t50\n\t（二）部分公开\t9\n（七）总计\t\t59" in report.text


def test_html_nested_spans_flow_inline_and_blocks_break_lines(tmp_path):
    page = ("<html><body><p>年度报告：<span>共<span>收到<font>申请</font></span></span> 3 件。</p>"
            "<div>第一段<div>第二段</div>尾巴</div><p>甲<br>乙<br><br>丙</p></body></html>")
    report = convert(_write(tmp_path, "r.htm", page))
    assert report.text == "年度报告：共收到申请 3 件。\n第一段\n第二段\n尾巴\n甲\n乙\n\n丙"


def test_html_paragraph_opened_inside_a_paragraph_closes_it_as_in_a_browser(tmp_path):
    page = "<html><body><p>年度报告<p>共<span>收到</span>申请</p></body></html>"
    report = convert(_write(tmp_path, "r.html", page))
    assert report.text == "年度报告\n共收到申请"


def test_html_layout_table_is_read_as_blocks(tmp_path):
    page = ("<html><body><table><tr><td><p>政府信息公开工作年度报告</p>"
            "<table><tr><td>规章</td><td>0</td></tr></table></td></tr></table></body></html>")
    report = convert(_write(tmp_path, "r.html", page))
    assert report.text == "政府信息公开工作年度报告\n规章\t0"


def test_html_gbk_page_with_meta_charset_is_decoded_without_warning(tmp_path):
    page = TABLE_PAGE.format(year=2021).replace('charset="utf-8"', 'charset="gb2312"')
    report = convert(_write(tmp_path, "r.html", page, encoding="gbk"))
    assert report.encoding in ("gb2312", "gb18030")
    assert "某某区2021年政府信息公开工作年度报告" in report.text
    assert report.warnings == []


def test_html_gbk_page_with_http_equiv_charset_is_honoured(tmp_path):
    page = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=GBK"></head>'
            "<body><p>某某街道2022年政府信息公开工作年度报告</p></body></html>")
    report = convert(_write(tmp_path, "r.html", page, encoding="gbk"))
    assert report.encoding == "gbk"
    assert report.text == "某某街道2022年政府信息公开工作年度报告"


def test_html_gbk_page_without_charset_is_detected_and_warned(tmp_path):
    page = TABLE_PAGE.format(year=2021).replace('<meta charset="utf-8">', "")
    report = convert(_write(tmp_path, "r.html", page, encoding="gbk"))
    assert report.encoding == "gb18030"
    assert "某某区2021年政府信息公开工作年度报告" in report.text
    assert len(report.warnings) == 1 and "gb18030" in report.warnings[0]


def test_html_wrong_declared_charset_falls_back_with_a_warning(tmp_path):
    page = TABLE_PAGE.format(year=2021)  # declares utf-8 but is written in GBK
    report = convert(_write(tmp_path, "r.html", page, encoding="gbk"))
    assert "某某区2021年政府信息公开工作年度报告" in report.text
    assert any("'utf-8' does not decode" in w for w in report.warnings)


def test_html_is_sniffed_by_content_when_the_extension_is_unknown(tmp_path):
    report = convert(_write(tmp_path, "page.asp", "<HTML><body><p>2020年政府信息公开年报</p></body></HTML>"))
    assert report.format == "html"
    assert report.text == "2020年政府信息公开年报"


def test_html_cell_lines_between_cjk_characters_join_and_others_become_a_space(tmp_path):
    page = ("<html><body><p>政府信息公开工作年度报告</p><table><tr>"
            "<td><p>三、本年度</p><p>办理结果</p></td><td>商业<br>企业</td><td>Total<br>95</td>"
            "</tr></table></body></html>")
    report = convert(_write(tmp_path, "r.html", page))
    assert report.text.split("\n")[1] == "三、本年度办理结果\t商业企业\tTotal 95"


def test_html_hidden_elements_are_dropped_and_a_caption_is_a_line_above_its_table(tmp_path):
    page = ("<html><body><p>政府信息公开工作年度报告</p><div style='DISPLAY: none'>隐藏的菜单</div>"
            "<p hidden>也隐藏</p><table><caption>表三</caption><tr><td>总计</td><td>5</td></tr></table>"
            "</body></html>")
    report = convert(_write(tmp_path, "r.html", page))
    assert report.text == "政府信息公开工作年度报告\n表三\n总计\t5"


def test_html_nested_thousands_of_elements_deep_is_read_in_order(tmp_path):
    depth = 5000
    page = ("<html><body>" + "<div><span>" * depth + "年度报告：收到申请<b>3</b>件。" + "</span></div>" * depth
            + "<p>全部办结。</p></body></html>")
    report = convert(_write(tmp_path, "r.html", page))
    assert report.text == "年度报告：收到申请3件。\n全部办结。"


def test_html_pre_keeps_its_line_breaks_and_aligned_columns(tmp_path):
    page = ("<html><body><div>栏目：年报</div><pre>\n某镇人民政府\n2023年政府信息公开工作年度报告\n"
            "一、总体情况\n全年公开信息<b>52</b>条。<span hidden>不显示</span><script>x=1</script>\n"
            "信息内容\t本年制发件数\t现行有效件数\n规章    0    2</pre><p>页脚</p></body></html>")
    report = convert(_write(tmp_path, "r.html", page))
    assert report.text.split("\n")[:7] == ["栏目：年报", "某镇人民政府", "2023年政府信息公开工作年度报告", "一、总体情况",
                                           "全年公开信息52条。", "信息内容\t本年制发件数\t现行有效件数", "规章    0    2"]
    assert report.text.endswith("\n页脚")


def test_html_report_pasted_in_pre_names_its_issuer(tmp_path):
    text = "某县青石镇人民政府\n2023年政府信息公开工作年度报告\n本报告依据《条例》编制。\n一、总体情况\n全年公开信息52条。\n"
    report = check_file(_write(tmp_path, "r.html", f"<html><body><pre>{text}</pre></body></html>"))
    assert (report.title, report.issuer) == ("某县青石镇人民政府2023年政府信息公开工作年度报告", "某县青石镇人民政府")
