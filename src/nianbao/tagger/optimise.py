"""The optimised inference path: the same tagger exported to ONNX and run by onnxruntime,
its matrices quantised to int8 (dynamic, per-channel where supported).

The ONNX files are built once per model (keyed by its weight checksums) into the cache,
so they are never shipped and always match the assembled weights.  `OnnxTagger` is
called like the torch `Tagger` (``model(ids, mask) -> logits``), so windows, batching and
decoding are shared with the torch path; the bench compares their speed and accuracy.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import torch

from nianbao.tagger.model import Tagger


class OnnxTagger:
    training = False

    def __init__(self, path: Path, threads: int | None = None, use_prior: bool = False):
        self.use_prior = use_prior
        import onnxruntime as ort

        options = ort.SessionOptions()
        options.intra_op_num_threads = threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.session = ort.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])

    def __call__(self, ids: torch.Tensor, mask: torch.Tensor, prior: torch.Tensor | None = None) -> torch.Tensor:
        feeds = {"input_ids": ids.numpy(), "attention_mask": mask.numpy()}
        if self.use_prior:
            feeds["prior"] = (prior if prior is not None else torch.zeros_like(ids)).numpy()
        (logits,) = self.session.run(None, feeds)
        return torch.from_numpy(logits)

    def eval(self) -> "OnnxTagger":
        return self

    def train(self, mode: bool = True) -> "OnnxTagger":
        return self


def export_onnx(model: Tagger, out: Path) -> Path:
    ids = torch.ones((2, 16), dtype=torch.long)
    mask = torch.ones((2, 16), dtype=torch.long)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".tmp.onnx")
    model.eval()
    inputs, names = (ids, mask), ["input_ids", "attention_mask"]
    if model.use_prior:
        inputs, names = (ids, mask, torch.zeros_like(ids)), [*names, "prior"]
    torch.onnx.export(model, inputs, str(tmp), input_names=names,
                      output_names=["logits"], opset_version=17, dynamo=False,
                      dynamic_axes={**{n: {0: "batch", 1: "seq"} for n in names}, "logits": {0: "batch", 1: "seq"}})
    tmp.replace(out)
    return out


def quantise(model: Tagger, key: str = "", int8: bool = True, threads: int | None = None) -> OnnxTagger:
    """An onnxruntime session for `model` (int8 matrices by default), built once into the cache."""
    from nianbao.tagger.base import cache_dir

    digest = hashlib.sha256(key.encode()).hexdigest()[:16] if key else _weights_digest(model)
    folder = cache_dir() / "onnx" / digest
    fp32 = folder / "tagger.onnx"
    if not fp32.is_file():
        export_onnx(model, fp32)
    if not int8:
        return OnnxTagger(fp32, threads, model.use_prior)
    q8 = folder / "tagger.int8.onnx"
    if not q8.is_file():
        from onnxruntime.quantization import QuantType, quantize_dynamic

        tmp = folder / "tagger.int8.tmp.onnx"
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True)
        tmp.replace(q8)
    return OnnxTagger(q8, threads, model.use_prior)


def _weights_digest(model: Tagger) -> str:
    h = hashlib.sha256()
    for name, p in sorted(model.state_dict().items()):
        h.update(name.encode())
        h.update(p.detach().float().numpy().tobytes()[:4096])
    return h.hexdigest()[:16]
