"""A small model server speaking Label Studio's ML-backend protocol, for interactive
pre-annotation: Label Studio calls ``GET /health``, ``POST /setup``, ``POST /predict``
and posts annotation events to ``/webhook``.

``/predict`` receives ``{"tasks": [{"id": …, "data": {"text": …}}, …], …}`` and answers
``{"results": [{"model_version": …, "score": …, "result": [result items]}, …]}``, one
prediction per task, each span checked like a pushed one (spans that fail are left out
and listed under ``problems``). Standard library only; loopback by default. Label Studio
refuses a model server on 127.0.0.1 unless it runs with ``ML_BLOCK_LOCAL_IP=false`` and
``SSRF_PROTECTION_ENABLED=false`` (`nianbao.labelstudio.server` sets both).
"""
from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from nianbao.labelstudio.push import load_extractor, text_sha256
from nianbao.labelstudio.spans import fact_result, span_problem
from nianbao.report import Report


class Predictor:
    """The extractor behind the server, loaded once; ``predict`` is safe across threads."""

    def __init__(self, extractor: str = "model", model_dir: str | None = None):
        self._tagger, self.version = load_extractor(extractor, model_dir)
        self._lock = threading.Lock()

    def predict(self, tasks: list[dict[str, Any]]) -> list[dict[str, Any]]:
        reports = [_task_report(task) for task in tasks]
        with self._lock:
            facts = self._tagger.extract(reports) if self._tagger is not None else [[] for _ in reports]
        out = []
        for report, task_facts in zip(reports, facts):
            results, scores, problems = [], [], []
            for fact in task_facts:
                problem = span_problem(report.text, fact.start, fact.end, fact.text, [fact.label])
                if problem:
                    problems.append(f"{fact.label} {fact.start}-{fact.end} {fact.text!r}: {problem}")
                    continue
                results.append(fact_result(fact, 0))
                scores.append(float(fact.score))
            prediction = {"model_version": self.version, "score": round(min(scores), 4) if scores else 1.0,
                          "result": results}
            if problems:
                prediction["problems"] = problems
            out.append(prediction)
        return out


def _task_report(task: dict[str, Any]) -> Report:
    data = task.get("data") or {}
    text = data.get("text")
    if not isinstance(text, str):
        raise ValueError(f"task {task.get('id')} has no text")
    return Report(doc_id=text_sha256(text)[:16], source=str(data.get("source") or f"task-{task.get('id')}"),
                  format="txt", text=text)


def make_handler(predictor: Predictor) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "nianbao-ml"

        def do_GET(self):  # noqa: N802 (http.server's naming)
            path = self.path.split("?", 1)[0].rstrip("/")
            if path == "/health":
                self._reply(200, {"status": "UP", "model_class": "nianbao", "model_version": predictor.version})
            elif path == "/versions":
                self._reply(200, {"versions": [predictor.version]})
            else:
                self._reply(404, {"error": f"no such endpoint: GET {path}"})

        def do_POST(self):  # noqa: N802
            path = self.path.split("?", 1)[0].rstrip("/")
            try:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
            except (ValueError, json.JSONDecodeError) as err:
                self._reply(400, {"error": f"the request body is not JSON: {err}"})
                return
            if path == "/setup":
                self._reply(200, {"model_version": predictor.version})
            elif path == "/predict":
                tasks = body.get("tasks") if isinstance(body, dict) else None
                if not isinstance(tasks, list):
                    self._reply(400, {"error": "expected {\"tasks\": [...]}"})
                    return
                try:
                    self._reply(200, {"results": predictor.predict(tasks), "model_version": predictor.version})
                except ValueError as err:
                    self._reply(400, {"error": str(err)})
            elif path == "/webhook":
                self._reply(200, {"status": "ok", "action": body.get("action") if isinstance(body, dict) else None})
            elif path == "/train":
                self._reply(200, {"status": "ok", "job": None, "note": "train with `nianbao train`"})
            else:
                self._reply(404, {"error": f"no such endpoint: POST {path}"})

        def _reply(self, status: int, payload: dict[str, Any]) -> None:
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):  # the library never prints
            pass

    return Handler


def make_server(predictor: Predictor, host: str = "127.0.0.1", port: int = 9090) -> ThreadingHTTPServer:
    """A server bound to ``host:port`` (port 0 picks a free one); call ``serve_forever``."""
    server = ThreadingHTTPServer((host, port), make_handler(predictor))
    server.daemon_threads = True
    return server


def register(client, project: int, url: str, title: str = "nianbao") -> int:
    """Register the model server at ``url`` with a project; returns the ML backend id."""
    backend = client.ml.create(project=project, url=url, title=title, is_interactive=True)
    return backend.id
