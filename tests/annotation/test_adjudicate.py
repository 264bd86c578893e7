"""Adjudication packets: the facts two blind passes do not share, both readings shown as X and Y."""
import json

import pytest
from click.testing import CliRunner

from nianbao.annotation.adjudicate import adjudication_packets, first_is_x, merge_final_gold
from nianbao.annotation.place import place_file
from nianbao.cli.annotate import command as annotate
from nianbao.errors import InputError

PAGES = ("某镇2023年政府信息公开工作年度报告\n全年主动公开政府信息40条，其中工作动态30条。收到申请2件，均已答复。",
         "某街道2023年政府信息公开工作年度报告\n全年在门户网站发布信息25条。未发生行政复议。")


@pytest.fixture
def passes(page_corpus, tmp_path):
    """Two passes over two pages: they agree on the street's page and differ by one fact on the town's."""
    manifest, rows = page_corpus([(text, dict(source=f"https://www.example.invalid/{k}", query="q", issuer=issuer,
                                              year=2023, level=level, split="train"))
                                  for k, (text, issuer, level) in enumerate(zip(PAGES, ("某镇人民政府", "某街道办事处"),
                                                                                 ("township", "street")))])
    town, street = rows
    shared = {town.doc: [{"text": "40条", "left": "政府信息", "label": "INFO_PUBLISHED"},
                         {"text": "2件", "left": "申请", "label": "APP_RECEIVED"}],
              street.doc: [{"text": "25条", "left": "发布信息", "label": "WEBSITE_POSTS"},
                           {"text": "未", "right": "发生行政复议", "label": "REVIEW_CASES"}]}
    extra = {"text": "30条", "left": "工作动态", "label": "INFO_PUBLISHED", "part_of": 0}
    for name, facts_of in (("first", shared), ("second", {**shared, town.doc: shared[town.doc] + [extra]})):
        for doc, facts in facts_of.items():
            path = tmp_path / name / "facts" / f"{doc}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps({"doc": doc, "annotator": name, "facts": facts}, ensure_ascii=False), "utf-8")
            place_file(path, tmp_path / name / "gold", manifest)
    return tmp_path / "first", tmp_path / "second", town.doc, street.doc, manifest


def test_a_packet_is_written_only_for_a_page_the_passes_disagree_on(passes, tmp_path):
    first, second, town, _, _ = passes
    result = adjudication_packets(first, second, tmp_path / "packets")
    assert result["pages"] == 2 and result["packets"] == [town]
    assert [p.name for p in (tmp_path / "packets").iterdir()] == [f"{town}.json"]
    packet = json.loads((tmp_path / "packets" / f"{town}.json").read_text("utf-8"))
    (row,) = packet["not_shared"]
    assert (row["label"], row["span"], row["value"]) == ("INFO_PUBLISHED", "30条", 30)
    second_is = "Y" if first_is_x(town) else "X"  # the fact only the second pass has
    assert row["only_in"] == second_is and len(packet[f"reading_{second_is}"]) == 3
    assert "annotator" not in json.dumps(packet)  # the packet does not say which pass was the first


def test_pages_placed_by_one_pass_only_are_left_out_and_none_in_both_is_named(passes, tmp_path):
    first, second, town, street, _ = passes
    (second / "gold" / f"{street}.json").unlink()
    assert adjudication_packets(first, second, tmp_path / "p")["pages"] == 1
    (second / "gold" / f"{town}.json").unlink()
    with pytest.raises(InputError, match="no page placed in both"):
        adjudication_packets(first, second, tmp_path / "p")


def test_the_command_prints_the_agreement_and_the_packets_written(passes, tmp_path):
    first, second, _, _, _ = passes
    result = CliRunner().invoke(annotate, ["packets", str(first), str(second), "--out", str(tmp_path / "p")])
    assert result.exit_code == 0
    assert "2 pages: 4 and 5 facts" in result.output and "1 facts not shared" in result.output
    assert result.output.rstrip().endswith(f"1 packets -> {tmp_path / 'p'}")


def _decide(folder, doc, facts, manifest):
    """An adjudicator's fact list for `doc`, placed into `folder`/gold."""
    path = folder / "facts" / f"{doc}.json"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"doc": doc, "annotator": "judge", "facts": facts}, ensure_ascii=False), "utf-8")
    place_file(path, folder / "gold", manifest)


TOWN_DECIDED = [{"text": "40条", "left": "政府信息", "label": "INFO_PUBLISHED"},
                {"text": "30条", "left": "工作动态", "label": "INFO_PUBLISHED", "part_of": 0},
                {"text": "2件", "left": "申请", "label": "APP_RECEIVED"}]


def test_the_final_gold_is_the_adjudication_where_there_is_one_else_the_first_pass(passes, tmp_path):
    first, second, town, street, manifest = passes
    _decide(tmp_path / "adj", town, TOWN_DECIDED, manifest)
    result = merge_final_gold(first, second, tmp_path / "adj", tmp_path / "gold", tmp_path / "second-gold")
    assert result == {"pages": 2, "adjudicated": 1, "second_pass": 2, "disputed": 1, "written": 4}
    assert (tmp_path / "gold" / f"{town}.json").read_bytes() == (tmp_path / "adj" / "gold" / f"{town}.json").read_bytes()
    assert (tmp_path / "gold" / f"{street}.json").read_bytes() == (first / "gold" / f"{street}.json").read_bytes()
    assert (tmp_path / "second-gold" / f"{town}.json").read_bytes() == (second / "gold" / f"{town}.json").read_bytes()


def test_an_undecided_disagreement_or_a_dropped_shared_fact_writes_nothing(passes, tmp_path):
    first, second, town, _, manifest = passes
    with pytest.raises(InputError, match="disagree on this page and no adjudicated file decides it"):
        merge_final_gold(first, second, None, tmp_path / "gold", tmp_path / "second-gold")
    _decide(tmp_path / "adj", town, TOWN_DECIDED[:2], manifest)  # the count of applications, shared, is gone
    with pytest.raises(InputError, match=r"drops 1 facts both passes share \(APP_RECEIVED at"):
        merge_final_gold(first, second, tmp_path / "adj", tmp_path / "gold", tmp_path / "second-gold")
    assert not (tmp_path / "gold").exists() and not (tmp_path / "second-gold").exists()


def test_a_gold_file_holding_another_annotation_is_replaced_only_on_purpose(passes, tmp_path):
    first, second, town, street, manifest = passes
    _decide(tmp_path / "adj", town, TOWN_DECIDED, manifest)
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / f"{street}.json").write_text("{}", "utf-8")
    args = [str(first), str(second), "--adjudicated", str(tmp_path / "adj"), "--gold", str(tmp_path / "gold"),
            "--second-gold", str(tmp_path / "second-gold")]
    refused = CliRunner().invoke(annotate, ["merge", *args])
    assert refused.exit_code == 1 and "already holds another annotation" in refused.output
    assert (tmp_path / "gold" / f"{street}.json").read_text("utf-8") == "{}"
    merged = CliRunner().invoke(annotate, ["merge", *args, "--replace"])
    assert merged.exit_code == 0
    assert "2 pages: 1 adjudicated, 2 with a second pass (1 disputed); 4 files" in merged.output
    assert (tmp_path / "gold" / f"{street}.json").read_bytes() == (first / "gold" / f"{street}.json").read_bytes()
