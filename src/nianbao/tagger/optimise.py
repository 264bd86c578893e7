"""The onnxruntime inference paths: the same tagger exported to ONNX (fp32) and run by
onnxruntime, and that graph with its matrices quantised to int8 (dynamic, per-channel),
which is what `nianbao check` runs.  onnxruntime's int8 products do not saturate on
processors with VNNI instructions (these machines have them); on older ones they can,
and there the fp32 graph is the one to use (``NIANBAO_BACKEND=onnx``).

The ONNX files are built once per model into the cache, keyed by the shipped weights'
and the base encoder's checksums, so they are never shipped and always match the
assembled weights.  Once built, a `check` run loads them without importing torch or
transformers (seconds of start-up on these machines).  `OnnxTagger.logits` has the
signature of `Tagger.logits`, so windows, batching and decoding are shared with the
torch path; the bench compares their speed and the tests their facts.
"""
from __future__ import annotations

import hashlib
import os
import warnings
from collections.abc import Callable
from pathlib import Path


class OnnxTagger:
    def __init__(self, path: Path, threads: int | None = None, use_prior: bool = False, built: bool = False):
        import onnxruntime as ort

        from nianbao.tagger.base import default_threads

        self.path, self.use_prior = path, use_prior
        self.built = built  # exported (or quantised) by this call rather than found in the cache
        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or default_threads()
        options.inter_op_num_threads = 1
        # threads sleep rather than spin while they wait: the same speed on an idle machine, and on
        # one where another process holds a core 4.6-5.0 s instead of 5.6-6.1 s for `nianbao bench`'s 12 reports
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def logits(self, ids, mask, prior=None):
        """numpy in (`data.encode_batch`), float32 numpy logits out."""
        import numpy as np

        feeds = {"input_ids": ids, "attention_mask": mask}
        if self.use_prior:
            feeds["prior"] = prior if prior is not None else np.zeros_like(ids)
        (logits,) = self.session.run(None, feeds)
        return logits


def export_onnx(model, out: Path) -> Path:
    """Write the torch `Tagger` as an ONNX graph with dynamic batch and length."""
    import torch

    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = _temporary(out)
    was_training = model.training
    model.eval()
    inputs, names = (ids, mask), ["input_ids", "attention_mask"]
    if model.use_prior:
        inputs, names = (ids, mask, torch.zeros_like(ids)), [*names, "prior"]
    with warnings.catch_warnings():  # tracer notes on shape checks that hold for every window we feed
        warnings.simplefilter("ignore")
        torch.onnx.export(model, inputs, str(tmp), input_names=names,
                          output_names=["logits"], opset_version=17, dynamo=False,
                          dynamic_axes={**{n: {0: "batch", 1: "seq"} for n in names},
                                        "logits": {0: "batch", 1: "seq"}})
    model.train(was_training)
    tmp.replace(out)
    return out


def onnx_tagger(key: str, load_model: Callable[[], object], *, int8: bool, use_prior: bool,
                threads: int | None = None) -> OnnxTagger:
    """The onnxruntime tagger for the model identified by `key`, built into the cache on
    first use (`load_model` gives the torch `Tagger`; it is not called when the file exists)."""
    from nianbao.tagger.base import cache_dir

    folder = cache_dir() / "onnx" / hashlib.sha256(key.encode()).hexdigest()[:16]
    fp32, q8 = folder / "tagger.onnx", folder / "tagger.int8.onnx"
    built = not (q8 if int8 else fp32).is_file()
    if not fp32.is_file():
        export_onnx(load_model(), fp32)
    if int8 and not q8.is_file():
        _quantise(fp32, q8)
    return OnnxTagger(q8 if int8 else fp32, threads, use_prior, built)


def _quantise(fp32: Path, out: Path) -> None:
    import logging

    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = _temporary(out)
    root = logging.getLogger()
    level = root.level
    root.setLevel(max(level, logging.ERROR))  # quiet its pre-processing hint
    try:
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
    finally:
        root.setLevel(level)
    tmp.replace(out)


def _temporary(out: Path) -> Path:
    """A per-process name beside `out`: two workers building the same graph never share a file."""
    return out.with_suffix(f".{os.getpid()}.tmp.onnx")


def weights_key(model) -> str:
    """A key for an in-memory torch `Tagger` (no shipped checksums to name it by)."""
    h = hashlib.sha256()
    for name, p in sorted(model.state_dict().items()):
        h.update(name.encode())
        h.update(p.detach().float().numpy().tobytes()[:4096])
    return h.hexdigest()
