"""Entity evaluation the nervaluate way: count, then derive precision / recall / F1.

Gold and predicted facts travel together in an `Example`. Each matching strategy is one
function that turns an example into `Counts` per label; its rule is in its docstring.

Categories (per label):
* correct   — a prediction that matches a gold fact under the strategy
* incorrect — same boundaries as a gold fact, different label (strict only)
* partial   — overlaps a gold fact of the same label with other boundaries (strict only)
* missed    — a gold fact nothing matched
* spurious  — a prediction that matched nothing

precision = correct / (correct + incorrect + partial + spurious)
recall    = correct / (correct + incorrect + partial + missed)
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from nianbao.report import Fact


@dataclass
class Example:
    """One document's gold facts and predicted facts."""

    doc: str
    gold: list[Fact]
    pred: list[Fact]


@dataclass
class Counts:
    correct: int = 0
    incorrect: int = 0
    partial: int = 0
    missed: int = 0
    spurious: int = 0

    def __iadd__(self, other: "Counts") -> "Counts":
        for k in ("correct", "incorrect", "partial", "missed", "spurious"):
            setattr(self, k, getattr(self, k) + getattr(other, k))
        return self

    @property
    def precision(self) -> float:
        d = self.correct + self.incorrect + self.partial + self.spurious
        return self.correct / d if d else 0.0

    @property
    def recall(self) -> float:
        d = self.correct + self.incorrect + self.partial + self.missed
        return self.correct / d if d else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def support(self) -> int:
        return self.correct + self.incorrect + self.partial + self.missed


@dataclass
class Scores:
    """Counts per label plus the micro and macro averages."""

    per_label: dict[str, Counts] = field(default_factory=dict)

    @property
    def micro(self) -> Counts:
        total = Counts()
        for c in self.per_label.values():
            total += c
        return total

    @property
    def macro_f1(self) -> float:
        labels = [c for c in self.per_label.values() if c.support]
        return sum(c.f1 for c in labels) / len(labels) if labels else 0.0

    def to_dict(self) -> dict:
        row = lambda c: {"precision": c.precision, "recall": c.recall, "f1": c.f1, "support": c.support,  # noqa: E731
                         "correct": c.correct, "incorrect": c.incorrect, "partial": c.partial,
                         "missed": c.missed, "spurious": c.spurious}
        return {"micro": row(self.micro), "macro_f1": self.macro_f1,
                "per_label": {k: row(v) for k, v in sorted(self.per_label.items())}}


def _key(f: Fact) -> tuple[int, int, str]:
    return (f.start, f.end, f.label)


def strict_counts(example: Example) -> dict[str, Counts]:
    """Strict: correct only with exactly the gold boundaries and label.

    A prediction with the gold boundaries but another label is `incorrect` (counted on the
    gold label); one overlapping a same-label gold fact with other boundaries is `partial`;
    other predictions are `spurious`; gold facts left unmatched are `missed`.
    """
    counts: dict[str, Counts] = defaultdict(Counts)
    remaining = list(example.gold)
    unmatched_pred = []
    for p in example.pred:  # exact matches first, so a near miss never steals a gold fact
        hit = next((g for g in remaining if _key(g) == _key(p)), None)
        if hit is not None:
            remaining.remove(hit)
            counts[p.label].correct += 1
        else:
            unmatched_pred.append(p)
    for p in unmatched_pred:
        same_span = next((g for g in remaining if (g.start, g.end) == (p.start, p.end)), None)
        if same_span is not None:
            remaining.remove(same_span)
            counts[same_span.label].incorrect += 1
            continue
        overlap = next((g for g in remaining if g.label == p.label and g.start < p.end and p.start < g.end), None)
        if overlap is not None:
            remaining.remove(overlap)
            counts[p.label].partial += 1
            continue
        counts[p.label].spurious += 1
    for g in remaining:
        counts[g.label].missed += 1
    return dict(counts)


def _same_value(a: Fact, b: Fact) -> bool:
    if a.value is None or b.value is None:
        return a.value is b.value
    return abs(float(a.value) - float(b.value)) <= 1e-9 * max(1.0, abs(float(a.value)))


def value_matches(example: Example) -> tuple[list[tuple[Fact, Fact]], list[Fact], list[Fact]]:
    """Value-level matching: (gold, prediction) pairs, missed gold facts, spurious predictions.

    A prediction matches a gold fact it overlaps with the same label and the same normalised
    value (boundaries may differ: `180余条` vs `180余`); each gold fact matches at most one
    prediction, taken in reading order.
    """
    remaining = list(example.gold)
    pairs, spurious = [], []
    for p in sorted(example.pred, key=lambda f: (f.start, f.end)):
        match = next((g for g in remaining if g.label == p.label and g.start < p.end and p.start < g.end
                      and _same_value(g, p)), None)
        if match is not None:
            remaining.remove(match)
            pairs.append((match, p))
        else:
            spurious.append(p)
    return pairs, remaining, spurious


def value_counts(example: Example) -> dict[str, Counts]:
    """Value-level: correct when a prediction overlaps a gold fact with the same label and
    the same normalised value (see `value_matches`); the rest are `missed` / `spurious`.

    This is what reconciliation needs: the right number under the right label.
    """
    counts: dict[str, Counts] = defaultdict(Counts)
    pairs, missed, spurious = value_matches(example)
    for _, p in pairs:
        counts[p.label].correct += 1
    for p in spurious:
        counts[p.label].spurious += 1
    for g in missed:
        counts[g.label].missed += 1
    return dict(counts)


def value_errors(examples: list[Example]) -> list[dict]:
    """Every value-level error, in document order: what was missed or spurious, where, and
    what the other side had at that place (offsets only, no report text beyond the span)."""
    rows = []
    for ex in examples:
        _, missed, spurious = value_matches(ex)
        for kind, facts, others in (("missed", missed, ex.pred), ("spurious", spurious, ex.gold)):
            for f in facts:
                near = next((o for o in others if o.start < f.end and f.start < o.end), None)
                rows.append({"doc": ex.doc, "kind": kind, "label": f.label, "start": f.start, "end": f.end,
                             "span": f.text, "value": f.value,
                             "other": f"{near.label}={near.value}" if near is not None else ""})
    rows.sort(key=lambda r: (r["doc"], r["start"], r["kind"]))
    return rows


STRATEGIES = {"strict": strict_counts, "value": value_counts}


def score(examples: list[Example], strategy: str = "value", labels: list[str] | None = None) -> Scores:
    """Add up one strategy's counts over documents."""
    fn = STRATEGIES[strategy]
    per_label: dict[str, Counts] = {label: Counts() for label in labels or []}
    for example in examples:
        for label, c in fn(example).items():
            per_label.setdefault(label, Counts())
            per_label[label] += c
    return Scores(per_label)


def confusion(examples: list[Example]) -> Counter:
    """(gold label or "O", predicted label or "O") pairs over overlapping spans."""
    pairs: Counter = Counter()
    for ex in examples:
        used: set[int] = set()
        for g in ex.gold:
            hit = next((i for i, p in enumerate(ex.pred) if i not in used and p.start < g.end and g.start < p.end), None)
            if hit is None:
                pairs[(g.label, "O")] += 1
            else:
                used.add(hit)
                pairs[(g.label, ex.pred[hit].label)] += 1
        for i, p in enumerate(ex.pred):
            if i not in used:
                pairs[("O", p.label)] += 1
    return pairs


def part_of_accuracy(examples: list[Example]) -> tuple[int, int]:
    """(right, total) over the value-matched facts: a match is right when both facts are
    totals (``part_of`` null) or the prediction's total is the match of the gold fact's total."""
    right = total = 0
    for ex in examples:
        pairs, _, _ = value_matches(ex)
        gold_index = {id(f): i for i, f in enumerate(ex.gold)}
        pred_index = {id(f): i for i, f in enumerate(ex.pred)}
        matched = {gold_index[id(g)]: pred_index[id(p)] for g, p in pairs}
        for g, p in pairs:
            total += 1
            if g.part_of is None:
                right += p.part_of is None
            else:
                right += p.part_of is not None and matched.get(g.part_of) == p.part_of
    return right, total
