"""push's tasks and pull's checks without a server: Label Studio's export is built by hand
in the shape the real server returns (the slow test checks the real round trip)."""
import json

from nianbao.annotation.gold import load_gold, source_text
from nianbao.labelstudio.pull import collect, write_docs
from nianbao.labelstudio.push import build_tasks, doc_name, gold_source
from nianbao.report import Fact, Report
from tests.conftest import SHARED, seed_path


class _Fixed:
    """An extractor that returns given facts (the real ones are tested elsewhere)."""

    version = "fixed-1"

    def __init__(self, facts):
        self.facts = facts

    def extract(self, reports):
        return [self.facts for _ in reports]


def _report(prefix="002"):
    path = seed_path(prefix)
    return Report(doc_id="x", source=str(path), format="txt", text=source_text(path))


def _fact(text, sub, label, score=0.9, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(sub, start + 1)
    return Fact(label, sub, start, start + len(sub), None, None, "exact", score=score)


def test_tasks_carry_chunk_offsets_and_come_least_confident_first():
    report = _report()
    facts = [_fact(report.text, "635条", "WECHAT_POSTS", 0.95), _fact(report.text, "129项", "SERVICE_ITEMS", 0.4)]
    tasks, problems, outside = build_tasks([report], [facts], "fixed-1")
    assert problems == [] and outside == 0
    assert [t["predictions"][0]["score"] for t in tasks][:2] == [0.4, 0.95]
    assert all(t["predictions"][0]["score"] == 1.0 for t in tasks[2:])
    first = tasks[0]["data"]
    assert report.text[first["start"]:first["end"]] == first["text"]
    (item,) = tasks[0]["predictions"][0]["result"]
    assert first["text"][item["value"]["start"]:item["value"]["end"]] == "129项"
    assert first["source"] == "seeds/" + seed_path("002").name and first["doc"] == "002_bdb01e3489ce1912"


def test_predicted_spans_that_fail_a_check_are_reported_and_not_pushed():
    report = _report()
    good = _fact(report.text, "635条", "WECHAT_POSTS")
    moved = Fact("WEBSITE_POSTS", "153条", good.start, good.end, 153, "条", "exact")
    unknown = _fact(report.text, "153条", "WEBSITE_ITEMS")
    tasks, problems, _ = build_tasks([report], [[good, moved, unknown]], "fixed-1")
    assert sorted(p.reason for p in problems) == [
        "label 'WEBSITE_ITEMS' is not in the catalogue",
        f"text[{good.start}:{good.end}] is '635条', not '153条'",
    ]
    pushed = [i["value"]["text"] for t in tasks for i in t["predictions"][0]["result"]]
    assert pushed == ["635条"]


def test_a_report_whose_source_reads_differently_is_not_pushed():
    report = _report()
    edited = Report(doc_id="x", source=report.source, format="txt", text=report.text.replace("635", "636"))
    tasks, problems, _ = build_tasks([edited], [[]], "fixed-1")
    assert tasks == [] and "another text" in problems[0].reason


def test_document_names_follow_the_gold_files():
    assert doc_name(Report("x", "/a/seeds/002_bdb.txt", "txt", "")) == "002_bdb"
    assert doc_name(Report("x", "/a/corpus/real/pt2021/page.txt", "txt", "")) == "pt2021"
    assert gold_source(str(SHARED / "corpus" / "real" / "pt2021" / "page.txt")) == "corpus/real/pt2021/page.txt"


def _exported(tasks):
    """Tasks as Label Studio's JSON export lists them (ids, annotations to fill in)."""
    return [{"id": i + 1, "data": t["data"], "annotations": [], "predictions": [i + 1]} for i, t in enumerate(tasks)]


def test_pulled_spans_land_on_document_offsets_and_read_back_as_gold(tmp_path):
    report = _report()
    predicted = [_fact(report.text, "635条", "WECHAT_POSTS", 0.5), _fact(report.text, "153条", "INFO_PUBLISHED", 0.6)]
    tasks, _, _ = build_tasks([report], [predicted], "fixed-1")
    exported = _exported(tasks)
    task = exported[0]  # the least confident: holds both spans
    accepted, corrected = (dict(i) for i in tasks[0]["predictions"][0]["result"])
    corrected = {**corrected, "value": {**corrected["value"], "labels": ["WEBSITE_POSTS"]}}
    local = task["data"]["text"].index("59条")
    added = {**accepted, "value": {"start": local, "end": local + 3, "text": "59条", "labels": ["WEBSITE_POSTS"]}}
    task["annotations"] = [
        {"id": 1, "result": [accepted], "was_cancelled": False, "updated_at": "2026-01-01T00:00:00Z"},
        {"id": 2, "result": [accepted, corrected, added], "was_cancelled": False, "updated_at": "2026-01-02T00:00:00Z"},
    ]
    exported[-1]["annotations"] = [{"id": 3, "result": [], "was_cancelled": True, "updated_at": "2026-01-03"}]
    result = write_docs(collect(exported, project=1), tmp_path)
    assert result.problems == [] and result.reviewed_tasks == 1 and result.unreviewed_tasks == len(tasks) - 1
    (path,) = result.written
    data = json.loads(path.read_text("utf-8"))
    assert data["reviewed"] == [[task["data"]["start"], task["data"]["end"]]]
    expected = [(report.text.index(t), report.text.index(t) + len(t), t, label)
                for t, label in [("635条", "WECHAT_POSTS"), ("153条", "WEBSITE_POSTS"), ("59条", "WEBSITE_POSTS")]]
    assert [(s["start"], s["end"], s["text"], s["label"]) for s in data["spans"]] == expected
    assert data["spans"][0]["value"] == 635 and data["spans"][0]["unit"] == "条"
    gold = load_gold(path, shared=SHARED)  # the gold loader re-reads the source and checks every span
    assert [(s.start, s.label) for s in gold.spans] == [(e[0], e[3]) for e in expected]


def test_unsound_spans_are_reported_with_their_task_which_is_withheld_whole(tmp_path):
    report = _report()
    tasks, _, _ = build_tasks([report], [[_fact(report.text, "635条", "WECHAT_POSTS", 0.5)]], "fixed-1")
    exported = _exported(tasks)
    good = tasks[0]["predictions"][0]["result"][0]
    shifted = {**good, "value": {**good["value"], "start": good["value"]["start"] + 1}}
    relabelled = {**good, "value": {**good["value"], "labels": ["POSTS"]}}
    exported[0]["annotations"] = [{"id": 1, "result": [good, shifted, relabelled], "was_cancelled": False}]
    exported[1]["annotations"] = [{"id": 2, "result": [], "was_cancelled": False}]  # reviewed: no fact here
    result = write_docs(collect(exported, project=1), tmp_path)
    start, end = good["value"]["start"], good["value"]["end"]
    assert [(p.task, p.reason) for p in result.problems] == [
        (1, f"text[{start + 1}:{end}] is '35条', not '635条'"),
        (1, "label 'POSTS' is not in the catalogue"),
    ]
    (path,) = result.written
    written = json.loads(path.read_text("utf-8"))
    assert written["spans"] == []  # not even the sound 635条 of the withheld task
    assert written["reviewed"] == [[exported[1]["data"]["start"], exported[1]["data"]["end"]]]
    assert "task 1: POSTS" in str(result.problems[1])


def test_a_cached_real_page_is_named_by_its_hash_and_recorded_as_a_real_page_source(tmp_path, monkeypatch):
    import hashlib

    from nianbao.annotation.gold import source_text
    from nianbao.labelstudio.push import doc_name, gold_source
    from nianbao.pipeline import read_structure

    text = "某县某镇人民政府2022年政府信息公开工作年度报告\n全年收到申请3件。\n"
    sha = hashlib.sha256(text.encode()).hexdigest()
    (tmp_path / f"{sha}.txt").write_text(text, encoding="utf-8")
    monkeypatch.setenv("NIANBAO_REAL_PAGES", str(tmp_path))
    report = read_structure(str(tmp_path / f"{sha}.txt"))
    assert gold_source(report.source) == f"real-pages:{sha}"
    assert doc_name(report) == sha[:16]
    assert source_text(f"real-pages:{sha}") == report.text
