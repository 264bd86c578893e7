"""The labelling page as an annotator sees it, in a real Label Studio and headless Chromium:
the document's name, the label buttons and the text with its pre-annotated spans, and no
task JSON above them."""
import time

import pytest

from nianbao.labelstudio.push import push
from nianbao.pipeline import read_structure
from tests.browser import ARTEFACTS, chromium
from tests.conftest import seed_path

pytestmark = pytest.mark.slow


def test_a_pushed_task_opens_on_its_name_labels_and_highlighted_text_without_json(label_studio, client):
    report = read_structure(str(seed_path("002")))
    pushed = push(client, [report], "nianbao labelling page", extractor="rules")
    task = next(t for t in client.tasks.list(project=pushed.project, fields="all")
                if t.predictions and t.predictions[0].result)
    region = task.predictions[0].result[0]["value"]
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{label_studio.url}/user/login")
        page.fill("input[name=email]", label_studio.username)
        page.fill("input[name=password]", label_studio.password)
        page.click("button[type=submit]")
        page.wait_for_load_state("networkidle")
        page.goto(f"{label_studio.url}/projects/{pushed.project}/data?task={task.id}")
        text = page.get_by_text(task.data["text"][:30])
        text.first.wait_for(timeout=60_000)
        editor = page.locator(".lsf-main-view, [class*='main-view']").first
        deadline = time.monotonic() + 30
        while region["text"] not in [s.inner_text() for s in page.locator("span.htx-highlight").all()]:
            assert time.monotonic() < deadline, "the pre-annotated span is not highlighted"
            time.sleep(0.5)
        shown = editor.inner_text()
        ARTEFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTEFACTS / "labelstudio-task.png"))
    assert task.data["doc"] in shown  # the document's name is the header
    assert "APP_RECEIVED" in shown and "INFO_PUBLISHED" in shown  # the label buttons
    assert task.data["text"][:30] in shown
    for json_mark in ('"predictions"', '"data"', '{"id"', '"from_name"', '"text_sha256"'):
        assert json_mark not in shown
