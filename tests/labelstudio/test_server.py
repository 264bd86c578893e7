"""`server.start` failing clearly, with stand-in programs for Label Studio (the real one
is started once per session in conftest.py)."""
import socket
import stat

import pytest

from nianbao.labelstudio import server


def _program(tmp_path, body):
    path = tmp_path / "bin" / "label-studio"
    path.parent.mkdir()
    path.write_text("#!/bin/sh\n" + body + "\n")
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path


def test_a_server_that_exits_is_reported_with_its_log(tmp_path):
    program = _program(tmp_path, 'echo "django.db.utils.OperationalError: disk full"; exit 3')
    with pytest.raises(server.ServerError, match="exited with code 3: .*disk full"):
        server.start(tmp_path / "data", executable=program, use_template=False, timeout=20)
    assert server.status(tmp_path / "data") is None


def test_a_server_that_moves_to_another_port_is_stopped_and_reported(tmp_path):
    # Label Studio's own behaviour when its port is busy: it says so and takes the next one
    program = _program(tmp_path, 'echo "Starting development server at http://127.0.0.1:$(($5 + 1))/"; exec sleep 60')
    port = server.free_port()
    with pytest.raises(server.ServerError, match=f"127.0.0.1:{port} was taken; Label Studio moved to port {port + 1}"):
        server.start(tmp_path / "data", port=port, executable=program, use_template=False, timeout=20)
    assert server.status(tmp_path / "data") is None


def test_a_busy_port_is_refused_before_anything_starts(tmp_path):
    program = _program(tmp_path, "touch started; exit 0")
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert not server.port_is_free(port)
        with pytest.raises(server.ServerError, match=f"127.0.0.1:{port} is already in use"):
            server.start(tmp_path / "data", port=port, executable=program, use_template=False)
    assert not (tmp_path / "started").exists()
    assert server.port_is_free(port)


def test_stop_and_status_with_nothing_recorded_say_so(tmp_path):
    assert server.status(tmp_path) is None
    assert server.stop(tmp_path) is False


def test_a_token_longer_than_label_studio_takes_is_refused(tmp_path):
    with pytest.raises(server.ServerError, match="at most 40 characters"):
        server.start(tmp_path, token="x" * 41, executable=tmp_path / "label-studio")
