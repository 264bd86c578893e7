"""The onnxruntime inference paths: the same tagger exported to ONNX (fp32) and run by
onnxruntime, and that graph with its matrices quantised to int8, which is what `nianbao
check` runs.  Weights are int8 per output channel; the activations entering each int8
product are quantised with a fixed range per tensor, read once from the fp32 graph on
calibration windows when the graph is built, so a window's scores never depend on the
windows batched beside it (onnxruntime's dynamic quantisation takes each batch's own range,
and a report read alone scored otherwise than in a batch; docs/model.md).  Weights take 7
bits of the 8 (``reduce_range``): on x86 processors without VNNI instructions (AVX2 only)
onnxruntime sums pairs of 8-bit products in 16 bits, which full-range weights overflow, so
the graph read otherwise there than on processors with VNNI; with 7-bit weights no sum
overflows, and the graph reads the same on both.  ``NIANBAO_BACKEND=onnx`` reads the fp32 graph.

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

INT8_GRAPH = "tagger.int8-r7.onnx"  # named apart from the graphs earlier versions cached (dynamic ranges; 8-bit weights)
# each calibrated range is widened by a tenth, for values beyond what calibration saw: on 600 train
# pages the int8 facts then differ from fp32's on 9 of 3,264 and scores by 0.0024 on average, against
# 14 and 0.0032 unwidened, 14 and 0.0032 widened by a quarter, and 9 and 0.0032 for dynamic ranges
RANGE_MARGIN = 1.1


class OnnxTagger:
    def __init__(self, path: Path, threads: int | None = None, use_prior: bool = False, built: bool = False):
        self.path, self.use_prior = path, use_prior
        self.built = built  # exported (or quantised) by this call rather than found in the cache
        self.session = _session(str(path), threads)

    def logits(self, ids, mask, prior=None):
        """numpy in (`data.encode_batch`), float32 numpy logits out."""
        (logits,) = self.session.run(None, _feeds(self.use_prior, ids, mask, prior))
        return logits


def _session(model, threads: int | None):
    """An onnxruntime CPU session on `model` (a path, or a serialised graph)."""
    import onnxruntime as ort

    from nianbao.tagger.base import default_threads

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads or default_threads()
    options.inter_op_num_threads = 1
    # threads sleep rather than spin while they wait: the same speed on an idle machine, and on
    # one where another process holds a core 4.6-5.0 s instead of 5.6-6.1 s for `nianbao bench`'s 12 reports
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    return ort.InferenceSession(model, options, providers=["CPUExecutionProvider"])


def _feeds(use_prior: bool, ids, mask, prior) -> dict:
    import numpy as np

    feeds = {"input_ids": ids, "attention_mask": mask}
    if use_prior:
        feeds["prior"] = prior if prior is not None else np.zeros_like(ids)
    return feeds


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
                calibrate: Callable[[object], None], threads: int | None = None) -> OnnxTagger:
    """The onnxruntime tagger for the model identified by `key`, built into the cache on
    first use (`load_model` gives the torch `Tagger`; it is not called when the file exists).
    `calibrate` feeds the calibration windows to the tagger it is given (anything with
    ``use_prior`` and ``logits(ids, mask, prior)``) when the int8 graph is built."""
    from nianbao.tagger.base import cache_dir

    folder = cache_dir() / "onnx" / hashlib.sha256(key.encode()).hexdigest()[:16]
    fp32, q8 = folder / "tagger.onnx", folder / INT8_GRAPH
    built = not (q8 if int8 else fp32).is_file()
    if not fp32.is_file():
        export_onnx(load_model(), fp32)
    if int8 and not q8.is_file():
        _quantise(fp32, q8, lambda names: activation_ranges(fp32, names, calibrate, use_prior, threads))
    return OnnxTagger(q8 if int8 else fp32, threads, use_prior, built)


class _RangeRecorder:
    """The fp32 graph with the activations `names` as extra outputs; `logits` runs it and widens
    each activation's (lowest, highest) value seen."""

    def __init__(self, fp32: Path, names: list[str], use_prior: bool, threads: int | None):
        import onnx

        graph = onnx.load(str(fp32))
        graph.graph.output.extend(onnx.helper.make_tensor_value_info(n, onnx.TensorProto.FLOAT, None) for n in names)
        self.session = _session(graph.SerializeToString(), threads)
        self.names, self.use_prior = names, use_prior
        self.ranges = {n: (0.0, 0.0) for n in names}  # zero is always inside the range, as in dynamic quantisation

    def logits(self, ids, mask, prior=None):
        return self.record(_feeds(self.use_prior, ids, mask, prior))

    def record(self, feeds: dict):
        """Run the graph on `feeds`, widen the ranges, return its first output."""
        first, *seen = self.session.run(None, feeds)
        for name, values in zip(self.names, seen):
            lo, hi = self.ranges[name]
            self.ranges[name] = (min(lo, float(values.min())), max(hi, float(values.max())))
        return first


def activation_ranges(fp32: Path, names: list[str], calibrate: Callable[[object], None], use_prior: bool,
                      threads: int | None = None) -> dict[str, tuple[float, float]]:
    """(lowest, highest) value of each activation of the fp32 graph named, over the calibration windows."""
    recorder = _RangeRecorder(fp32, names, use_prior, threads)
    calibrate(recorder)
    return recorder.ranges


def _quantise(fp32: Path, out: Path,
              ranges_of: Callable[[list[str]], dict[str, tuple[float, float]]]) -> None:
    """onnxruntime's dynamic int8 graph (weights per channel, 7 bits: no 16-bit sum of products
    overflows on processors without VNNI), then the range of each activation it quantises on the
    fly fixed to what `ranges_of` (given their names) reads for it."""
    import logging

    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    tmp = _temporary(out)
    root = logging.getLogger()
    level = root.level
    root.setLevel(max(level, logging.ERROR))  # quiet its pre-processing hint
    try:
        quantize_dynamic(str(fp32), str(tmp), weight_type=QuantType.QInt8, per_channel=True, reduce_range=True)
    finally:
        root.setLevel(level)
    graph = onnx.load(str(tmp))
    dynamic = sorted({n.input[0] for n in graph.graph.node if n.op_type == "DynamicQuantizeLinear"})
    fixed_ranges(graph, ranges_of(dynamic))
    onnx.save(graph, str(tmp))
    tmp.replace(out)


def fixed_ranges(graph, ranges: dict[str, tuple[float, float]]) -> None:
    """Rewrite a `quantize_dynamic` graph in place: every ``DynamicQuantizeLinear`` becomes a
    ``QuantizeLinear`` with the scale and zero point of the activation's fixed range, and each
    int8 product with its rescaling (``MatMulInteger`` → ``Cast`` → ``Mul`` by the scales,
    then the bias ``Add``) one ``MatMulIntegerToFloat``, the fused kernel onnxruntime runs for
    dynamic graphs (unfused, 300 pages took 7 % longer to tag)."""
    import numpy as np
    from onnx import helper, numpy_helper

    nodes = []
    for node in graph.graph.node:
        if node.op_type != "DynamicQuantizeLinear":
            nodes.append(node)
            continue
        activation, (quantised, scale, zero_point) = node.input[0], node.output
        if activation not in ranges:
            raise ValueError(f"no calibrated range for {activation}")
        lo, hi = RANGE_MARGIN * min(ranges[activation][0], 0.0), RANGE_MARGIN * max(ranges[activation][1], 0.0)
        step = (hi - lo) / 255 or 1.0
        graph.graph.initializer.extend([
            numpy_helper.from_array(np.array(step, np.float32), scale),
            numpy_helper.from_array(np.array(np.clip(np.round(-lo / step), 0, 255), np.uint8), zero_point)])
        nodes.append(helper.make_node("QuantizeLinear", [activation, scale, zero_point], [quantised],
                                      name=node.name + "_fixed_range"))
    del graph.graph.node[:]
    graph.graph.node.extend(_fused_products(nodes, {i.name: i for i in graph.graph.initializer}))
    if not any(o.domain == "com.microsoft" for o in graph.opset_import):
        graph.opset_import.append(helper.make_opsetid("com.microsoft", 1))


def _fused_products(nodes: list, initializers: dict) -> list:
    """`nodes` with each ``MatMulInteger`` → ``Cast`` → ``Mul`` (→ bias ``Add``) chain as one
    ``MatMulIntegerToFloat``; a chain of another shape is left as it is."""
    from onnx import helper

    users: dict[str, list] = {}
    for node in nodes:
        for name in node.input:
            users.setdefault(name, []).append(node)
    made = {o: node for node in nodes for o in node.output}

    def sole_user(name: str, op: str):
        found = users.get(name, [])
        return found[0] if len(found) == 1 and found[0].op_type == op else None

    dropped, fused = set(), {}
    for product in nodes:
        if product.op_type != "MatMulInteger" or len(product.input) != 4:
            continue
        cast = sole_user(product.output[0], "Cast")
        rescale = cast and sole_user(cast.output[0], "Mul")
        scales = rescale and made.get(next(x for x in rescale.input if x != cast.output[0]))
        quantiser = made.get(product.input[0])
        if (scales is None or scales.op_type != "Mul" or quantiser is None or quantiser.op_type != "QuantizeLinear"
                or quantiser.input[1] not in scales.input or not all(x in initializers for x in scales.input)):
            continue
        out, bias = rescale.output[0], []
        add = sole_user(out, "Add")
        if add is not None:
            other = next(x for x in add.input if x != out)
            if other in initializers and len(initializers[other].dims) == 1:
                out, bias = add.output[0], [other]
                dropped.add(id(add))
        a_scale = quantiser.input[1]
        b_scale = next(x for x in scales.input if x != a_scale)
        fused[id(product)] = helper.make_node(
            "MatMulIntegerToFloat", [product.input[0], product.input[1], a_scale, b_scale, product.input[2],
                                     product.input[3], *bias], [out], domain="com.microsoft", name=product.name + "_to_float")
        dropped |= {id(cast), id(rescale)}
        if len(users[scales.output[0]]) == 1:
            dropped.add(id(scales))
    return [fused.get(id(n), n) for n in nodes if id(n) not in dropped]


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
