"""`ModelExtractor`: the trained tagger as a fact extractor for `nianbao check`.

The model reads only windows around candidate mentions (`find_candidates` outside the
tables, quantities and zero-claim cues), batched across all documents of a call, sorted
by length so each batch pads little.  ``mode="whole"`` reads the whole narrative instead
(windows tiling it), for the bench.  Backends (the same weights, see
`nianbao.tagger.optimise`): ``"optimised"`` (the default) runs them in onnxruntime with
int8 matrices and starts without importing torch; ``"onnx"`` in onnxruntime in fp32;
``"torch"`` in torch under `inference_mode`.  The int8 graph was chosen on the dev split
(docs/model.md): its facts differ from fp32's on under 1 % of spans, with no loss of F1,
and it reads the windows in about half the time; its activation ranges are fixed on
synthetic reports when it is built (`calibration`), so a report reads the same alone and in
a batch.  ``$NIANBAO_BACKEND`` chooses another.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from operator import itemgetter
from pathlib import Path

from nianbao.report import Fact, Report
from nianbao.scan import starting_in
from nianbao.tagger.chars import CharVocab
from nianbao.tagger.data import (TagScheme, Window, WindowConfig, encode_batch, heading_finder, merge_windows,
                                 tile_windows)
from nianbao.tagger.decode import candidate_facts, document_facts

REPO = Path(__file__).resolve().parents[3]
BACKENDS = ("optimised", "onnx", "torch")
CALIBRATION = (60, 7)  # synthetic reports (count, seed) whose windows fix the int8 graph's activation ranges


def default_backend() -> str:
    """``$NIANBAO_BACKEND`` if set (one of `BACKENDS`), else the int8 graph."""
    from nianbao.errors import NianbaoError

    chosen = os.environ.get("NIANBAO_BACKEND") or "optimised"
    if chosen not in BACKENDS:
        raise NianbaoError(f"NIANBAO_BACKEND={chosen!r} is not a model backend: use one of {', '.join(BACKENDS)}")
    return chosen


def default_model_dir() -> Path:
    """``$NIANBAO_MODEL`` if set, else the shipped ``models/default`` of the checkout."""
    return Path(os.environ.get("NIANBAO_MODEL") or REPO / "models" / "default")


def predict_windows(model, vocab: CharVocab, pieces: Sequence[str], batch_size: int = 32,
                    priors: Sequence[Sequence[int]] | None = None) -> list:
    """Tag probabilities (characters × tags, numpy) for every piece of text (and its prior tags).

    `model` is a torch `Tagger` or an `OnnxTagger`: anything with ``logits(ids, mask, prior)``."""
    import numpy as np

    out: list = [None] * len(pieces)
    order = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
    for b in range(0, len(order), batch_size):
        rows = order[b:b + batch_size]
        ids, mask, _, prior = encode_batch(vocab, [pieces[i] for i in rows], None,
                                           [priors[i] for i in rows] if priors is not None else None)
        logits = model.logits(ids, mask, prior)
        probs = np.exp(logits - logits.max(-1, keepdims=True))
        probs /= probs.sum(-1, keepdims=True)
        for r, i in enumerate(rows):
            out[i] = probs[r, 1:len(pieces[i]) + 1]
    return out


def windows_for(texts: Sequence[str], exclusions: Sequence[Sequence[tuple[int, int]]], config: WindowConfig,
                mode: str, candidates: Sequence[Sequence]) -> tuple[list[Window], list[list[tuple[int, int]]]]:
    """The windows the model reads, and each text's candidate mentions (start, end) in text
    order, from each text's `find_candidates`."""
    from nianbao.tagger.corpus import mention_spans

    windows: list[Window] = []
    mentions: list[list[tuple[int, int]]] = []
    for i, (text, excl, cands) in enumerate(zip(texts, exclusions, candidates)):
        found = mention_spans(cands)
        mentions.append(sorted((s, e) for s, e, _ in found))
        if mode == "whole":
            windows.extend(tile_windows(len(text), excl, config, doc=i))
        else:
            windows.extend(merge_windows(len(text), found, excl, config, doc=i))
    return windows, mentions


def tag_texts(model, vocab: CharVocab, scheme: TagScheme, config: WindowConfig, texts: Sequence[str],
              exclusions: Sequence[Sequence[tuple[int, int]]], mode: str = "windows",
              batch_size: int = 32) -> list[list[Fact]]:
    """Facts for each text (offsets into it), windows batched across all the texts."""
    from nianbao.facts.candidates import find_candidates

    candidates = [find_candidates(text, list(excl)) for text, excl in zip(texts, exclusions)]  # windows and prior
    windows, mentions = windows_for(texts, exclusions, config, mode, candidates)
    headings = [heading_finder(text, excl, config) for text, excl in zip(texts, exclusions)]
    contexts = [headings[w.doc](w) for w in windows]
    priors = None
    if model.use_prior:
        from nianbao.tagger.prior import prior_tags

        doc_priors = [prior_tags(text, excl, scheme, cands) for text, excl, cands in zip(texts, exclusions, candidates)]
        priors = [[0] * len(c) + doc_priors[w.doc][w.start:w.end] for w, c in zip(windows, contexts)]
    results = predict_windows(model, vocab, [c + texts[w.doc][w.start:w.end] for w, c in zip(windows, contexts)],
                              batch_size, priors)
    per_doc: list[list[Fact]] = [[] for _ in texts]
    for w, context, probs in zip(windows, contexts, results):
        # only the mentions that start in the window: reading all of them for every window made a
        # long document (a volume of many reports) quadratic in its length
        inside = starting_in(mentions[w.doc], w.start, w.end, itemgetter(0))
        per_doc[w.doc].extend(candidate_facts(texts[w.doc], w, inside, probs[len(context):], scheme.names))
    return [document_facts(text, facts) for text, facts in zip(texts, per_doc)]


def calibration(vocab: CharVocab, scheme: TagScheme, config: WindowConfig):
    """What builds the int8 graph's activation ranges: the windows of the `CALIBRATION`
    synthetic reports, read as `nianbao check` reads a report, fed to the tagger given."""
    def feed(tagger) -> None:
        from nianbao.tagger.corpus import synthetic_docs

        docs = synthetic_docs(*CALIBRATION)
        tag_texts(tagger, vocab, scheme, config, [d.text for d in docs], [d.exclusions for d in docs])
    return feed


class ModelExtractor:
    """The trained tagger (default: the shipped ``models/default``) as a fact extractor."""

    name = "model"

    def __init__(self, model_dir: str | os.PathLike | None = None, *, mode: str = "windows",
                 backend: str | None = None,
                 base_dir: str | os.PathLike | None = None, threads: int | None = None, batch_size: int = 32,
                 model=None, parts: tuple[CharVocab, TagScheme, WindowConfig] | None = None):
        from nianbao.tagger.export import assemble, model_parts
        from nianbao.tagger.optimise import onnx_tagger, weights_key

        if mode not in ("windows", "whole"):
            raise ValueError(f"mode must be 'windows' or 'whole', not {mode!r}")
        backend = backend or default_backend()
        if backend not in BACKENDS:
            raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, not {backend!r}")
        self.model_dir = Path(model_dir) if model_dir else default_model_dir()
        self.mode, self.backend, self.batch_size = mode, backend, batch_size
        in_memory = model is not None and parts is not None  # trained in this process (cross-validation folds)
        if in_memory:
            (self.vocab, self.scheme, self.window), self.version = parts, "in-memory"
            use_prior, load = model.use_prior, lambda: model
        else:
            checked = model_parts(self.model_dir, base_dir)
            self.vocab, self.scheme, self.window, self.version = (checked.vocab, checked.scheme, checked.window,
                                                                  checked.version)
            use_prior = bool(checked.meta.get("prior"))
            load = lambda: assemble(checked)  # noqa: E731
        if backend == "torch":
            from nianbao.tagger.model import set_threads

            set_threads(threads)
            self.model = load()
        else:
            key = weights_key(model) if in_memory else self.version + checked.base_sha256
            self.model = onnx_tagger(key, load, int8=backend == "optimised", use_prior=use_prior, threads=threads,
                                     calibrate=calibration(self.vocab, self.scheme, self.window))

    def extract(self, reports: Sequence[Report]) -> list[list[Fact]]:
        from nianbao.facts.candidates import narrative_exclusions

        return self.extract_texts([r.text for r in reports], [narrative_exclusions(r) for r in reports])

    def extract_texts(self, texts: Sequence[str],
                      exclusions: Sequence[Sequence[tuple[int, int]]] | None = None) -> list[list[Fact]]:
        exclusions = exclusions if exclusions is not None else [[] for _ in texts]
        return tag_texts(self.model, self.vocab, self.scheme, self.window, texts, exclusions, self.mode,
                         self.batch_size)
