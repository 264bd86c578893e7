"""The optimised inference path: int8 dynamic quantisation of the encoder's linear layers.

Same weights, same windows, same decoding; the matrices of attention and feed-forward
layers run as int8 with per-row scales (``torch.ao.quantization.quantize_dynamic``).
The bench compares its speed and accuracy with the fp32 path.
"""
from __future__ import annotations

import copy

import torch

from nianbao.tagger.model import Tagger


def quantise(model: Tagger) -> Tagger:
    quantised = torch.ao.quantization.quantize_dynamic(copy.deepcopy(model).eval(), {torch.nn.Linear}, dtype=torch.qint8)
    return quantised
