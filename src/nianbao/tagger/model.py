"""The token tagger: a (truncated) transformers encoder with a linear BIO head.

Token ``i + 1`` of a batch row is character ``window.start + i`` (token 0 is CLS); see
`nianbao.tagger.chars`.  Only this module, `train`, and the functions of `export` and
`optimise` that build or export a torch model import torch: inference (`predict`) does
not, unless asked for the torch backend.
"""
from __future__ import annotations

import os
from collections.abc import Sequence

import torch
from torch import nn


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

    def logits(self, ids, mask, prior=None):
        """Inference on numpy arrays (`data.encode_batch`): logits as a float32 numpy array,
        the interface `predict` shares with the onnxruntime tagger."""
        was_training = self.training
        self.eval()
        with torch.inference_mode():
            out = self(*tensors(ids, mask, prior)).float().numpy()
        self.train(was_training)
        return out


class Ensemble(nn.Module):
    """Taggers fine-tuned from one pretrained tagger with different seeds, read as one: the
    mean of their tag log-probabilities (`logits` of the same shape as one `Tagger`'s, so
    windows, decoding and the ONNX export are shared)."""

    def __init__(self, members: Sequence[Tagger]):
        super().__init__()
        self.members = nn.ModuleList(members)
        words = members[0].encoder.get_input_embeddings()  # never trained: the base's, one copy for all
        for member in members[1:]:
            member.encoder.set_input_embeddings(words)

    @property
    def use_prior(self) -> bool:
        return self.members[0].use_prior

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor,
                prior: torch.Tensor | None = None) -> torch.Tensor:
        return torch.stack([torch.log_softmax(m(input_ids, attention_mask, prior), -1) for m in self.members]).mean(0)

    logits = Tagger.logits


def read_as_one(taggers: Sequence[Tagger]) -> Tagger | Ensemble:
    """The one tagger, or the `Ensemble` of several fine-tuned members (in eval mode)."""
    return taggers[0] if len(taggers) == 1 else Ensemble(taggers).eval()


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


def tensors(*arrays):
    """`data.encode_batch`'s numpy arrays as torch tensors (None stays None)."""
    return tuple(None if a is None else torch.from_numpy(a) for a in arrays)


def set_threads(threads: int | None = None) -> None:
    from nianbao.tagger.base import default_threads

    torch.set_num_threads(threads or default_threads())


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


