"""`nianbao setup` over the shipped model (slow: converts/loads the encoder)."""
import json
import time

import pytest
from click.testing import CliRunner

pytestmark = pytest.mark.slow


def test_setup_assembles_the_shipped_model_and_is_fast_the_second_time():
    from nianbao.cli.setup import command

    runner = CliRunner()
    first = runner.invoke(command, [])
    assert first.exit_code == 0, first.output
    assert "base encoder:" in first.output and "default model:" in first.output
    started = time.perf_counter()
    second = runner.invoke(command, [])
    assert second.exit_code == 0 and "already" in second.output
    assert time.perf_counter() - started < 5


def test_the_shipped_model_tags_a_received_count():
    from nianbao.tagger.predict import ModelExtractor, default_model_dir

    meta = json.loads((default_model_dir() / "tagger.json").read_text())
    assert meta["parent"] == "pretrained"
    text = "2021年，本机关共收到政府信息公开申请98件，办结98件。"
    (facts,) = ModelExtractor(threads=1).extract_texts([text])
    assert ("APP_RECEIVED", 98) in {(f.label, f.value) for f in facts}
