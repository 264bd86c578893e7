import json
import threading
import urllib.request

import pytest

from nianbao.annotation.gold import source_text
from nianbao.labelstudio.mlserver import Predictor, make_server
from tests.conftest import seed_path

CHUNK = "2020年通过“大辛庄阳光政务”公众号发布信息635条，通过临清市人民政府网站发布政务公开信息153条。"


@pytest.fixture(scope="module")
def ml_url():
    httpd = make_server(Predictor("rules"), port=0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _call(url, payload=None):
    data = None if payload is None else json.dumps(payload).encode()
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as err:
        return err.code, json.loads(err.read())


def test_health_and_setup_name_the_model_version(ml_url):
    assert _call(f"{ml_url}/health") == (200, {"status": "UP", "model_class": "nianbao", "model_version": "rules"})
    assert _call(f"{ml_url}/setup", {"project": "1.1700000000", "schema": "<View/>"}) == (200, {"model_version": "rules"})


def test_predict_answers_one_prediction_per_task_with_spans_in_the_task_text(ml_url):
    other = source_text(seed_path("002")).split("\n")[3]
    status, body = _call(f"{ml_url}/predict", {"tasks": [{"id": 7, "data": {"text": CHUNK}},
                                                         {"id": 8, "data": {"text": other}}]})
    assert status == 200 and len(body["results"]) == 2
    first = body["results"][0]
    assert first["model_version"] == "rules"
    spans = [(i["value"]["text"], i["value"]["labels"]) for i in first["result"]]
    assert ("635条", ["WECHAT_POSTS"]) in spans
    for item in first["result"]:
        value = item["value"]
        assert CHUNK[value["start"]:value["end"]] == value["text"]
        assert 0 < item["score"] <= 1
    assert first["score"] == min(i["score"] for i in first["result"])


def test_a_task_without_text_or_a_bad_body_is_a_client_error(ml_url):
    status, body = _call(f"{ml_url}/predict", {"tasks": [{"id": 1, "data": {"image": "x.png"}}]})
    assert status == 400 and "task 1 has no text" in body["error"]
    assert _call(f"{ml_url}/predict", {"task": []})[0] == 400
    assert _call(f"{ml_url}/nothing", {})[0] == 404


def test_annotation_events_are_accepted(ml_url):
    assert _call(f"{ml_url}/webhook", {"action": "ANNOTATION_CREATED"}) == (200, {"status": "ok", "action": "ANNOTATION_CREATED"})
