"""Start and stop a local Label Studio server with its own data folder.

The server binds loopback only (``--internal-host 127.0.0.1``) on the port asked for (or
a free one), creates its admin user with a known API token on the data folder's first
start (the legacy token must be enabled then, or the token is refused for good), reports
nothing to its vendor, and lets a model server on 127.0.0.1 be registered for
pre-annotation. ``<data dir>/nianbao-server.json`` records pid, port, URL and token so
``stop`` and ``status`` work from another process.

A fresh data folder needs about a minute of database migrations. ``build_template``
saves an empty migrated database beside the Label Studio install once
(``make setup`` does it); ``start`` copies it into a fresh folder, which then starts in
seconds.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import asdict, dataclass
from pathlib import Path

from nianbao.errors import NianbaoError

STATE_FILE = "nianbao-server.json"
LOG_FILE = "label-studio.log"
DATABASE = "label_studio.sqlite3"
DEFAULT_USER = "annotator@nianbao.local"

# Quiet, loopback-friendly settings for every Label Studio process we start.
_QUIET_ENV = {
    "SENTRY_DSN": "",
    "FRONTEND_SENTRY_DSN": "",
    "LATEST_VERSION_CHECK": "false",
    "COLLECT_ANALYTICS": "false",
    "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN": "true",
    "LABEL_STUDIO_DISABLE_SIGNUP_WITHOUT_LINK": "true",
    "ML_BLOCK_LOCAL_IP": "false",  # the model server runs on 127.0.0.1
    "SSRF_PROTECTION_ENABLED": "false",
}


class ServerError(NianbaoError):
    """Label Studio could not be started, reached or stopped; the message says why."""


@dataclass
class Server:
    """A running (or recorded) Label Studio server."""

    url: str
    port: int
    pid: int
    token: str
    username: str
    password: str
    data_dir: str

    def alive(self) -> bool:
        return self.pid > 0 and _pid_alive(self.pid) and _is_label_studio(self.pid)


def find_executable() -> Path:
    """The ``label-studio`` program: ``$NIANBAO_LABEL_STUDIO``, else
    ``.venv-labelstudio/bin/label-studio`` in the checkout or the working folder, else PATH."""
    if os.environ.get("NIANBAO_LABEL_STUDIO"):
        return Path(os.environ["NIANBAO_LABEL_STUDIO"])
    bases = [Path.cwd(), *Path.cwd().parents, *Path(__file__).resolve().parents]
    for base in bases:
        exe = base / ".venv-labelstudio" / "bin" / "label-studio"
        if exe.is_file():
            return exe
    found = shutil.which("label-studio")
    if found:
        return Path(found)
    raise ServerError("label-studio not found: run `make .venv-labelstudio/.installed` or set NIANBAO_LABEL_STUDIO")


def label_studio_version(executable: Path) -> str:
    """The installed Label Studio version, read from its environment's package metadata."""
    for dist in executable.resolve().parent.parent.glob("lib/python*/site-packages/label_studio-*.dist-info"):
        return dist.name.removeprefix("label_studio-").removesuffix(".dist-info")
    return "unknown"


def template_path(executable: Path | None = None) -> Path:
    """Where the empty migrated database for this Label Studio install lives."""
    executable = executable or find_executable()
    return executable.resolve().parent.parent / f"nianbao-empty-{label_studio_version(executable)}.sqlite3"


def build_template(executable: Path | None = None, timeout: float = 900) -> Path:
    """Run Label Studio's migrations once on an empty folder and keep the database."""
    executable = executable or find_executable()
    target = template_path(executable)
    with tempfile.TemporaryDirectory(prefix="nianbao-ls-template-") as tmp:
        env = {**os.environ, **_QUIET_ENV, "LABEL_STUDIO_BASE_DATA_DIR": tmp}
        for name in ("LABEL_STUDIO_USERNAME", "LABEL_STUDIO_PASSWORD", "LABEL_STUDIO_USER_TOKEN"):
            env.pop(name, None)
        done = subprocess.run([str(executable), "version"], env=env, capture_output=True, text=True, timeout=timeout)
        if done.returncode != 0 or not (Path(tmp) / DATABASE).is_file():
            raise ServerError(f"{executable}: migrations failed: {(done.stderr or done.stdout)[-500:]}")
        partial = target.with_suffix(".partial")
        shutil.copyfile(Path(tmp) / DATABASE, partial)
        partial.replace(target)
    return target


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_is_free(port: int) -> bool:
    """True when nothing listens on ``127.0.0.1:port`` (connections lingering in TIME_WAIT
    after a server stopped do not count: the next server may bind the port)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def start(
    data_dir: str | Path,
    port: int | None = None,
    token: str | None = None,
    username: str = DEFAULT_USER,
    password: str | None = None,
    executable: Path | None = None,
    use_template: bool = True,
    timeout: float = 600,
) -> Server:
    """Start Label Studio on ``127.0.0.1:port`` with ``data_dir`` and wait until its API
    answers with the token. A data folder used before keeps its user and token (read from
    its state file). Raises `ServerError` if the port is taken, the server moves to
    another port, exits, or does not answer within ``timeout`` seconds."""
    data = Path(data_dir).resolve()
    data.mkdir(parents=True, exist_ok=True)
    running = status(data)
    if running is not None:
        raise ServerError(f"{data}: a server already runs for this folder (pid {running.pid}, {running.url})")
    previous = _read_state(data)
    if previous is not None:
        token = token or previous.token
        username, password = previous.username, password or previous.password
    token = token or secrets.token_hex(20)
    password = password or secrets.token_urlsafe(16)
    if len(token) > 40:
        raise ServerError("the API token must be at most 40 characters")
    executable = executable or find_executable()
    if not (data / DATABASE).exists() and use_template:
        template = template_path(executable)
        if template.is_file():
            shutil.copyfile(template, data / DATABASE)
    port = port or free_port()
    if not port_is_free(port):
        raise ServerError(f"127.0.0.1:{port} is already in use; choose another port")

    env = {
        **os.environ,
        **_QUIET_ENV,
        "LABEL_STUDIO_BASE_DATA_DIR": str(data),
        "LABEL_STUDIO_USERNAME": username,
        "LABEL_STUDIO_PASSWORD": password,
        "LABEL_STUDIO_USER_TOKEN": token,
    }
    env.pop("DATABASE_NAME", None)
    log = open(data / LOG_FILE, "ab")
    log_offset = log.tell()  # this start's lines begin here
    process = subprocess.Popen(
        [str(executable), "start", "--internal-host", "127.0.0.1", "--port", str(port), "--no-browser"],
        env=env, stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
    )
    log.close()
    server = Server(url=f"http://127.0.0.1:{port}", port=port, pid=process.pid, token=token,
                    username=username, password=password, data_dir=str(data))
    _write_state(server)
    try:
        _wait_ready(server, process, log_offset, timeout)
    except BaseException:
        _terminate(process.pid)
        process.wait(timeout=15)
        server.pid = 0  # keep the token: the folder's user may already carry it
        _write_state(server)
        raise
    return server


def _wait_ready(server: Server, process: subprocess.Popen, offset: int, timeout: float) -> None:
    log = Path(server.data_dir) / LOG_FILE
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise ServerError(f"{log}: Label Studio exited with code {process.returncode}: {_tail(log, offset)}")
        moved = _moved_port(log, offset, server.port)
        if moved:
            raise ServerError(f"127.0.0.1:{server.port} was taken; Label Studio moved to port {moved}. Choose a free port")
        if _answers(server):
            return
        time.sleep(0.5)
    raise ServerError(f"{log}: Label Studio did not answer on {server.url} within {timeout:.0f} s")


def _answers(server: Server) -> bool:
    """True when the API accepts our token; a 401 means the token was never enabled."""
    request = urllib.request.Request(f"{server.url}/api/current-user/whoami",
                                     headers={"Authorization": f"Token {server.token}"})
    try:
        with urllib.request.urlopen(request, timeout=2) as response:
            return response.status == 200
    except urllib.error.HTTPError as err:
        if err.code == 401:
            raise ServerError(
                f"{server.data_dir}: Label Studio refuses the API token (the folder was first started without "
                "LABEL_STUDIO_ENABLE_LEGACY_API_TOKEN=true, or with another token); use a fresh data folder"
            ) from None
        return False
    except (urllib.error.URLError, OSError):
        return False


def _moved_port(log: Path, offset: int, port: int) -> int | None:
    """The port Label Studio says it serves on, when it is not the one asked for."""
    for m in re.finditer(r"Starting development server at https?://[^:/]+:(\d+)", _tail(log, offset, 100_000)):
        if int(m.group(1)) != port:
            return int(m.group(1))
    return None


def _tail(log: Path, offset: int, limit: int = 800) -> str:
    with open(log, "rb") as f:
        f.seek(offset)
        return f.read().decode("utf-8", "replace")[-limit:]


def status(data_dir: str | Path) -> Server | None:
    """The server recorded for ``data_dir`` if its process still runs, else None."""
    server = _read_state(Path(data_dir))
    return server if server is not None and server.alive() else None


def stop(data_dir: str | Path, timeout: float = 15) -> bool:
    """Stop the server recorded for ``data_dir`` by its pid (SIGTERM, then SIGKILL).
    Returns False when none was running. The token stays recorded for the next start."""
    server = _read_state(Path(data_dir))
    if server is None or not server.alive():
        return False
    _terminate(server.pid, timeout)
    server.pid = 0
    _write_state(server)
    return True


def _terminate(pid: int, timeout: float = 15) -> None:
    try:
        os.kill(pid, signal.SIGTERM)
    except ProcessLookupError:
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _pid_alive(pid):
            return
        time.sleep(0.1)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        return
    while _pid_alive(pid):
        time.sleep(0.1)


def _pid_alive(pid: int) -> bool:
    """True while ``pid`` runs; reaps it if it is our exited child."""
    try:
        done, _ = os.waitpid(pid, os.WNOHANG)
        if done == pid:
            return False
    except ChildProcessError:
        pass  # not our child: ask the kernel instead
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _is_label_studio(pid: int) -> bool:
    """Guards against a recycled pid: the process must be a label-studio command."""
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():
        return True  # no /proc to ask (not Linux): trust the pid
    try:
        return b"label-studio" in cmdline.read_bytes()
    except OSError:
        return False


def _write_state(server: Server) -> None:
    path = Path(server.data_dir) / STATE_FILE
    partial = path.with_suffix(".partial")
    partial.write_text(json.dumps(asdict(server), indent=1), encoding="utf-8")
    partial.chmod(0o600)
    partial.replace(path)


def _read_state(data_dir: Path) -> Server | None:
    path = data_dir / STATE_FILE
    if not path.is_file():
        return None
    return Server(**json.loads(path.read_text(encoding="utf-8")))
