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
    """Encoder + BIO head; with ``use_prior`` a learned embedding of the rules prior's tag
    for each character (`nianbao.tagger.prior`) is added to its word embedding."""

    def __init__(self, encoder: nn.Module, num_tags: int, dropout: float = 0.1, use_prior: bool = False):
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.head = nn.Linear(encoder.config.hidden_size, num_tags)
        self.prior = nn.Embedding(num_tags, encoder.config.hidden_size) if use_prior else None

    @property
    def use_prior(self) -> bool:
        return self.prior is not None

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                prior: torch.Tensor | None = None) -> torch.Tensor:
        if self.prior is None:
            hidden = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        else:
            embeds = self.encoder.get_input_embeddings()(input_ids)
            if prior is not None:
                embeds = embeds + self.prior(prior)
            hidden = self.encoder(inputs_embeds=embeds, attention_mask=attention_mask).last_hidden_state
        return self.head(self.dropout(hidden))


def build_tagger(encoder_dir: str | os.PathLike, layers: int | None, num_tags: int, seed: int = 0,
                 use_prior: bool = False) -> Tagger:
    """The encoder's first `layers` layers (all when None) and a freshly initialised head
    (and prior embedding, zero at first: the untrained prior changes nothing)."""
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
    tagger = Tagger(encoder, num_tags, use_prior=use_prior)
    nn.init.normal_(tagger.head.weight, std=0.02)
    nn.init.zeros_(tagger.head.bias)
    if tagger.prior is not None:
        nn.init.zeros_(tagger.prior.weight)
    return tagger


def encode_batch(vocab: CharVocab, texts: Sequence[str], labels: Sequence[Sequence[int]] | None = None,
                 priors: Sequence[Sequence[int]] | None = None):
    """Dynamic padding: CLS + characters + SEP, padded to the longest row of this batch.

    Returns ``(ids, mask, tags, prior)``; `tags` is None without `labels`, `prior` (tag
    ids, ``O`` on CLS/SEP/padding) None without `priors`."""
    width = max(len(t) for t in texts) + 2
    ids = torch.full((len(texts), width), vocab.pad_id, dtype=torch.long)
    mask = torch.zeros((len(texts), width), dtype=torch.long)
    tags = torch.full((len(texts), width), IGNORE, dtype=torch.long) if labels is not None else None
    prior = torch.zeros((len(texts), width), dtype=torch.long) if priors is not None else None
    for row, text in enumerate(texts):
        n = len(text)
        ids[row, : n + 2] = torch.tensor([vocab.cls_id, *vocab.encode(text), vocab.sep_id])
        mask[row, : n + 2] = 1
        if tags is not None:
            tags[row, 1 : n + 1] = torch.tensor(labels[row], dtype=torch.long)
        if prior is not None and n:
            prior[row, 1 : n + 1] = torch.tensor(priors[row], dtype=torch.long)
    return ids, mask, tags, prior


def set_threads(threads: int | None = None) -> None:
    torch.set_num_threads(threads or os.cpu_count() or 1)


NEW_PARTS = ("head.", "prior.")  # initialised here, not taken from the encoder: they learn at the head's rate


def trainable_names(tagger: Tagger, train_layers: Sequence[int] | None) -> list[str]:
    """Parameters that training updates: word embeddings never (setup regenerates them from
    the base); with `train_layers`, only those encoder layers, the head and the prior embedding."""
    names = []
    for name, _ in tagger.named_parameters():
        if "word_embeddings" in name:
            continue
        if train_layers is not None and not name.startswith(NEW_PARTS):
            if not any(f"encoder.layer.{i}." in name for i in train_layers):
                continue
        names.append(name)
    return names


