"""The CRF baseline: a linear-chain CRF (sklearn-crfsuite) over characters, with character
and keyword-window features, run on the same candidate windows as the model."""
from __future__ import annotations

import pickle
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from nianbao.facts.catalogue import catalogue
from nianbao.report import Fact, Report

WINDOW_LEFT, WINDOW_RIGHT = 40, 16  # characters of context around a candidate mention
CUE_LEFT, CUE_RIGHT = 24, 12  # how far a cue word may stand from the character
QUALIFIERS = set("余多近约超逾突破以上左右")
CN_DIGITS = set("零〇一二两三四五六七八九十百千万亿")
UNITS = set("件条个项篇人次场期笔元家份%％批")
DEFAULT_PATH = Path(__file__).resolve().parents[3] / "models" / "crf" / "crf.pkl"


@dataclass
class Window:
    start: int
    end: int


@lru_cache(maxsize=1)
def _cues() -> tuple[str, ...]:
    cues = {c for info in catalogue().values() for c in info.cues}
    cues |= {"未", "无", "没有", "占比", "其中", "共", "全年", "累计", "发布", "收到", "办结", "答复", "关注", "浏览"}
    return tuple(sorted(cues, key=len, reverse=True))


def candidate_windows(text: str, exclusions: list[tuple[int, int]]) -> list[Window]:
    """Merged windows of context around every candidate quantity mention and zero cue."""
    from nianbao.facts.candidates import find_candidates

    spans = sorted((max(0, c.start - WINDOW_LEFT), min(len(text), c.end + WINDOW_RIGHT))
                   for c in find_candidates(text, exclusions))
    merged: list[Window] = []
    for s, e in spans:
        if merged and s <= merged[-1].end:
            merged[-1].end = max(merged[-1].end, e)
        else:
            merged.append(Window(s, e))
    return merged


def _char_class(ch: str) -> str:
    if ch.isdigit():
        return "D"
    if ch in CN_DIGITS:
        return "N"
    if ch in QUALIFIERS:
        return "Q"
    if ch in UNITS:
        return "U"
    if "\u4e00" <= ch <= "\u9fff":
        return "H"
    if ch.isspace():
        return "S"
    return "P"


def window_features(text: str, w: Window) -> list[dict[str, object]]:
    chunk = text[w.start:w.end]
    cue_hits: list[tuple[int, int, str]] = []  # (start, end, cue) in chunk coordinates
    for cue in _cues():
        i = chunk.find(cue)
        while i != -1:
            cue_hits.append((i, i + len(cue), cue))
            i = chunk.find(cue, i + 1)
    feats = []
    n = len(chunk)
    for i, ch in enumerate(chunk):
        f: dict[str, object] = {"c": ch, "t": _char_class(ch), "bias": 1.0}
        for d in (-3, -2, -1, 1, 2, 3):
            j = i + d
            f[f"c{d}"] = chunk[j] if 0 <= j < n else "#"
            f[f"t{d}"] = _char_class(chunk[j]) if 0 <= j < n else "#"
        f["b-1"] = (chunk[i - 1] if i else "#") + ch
        f["b+1"] = ch + (chunk[i + 1] if i + 1 < n else "#")
        for s, e, cue in cue_hits:
            if i - CUE_LEFT <= s and e <= i:
                f["L:" + cue] = 1.0
            elif i < s and s <= i + CUE_RIGHT:
                f["R:" + cue] = 1.0
        feats.append(f)
    return feats


def window_tags(text: str, w: Window, gold: list[Fact]) -> list[str]:
    """BIO tags of a window's characters (one label per character; the first gold label wins)."""
    tags = ["O"] * (w.end - w.start)
    for g in sorted(gold, key=lambda f: (f.start, f.end)):
        if g.start < w.start or g.end > w.end or any(t != "O" for t in tags[g.start - w.start:g.end - w.start]):
            continue
        tags[g.start - w.start] = "B-" + g.label
        for k in range(g.start + 1 - w.start, g.end - w.start):
            tags[k] = "I-" + g.label
    return tags


@dataclass
class TrainingDoc:
    text: str
    gold: list[Fact]
    exclusions: list[tuple[int, int]]


def train_crf(docs: list[TrainingDoc], c1: float = 0.1, c2: float = 0.05, max_iterations: int = 60):
    """L-BFGS with L1+L2 (c1 keeps the model sparse); 60 iterations: on 2 cores ≈ 2 minutes
    for 40 generated reports plus 9 real ones (measured; 150 iterations gain little)."""
    import sklearn_crfsuite

    X, y = [], []
    for doc in docs:
        for w in candidate_windows(doc.text, doc.exclusions):
            X.append(window_features(doc.text, w))
            y.append(window_tags(doc.text, w, doc.gold))
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=c1, c2=c2, max_iterations=max_iterations,
                               all_possible_transitions=False)
    crf.fit(X, y)
    return crf


def save(crf, path: str | Path = DEFAULT_PATH) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(crf, protocol=4))
    return path


def predict_facts(crf, text: str, exclusions: list[tuple[int, int]]) -> list[Fact]:
    from nianbao.facts.decode import facts_from_tags

    windows = candidate_windows(text, exclusions)
    if not windows:
        return []
    marginals = crf.predict_marginals([window_features(text, w) for w in windows])
    facts: list[Fact] = []
    for w, probs in zip(windows, marginals):
        tags = [max(p, key=p.get) for p in probs]
        scores = [p[t] for p, t in zip(probs, tags)]
        facts.extend(facts_from_tags(text, w.start, tags, scores, extractor="crf"))
    return sorted(facts, key=lambda f: (f.start, f.end, f.label))


class CrfExtractor:
    """`get_extractor("crf")`: the CRF baseline as an extractor."""

    def __init__(self, model_dir: str | None = None):
        path = Path(model_dir) / "crf.pkl" if model_dir else DEFAULT_PATH
        if not path.is_file():
            from nianbao.errors import NianbaoError

            raise NianbaoError(f"{path}: no trained CRF baseline here; run `nianbao train --crf` or `nianbao setup`")
        self.crf = pickle.loads(path.read_bytes())

    def extract(self, reports: list[Report]) -> list[list[Fact]]:
        from nianbao.facts.candidates import narrative_exclusions

        return [predict_facts(self.crf, r.text, narrative_exclusions(r)) for r in reports]


def train_default(n_synthetic: int = 40, seed: int = 0, path: str | Path = DEFAULT_PATH) -> Path:
    """The shipped CRF baseline: generated reports (seeded) plus the whole real gold corpus."""
    from nianbao.evaluate.data import load_gold_docs, synthetic_docs
    from nianbao.facts.candidates import narrative_exclusions

    docs = [TrainingDoc(d.report.text, d.gold, narrative_exclusions(d.report))
            for d in [*synthetic_docs(n_synthetic, seed), *load_gold_docs()]]
    return save(train_crf(docs), path)
