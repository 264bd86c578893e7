"""`nianbao serve`: loopback only unless --host is given, clear errors before serving,
and reviewers posting at once over HTTP lose nothing."""
from __future__ import annotations

import json
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.request

import pytest

from nianbao.review import store
from nianbao.review.app import ReviewServer, check_bind
from nianbao.review.store import ReviewError
from tests.review.reports import check_into, write_report

pytestmark = pytest.mark.slow


@pytest.fixture
def db_path(tmp_path):
    paths = [write_report(tmp_path, f"town{i}.md", issuer=f"青禾县第{i}镇人民政府") for i in range(5)]
    check_into(tmp_path / "r.sqlite", *paths)
    return tmp_path / "r.sqlite"


def listening_addresses(port: int) -> list[str]:
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        try:
            lines = open(table).read().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            local, state = line.split()[1], line.split()[3]
            address, hex_port = local.split(":")
            if state == "0A" and int(hex_port, 16) == port:  # 0A: LISTEN
                found.append(address)
    return found


def test_the_server_listens_on_loopback_only_by_default(db_path):
    server = ReviewServer(db_path, port=0).start()
    try:
        assert listening_addresses(server.port) == ["0100007F"]  # 127.0.0.1
        with urllib.request.urlopen(server.url + "/", timeout=10) as answer:
            assert answer.status == 200 and "年报核对复核" in answer.read().decode("utf-8")
    finally:
        server.stop()


def test_the_ipv6_loopback_is_served_too(db_path):
    server = ReviewServer(db_path, host="::1", port=0).start()
    try:
        assert server.url.startswith("http://[::1]:")
        with urllib.request.urlopen(server.url + "/", timeout=10) as answer:
            assert answer.status == 200
    finally:
        server.stop()


@pytest.mark.parametrize("host", ["0.0.0.0", "192.0.2.7", "::", "example.org"])
def test_any_other_address_is_refused_unless_given_explicitly(db_path, host):
    with pytest.raises(ReviewError, match=f"refusing to listen on {host}.*--host"):
        ReviewServer(db_path, host=host, port=0)
    for loopback in ("127.0.0.1", "::1", "localhost"):
        check_bind(loopback, explicit=False)
    check_bind(host, explicit=True)


def test_an_explicit_host_is_served_and_the_command_says_so(db_path):
    process = subprocess.Popen([sys.executable, "-m", "nianbao", "serve", "--db", str(db_path), "--host", "0.0.0.0",
                                "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        lines = [process.stderr.readline(), process.stderr.readline()]
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert lines[0].startswith("Warning: listening on 0.0.0.0 because --host says so")
    assert lines[1].startswith(f"reviewing {db_path} on http://0.0.0.0:")


def test_serve_with_a_missing_database_says_so_and_creates_nothing(tmp_path):
    done = subprocess.run([sys.executable, "-m", "nianbao", "serve", "--db", str(tmp_path / "nope.sqlite")],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert done.stderr.strip().startswith(f"Error: {tmp_path / 'nope.sqlite'}: no such results database")
    assert list(tmp_path.iterdir()) == []


def test_a_port_in_use_is_a_clear_error(db_path):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    try:
        with pytest.raises(ReviewError, match=f"cannot listen on 127.0.0.1:{taken.getsockname()[1]}"):
            ReviewServer(db_path, port=taken.getsockname()[1])
    finally:
        taken.close()


def test_reviewers_posting_at_once_over_http_lose_nothing(db_path):
    con = store.open_db(db_path)
    records = [r for r in store.findings(con) if r.reviewable]
    con.close()
    assert len(records) == 10
    server = ReviewServer(db_path, port=0).start()
    start, answers = threading.Barrier(len(records)), []

    def post(i, record):
        body = {"doc_id": record.doc_id, "idx": record.idx, "state": "confirmed", "reviewer": f"审核员{i}",
                "note": f"第{i}条", "evidence_sha256": record.evidence_sha256, "version": 0}
        request = urllib.request.Request(server.url + "/api/review", data=json.dumps(body).encode("utf-8"),
                                         headers={"Content-Type": "application/json"}, method="POST")
        start.wait()
        try:
            with urllib.request.urlopen(request, timeout=60) as answer:
                answers.append(answer.status)
        except urllib.error.HTTPError as err:
            answers.append(f"{err.code}: {err.read()[:200]!r}")

    try:
        threads = [threading.Thread(target=post, args=(i, r)) for i, r in enumerate(records)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    finally:
        server.stop()
    assert answers == [200] * len(records)
    con = store.open_db(db_path)
    notes = sorted(r.review.note for r in store.findings(con) if r.reviewable)
    assert notes == sorted(f"第{i}条" for i in range(len(records)))
