"""The demo's sample reports show what corpus/samples/README.md says they show."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from nianbao.synth.samples import build_samples, make_samples

SAMPLES = Path(__file__).resolve().parents[2] / "corpus" / "samples"


@pytest.fixture(scope="module")
def samples():
    return build_samples()


def _fails(report):
    return {p.rule for p in report.planted}


def test_samples_come_in_four_formats(samples):
    assert {name.rsplit(".", 1)[1] for name in samples} == {"txt", "md", "html", "docx"}


def test_consecutive_years_of_one_issuer_disagree_on_the_carry(samples):
    last, this = samples["yongan-2022.txt"], samples["yongan-2023.txt"]
    assert (this.issuer, this.year) == (last.issuer, last.year + 1) and this.previous == last.id
    assert last.cells["t3.carried_forward.total"]["value"] != this.cells["t3.carried_over.total"]["value"]
    assert "cross_year.carry" in _fails(this)


def test_narrative_received_count_is_one_off_the_table(samples):
    report = samples["yongan-2023.txt"]
    (plant,) = [p for p in report.planted if p.rule == "text.APP_RECEIVED"]
    fact = report.facts[plant.facts[0]]
    assert report.text[fact.start:fact.end] == fact.text
    assert abs(fact.value - report.cells["t3.new_received.total"]["value"]) == 1


def test_markdown_sample_has_a_table_three_row_that_does_not_add_up(samples):
    assert any(rule.startswith("t3.col_sum.") for rule in _fails(samples["taihe-2020.md"]))


def test_clean_samples_plant_nothing(samples):
    assert not samples["yongan-2022.txt"].planted and not samples["jianhu-2021.html"].planted


def test_received_count_including_carried_over_passes_only_under_the_second_reading(samples):
    notes = {c.rule: c.note for c in samples["yongan-2022.txt"].checks if c.status == "PASS"}
    assert notes["text.APP_RECEIVED"] == "new_plus_carried"


def test_a_scope_word_turns_a_disagreement_uncertain(samples):
    (check,) = [c for c in samples["jianhu-2021.html"].checks if c.note.startswith("scope word")]
    assert check.status == "UNCERTAIN" and check.text_value != check.table_value


def test_docx_sample_plants_a_wrong_share(samples):
    assert _fails(samples["nanzhang-2024.docx"]) == {"text.share"}


def test_make_samples_is_byte_for_byte_reproducible(tmp_path):
    a, b = make_samples(tmp_path / "a"), make_samples(tmp_path / "b")
    assert [p.read_bytes() for p in a] == [p.read_bytes() for p in b]


def test_docx_sample_has_merged_table_cells(tmp_path):
    import docx

    path = next(p for p in make_samples(tmp_path) if p.suffix == ".docx")
    document = docx.Document(str(path))
    assert len(document.tables) == 3
    t3 = document.tables[1]
    assert t3.cell(5, 0).text == t3.cell(6, 0).text == "三、本年度办理结果"  # one merged cell down


def test_committed_sample_truth_aligns_with_its_file():
    for truth_path in SAMPLES.glob("*.truth.json"):
        truth = json.loads(truth_path.read_text("utf-8"))
        text = truth["text"]
        if truth["format"] in ("txt", "md"):
            assert (SAMPLES / truth["file"]).read_text("utf-8") == text
        assert all(text[f["start"]:f["end"]] == f["text"] for f in truth["facts"])


def test_committed_samples_are_what_make_samples_builds(tmp_path):
    """If this fails the generator changed: rerun make_samples and update README.md."""
    for path in make_samples(tmp_path):
        committed = SAMPLES / path.name
        assert committed.read_bytes() == path.read_bytes(), path.name
        truth = path.with_name(path.stem + ".truth.json")
        assert (SAMPLES / truth.name).read_bytes() == truth.read_bytes(), truth.name
