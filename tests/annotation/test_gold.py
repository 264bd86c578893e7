"""The gold corpus (annotation/gold): offsets, labels, hashes, table regions and counts."""
from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from nianbao.annotation import load_gold
from nianbao.annotation.gold import GOLD_DIR, text_sha256
from nianbao.annotation.write import write_gold
from nianbao.errors import InputError
from nianbao.facts.catalogue import labels
from nianbao.report import QUALIFIERS
from tests.conftest import SEEDS, SHARED

README = GOLD_DIR.parent / "README.md"
REAL_DOCS = ("pt2019", "pt2020", "pt2021", "pt2022", "shuyang2025", "kewei2024", "hongze2024")
SEED_DOCS = tuple(sorted(p.stem for p in SEEDS.glob("*.txt")))
DOCS = SEED_DOCS + REAL_DOCS
TABLE_MARKS = ("第二十条", "勾稽关系", "行政复议")


@pytest.fixture(scope="module")
def gold():
    return {doc: load_gold(doc) for doc in DOCS}


def test_every_seed_and_real_report_has_a_gold_file():
    assert sorted(p.stem for p in GOLD_DIR.glob("*.json")) == sorted(DOCS)


@pytest.mark.parametrize("doc", DOCS)
def test_every_span_text_is_the_text_at_its_offsets(gold, doc):
    g = gold[doc]
    for s in g.spans:
        assert g.text[s.start:s.end] == s.text, (doc, s)


@pytest.mark.parametrize("doc", DOCS)
def test_every_label_and_qualifier_is_in_the_catalogue(gold, doc):
    for s in gold[doc].spans:
        assert s.label in labels(), (doc, s)
        assert s.qualifier in QUALIFIERS, (doc, s)


@pytest.mark.parametrize("doc", DOCS)
def test_stored_hash_is_the_hash_of_the_normalised_source(gold, doc):
    stored = json.loads((GOLD_DIR / f"{doc}.json").read_text("utf-8"))["text_sha256"]
    assert stored == text_sha256(gold[doc].text)


@pytest.mark.parametrize("doc", DOCS)
def test_spans_lie_outside_every_table_region(gold, doc):
    g = gold[doc]
    assert g.table_regions, f"{doc}: every report here prints its tables"
    for s in g.spans:
        for a, b in g.table_regions:
            assert s.end <= a or s.start >= b, (doc, s, (a, b))


@pytest.mark.parametrize("doc", DOCS)
def test_table_regions_hold_tables(gold, doc):
    g = gold[doc]
    for a, b in g.table_regions:
        assert 0 <= a < b <= len(g.text)
        assert any(mark in g.text[a:b] for mark in TABLE_MARKS), (doc, g.text[a:a + 30])


@pytest.mark.parametrize("doc", DOCS)
def test_tab_and_pipe_table_rows_are_all_inside_a_table_region(gold, doc):
    g = gold[doc]
    pos = 0
    for line in g.text.split("\n"):
        is_row = line.strip() and ("\t" in line or line.lstrip().startswith("|") or line.rstrip().endswith(" |"))
        if is_row:
            assert any(a <= pos and pos + len(line.rstrip()) <= b for a, b in g.table_regions) or not line.strip(), \
                (doc, pos, line[:40])
        pos += len(line) + 1


def test_one_zero_cue_can_state_two_facts(gold):
    g = gold["003_a396c34b029e10e9"]
    at_cue = [s for s in g.spans if s.text == "未" and s.label in ("REVIEW_CASES", "LITIGATION_CASES")]
    assert {s.label for s in at_cue} == {"REVIEW_CASES", "LITIGATION_CASES"}
    assert len({(s.start, s.end) for s in at_cue}) == 1
    assert all(s.value == 0 and s.qualifier == "zero_claim" for s in at_cue)


def test_no_span_is_annotated_twice_with_one_label(gold):
    for doc, g in gold.items():
        keys = [(s.start, s.end, s.label) for s in g.spans]
        assert len(keys) == len(set(keys)), doc


def test_spans_do_not_overlap_unless_they_share_offsets(gold):
    for doc, g in gold.items():
        spans = sorted({(s.start, s.end) for s in g.spans})
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            assert b1 <= a2, (doc, (a1, b1), (a2, b2))


def test_counts_per_label_match_the_readme_table(gold):
    counts = Counter(s.label for g in gold.values() for s in g.spans)
    table = dict(re.findall(r"^\| `([A-Z_]+)` \| (\d+) \|", README.read_text("utf-8"), re.M))
    assert {k: int(v) for k, v in table.items()} == dict(counts)
    total = re.search(r"^\| \*\*total\*\* \| \*\*(\d+)\*\* \|", README.read_text("utf-8"), re.M)
    assert int(total.group(1)) == sum(counts.values())


def test_to_facts_gives_gold_facts_at_the_same_offsets(gold):
    g = gold["pt2022"]
    facts = g.to_facts()
    assert [(f.start, f.end, f.label) for f in facts] == [(s.start, s.end, s.label) for s in g.spans]
    assert {f.extractor for f in facts} == {"gold"}
    received = [f for f in facts if f.label == "APP_RECEIVED"]
    assert [(f.text, f.value, f.unit) for f in received] == [("75件", 75, "件")]


def test_writing_a_loaded_gold_file_reproduces_it_byte_for_byte(gold, tmp_path):
    for doc in ("003_a396c34b029e10e9", "kewei2024", "001_36d3c03abace2827"):
        out = write_gold(gold[doc], tmp_path / f"{doc}.json")
        assert out.read_bytes() == (GOLD_DIR / f"{doc}.json").read_bytes()


def _copy_case(tmp_path: Path, text: str, spans: list[dict]) -> Path:
    shared = tmp_path / "shared"
    (shared / "seeds").mkdir(parents=True)
    (shared / "seeds" / "x.txt").write_bytes(text.encode("utf-8"))
    data = {"doc": "x", "source": "seeds/x.txt", "text_sha256": text_sha256(text.replace("\r\n", "\n")),
            "catalogue_version": 1, "annotator": "test", "table_regions": [], "spans": spans}
    path = tmp_path / "x.json"
    path.write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return path


def test_loader_reads_crlf_sources_through_the_normalised_text(tmp_path):
    path = _copy_case(tmp_path, "概况\r\n共收到申请98件，办结98件。", [
        {"start": 8, "end": 11, "text": "98件", "label": "APP_RECEIVED", "value": 98, "unit": "件", "qualifier": "exact"}])
    g = load_gold(path, shared=tmp_path / "shared")
    assert g.text.startswith("概况\n") and g.spans[0].text == "98件"


def test_loader_rejects_a_source_whose_text_changed(tmp_path):
    path = _copy_case(tmp_path, "共收到申请98件。", [])
    (tmp_path / "shared" / "seeds" / "x.txt").write_bytes("共收到申请99件。".encode("utf-8"))
    with pytest.raises(InputError, match="sha256 differs"):
        load_gold(path, shared=tmp_path / "shared")


def test_text_handed_to_the_loader_is_checked_like_a_read_one(tmp_path):
    path = _copy_case(tmp_path, "共收到申请98件。", [])
    assert load_gold(path, shared=tmp_path / "shared", text="共收到申请98件。").text == "共收到申请98件。"
    with pytest.raises(InputError, match="sha256 differs"):
        load_gold(path, shared=tmp_path / "shared", text="共收到申请99件。")


def test_loader_rejects_a_span_whose_text_is_not_at_its_offsets(tmp_path):
    path = _copy_case(tmp_path, "共收到申请98件。", [
        {"start": 4, "end": 7, "text": "98件", "label": "APP_RECEIVED", "value": 98, "unit": "件", "qualifier": "exact"}])
    with pytest.raises(InputError, match="text reads '请98'"):
        load_gold(path, shared=tmp_path / "shared")


def test_loader_rejects_a_label_outside_the_catalogue(tmp_path):
    path = _copy_case(tmp_path, "共收到申请98件。", [
        {"start": 5, "end": 8, "text": "98件", "label": "APPS", "value": 98, "unit": "件", "qualifier": "exact"}])
    with pytest.raises(InputError, match="label not in the fact catalogue"):
        load_gold(path, shared=tmp_path / "shared")


def test_loader_names_a_missing_source(tmp_path):
    path = _copy_case(tmp_path, "共收到申请98件。", [])
    (tmp_path / "shared" / "seeds" / "x.txt").unlink()
    with pytest.raises(InputError, match="source of a gold file not found"):
        load_gold(path, shared=tmp_path / "shared")


def test_shared_folder_is_the_one_the_tests_use():
    from nianbao.annotation.gold import shared_dir
    assert shared_dir().resolve() == SHARED.resolve()
