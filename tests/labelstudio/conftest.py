"""One real Label Studio server per test session: a free loopback port, its own data
folder, stopped by its pid at the end. The first run on a machine builds the empty
migrated database once (about a minute); every later start takes seconds."""
from __future__ import annotations

import time

import pytest

from nianbao.labelstudio import server


@pytest.fixture(scope="session")
def label_studio(tmp_path_factory):
    executable = server.find_executable()
    if not server.template_path(executable).is_file():
        server.build_template(executable)
    data_dir = tmp_path_factory.mktemp("label-studio")
    started = time.monotonic()
    running = server.start(data_dir, port=server.free_port(), executable=executable)
    running.start_seconds = time.monotonic() - started
    yield running
    assert server.stop(data_dir)
    assert not running.alive()
    assert server.port_is_free(running.port)


@pytest.fixture(scope="session")
def client(label_studio):
    from nianbao.labelstudio.push import connect

    return connect(label_studio.url, label_studio.token)
