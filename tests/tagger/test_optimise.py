"""The int8 graph's fixed activation ranges, on a graph of one linear layer (no model needed)."""
import numpy as np
import onnx
import onnxruntime as ort
from onnx import TensorProto, helper, numpy_helper

from nianbao.tagger.optimise import _quantise, activation_ranges


def _linear_layer(path, rng):
    weight = rng.normal(0, 0.2, (16, 8)).astype(np.float32)
    bias = rng.normal(0, 0.1, 8).astype(np.float32)
    graph = helper.make_graph(
        [helper.make_node("MatMul", ["x", "w"], ["xw"]), helper.make_node("Add", ["xw", "b"], ["logits"])],
        "linear", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [None, None, 16])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, None)],
        [numpy_helper.from_array(weight, "w"), numpy_helper.from_array(bias, "b")])
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(path))


def _feeding(rows):
    """Calibration that feeds the layer's input straight to the recorder (no tagger windows)."""
    return lambda recorder: recorder.record({"x": rows})


def _run(path, x):
    return ort.InferenceSession(str(path), providers=["CPUExecutionProvider"]).run(None, {"x": x})[0]


def test_a_row_reads_the_same_alone_and_beside_a_row_of_far_larger_values(tmp_path):
    rng = np.random.default_rng(3)
    fp32, q8 = tmp_path / "linear.onnx", tmp_path / "linear.int8.onnx"
    _linear_layer(fp32, rng)
    calibration = rng.normal(0, 1, (4, 10, 16)).astype(np.float32)
    asked = []

    def ranges_of(names):
        asked.extend(names)
        return activation_ranges(fp32, names, _feeding(calibration), use_prior=False)

    _quantise(fp32, q8, ranges_of)
    assert asked == ["x"]
    ops = [n.op_type for n in onnx.load(str(q8)).graph.node]
    assert ops == ["QuantizeLinear", "MatMulIntegerToFloat"]  # the bias Add folded into the fused product
    # 7-bit weights: a pair of products with 8-bit activations sums below 2**15 on processors without VNNI
    weights = next(numpy_helper.to_array(t) for t in onnx.load(str(q8)).graph.initializer if t.name == "w_quantized")
    assert weights.shape == (16, 8) and np.abs(weights.astype(int)).max() <= 64

    row = rng.normal(0, 1, (1, 10, 16)).astype(np.float32)
    loud = 30 * rng.normal(0, 1, (1, 10, 16)).astype(np.float32)
    alone, beside = _run(q8, row), _run(q8, np.concatenate([row, loud]))[:1]
    assert np.array_equal(alone, beside)
    assert np.abs(alone - _run(fp32, row)).max() < 0.05
