"""The token tagger: a (truncated) transformers encoder with a linear BIO head.

Token ``i + 1`` of a batch row is character ``window.start + i`` (token 0 is CLS); see
`nianbao.tagger.chars`.  Only this module and `train`/`predict`/`export` import torch.
"""
from __future__ import annotations

import os
from collections.abc import Sequence


import torch
from torch import nn

from nianbao.tagger.chars import CharVocab
from nianbao.tagger.data import IGNORE


class Tagger(nn.Module):
    def __init__(self, encoder: nn.Module, num_tags: int, dropout: float = 0.1):
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden_size, num_tags)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        return self.head(self.dropout(hidden))


def build_tagger(encoder_dir: str | os.PathLike, layers: int | None, num_tags: int, seed: int = 0) -> Tagger:
    """The encoder's first `layers` layers (all when None) and a freshly initialised head."""
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()  # the CLI owns the progress display
    kwargs = {"num_hidden_layers": layers} if layers else {}
    try:
        encoder = AutoModel.from_pretrained(str(encoder_dir), add_pooling_layer=False, **kwargs)
    except TypeError:  # encoders without a pooler argument
        encoder = AutoModel.from_pretrained(str(encoder_dir), **kwargs)
    torch.manual_seed(seed)
    tagger = Tagger(encoder, num_tags)
    nn.init.normal_(tagger.head.weight, std=0.02)
    nn.init.zeros_(tagger.head.bias)
    return tagger


def encode_batch(vocab: CharVocab, texts: Sequence[str], labels: Sequence[Sequence[int]] | None = None):
    """Dynamic padding: CLS + characters + SEP, padded to the longest row of this batch."""
    width = max(len(t) for t in texts) + 2
    ids = torch.full((len(texts), width), vocab.pad_id, dtype=torch.long)
    mask = torch.zeros((len(texts), width), dtype=torch.long)
    tags = torch.full((len(texts), width), IGNORE, dtype=torch.long) if labels is not None else None
    for row, text in enumerate(texts):
        n = len(text)
        ids[row, : n + 2] = torch.tensor([vocab.cls_id, *vocab.encode(text), vocab.sep_id])
        mask[row, : n + 2] = 1
        if tags is not None:
            tags[row, 1 : n + 1] = torch.tensor(labels[row], dtype=torch.long)
    return ids, mask, tags


def set_threads(threads: int | None = None) -> None:
    torch.set_num_threads(threads or os.cpu_count() or 1)


def trainable_names(tagger: Tagger, train_layers: Sequence[int] | None) -> list[str]:
    """Parameters that training updates: word embeddings never (setup regenerates them from
    the base); with `train_layers`, only those encoder layers and the head."""
    names = []
    for name, _ in tagger.named_parameters():
        if "word_embeddings" in name:
            continue
        if train_layers is not None and not name.startswith("head."):
            if not any(f"encoder.layer.{i}." in name for i in train_layers):
                continue
        names.append(name)
    return names


