"""`ModelExtractor`: the trained tagger as a fact extractor for `nianbao check`.

The model reads only windows around candidate mentions (`find_candidates` outside the
tables, quantities and zero-claim cues), batched across all documents of a call, sorted
by length so each batch pads little, under `torch.inference_mode`, with one thread per
core.  ``mode="whole"`` reads the whole narrative instead (windows tiling it), for the
bench.  ``backend="onnx"`` runs the same weights in onnxruntime, ``backend="optimised"``
in onnxruntime with int8 matrices (see `nianbao.tagger.optimise`).
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

import torch

from nianbao.report import Fact, Report
from nianbao.tagger.chars import CharVocab
from nianbao.tagger.data import TagScheme, Window, WindowConfig, merge_windows, tile_windows
from nianbao.tagger.decode import candidate_facts, document_facts
from nianbao.tagger.model import Tagger, encode_batch, set_threads

REPO = Path(__file__).resolve().parents[3]


def default_model_dir() -> Path:
    """``$NIANBAO_MODEL`` if set, else the shipped ``models/default`` of the checkout."""
    return Path(os.environ.get("NIANBAO_MODEL") or REPO / "models" / "default")


def predict_windows(model: Tagger, vocab: CharVocab, pieces: Sequence[str], batch_size: int = 32,
                    priors: Sequence[Sequence[int]] | None = None) -> list:
    """Tag probabilities (characters × tags, numpy) for every piece of text (and its prior tags)."""
    out: list = [None] * len(pieces)
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
    was_training = model.training
    model.eval()
    with torch.inference_mode():
        for b in range(0, len(order), batch_size):
            rows = order[b:b + batch_size]
            ids, mask, _, prior = encode_batch(vocab, [pieces[i] for i in rows], None,
                                               [priors[i] for i in rows] if priors is not None else None)
            probs = model(ids, mask, prior).float().softmax(-1).numpy()
            for r, i in enumerate(rows):
                out[i] = probs[r, 1:len(pieces[i]) + 1]
    if was_training:
        model.train()
    return out


def windows_for(texts: Sequence[str], exclusions: Sequence[Sequence[tuple[int, int]]], config: WindowConfig,
                mode: str = "windows") -> tuple[list[Window], list[list[tuple[int, int]]]]:
    """The windows the model reads, and each text's candidate mentions (start, end)."""
    from nianbao.tagger.corpus import mention_spans

    windows: list[Window] = []
    mentions: list[list[tuple[int, int]]] = []
    for i, (text, excl) in enumerate(zip(texts, exclusions)):
        found = mention_spans(text, excl)
        mentions.append([(s, e) for s, e, _ in found])
        if mode == "whole":
            windows.extend(tile_windows(len(text), excl, config, doc=i))
        else:
            windows.extend(merge_windows(len(text), found, excl, config, doc=i))
    return windows, mentions


def tag_texts(model: Tagger, vocab: CharVocab, scheme: TagScheme, config: WindowConfig, texts: Sequence[str],
              exclusions: Sequence[Sequence[tuple[int, int]]], mode: str = "windows",
              batch_size: int = 32) -> list[list[Fact]]:
    """Facts for each text (offsets into it), windows batched across all the texts."""
    windows, mentions = windows_for(texts, exclusions, config, mode)
    priors = None
    if model.use_prior:
        from nianbao.tagger.prior import prior_tags

        doc_priors = [prior_tags(text, excl, scheme) for text, excl in zip(texts, exclusions)]
        priors = [doc_priors[w.doc][w.start:w.end] for w in windows]
    results = predict_windows(model, vocab, [texts[w.doc][w.start:w.end] for w in windows], batch_size, priors)
    per_doc: list[list[Fact]] = [[] for _ in texts]
    for w, probs in zip(windows, results):
        per_doc[w.doc].extend(candidate_facts(texts[w.doc], w, mentions[w.doc], probs, scheme.names))
    return [document_facts(text, facts) for text, facts in zip(texts, per_doc)]


class ModelExtractor:
    """The trained tagger (default: the shipped ``models/default``) as a fact extractor."""

    name = "model"

    def __init__(self, model_dir: str | os.PathLike | None = None, *, mode: str = "windows", backend: str = "torch",
                 base_dir: str | os.PathLike | None = None, threads: int | None = None, batch_size: int = 32,
                 model: Tagger | None = None, parts: tuple[CharVocab, TagScheme, WindowConfig] | None = None):
        from nianbao.tagger.export import load_tagger, read_meta, weight_chain

        if mode not in ("windows", "whole"):
            raise ValueError(f"mode must be 'windows' or 'whole', not {mode!r}")
        set_threads(threads)
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        self.mode, self.batch_size = mode, batch_size
        if model is not None and parts is not None:
            self.model, (self.vocab, self.scheme, self.window) = model, parts
            self.version = "in-memory"
        else:
            self.model, self.vocab, self.scheme, self.window = load_tagger(self.model_dir, base_dir)
            self.version = "".join(m["weights_sha256"][:12] for m in map(read_meta, weight_chain(self.model_dir)))
        if backend in ("optimised", "onnx"):
            from nianbao.tagger.optimise import quantise

            self.model = quantise(self.model, key=self.version if self.version != "in-memory" else "",
                                  int8=backend == "optimised", threads=threads)
        elif backend != "torch":
            raise ValueError(f"backend must be 'torch', 'onnx' or 'optimised', not {backend!r}")

    def extract(self, reports: Sequence[Report]) -> list[list[Fact]]:
        from nianbao.facts.candidates import narrative_exclusions

        return self.extract_texts([r.text for r in reports], [narrative_exclusions(r) for r in reports])

    def extract_texts(self, texts: Sequence[str],
                      exclusions: Sequence[Sequence[tuple[int, int]]] | None = None) -> list[list[Fact]]:
        exclusions = exclusions if exclusions is not None else [[] for _ in texts]
        return tag_texts(self.model, self.vocab, self.scheme, self.window, texts, exclusions, self.mode,
                         self.batch_size)
