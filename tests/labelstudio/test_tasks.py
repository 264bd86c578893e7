import json

import pytest

from nianbao.annotation.gold import REPO, source_text
from nianbao.labelstudio.tasks import Chunk, chunk_text, facts_by_chunk, tab_lines
from nianbao.report import Fact
from tests.conftest import SEEDS


def _fact(text, sub, label="APP_RECEIVED"):
    start = text.index(sub)
    return Fact(label=label, text=sub, start=start, end=start + len(sub), value=None, unit=None, qualifier="exact")


def test_every_chunk_is_the_text_at_its_offsets_and_short_enough():
    text = "一、总体情况\n" + "本年度共收到申请98件，办结98件。" * 30 + "\n\n二、主动公开\n发布信息180余条。\n"
    chunks = chunk_text(text, max_chars=100)
    assert all(text[c.start:c.end] == c.text for c in chunks)
    assert all(0 < len(c.text) <= 100 for c in chunks)
    assert [c.index for c in chunks] == list(range(len(chunks)))
    # nothing but blanks is left out
    covered = "".join(c.text for c in chunks)
    assert covered.replace("\n", "") == text.replace("\n", "")


def test_a_long_paragraph_is_cut_after_a_sentence_end():
    sentence = "本年度共收到政府信息公开申请98件，办结98件。"
    chunks = chunk_text(sentence * 20, max_chars=60)
    assert all(c.text.endswith("。") for c in chunks)
    assert all(c.text.startswith("本年度") for c in chunks)


def test_a_sentence_longer_than_a_chunk_is_cut_after_a_comma_and_never_inside_a_number():
    text = "，".join(["发布信息1234567条"] * 40)
    chunks = chunk_text(text, max_chars=50)
    assert all(len(c.text) <= 50 for c in chunks)
    assert all(not (text[c.end - 1].isdigit() and c.end < len(text) and text[c.end].isdigit()) for c in chunks)
    no_commas = "1234567890" * 20
    cut = chunk_text(no_commas, max_chars=45)
    assert "".join(c.text for c in cut) == no_commas


def test_short_paragraphs_merge_but_never_across_a_table():
    text = "一、总体情况\n收到申请5件。\n项目\t数量\n本年新\n0\n规章\t0\n办结5件。\n"
    chunks = chunk_text(text, tab_lines(text))
    assert [c.text for c in chunks] == ["一、总体情况\n收到申请5件。", "办结5件。"]


def test_tab_lines_and_wrapped_cells_between_them_form_one_table_block():
    text = "前言。\n信息内容\t本年新制作数量\n本年新\n0\n规章\t0\n现在有一段很长的叙述文字，说明了本年度的工作情况。\n"
    (block,) = tab_lines(text)
    assert text[block[0]:block[1]] == "信息内容\t本年新制作数量\n本年新\n0\n规章\t0"


def test_offsets_map_between_chunk_and_document_with_a_character_outside_the_bmp():
    text = "𠀀前言。\n𠀀收到申请𠀀98件，办结98件。"
    (chunk,) = [c for c in chunk_text(text, [(0, 5)]) if "98件" in c.text]
    assert chunk.start == 5 and chunk.text[0] == "𠀀"  # 𠀀 is one code point
    assert len("𠀀".encode("utf-16-le")) == 4  # (two UTF-16 units, as a browser counts)
    doc_start = text.index("98件")
    local = chunk.to_chunk(doc_start, doc_start + 3)
    assert chunk.text[local[0]:local[1]] == "98件"
    assert chunk.to_document(*local) == (doc_start, doc_start + 3)
    assert text[doc_start:doc_start + 3] == "98件"


def test_a_span_outside_the_chunk_cannot_be_mapped():
    chunk = Chunk(0, 10, 20, "x" * 10)
    with pytest.raises(ValueError):
        chunk.to_chunk(5, 12)
    with pytest.raises(ValueError):
        chunk.to_document(8, 11)


def test_facts_go_to_the_chunk_that_holds_them_and_table_facts_to_none():
    text = "收到申请98件。\n项目\t98件\n办结98件。"
    chunks = chunk_text(text, tab_lines(text))
    inside = _fact(text, "98件")
    table_start = text.index("\t98件") + 1
    in_table = Fact("APP_RECEIVED", "98件", table_start, table_start + 3, 98, "件", "exact")
    grouped, outside = facts_by_chunk(chunks, [inside, in_table])
    assert grouped[0] == [inside] and outside == [in_table]


@pytest.mark.parametrize("seed", sorted(p.stem for p in SEEDS.glob("*.txt")))
def test_every_gold_span_of_a_seed_lies_inside_one_narrative_chunk(seed):
    gold = json.loads((REPO / "annotation" / "gold" / f"{seed}.json").read_text("utf-8"))
    text = source_text(gold["source"])
    regions = [tuple(r) for r in gold["table_regions"]] + tab_lines(text)
    chunks = chunk_text(text, regions)
    assert all(text[c.start:c.end] == c.text for c in chunks)
    assert all(not (s < c.end and c.start < e) for c in chunks for s, e in regions)
    grouped, outside = facts_by_chunk(chunks, [Fact(g["label"], g["text"], g["start"], g["end"], g["value"],
                                                    g["unit"], g["qualifier"]) for g in gold["spans"]])
    assert outside == []
    assert sum(len(v) for v in grouped.values()) == len(gold["spans"])
