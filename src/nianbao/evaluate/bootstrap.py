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
