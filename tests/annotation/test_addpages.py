"""Adding pages found with the look-up tools: the guard first, then duplicates and length, then
cache and manifest row with the issuer's split."""
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner

from nianbao.annotation.addpages import (PageCandidate, add_pages, address_key, edit_words, gold_stretch, one_edit_away,
                                         missing_pages, read_candidates, restore_pages)
from nianbao.annotation.realpages import load_manifest, page_file, split_of, write_manifest
from nianbao.cli.annotate import command as annotate
from nianbao.errors import InputError

# a stand-in for shared/tools/holdout_guard.py: blocks an address with "held-out" in it, or a
# text file with the word 保密 in it (exit status 1), as the real guard blocks what it holds
GUARD = """import sys
kind, value = sys.argv[1], sys.argv[2]
text = value if kind == "--url" else open(value, encoding="utf-8").read()
sys.exit(1 if ("held-out" in text if kind == "--url" else "保密" in text) else 0)
"""


def _report(town: str, published: int) -> str:
    body = (f"{town}人民政府2023年政府信息公开工作年度报告\n一、总体情况\n全年主动公开政府信息{published}条，"
            f"其中通知公告{published - 10}条、人事信息10条。全年收到政府信息公开申请2件，均已按时答复。\n")
    return body + "".join(f"（{n}）本镇第{n}项工作按计划推进，相关信息已在门户网站及时发布并接受群众监督。\n" for n in range(1, 9))


def _candidate(url, text, issuer="某县甲镇人民政府"):
    return PageCandidate(url=url, query="甲镇 2023年 政府信息公开 年度报告", text=text, issuer=issuer, year=2023,
                         level="township")


@pytest.fixture
def corpus(tmp_path):
    guard = tmp_path / "guard.py"
    guard.write_text(GUARD, encoding="utf-8")
    manifest = write_manifest([], tmp_path / "MANIFEST.tsv")
    return tmp_path / "cache", manifest, guard


def test_a_page_that_passes_is_cached_by_hash_with_its_issuers_split(corpus):
    cache, manifest, guard = corpus
    text = _report("甲镇", 86)
    (out,) = add_pages([_candidate("https://www.example.invalid/a/2023.html", text)], manifest, cache, guard)
    assert out.status == "added"
    (row,) = load_manifest(manifest)
    assert row == out.entry and row.split == split_of(row.source, "某县甲镇人民政府") and row.chars == len(text.rstrip("\n"))
    assert page_file(row.sha256, row.chars, cache).read_text("utf-8") == text.rstrip("\n")


def test_the_guard_blocks_on_the_address_or_the_text_and_nothing_is_kept(corpus):
    cache, manifest, guard = corpus
    outs = add_pages([_candidate("https://held-out.example.invalid/1", _report("乙镇", 40)),
                      _candidate("https://www.example.invalid/b", _report("乙镇", 40) + "保密")], manifest, cache, guard)
    assert [(o.status, o.detail) for o in outs] == [("blocked", "the holdout guard blocks its address"),
                                                    ("blocked", "the holdout guard blocks its text")]
    assert load_manifest(manifest) == [] and not list(cache.glob("*.txt"))


def test_copies_by_address_or_by_text_and_short_pages_are_dropped(corpus):
    cache, manifest, guard = corpus
    text = _report("丙镇", 120)
    outs = add_pages([_candidate("https://www.example.invalid/c/", text),
                      _candidate("http://example.invalid/c", _report("丙镇", 99)),
                      _candidate("https://mirror.example.invalid/c", "转载：" + text),
                      _candidate("https://www.example.invalid/d", "全年主动公开政府信息12条。")], manifest, cache, guard)
    assert [o.status for o in outs] == ["added", "duplicate", "duplicate", "short"]
    assert "copies page" in outs[2].detail and len(load_manifest(manifest)) == 1


def test_candidates_are_read_from_json_and_a_bad_item_is_named(tmp_path):
    good = {"url": "https://www.example.invalid/e", "query": "q", "excerpt": "文本", "issuer": "某镇", "year": 2021,
            "level": "township"}
    path = tmp_path / "cands.json"
    path.write_text(json.dumps([good, {**good, "level": "village"}], ensure_ascii=False), encoding="utf-8")
    with pytest.raises(InputError, match="cands.json: candidate 1: needs a text and a level"):
        read_candidates(path)
    path.write_text(json.dumps([good], ensure_ascii=False), encoding="utf-8")
    assert read_candidates(path)[0].text == "文本"


def test_the_command_adds_and_reports_one_line_per_candidate(corpus, tmp_path, monkeypatch):
    cache, manifest, guard = corpus
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(cache))
    path = tmp_path / "cands.json"
    path.write_text(json.dumps([{"url": "https://www.example.invalid/f", "query": "q", "text": _report("丁镇", 55),
                                 "issuer": "某县丁镇人民政府", "year": 2023, "level": "township"}], ensure_ascii=False),
                    encoding="utf-8")
    result = CliRunner().invoke(annotate, ["add-pages", str(path), "--manifest", str(manifest), "--guard", str(guard)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("added") and "township 2023" in result.output
    assert address_key("https://m.example.invalid/f/") == address_key("http://www.example.invalid/f")


def _held_page(corpus, town="戊镇", published=64, text=None):
    """A page (`text`, else a report of `town`) added to the corpus, then its cache emptied as on a new machine."""
    cache, manifest, guard = corpus
    (out,) = add_pages([_candidate(f"https://www.example.invalid/{published}", text or _report(town, published))],
                       manifest, cache, guard)
    page_file(out.entry.sha256, out.entry.chars, cache).unlink()
    return out.entry


def test_a_page_copied_again_is_restored_when_its_hash_is_a_manifest_rows(corpus, tmp_path):
    cache, manifest, guard = corpus
    entry = _held_page(corpus)
    copied = tmp_path / f"{entry.sha256[:16]}.txt"
    copied.write_text(_report("戊镇", 64) + "\n\n", encoding="utf-8")  # trailing line breaks do not count
    (out,) = restore_pages([copied], manifest, cache, guard)
    assert (out.status, out.entry) == ("restored", entry)
    assert page_file(entry.sha256, entry.chars, cache).read_text("utf-8") == _report("戊镇", 64).rstrip("\n")


def test_a_copy_ending_in_a_space_and_line_breaks_the_row_lacks_is_restored_without_them(corpus, tmp_path):
    cache, manifest, guard = corpus
    entry = _held_page(corpus)
    copied = tmp_path / f"{entry.sha256[:16]}.txt"
    copied.write_text(_report("戊镇", 64).rstrip() + " \n\n", encoding="utf-8")
    (out,) = restore_pages([copied], manifest, cache, guard)
    assert (out.status, out.entry) == ("restored", entry)


def test_a_text_copied_wrong_is_named_with_its_length_difference_and_not_cached(corpus, tmp_path):
    cache, manifest, guard = corpus
    entry = _held_page(corpus)
    copied = tmp_path / f"{entry.sha256[:16]}.txt"
    copied.write_text(_report("戊镇", 64).replace("，其中", "其中"), encoding="utf-8")  # one comma lost
    (out,) = restore_pages([copied], manifest, cache, guard)
    assert out.status == "mismatch"
    assert out.detail.endswith(f"{entry.doc} has {entry.chars} characters, this text {entry.chars - 1} (-1)")
    assert not list(cache.glob("*.txt"))


def test_restoring_runs_the_guard_and_the_command_exits_1_when_a_page_is_not_restored(corpus, tmp_path, monkeypatch):
    cache, manifest, guard = corpus
    entry = _held_page(corpus)
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(cache))
    good, unknown = tmp_path / "good.txt", tmp_path / "unknown.txt"
    good.write_text(_report("戊镇", 64), encoding="utf-8")
    unknown.write_text("本文不在清单中。", encoding="utf-8")
    result = CliRunner().invoke(annotate, ["restore-pages", str(good), str(unknown), "--manifest", str(manifest),
                                           "--guard", str(guard)])
    assert result.exit_code == 1
    assert f"restored  {good}  {entry.doc} {entry.split}" in result.output
    assert f"mismatch  {unknown}  its sha256 is no manifest row's" in result.output
    blocking = tmp_path / "guard_blocks_all.py"
    blocking.write_text("import sys\nsys.exit(1)\n", encoding="utf-8")
    page_file(entry.sha256, entry.chars, cache).unlink()
    (out,) = restore_pages([good], manifest, cache, blocking)
    assert (out.status, out.detail) == ("blocked", "the holdout guard blocks its address")
    assert not list(cache.glob("*.txt"))


def test_the_one_word_an_earlier_copy_changed_is_found_by_the_pages_sha256(tmp_path):
    import hashlib

    page = tmp_path / "page.txt"
    page.write_text(_report("己镇", 70), encoding="utf-8")
    held = _report("己镇", 70).rstrip("\n")
    now = held.replace("第3项工作按计划推进", "第3项工作按计划开展", 1)  # what the store returns now
    sha = hashlib.sha256(held.encode("utf-8")).hexdigest()
    at, taken_out, put_in = one_edit_away(now, sha, len(held), edit_words([page]))
    assert now[:at] + put_in + now[at + taken_out:] == held
    assert one_edit_away(now.replace("第5项", "第五项"), sha, len(held), edit_words([page])) is None  # two edits


def test_a_phrase_found_once_is_put_in_only_when_every_string_may_be(tmp_path):
    import hashlib

    held = "本年度共收到申请5件，申请人以信函邮寄、当面递交两种方式提出，均已按时答复。"
    page = tmp_path / "page.txt"
    page.write_text(held, encoding="utf-8")
    now = held.replace("邮寄、当面", "面", 1)  # the store lost a phrase no other page repeats
    sha = hashlib.sha256(held.encode("utf-8")).hexdigest()
    assert one_edit_away(now, sha, len(held), edit_words([page])) is None  # found once, not three times
    at, taken_out, put_in = one_edit_away(now, sha, len(held), edit_words([page], min_count=1), max_out=1)
    assert now[:at] + put_in + now[at + taken_out:] == held


def test_rare_without_mend_is_refused(tmp_path):
    copied = tmp_path / "0123456789abcdef.txt"
    copied.write_text("某镇2023年政府信息公开工作年度报告", encoding="utf-8")
    result = CliRunner().invoke(annotate, ["restore-pages", str(copied), "--rare"])
    assert result.exit_code == 1
    assert "--rare works only with --mend" in result.output


def test_restoring_with_mend_caches_the_text_the_gold_was_made_on(corpus, tmp_path, monkeypatch):
    cache, manifest, guard = corpus
    entry = _held_page(corpus)
    (other,) = add_pages([_candidate("https://www.example.invalid/other", _report("庚镇", 81), "某县庚镇人民政府")],
                         manifest, cache, guard)  # a page already cached: the words an edit may put in
    assert other.status == "added"
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(cache))
    copied = tmp_path / f"{entry.sha256[:16]}.txt"
    copied.write_text(_report("戊镇", 64).replace("及时发布", "及时公布", 1), encoding="utf-8")
    args = ["restore-pages", str(copied), "--manifest", str(manifest), "--guard", str(guard)]
    assert CliRunner().invoke(annotate, args).output.startswith("mismatch")
    result = CliRunner().invoke(annotate, [*args, "--mend"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"mended    {copied}  {entry.doc} {entry.split} (one edit at character ")
    assert page_file(entry.sha256, entry.chars, cache).read_text("utf-8") == _report("戊镇", 64).rstrip("\n")


def test_a_phrase_the_store_added_is_cut_out_whatever_its_length(corpus, tmp_path):
    cache, manifest, guard = corpus
    entry = _held_page(corpus)
    held = _report("戊镇", 64).rstrip("\n")
    copied = tmp_path / f"{entry.sha256[:16]}.txt"
    copied.write_text(held.replace("工作年度报告", "工作年度报告（按上级统一部署）", 1), encoding="utf-8")  # nine characters
    (out,) = restore_pages([copied], manifest, cache, guard, mend=True)
    assert (out.status, out.entry) == ("mended", entry)
    assert out.detail == f"one edit at character {held.index('工作年度报告') + 6}: 9 taken out, 0 put in"
    assert page_file(entry.sha256, entry.chars, cache).read_text("utf-8") == held


def _page_with_gold(corpus, gold_dir, held: str, facts: list[str]):
    """`held` added to the corpus, its cache emptied, and a gold file naming where each of `facts` stands."""
    entry = _held_page(corpus, published=0, text=held)
    spans, at = [], 0
    for fact in facts:
        at = held.index(fact, at)
        spans.append({"start": at, "end": at + len(fact), "text": fact})
    gold_dir.mkdir(exist_ok=True)
    (gold_dir / f"{entry.doc}.json").write_text(json.dumps({"spans": spans}, ensure_ascii=False), encoding="utf-8")
    return entry


def test_the_gold_says_where_the_one_edit_lies_and_the_rare_search_looks_only_there(corpus, tmp_path):
    cache, manifest, guard = corpus
    gold_dir = tmp_path / "gold"
    held = _report("辛镇", 72).rstrip("\n") + "申请人以信函邮寄、当面递交两种方式提出。全年办理网民留言15件。"
    entry = _page_with_gold(corpus, gold_dir, held, ["72条", "62条", "10条", "2件", "15件"])
    (other,) = add_pages([_candidate("https://www.example.invalid/other", _report("庚镇", 81).rstrip("\n")
                                     + "少数申请以信函邮寄、当面递交方式提出。", "某县庚镇人民政府")], manifest, cache, guard)
    assert other.status == "added"  # the only other page that holds the lost phrase
    now = held.replace("邮寄、当面", "面", 1)  # the store lost a phrase found once elsewhere
    stretch = gold_stretch(now, entry, gold_dir)
    assert stretch == (held.index("2件") + 2, now.index("15件"))  # after the facts in place, before those moved
    lost_at = held.index("邮寄、当面")
    assert stretch[0] <= lost_at <= stretch[1]
    every = edit_words(cache.glob("*.txt"), min_count=1)
    assert one_edit_away(now, entry.sha256, entry.chars, every, max_out=1, within=(0, stretch[0])) is None
    copied = tmp_path / f"{entry.sha256[:16]}.txt"
    copied.write_text(now, encoding="utf-8")
    (out,) = restore_pages([copied], manifest, cache, guard, mend=True, gold_dir=gold_dir)
    assert out.status == "mismatch"  # a phrase found once is not among --mend's words
    (out,) = restore_pages([copied], manifest, cache, guard, mend=True, rare=True, gold_dir=gold_dir)
    assert (out.status, out.entry) == ("mended", entry)
    assert page_file(entry.sha256, entry.chars, cache).read_text("utf-8") == held


def test_the_gold_cannot_say_where_when_the_length_is_the_same_or_no_fact_moved(corpus, tmp_path):
    gold_dir = tmp_path / "gold"
    held = _report("癸镇", 48).rstrip("\n")
    entry = _page_with_gold(corpus, gold_dir, held, ["48条", "2件"])
    assert gold_stretch(held.replace("按时答复", "及时答复", 1), entry, gold_dir) is None  # same length
    assert gold_stretch(held + "另", entry, gold_dir) == (held.index("2件") + 2, len(held) + 1)  # after the last fact
    assert gold_stretch("另" + held, entry, gold_dir) == (0, held.index("48条") + 1)  # before the first
    assert gold_stretch(held + "另", entry, tmp_path / "no-gold") is None


def test_missing_pages_are_listed_under_the_look_up_that_returns_them(corpus, monkeypatch):
    cache, manifest, guard = corpus
    entry = _held_page(corpus)
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(cache))
    result = CliRunner().invoke(annotate, ["missing-pages", "--manifest", str(manifest)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[:2] == [f"QUERY\t{entry.query}",
                                              f"\tPAGE\t{entry.source}\t{entry.sha256}\t{entry.chars}\t{entry.split}"]
    assert "1 pages missing" in result.output and "1 look-ups" in result.output
    (cache / f"{entry.sha256}.txt").write_text(_report("戊镇", 64).rstrip("\n"), encoding="utf-8")
    assert CliRunner().invoke(annotate, ["missing-pages", "--manifest", str(manifest)]).output.startswith("0 pages")


def test_missing_pages_list_the_look_ups_of_test_pages_first_then_dev(corpus):
    cache, manifest, guard = corpus
    rows = [replace(_held_page(corpus, town, n), query=f"q{n}") for town, n in (("甲镇", 61), ("乙镇", 62), ("丙镇", 63))]
    rows = [replace(row, split=split) for row, split in zip(rows, ("train", "test", "dev"))]
    write_manifest(rows, manifest)
    assert list(missing_pages(manifest, cache)) == ["q62", "q63", "q61"]


def test_a_text_that_names_no_report_is_dropped_as_check_would_refuse_it(corpus):
    cache, manifest, guard = corpus
    minutes = "某镇党委会议纪要\n" + "".join(f"（{n}）会议研究了第{n}项工作，明确了责任分工和完成时限，要求各办按期报送进展。\n"
                                       for n in range(1, 9))
    (out,) = add_pages([_candidate("https://www.example.invalid/minutes", minutes)], manifest, cache, guard)
    assert (out.status, out.entry) == ("no-report", None) and "nianbao check would not read it" in out.detail
    assert load_manifest(manifest) == [] and not list(cache.glob("*.txt"))


def test_a_long_run_of_table_rules_copied_short_is_lengthened_back(corpus, tmp_path):
    cache, manifest, guard = corpus
    held = _report("壬镇", 58).rstrip("\n").replace("\n", "\n" + "|" * 40 + "\n", 1)
    entry = _held_page(corpus, published=58, text=held)
    copied = tmp_path / f"{entry.sha256[:16]}.txt"
    copied.write_text(held.replace("|" * 40, "|" * 33, 1), encoding="utf-8")  # seven rules miscounted
    (out,) = restore_pages([copied], manifest, cache, guard)
    assert out.status == "mismatch" and out.detail.endswith(f"this text {len(held) - 7} (-7)")
    (out,) = restore_pages([copied], manifest, cache, guard, mend=True)
    assert (out.status, out.entry) == ("mended", entry) and out.detail.endswith(": 0 taken out, 7 put in")
    assert page_file(entry.sha256, entry.chars, cache).read_text("utf-8") == held
