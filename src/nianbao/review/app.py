"""`nianbao serve`: the review web app over a results database (Starlette, served by
uvicorn on loopback).

Routes: ``GET /`` the summary (filters as query parameters: rule, status, issuer, year,
review), ``GET /report/<doc_id>`` a report's evidence page with the review controls,
``POST /api/review`` one decision (JSON: doc_id, idx, state, reason, note, reviewer,
evidence_sha256, version) saved in one transaction, ``GET /api/findings/<doc_id>`` the
report's findings and their reviews as JSON.

Each request opens its own connection (SQLite in WAL mode: readers never wait for a
writer; writers wait for each other up to 30 s), so reviewers on several browsers lose
nothing. The server refuses to listen anywhere but loopback unless told to explicitly,
and when on loopback answers only requests addressed to a loopback host name (a web
page elsewhere cannot reach it through DNS rebinding); it accepts reviews only as JSON
(a form on another site cannot post one).
"""
from __future__ import annotations

import ipaddress
import socket
import threading
from html import escape
from pathlib import Path

from nianbao.review import pages, store
from nianbao.review.store import ReviewError

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765
LOOPBACK_NAMES = ["127.0.0.1", "localhost", "::1", "[::1]"]


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def check_bind(host: str, explicit: bool) -> None:
    """Loopback only, unless the address was given explicitly (``--host``)."""
    if not is_loopback(host) and not explicit:
        raise ReviewError(f"refusing to listen on {host}: the review app listens on loopback (127.0.0.1 or ::1) "
                          "only, unless an address is given explicitly with --host")


def make_app(db_path: str | Path, loopback_only: bool = True):
    """The Starlette app over ``db_path``; raises `ReviewError` now if the database is
    missing or unreadable (nothing is written until a review is saved, except the
    ``finding_keys`` rows a database written before them gains here, once)."""
    from starlette.applications import Starlette
    from starlette.middleware import Middleware
    from starlette.middleware.trustedhost import TrustedHostMiddleware
    from starlette.requests import Request
    from starlette.responses import HTMLResponse, JSONResponse, Response
    from starlette.routing import Route

    db_path = Path(db_path)
    con = store.open_db(db_path)
    try:
        store.add_keys(con)  # a database written before finding_keys gains them, once
    finally:
        con.close()

    def connect():
        return store.open_db(db_path)

    def summary(request: Request):
        picked = {k: request.query_params.get(k, "") for k in pages.FILTERS}
        con = connect()
        try:
            documents = [dict(zip(("doc_id", "source", "title", "year", "issuer"), row)) for row in con.execute(
                "SELECT doc_id, source, title, year, issuer FROM documents ORDER BY source")]
            pairs = store.status_pairs(con)
            records = store.findings(con, reviewable=True)
        finally:
            con.close()
        return HTMLResponse(pages.summary_page(documents, pairs, records, picked))

    def report(request: Request):
        doc_id = request.path_params["doc_id"]
        con = connect()
        try:
            stored = store.stored_report(con, doc_id)
            if stored is None:
                return HTMLResponse(f"<!DOCTYPE html><p>no report with doc_id {escape(doc_id)} in this database."
                                    ' <a href="/">← 汇总</a></p>', status_code=404)
            records = store.findings(con, doc_id)
        finally:
            con.close()
        return HTMLResponse(pages.evidence_page(stored, records))

    def report_json(request: Request):
        doc_id = request.path_params["doc_id"]
        con = connect()
        try:
            if con.execute("SELECT 1 FROM documents WHERE doc_id = ?", (doc_id,)).fetchone() is None:
                raise ReviewError(f"no report with doc_id {doc_id!r} in this database", 404)
            records = store.findings(con, doc_id)
        finally:
            con.close()
        return JSONResponse({"doc_id": doc_id, "findings": [
            {"idx": r.idx, "rule": r.rule, "status": r.status, "review_state": r.review_state if r.reviewable else None,
             "evidence_sha256": r.evidence_sha256, "review": pages.review_dict(r.review) if r.review else None,
             "earlier": pages.review_dict(r.earlier) if r.earlier else None} for r in records]})

    async def review(request: Request):
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            raise ReviewError("a review is sent as JSON (Content-Type: application/json)", 415)
        try:
            body = await request.json()
        except ValueError as err:
            raise ReviewError(f"the request is not valid JSON ({err})") from err
        if not isinstance(body, dict) or not isinstance(body.get("doc_id"), str) or not _is_int(body.get("idx")):
            raise ReviewError("a review names its finding by doc_id (text) and idx (a number)")
        if body.get("version") is not None and not _is_int(body.get("version")):
            raise ReviewError("version must be a number")
        from starlette.concurrency import run_in_threadpool

        saved = await run_in_threadpool(_save, body)
        return JSONResponse({"review": pages.review_dict(saved), "state": saved.state})

    def _save(body):
        con = connect()
        try:
            return store.save_review(con, body["doc_id"], int(body["idx"]), body.get("state") or "",
                                     str(body.get("reviewer") or ""), body.get("reason"), str(body.get("note") or ""),
                                     body.get("evidence_sha256"), body.get("version"))
        finally:
            con.close()

    def no_icon(request: Request):
        return Response(status_code=204)  # browsers ask; the pages need none

    async def review_error(request: Request, err: ReviewError):
        return JSONResponse({"error": str(err)}, status_code=err.status)

    middleware = [Middleware(TrustedHostMiddleware, allowed_hosts=LOOPBACK_NAMES)] if loopback_only else []
    return Starlette(
        routes=[Route("/", summary), Route("/report/{doc_id}", report),
                Route("/api/findings/{doc_id}", report_json), Route("/api/review", review, methods=["POST"]),
                Route("/favicon.ico", no_icon)],
        middleware=middleware,
        exception_handlers={ReviewError: review_error},
    )


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


class ReviewServer:
    """The app on ``host:port`` (port 0: a free one), in this thread (`run`) or a
    background one (`start`/`stop`)."""

    def __init__(self, db_path: str | Path, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT,
                 explicit_host: bool = False):
        import uvicorn

        check_bind(host, explicit_host)
        app = make_app(db_path, loopback_only=is_loopback(host))
        family = socket.AF_INET6 if ":" in host.strip("[]") else socket.AF_INET
        self.socket = socket.socket(family, socket.SOCK_STREAM)
        try:
            self.socket.bind((host.strip("[]"), port))
        except OSError as err:
            self.socket.close()
            raise ReviewError(f"cannot listen on {host}:{port} ({err.strerror}); pick another --port") from err
        self.host, self.port = host, self.socket.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off", access_log=False))
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        host = f"[{self.host.strip('[]')}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"

    def run(self) -> None:
        """Serve until interrupted."""
        self.server.run(sockets=[self.socket])

    def start(self) -> "ReviewServer":
        self._thread = threading.Thread(target=self.run, daemon=True)
        self._thread.start()
        while not self.server.started:
            if not self._thread.is_alive():
                raise ReviewError(f"the review app on {self.url} stopped while starting")
            threading.Event().wait(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
        self.socket.close()
