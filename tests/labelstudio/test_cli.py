"""`nianbao annotate` over the session's Label Studio, and `server start|status|stop`
from separate processes (the state file in the data folder links them)."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from nianbao.cli import main
from nianbao.labelstudio import server
from tests.conftest import seed_path

pytestmark = pytest.mark.slow


def _nianbao(*args):
    return subprocess.run([sys.executable, "-m", "nianbao", *args], capture_output=True, text=True, timeout=300)


def test_push_then_pull_from_the_command_line(label_studio, tmp_path):
    auth = ["--url", label_studio.url, "--token", label_studio.token, "--project", "nianbao cli"]
    runner = CliRunner()
    pushed = runner.invoke(main, ["annotate", "push", str(seed_path("004")), *auth, "--extractor", "rules"])
    assert pushed.exit_code == 0, pushed.output
    assert "(created)" in pushed.output and "tasks imported" in pushed.output
    pulled = runner.invoke(main, ["annotate", "pull", *auth, "--out", str(tmp_path)])
    assert pulled.exit_code == 0, pulled.output
    assert "0 reviewed tasks" in pulled.output and list(tmp_path.iterdir()) == []


def test_pull_names_a_missing_project_in_one_error_line(label_studio):
    result = CliRunner().invoke(main, ["annotate", "pull", "--url", label_studio.url, "--token", label_studio.token,
                                       "--project", "no such project"])
    assert result.exit_code == 1
    assert result.output.strip() == "Error: no Label Studio project called 'no such project'"


def test_a_wrong_token_is_one_error_line(label_studio):
    result = CliRunner().invoke(main, ["annotate", "pull", "--url", label_studio.url, "--token", "x" * 40])
    assert result.exit_code == 1 and result.output.startswith("Error: Label Studio answered 401")


def test_server_start_status_and_stop_work_across_processes(tmp_path):
    data_dir = str(tmp_path / "ls")
    started = _nianbao("annotate", "server", "start", "--data-dir", data_dir)
    assert started.returncode == 0, started.stderr
    state = json.loads((tmp_path / "ls" / server.STATE_FILE).read_text())
    try:
        assert started.stdout.startswith(state["url"]) and server.status(data_dir).pid == state["pid"]
        status = _nianbao("annotate", "server", "status", "--data-dir", data_dir)
        assert status.returncode == 0 and f"pid {state['pid']}" in status.stdout
    finally:
        stopped = _nianbao("annotate", "server", "stop", "--data-dir", data_dir)
    assert stopped.stdout.strip() == "stopped"
    assert server.status(data_dir) is None and server.port_is_free(state["port"])
    after = _nianbao("annotate", "server", "status", "--data-dir", data_dir)
    assert after.returncode == 3 and after.stdout.strip() == "not running"
