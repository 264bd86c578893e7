"""The real-page corpus: manifest rows, the cache checked by sha256, splits by issuer, and
gold files on cached pages (with part_of) loaded for evaluation."""
import hashlib
import json

import pytest

from nianbao.annotation.realpages import (PageEntry, group_key, load_manifest, page_file, split_of,
                                          write_manifest)
from nianbao.errors import InputError

PAGE = ("某县某某镇人民政府2022年政府信息公开工作年度报告\n一、总体情况\n"
        "全年主动公开政府信息86条，其中通知公告12条、人事信息3条。全年收到政府信息公开申请3件。\n")


@pytest.fixture
def corpus(tmp_path, page_corpus):
    manifest, (entry,) = page_corpus([(PAGE, dict(source="https://www.example.invalid/nb/2022.html",
                                                  query="镇人民政府2022年 主动公开", issuer="某县某某镇人民政府",
                                                  year=2022, level="township", split="test"))])
    return tmp_path, tmp_path / "cache", entry, manifest


def test_the_manifest_round_trips_its_rows(corpus):
    _, _, entry, manifest = corpus
    assert load_manifest(manifest) == [entry]


def test_a_manifest_without_its_columns_names_the_file(tmp_path):
    bad = tmp_path / "MANIFEST.tsv"
    bad.write_text("source\tsha256\nhttp://x\tab\n", encoding="utf-8")
    with pytest.raises(InputError, match="lacks the columns"):
        load_manifest(bad)


def test_a_cached_page_whose_text_changed_is_refused(corpus):
    _, cache, entry, _ = corpus
    assert page_file(entry.sha256, entry.chars).is_file()
    (cache / f"{entry.sha256}.txt").write_text(PAGE + "改", encoding="utf-8")
    with pytest.raises(InputError, match="does not match its sha256"):
        page_file(entry.sha256, entry.chars)


def test_a_page_missing_from_the_cache_says_how_to_rebuild_it(corpus):
    with pytest.raises(InputError, match="rebuild the cache"):
        page_file("0" * 64)


def test_pages_of_one_issuer_share_a_split_whatever_the_site_or_name_form():
    a = split_of("https://a.example.invalid/1", "某某区某某街道办事处")
    b = split_of("https://b.example.invalid/2", "某某区某某街道")
    assert a == b and group_key("https://a.example.invalid/1", " 某某区某某街道 ") == "issuer:某某区某某街道"


def test_a_page_that_names_no_issuer_is_split_by_its_site():
    assert group_key("https://www.example.invalid/x", "") == group_key("http://m.example.invalid/y", "")
    assert group_key("https://www.example.invalid/x", "").startswith("site:")


def test_splits_fall_roughly_in_their_shares():
    splits = [split_of(f"https://s{i}.example.invalid/", "") for i in range(2000)]
    assert 0.30 < splits.count("test") / 2000 < 0.40 and 0.10 < splits.count("dev") / 2000 < 0.20


def test_gold_on_a_cached_page_loads_with_its_parts(corpus, monkeypatch):
    from nianbao.evaluate.data import load_page_docs

    root, _, entry, manifest = corpus
    gold_dir = root / "gold"
    gold_dir.mkdir()
    spans = []
    for text, label, value, part_of in (("86条", "INFO_PUBLISHED", 86, None), ("12条", "INFO_PUBLISHED", 12, 0),
                                        ("3条", "INFO_PUBLISHED", 3, 0), ("3件", "APP_RECEIVED", 3, None)):
        start = PAGE.index(text)
        spans.append({"start": start, "end": start + len(text), "text": text, "label": label, "value": value,
                      "unit": text[-1], "qualifier": "exact", "part_of": part_of})
    (gold_dir / f"{entry.doc}.json").write_text(json.dumps({
        "doc": entry.doc, "source": f"real-pages:{entry.sha256}",
        "text_sha256": hashlib.sha256(PAGE.encode()).hexdigest(), "catalogue_version": "1.2",
        "annotator": "test", "spans": spans}, ensure_ascii=False), encoding="utf-8")
    (doc,) = load_page_docs(("test",), manifest, gold_dir)
    assert [f.part_of for f in doc.gold] == [None, 0, 0, None]
    assert doc.report.text[doc.gold[1].start:doc.gold[1].end] == "12条"
    assert load_page_docs(("train",), manifest, gold_dir) == []


HTML_PAGE = ("<html><head><meta charset=\"utf-8\"><title>某县某某镇人民政府2021年政府信息公开工作年度报告</title></head>"
             "<body><div class=\"nav\">首页 &gt; 政务公开</div>"
             "<h1>某县某某镇人民政府2021年政府信息公开工作年度报告</h1>"
             "<p>一、总体情况</p><p>全年主动公开政府信息40条。</p><p>二、主动公开政府信息情况</p><table>"
             "<tr><td colspan=\"4\">第二十条第（一）项</td></tr>"
             "<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>"
             "<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>"
             "<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr>"
             "<tr><td colspan=\"4\">第二十条第（五）项</td></tr>"
             "<tr><td>信息内容</td><td colspan=\"3\">本年处理决定数量</td></tr>"
             "<tr><td>行政许可</td><td colspan=\"3\">14</td></tr></table></body></html>\n")


@pytest.fixture
def html_corpus(corpus):
    """The plain-text page of `corpus` plus a whole report kept as HTML (format html)."""
    root, cache, text_entry, _ = corpus
    sha = hashlib.sha256(HTML_PAGE.encode()).hexdigest()
    (cache / f"{sha}.txt").write_text(HTML_PAGE, encoding="utf-8")
    entry = PageEntry(source="https://github.com/example/reports/blob/0000000/nb/2021.html",
                      query="read_file example/reports nb/2021.html@0000000", sha256=sha, chars=len(HTML_PAGE),
                      issuer="某县某某镇人民政府", year=2021, level="township", split="train", format="html")
    manifest = write_manifest([text_entry, entry], root / "MANIFEST.tsv")
    return root, cache, text_entry, entry, manifest


def test_a_page_row_without_a_format_is_plain_text_and_keeps_its_eight_columns(html_corpus):
    _, _, text_entry, entry, manifest = html_corpus
    assert load_manifest(manifest) == [text_entry, entry]
    header, *rows = manifest.read_text(encoding="utf-8").splitlines()
    assert header.endswith("\tsplit\tformat")
    assert sorted(len(r.split("\t")) for r in rows) == [8, 9]
    assert text_entry.format == "txt"


def test_a_manifest_naming_an_unknown_format_is_refused(html_corpus):
    _, _, _, _, manifest = html_corpus
    manifest.write_text(manifest.read_text(encoding="utf-8").replace("\thtml\n", "\tpdf\n"), encoding="utf-8")
    with pytest.raises(InputError, match="format must be one of"):
        load_manifest(manifest)


def test_a_report_kept_as_html_is_read_through_the_html_converter(html_corpus):
    from nianbao.annotation.realpages import page_format, page_text, read_page

    _, _, text_entry, entry, manifest = html_corpus
    assert page_format(entry.sha256, manifest) == "html" and page_format(text_entry.sha256, manifest) == "txt"
    report = read_page(entry.sha256, entry.chars, entry.format)
    assert report.format == "html" and "<td>" not in report.text
    assert report.tables["t2"].cells["t2.licensing.decisions"].value == 14
    assert report.tables["t2"].cells["t2.normative_docs.in_force"].value == 9
    text = page_text(entry.sha256, entry.chars, entry.format)
    assert text == report.text and "全年主动公开政府信息40条" in text
    assert page_text(text_entry.sha256, text_entry.chars) == PAGE


def test_gold_on_a_cached_html_report_points_into_its_converted_text(html_corpus, monkeypatch):
    from nianbao.annotation.realpages import page_text
    from nianbao.evaluate.data import load_page_docs

    root, _, _, entry, manifest = html_corpus
    monkeypatch.setattr("nianbao.annotation.realpages.MANIFEST", manifest)
    text = page_text(entry.sha256, entry.chars, entry.format)
    gold_dir = root / "gold"
    gold_dir.mkdir()
    start = text.index("40条")
    (gold_dir / f"{entry.doc}.json").write_text(json.dumps({
        "doc": entry.doc, "source": f"real-pages:{entry.sha256}",
        "text_sha256": hashlib.sha256(text.encode()).hexdigest(), "catalogue_version": "1.2", "annotator": "test",
        "spans": [{"start": start, "end": start + 3, "text": "40条", "label": "INFO_PUBLISHED", "value": 40,
                   "unit": "条", "qualifier": "exact"}]}, ensure_ascii=False), encoding="utf-8")
    (doc,) = load_page_docs(("train",), manifest, gold_dir)
    assert doc.report.format == "html" and doc.report.text[doc.gold[0].start:doc.gold[0].end] == "40条"
