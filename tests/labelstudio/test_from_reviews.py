"""Findings dismissed in review as our reading error become Label Studio tasks: built
offline from a results database, then pushed to a real server, corrected there, and
pulled into the annotation folder like any other task."""
import json

import pytest

from nianbao.labelstudio.from_reviews import build_review_tasks, push_reviews, review_label_config
from nianbao.labelstudio.pull import pull
from tests.review.reports import check_into, write_report
from tests.review.test_store import save


@pytest.fixture
def reviewed(tmp_path):
    """A checked report whose text FAIL was dismissed as a reading error of the text and
    whose table FAIL as one of the table; a second report's FAIL dismissed as a scope
    difference (not a reading error: no task)."""
    path = write_report(tmp_path)
    other = write_report(tmp_path, "xiangshan.md", issuer="青禾县香山乡人民政府")
    db_path = tmp_path / "r.sqlite"
    check_into(db_path, path, other)
    found = {(r.source, r.rule): r for r in _all_fails(db_path)}
    save(db_path, found[(str(path), "text.APP_RECEIVED")], "dismissed", reason="text_reading", note="5件是咨询数")
    save(db_path, found[(str(path), "t3.col_sum.carried_forward")], "dismissed", reason="table_reading")
    save(db_path, found[(str(other), "text.APP_RECEIVED")], "dismissed", reason="scope_difference")
    return db_path, path


def _all_fails(db_path):
    from nianbao.review import store

    con = store.open_db(db_path)
    try:
        return [r for r in store.findings(con) if r.status == "FAIL"]
    finally:
        con.close()


def test_a_text_reading_error_becomes_one_task_with_the_batch_spans_and_the_dismissed_span_marked(reviewed):
    db_path, path = reviewed
    tasks, problems, n = build_review_tasks(db_path)
    assert n == 2  # the scope difference is no reading error of ours
    (task,) = tasks
    data = task["data"]
    text = path.read_text("utf-8")
    assert data["source"] == str(path.resolve()) and data["text"] in text and "5件" in data["text"]
    (review,) = data["reviews"]
    assert data["text"][review["start"]:review["end"]] == "5件"
    assert (review["reason"], review["reviewer"], review["note"]) == ("text_reading", "李审核", "5件是咨询数")
    assert '<mark style="background:#ffb3b3;outline:2px solid #c62828">5件</mark>' in data["review_html"]
    assert "文字读取错误" in data["review_html"]
    results = task["predictions"][0]["result"]
    assert {(r["value"]["text"], r["value"]["labels"][0]) for r in results} >= {("5件", "APP_RECEIVED")}
    for r in results:
        assert data["text"][r["value"]["start"]:r["value"]["end"]] == r["value"]["text"]
    # the table FAIL compares cells only: reported, not pushed
    (problem,) = problems
    assert problem.label == "t3.col_sum.carried_forward" and "no text span" in problem.reason


def test_the_review_project_shows_the_review_above_the_text():
    config = review_label_config()
    assert '<HyperText name="review" value="$review_html" inline="true"/>' in config
    assert config.index("$review_html") < config.index('<Text name="text"')


@pytest.mark.slow
def test_reviews_pushed_to_label_studio_come_back_into_the_annotation_folder(client, reviewed, tmp_path):
    db_path, path = reviewed
    pushed = push_reviews(client, db_path, "nianbao reviews test")
    assert (pushed.created, pushed.imported, pushed.already_there, pushed.findings) == (True, 1, 0, 2)
    again = push_reviews(client, db_path, "nianbao reviews test")
    assert (again.project, again.created, again.imported, again.already_there) == (pushed.project, False, 0, 1)
    (task,) = client.tasks.list(project=pushed.project, fields="all")
    assert "<mark" in task.data["review_html"] and task.predictions[0].result
    # the annotator keeps the batch's spans but for the dismissed one, which they relabel
    prediction = task.predictions[0]
    fixed = [{**item, "value": {**item["value"], "labels": ["APP_PROCESSED"]}}
             if item["value"]["text"] == "5件" else item for item in prediction.result]
    client.annotations.create(id=task.id, result=fixed, parent_prediction=prediction.id)
    result = pull(client, pushed.project, tmp_path / "annotation")
    assert result.problems == [] and result.reviewed_tasks == 1
    (written,) = result.written
    gold = json.loads(written.read_text("utf-8"))
    text = path.read_text("utf-8")
    spans = {(text[s["start"]:s["end"]], s["label"]) for s in gold["spans"]}
    assert ("5件", "APP_PROCESSED") in spans and ("5件", "APP_RECEIVED") not in spans
