"""The synthetic corpus: deterministic, spans aligned, tables consistent, plants honest."""
from __future__ import annotations

import json
from collections import Counter

import pytest

from nianbao.facts.catalogue import labels
from nianbao.synth import generate, write_corpus
from nianbao.synth.checks import agrees, cell_in_base_units
from nianbao.synth.values import identity_failures


@pytest.fixture(scope="module")
def corpus():
    return generate(200, seed=11)


def test_same_seed_gives_byte_identical_files(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    write_corpus(a, 25, seed=4)
    write_corpus(b, 25, seed=4)
    names = sorted(p.name for p in a.iterdir())
    assert names == sorted(p.name for p in b.iterdir())
    assert all((a / n).read_bytes() == (b / n).read_bytes() for n in names)


def test_different_seeds_give_different_reports():
    assert generate(3, seed=1)[0].text != generate(3, seed=2)[0].text


def test_report_i_does_not_depend_on_corpus_size():
    assert generate(5, seed=9)[3].text == generate(12, seed=9)[3].text


def test_every_gold_span_aligns_with_the_text(corpus):
    for report in corpus:
        for fact in report.facts:
            assert report.text[fact.start:fact.end] == fact.text, (report.id, fact)


def test_every_catalogue_label_appears_in_200_reports(corpus):
    seen = Counter(f.label for r in corpus for f in r.facts)
    assert [label for label in labels() if seen[label] < 5] == []


def test_zero_claim_spans_are_the_negation_cue(corpus):
    zero = [f for r in corpus for f in r.facts if f.qualifier == "zero_claim"]
    assert zero and {f.text for f in zero} <= {"未", "无", "没有"}
    assert all(f.value == 0 for f in zero)


def test_one_cue_can_state_review_and_litigation_together(corpus):
    pairs = [(a, b) for r in corpus for a, b in zip(r.facts, r.facts[1:])
             if a.label == "REVIEW_CASES" and b.label == "LITIGATION_CASES" and (a.start, a.end) == (b.start, b.end)]
    assert pairs and all(a.text in ("未", "无", "没有") for a, _ in pairs)


def test_table_identities_hold_unless_a_table_error_was_planted(corpus):
    for report in corpus:
        split_other = "t3.other.other.total" in report.cells
        failures = {f["rule"] for f in identity_failures(report.cells, split_other)}
        planted = {p.rule for p in report.planted if p.rule.startswith(("t3.", "t4."))}
        assert failures == planted, report.id


def test_most_reports_have_nothing_planted(corpus):
    clean = sum(1 for r in corpus if not r.planted)
    assert 0.55 * len(corpus) < clean < 0.9 * len(corpus)


def test_planted_text_disagreements_name_a_fact_and_cells_that_disagree(corpus):
    text_plants = [(r, p) for r in corpus for p in r.planted if p.rule.startswith("text.") and
                   not p.rule.startswith(("text.sum", "text.share"))]
    assert len(text_plants) >= 10
    for report, plant in text_plants:
        (i,) = plant.facts
        fact = report.facts[i]
        assert plant.rule == f"text.{fact.label}" and plant.text_value == fact.value
        table = sum(cell_in_base_units(c, report.cells[c]) for c in fact.cells)
        assert plant.table_value == table
        assert not agrees(fact.value, fact.qualifier, table)
        assert fact.scope is None and not fact.combined


def test_planted_sum_of_new_media_accounts_does_not_add_up(corpus):
    plants = [(r, p) for r in corpus for p in r.planted if p.rule == "text.sum.NEW_MEDIA_ACCOUNTS"]
    assert plants
    for report, plant in plants:
        whole, *parts = [report.facts[i] for i in plant.facts]
        assert whole.value != sum(p.value for p in parts)
        assert {f.label for f in [whole, *parts]} == {"NEW_MEDIA_ACCOUNTS"}


def test_planted_share_differs_from_part_over_whole(corpus):
    plants = [(r, p) for r in corpus for p in r.planted if p.rule == "text.share"]
    assert plants
    for report, plant in plants:
        facts = [report.facts[i] for i in plant.facts]
        rate = next(f for f in facts if f.label == "RATE")
        part, whole = [f for f in facts if f.label != "RATE"][-1], facts[0]
        assert abs(rate.value - part.value / whole.value * 100) > 1


def test_scope_words_with_disagreeing_numbers_are_uncertain_not_fail(corpus):
    scoped = [(r.facts[c.facts[0]], c) for r in corpus for c in r.checks
              if c.rule.startswith("text.") and c.facts and r.facts[c.facts[0]].scope]
    assert any(c.status == "UNCERTAIN" for _, c in scoped)
    for fact, check in scoped:
        readable = check.table_value is not None
        expected = "PASS" if readable and agrees(fact.value, fact.qualifier, check.table_value) else "UNCERTAIN"
        assert check.status == expected


def test_received_counting_carried_over_passes_under_the_second_reading(corpus):
    both = [c for r in corpus for c in r.checks if c.note == "new_plus_carried"]
    assert both and all(c.status == "PASS" and c.rule in ("text.APP_RECEIVED", "text.sum.APP_RECEIVED") for c in both)


def test_cross_year_carry_is_planted_only_as_a_real_mismatch(corpus):
    byid = {r.id: r for r in corpus}
    linked = [r for r in corpus if r.previous]
    assert linked
    for report in linked:
        prev = byid[report.previous]
        assert report.issuer == prev.issuer and report.year == prev.year + 1
        last = prev.cells["t3.carried_forward.total"]["value"]
        this = report.cells["t3.carried_over.total"]["value"]
        planted = any(p.rule == "cross_year.carry" for p in report.planted)
        assert planted == (last is not None and this is not None and last != this)


def test_both_table_two_layouts_follow_the_year(corpus):
    for report in corpus:
        assert report.layout == ("2019" if report.year <= 2020 else "2021")
        key = "t2.regulations.new_made" if report.layout == "2019" else "t2.regulations.issued"
        assert key in report.cells


def test_some_cells_are_printed_empty_or_as_slash(corpus):
    kinds = Counter(c["kind"] for r in corpus for c in r.cells.values())
    assert kinds["empty"] > 0 and kinds["na"] > 0
    assert all(c["value"] is None for r in corpus for c in r.cells.values() if c["kind"] != "number")


def test_truth_file_round_trips_the_report(tmp_path):
    (path,) = write_corpus(tmp_path, 1, seed=3)
    truth = json.loads(path.with_name(path.stem + ".truth.json").read_text("utf-8"))
    text = truth["text"]
    if truth["format"] != "html":
        assert path.read_text("utf-8") == text
    assert all(text[f["start"]:f["end"]] == f["text"] for f in truth["facts"])


def test_html_reports_carry_a_real_table_with_spans():
    report = next(r for r in generate(40, seed=5) if r.format == "html")
    assert report.markup.count("<table") == 3
    assert 'rowspan="' in report.markup and 'colspan="' in report.markup


def test_only_linked_reports_of_one_issuer_sit_in_consecutive_years():
    reports = generate(400, seed=2026)
    byid = {r.id: r for r in reports}
    years: dict[str, list] = {}
    for r in reports:
        years.setdefault(r.issuer, []).append(r)
    for same in years.values():
        for a in same:
            for b in same:
                if b.year == a.year + 1:
                    assert b.previous == a.id and byid[b.previous] is a


def test_numbers_that_are_no_facts_sit_in_the_narrative_unlabelled(corpus):
    import re

    from nianbao.facts.candidates import find_candidates

    cues = ("权责清单事项", "清理过期、失效信息", "催办提示", "二级事项", "点赞量", "业务系统", "电子证照")
    found = 0
    for report in corpus:
        for m in re.finditer("|".join(cues), report.text):
            after = [c for c in find_candidates(report.text, []) if m.end() <= c.start <= m.end() + 8]
            if not after:
                continue
            found += 1
            assert not any(f.start < after[0].end and after[0].start < f.end for f in report.facts), (
                report.id, report.text[m.start():after[0].end])
    assert found >= 20


def test_sub_count_lists_keep_the_parents_label_and_stay_within_the_whole(corpus):
    lists = 0
    for report in corpus:
        facts = report.facts
        for whole, first in zip(facts, facts[1:]):
            between = report.text[whole.end:first.start]
            if whole.label in ("INFO_PUBLISHED", "WEBSITE_POSTS") and ("其中" in between or "包括" in between) \
                    and first.label == whole.label and "。" not in between:
                run = [first]
                for f in facts[facts.index(first) + 1:]:
                    if f.label != whole.label or "、" not in report.text[run[-1].end:f.start]:
                        break
                    run.append(f)
                if len(run) >= 2:
                    lists += 1
                    assert sum(f.value for f in run) <= whole.value, (report.id, whole.text, [f.text for f in run])
    assert lists >= 5
