"""Document-level bootstrap confidence intervals for micro precision / recall / F1."""
from __future__ import annotations

import random

from nianbao.evaluate.metrics import Counts, Example, STRATEGIES


def bootstrap_ci(examples: list[Example], strategy: str = "value", n: int = 1000, seed: int = 0,
                 level: float = 0.95) -> dict[str, tuple[float, float]]:
    """Resample documents with replacement `n` times; percentile interval per measure.

    Documents, not facts, are the unit: facts in one report are not independent.
    """
    fn = STRATEGIES[strategy]
    per_doc = []
    for ex in examples:
        total = Counts()
        for c in fn(ex).values():
            total += c
        per_doc.append(total)
    rng = random.Random(seed)
    samples: dict[str, list[float]] = {"precision": [], "recall": [], "f1": []}
    for _ in range(n):
        total = Counts()
        for _ in per_doc:
            total += per_doc[rng.randrange(len(per_doc))]
        samples["precision"].append(total.precision)
        samples["recall"].append(total.recall)
        samples["f1"].append(total.f1)
    lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
    out = {}
    for k, values in samples.items():
        values.sort()
        out[k] = (values[int(lo_q * (len(values) - 1))], values[int(round(hi_q * (len(values) - 1)))])
    return out


def paired_bootstrap(a: list[Example], b: list[Example], strategy: str = "value", n: int = 1000, seed: int = 0,
                     level: float = 0.95) -> dict[str, float]:
    """Micro F1 of system `a` minus system `b` on the same documents: the difference, its
    percentile interval over `n` document resamples (both systems on the same resample)
    and the share of resamples where `a` is not better."""
    fn = STRATEGIES[strategy]
    by_doc = {ex.doc: ex for ex in b}
    if sorted(by_doc) != sorted(ex.doc for ex in a):
        raise ValueError("paired bootstrap needs both systems' examples on the same documents")

    def totals(ex: Example) -> Counts:
        total = Counts()
        for c in fn(ex).values():
            total += c
        return total

    pairs = [(totals(ex), totals(by_doc[ex.doc])) for ex in a]

    def f1_diff(sample) -> float:
        ta, tb = Counts(), Counts()
        for ca, cb in sample:
            ta += ca
            tb += cb
        return ta.f1 - tb.f1

    rng = random.Random(seed)
    diffs = sorted(f1_diff([pairs[rng.randrange(len(pairs))] for _ in pairs]) for _ in range(n))
    lo_q, hi_q = (1 - level) / 2, 1 - (1 - level) / 2
    return {"diff": f1_diff(pairs), "low": diffs[int(lo_q * (n - 1))], "high": diffs[int(round(hi_q * (n - 1)))],
            "p_not_better": sum(d <= 0 for d in diffs) / n}
