"""`nianbao setup` over the shipped model (slow: converts/loads the encoder)."""
import json
import sys
import time
from pathlib import Path

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


def test_setup_compiles_the_package_to_bytecode_even_where_python_writes_none(monkeypatch):
    import importlib.util

    import nianbao.pipeline
    from nianbao.tagger.setup import compile_package

    cached = Path(importlib.util.cache_from_source(nianbao.pipeline.__file__))
    cached.unlink(missing_ok=True)
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    assert compile_package().startswith("bytecode: nianbao's modules compiled")
    assert cached.is_file()


def test_the_shipped_model_tags_a_received_count():
    from nianbao.tagger.predict import ModelExtractor, default_model_dir

    meta = json.loads((default_model_dir() / "tagger.json").read_text())
    assert meta["parent"] == "pretrained"
    text = "2021年，本机关共收到政府信息公开申请98件，办结98件。"
    (facts,) = ModelExtractor(threads=1).extract_texts([text])
    assert ("APP_RECEIVED", 98) in {(f.label, f.value) for f in facts}


def test_check_runs_the_shipped_model_without_importing_torch_or_transformers():
    import subprocess
    import sys

    from nianbao.tagger.predict import ModelExtractor
    from tests.conftest import seed_path

    ModelExtractor()  # exports the ONNX graph into the cache if this machine has not yet
    code = ("import atexit, sys; atexit.register(lambda: print('heavy:', sorted(m for m in ('torch', 'transformers') "
            "if m in sys.modules))); from nianbao.cli import main; main()")
    out = subprocess.run([sys.executable, "-c", code, "check", "--json", str(seed_path("002"))],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert '"extractor": "model"' in out.stdout and out.stdout.strip().endswith("heavy: []")


def test_the_onnxruntime_path_finds_exactly_the_torch_models_facts_on_the_real_reports():
    from nianbao.annotation.gold import iter_gold
    from nianbao.tagger.predict import ModelExtractor

    docs = list(iter_gold())
    texts, exclusions = [d.text for d in docs], [list(d.table_regions) for d in docs]
    by_torch = ModelExtractor(backend="torch", threads=1).extract_texts(texts, exclusions)
    by_onnx = ModelExtractor(backend="onnx", threads=1).extract_texts(texts, exclusions)
    assert sum(map(len, by_torch)) > 150
    for torch_facts, onnx_facts in zip(by_torch, by_onnx):
        assert [(f.start, f.end, f.label, f.value) for f in onnx_facts] == \
            [(f.start, f.end, f.label, f.value) for f in torch_facts]
        assert all(abs(a.score - b.score) < 1e-4 for a, b in zip(onnx_facts, torch_facts))


def test_check_reads_the_int8_graph_whose_facts_are_the_fp32_graphs_but_for_a_few(monkeypatch):
    from nianbao.annotation.gold import iter_gold
    from nianbao.tagger.optimise import INT8_GRAPH
    from nianbao.tagger.predict import ModelExtractor

    monkeypatch.delenv("NIANBAO_BACKEND", raising=False)
    docs = list(iter_gold())
    texts, exclusions = [d.text for d in docs], [list(d.table_regions) for d in docs]
    default = ModelExtractor(threads=1)
    assert default.backend == "optimised" and default.model.path.name == INT8_GRAPH
    by_int8 = default.extract_texts(texts, exclusions)
    by_fp32 = ModelExtractor(backend="onnx", threads=1).extract_texts(texts, exclusions)
    as_set = lambda facts: {(f.start, f.end, f.label, f.value) for f in facts}  # noqa: E731
    differ = sum(len(as_set(a) ^ as_set(b)) for a, b in zip(by_int8, by_fp32))
    assert sum(map(len, by_fp32)) > 150 and differ <= 0.02 * sum(map(len, by_fp32))


def test_a_report_reads_the_same_alone_and_among_others_in_the_int8_graph(monkeypatch):
    from nianbao.annotation.gold import iter_gold
    from nianbao.tagger.predict import ModelExtractor

    monkeypatch.delenv("NIANBAO_BACKEND", raising=False)
    docs = list(iter_gold())
    texts, exclusions = [d.text for d in docs], [list(d.table_regions) for d in docs]
    model = ModelExtractor(threads=1)
    together = model.extract_texts(texts, exclusions)
    alone = [model.extract_texts([t], [e])[0] for t, e in zip(texts, exclusions)]
    read = lambda facts: [(f.start, f.end, f.label, f.score) for f in facts]  # noqa: E731
    assert sum(map(len, together)) > 150
    assert [read(f) for f in alone] == [read(f) for f in together]


def test_the_int8_graph_quantises_with_fixed_ranges_in_fused_products(monkeypatch):
    import onnx

    from nianbao.tagger.predict import ModelExtractor

    monkeypatch.delenv("NIANBAO_BACKEND", raising=False)
    ops = [n.op_type for n in onnx.load(str(ModelExtractor(threads=1).model.path)).graph.node]
    assert "DynamicQuantizeLinear" not in ops and "MatMulInteger" not in ops
    assert ops.count("MatMulIntegerToFloat") > ops.count("QuantizeLinear") > 0


def test_a_backend_named_in_the_environment_is_used_and_a_wrong_one_is_refused(monkeypatch):
    from nianbao.errors import NianbaoError
    from nianbao.tagger.predict import ModelExtractor

    monkeypatch.setenv("NIANBAO_BACKEND", "onnx")
    assert ModelExtractor(threads=1).model.path.name == "tagger.onnx"
    monkeypatch.setenv("NIANBAO_BACKEND", "int4")
    with pytest.raises(NianbaoError, match="NIANBAO_BACKEND='int4'"):
        ModelExtractor(threads=1)


def test_a_batch_workers_thread_share_reaches_the_model(monkeypatch):
    from nianbao.batch.worker import limit_threads
    from nianbao.tagger.predict import ModelExtractor

    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "NIANBAO_THREADS"):
        monkeypatch.delenv(var, raising=False)  # restored after the test; limit_threads sets them
    limit_threads(1)
    assert ModelExtractor().model.session.get_session_options().intra_op_num_threads == 1


def test_onnxruntime_threads_sleep_while_waiting_so_a_core_held_by_another_process_does_not_stall_them():
    from nianbao.tagger.predict import ModelExtractor

    options = ModelExtractor().model.session.get_session_options()
    assert options.get_session_config_entry("session.intra_op.allow_spinning") == "0"


def test_a_volume_of_reports_reads_each_report_as_it_reads_that_report_alone(monkeypatch):
    """A long document (several reports bound in one file) gets each report's facts, at its offsets."""
    from nianbao.annotation.gold import iter_gold
    from nianbao.tagger.predict import ModelExtractor

    monkeypatch.delenv("NIANBAO_BACKEND", raising=False)
    text = max((d.text for d in iter_gold()), key=lambda t: t.count("件"))
    model = ModelExtractor(threads=1)
    (alone,) = model.extract_texts([text], [[]])
    (volume,) = model.extract_texts(["\n\n".join([text] * 3)], [[]])
    step = len(text) + 2
    read = lambda facts, k: sorted((f.start - k * step, f.end - k * step, f.label, f.value) for f in facts  # noqa: E731
                                   if k * step <= f.start < (k + 1) * step)
    assert len(alone) > 10
    assert [read(volume, k) for k in range(3)] == [read(alone, 0)] * 3
