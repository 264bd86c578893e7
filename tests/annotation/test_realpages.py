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
def corpus(tmp_path, monkeypatch):
    cache = tmp_path / "cache"
    cache.mkdir()
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(cache))
    sha = hashlib.sha256(PAGE.encode()).hexdigest()
    (cache / f"{sha}.txt").write_text(PAGE, encoding="utf-8")
    entry = PageEntry(source="https://www.example.invalid/nb/2022.html", query="镇人民政府2022年 主动公开",
                      sha256=sha, chars=len(PAGE), issuer="某县某某镇人民政府", year=2022, level="township",
                      split="test")
    manifest = write_manifest([entry], tmp_path / "MANIFEST.tsv")
    return tmp_path, cache, entry, manifest


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
