"""The whole loop against a real Label Studio: push a seed report with the rules
extractor's predictions, review it through the API as a person would, pull it back."""
import json
import re
import threading
import time
import urllib.request

import pytest

from nianbao.annotation.gold import load_gold
from nianbao.facts.extractors import get_extractor
from nianbao.labelstudio import server
from nianbao.labelstudio.mlserver import Predictor, make_server, register
from nianbao.labelstudio.pull import pull
from nianbao.labelstudio.push import push
from nianbao.pipeline import read_structure
from tests.conftest import SHARED, seed_path

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed():
    return read_structure(str(seed_path("002")))


@pytest.fixture(scope="module")
def pushed(client, seed):
    return push(client, [seed], "nianbao round trip", extractor="rules")


def _tasks(client, project):
    return sorted(client.tasks.list(project=project, fields="all"), key=lambda t: t.id)


def test_the_server_answers_on_loopback_with_the_token(label_studio):
    with urllib.request.urlopen(f"{label_studio.url}/health", timeout=5) as response:
        assert response.status == 200
    assert label_studio.alive() and server.status(label_studio.data_dir).pid == label_studio.pid
    print(f"Label Studio started in {label_studio.start_seconds:.1f} s")


def test_the_server_listens_on_loopback_only(label_studio):
    listening = []
    for line in open("/proc/net/tcp").read().splitlines()[1:]:
        local, state = line.split()[1], line.split()[3]
        address, port = local.split(":")
        if state == "0A" and int(port, 16) == label_studio.port:  # 0A: LISTEN
            listening.append(address)
    assert listening == ["0100007F"]  # 127.0.0.1, not 0.0.0.0


def test_a_second_server_on_a_taken_port_fails_clearly(label_studio, tmp_path):
    with pytest.raises(server.ServerError, match=f"127.0.0.1:{label_studio.port} is already in use"):
        server.start(tmp_path / "other", port=label_studio.port)


def test_push_imports_every_chunk_least_confident_first_and_twice_is_harmless(client, pushed, seed):
    assert pushed.created and pushed.problems == [] and pushed.predicted_spans > 0
    tasks = _tasks(client, pushed.project)
    assert len(tasks) == pushed.imported
    scores = [t.predictions[0].score for t in tasks]
    assert scores == sorted(scores) and scores[0] < 1.0
    for task in tasks:
        data = task.data
        assert seed.text[data["start"]:data["end"]] == data["text"]
        for item in task.predictions[0].result:
            value = item["value"]
            assert data["text"][value["start"]:value["end"]] == value["text"]
    again = push(client, [seed], "nianbao round trip", extractor="rules")
    assert (again.project, again.created, again.imported, again.already_there) == (pushed.project, False, 0, len(tasks))


def test_reviewed_spans_come_back_on_exact_document_offsets(client, pushed, seed, tmp_path):
    tasks = [t for t in _tasks(client, pushed.project) if t.predictions and t.predictions[0].result]
    facts = get_extractor("rules").extract([seed])[0]
    # a person accepts the first task's prediction as it is
    accepted_task = tasks[0]
    accepted = accepted_task.predictions[0]
    client.annotations.create(id=accepted_task.id, result=accepted.result, parent_prediction=accepted.id)
    # ... and corrects a number+unit span of another task: unit cut off, label changed
    corrected_task, item = next((t, i) for t in tasks[1:] for i in t.predictions[0].result
                                if re.fullmatch(r"\d+[^\d]", i["value"]["text"]))
    value = item["value"]
    new_label = "TRAINING_SESSIONS" if value["labels"] != ["TRAINING_SESSIONS"] else "RATE"
    fixed = {**item, "value": {**value, "end": value["end"] - 1, "text": value["text"][:-1], "labels": [new_label]}}
    others = [i for i in corrected_task.predictions[0].result if i is not item]
    client.annotations.create(id=corrected_task.id, result=[fixed, *others],
                              parent_prediction=corrected_task.predictions[0].id)
    # ... and a careless review elsewhere: a span off by one, a label nobody defined
    careless_task = tasks[2]
    bad = careless_task.predictions[0].result[0]
    client.annotations.create(id=careless_task.id, result=[
        {**bad, "value": {**bad["value"], "start": bad["value"]["start"] + 1}},
        {**bad, "value": {**bad["value"], "labels": ["APPLICATIONS"]}},
    ])

    result = pull(client, pushed.project, tmp_path)

    assert [(p.task, p.reason.split(" ")[0]) for p in result.problems] == [
        (careless_task.id, "text[" + str(bad["value"]["start"] + 1) + ":" + str(bad["value"]["end"]) + "]"),
        (careless_task.id, "label"),
    ]
    assert result.reviewed_tasks == 3
    (path,) = result.written
    written = json.loads(path.read_text("utf-8"))
    spans = {(s["start"], s["end"], s["label"]) for s in written["spans"]}

    def facts_in(task):
        return {(f.start, f.end, f.label) for f in facts
                if task.data["start"] <= f.start and f.end <= task.data["end"]}

    corrected_fact = next(f for f in facts if f.start == corrected_task.data["start"] + value["start"]
                          and f.label == value["labels"][0])
    expected = facts_in(accepted_task) | (facts_in(corrected_task) - {(corrected_fact.start, corrected_fact.end,
                                                                        corrected_fact.label)})
    expected.add((corrected_fact.start, corrected_fact.end - 1, new_label))
    assert spans == expected
    for s in written["spans"]:
        assert seed.text[s["start"]:s["end"]] == s["text"]
    assert sorted(map(tuple, written["reviewed"])) == sorted(
        (t.data["start"], t.data["end"]) for t in (accepted_task, corrected_task))
    gold = load_gold(path, shared=SHARED)
    assert {(s.start, s.end, s.label) for s in gold.spans} == expected


def test_the_model_server_is_registered_and_predicts_for_label_studio(client, pushed):
    httpd = make_server(Predictor("rules"), port=0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        url = f"http://127.0.0.1:{httpd.server_address[1]}"
        backend = register(client, pushed.project, url)
        assert client.ml.get(backend).state == "CO"  # connected: /health and /setup answered
        task = next(t for t in _tasks(client, pushed.project) if t.predictions and t.predictions[0].result)
        client.actions.create(id="retrieve_tasks_predictions", project=pushed.project,
                              selected_items={"all": False, "included": [task.id]})
        for _ in range(40):
            mine = [p for p in client.tasks.get(task.id).predictions or [] if p.model_version == "rules"]
            if mine:
                break
            time.sleep(0.25)
        assert mine, "Label Studio did not store the model server's prediction"
        (expected,) = Predictor("rules").predict([{"id": task.id, "data": task.data}])
        assert mine[0].result == expected["result"] and mine[0].score == expected["score"]
        for item in mine[0].result:
            assert task.data["text"][item["value"]["start"]:item["value"]["end"]] == item["value"]["text"]
    finally:
        httpd.shutdown()
        httpd.server_close()
