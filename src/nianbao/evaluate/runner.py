"""Cross-validation over documents, the systems compared, and the results written out.

Every system is fitted per fold on that fold's training documents only (plus generated
reports, which are never evaluated on) and predicts the held-out documents. Rules need no
fitting; the CRF is trained from scratch per fold; the model fine-tunes its
synthetic-pretrained checkpoint on the fold's real training documents.
"""
from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path

from nianbao.evaluate.bootstrap import bootstrap_ci
from nianbao.evaluate.data import EvalDoc, synthetic_docs
from nianbao.evaluate.metrics import Example, confusion, part_of_accuracy, score, value_errors
from nianbao.facts.catalogue import labels


class RulesSystem:
    name = "rules"

    def fit(self, train: list[EvalDoc]):
        from nianbao.facts.extractors import get_extractor

        return get_extractor("rules")


@dataclass
class CrfSystem:
    n_synthetic: int = 40
    seed: int = 0
    name: str = "crf"
    _synthetic: list[EvalDoc] | None = field(default=None, repr=False)

    def fit(self, train: list[EvalDoc]):
        from nianbao.baselines.crf import TrainingDoc, train_crf
        from nianbao.facts.candidates import narrative_exclusions

        if self._synthetic is None:
            self._synthetic = synthetic_docs(self.n_synthetic, self.seed) if self.n_synthetic else []
        docs = [TrainingDoc(d.report.text, d.gold, narrative_exclusions(d.report)) for d in [*self._synthetic, *train]]
        return _CrfFitted(train_crf(docs))


class _CrfFitted:
    def __init__(self, crf):
        self.crf = crf

    def extract(self, reports):
        from nianbao.baselines.crf import predict_facts
        from nianbao.facts.candidates import narrative_exclusions

        return [predict_facts(self.crf, r.text, narrative_exclusions(r)) for r in reports]


@dataclass
class ModelSystem:
    """The tagger: its synthetic-pretrained checkpoint fine-tuned on each fold's real documents."""

    base_dir: str | None = None  # a trained (synthetic-only) tagger; default: the tagger's own choice
    config: str | None = None  # a training config for the fine-tuning recipe; default: the shipped model's
    name: str = "model"

    def fit(self, train: list[EvalDoc]):
        from nianbao.tagger.config import load_config
        from nianbao.tagger.train import train_fold

        return train_fold(train, base_dir=self.base_dir, config=load_config(self.config) if self.config else None)


@dataclass
class ShippedModel:
    """A trained tagger folder as it is, fitted on nothing here (default: the shipped model):
    for the one final measurement of the model `nianbao check` runs, on a split it never saw."""

    model_dir: str | None = None
    name: str = "model"

    def fit(self, train: list[EvalDoc]):
        from nianbao.facts.extractors import get_extractor

        return get_extractor("model", model_dir=self.model_dir)


SYSTEMS = {"rules": RulesSystem, "crf": CrfSystem, "model": ModelSystem}


def folds_of(docs: list[EvalDoc], k: int, seed: int) -> list[tuple[list[EvalDoc], list[EvalDoc]]]:
    from sklearn.model_selection import KFold

    splitter = KFold(n_splits=min(k, len(docs)), shuffle=True, random_state=seed)
    return [([docs[i] for i in tr], [docs[i] for i in te]) for tr, te in splitter.split(docs)]


def cross_validate(docs: list[EvalDoc], system, k: int = 4, seed: int = 0) -> tuple[list[Example], float]:
    """Held-out predictions for every document; returns (examples, seconds)."""
    started = time.perf_counter()
    examples: list[Example] = []
    for train, test in folds_of(docs, k, seed):
        extractor = system.fit(train)
        for doc, pred in zip(test, extractor.extract([d.report for d in test])):
            examples.append(Example(doc.doc, doc.gold, pred))
    examples.sort(key=lambda e: e.doc)
    return examples, time.perf_counter() - started


def summarise(examples: list[Example], seconds: float, n_boot: int = 1000) -> dict:
    out = {"seconds": round(seconds, 1), "documents": len(examples)}
    for strategy in ("strict", "value"):
        scores = score(examples, strategy, labels())
        d = scores.to_dict()
        d["ci95"] = {k: [round(lo, 4), round(hi, 4)] for k, (lo, hi) in bootstrap_ci(examples, strategy, n_boot).items()}
        out[strategy] = d
    out["confusion"] = [[g, p, n] for (g, p), n in sorted(confusion(examples).items())]
    return out


def run_evaluation(docs: list[EvalDoc], systems: list, k: int = 4, seed: int = 0, out_dir: str | Path = "evaluate",
                   progress=lambda msg: None) -> dict:
    """Cross-validate each system, write results.json / results.md / plots into `out_dir`.

    Systems already in `out_dir/results.json` for the same documents, folds and seed are
    kept, so one system can be re-evaluated without redoing the others."""
    from nianbao.evaluate.plots import plot_confusion
    from nianbao.evaluate.tables import results_markdown

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results = {"set": sorted(d.doc for d in docs), "folds": k, "seed": seed, "systems": {}}
    previous = out_dir / "results.json"
    if previous.is_file():
        old = json.loads(previous.read_text(encoding="utf-8"))
        if (old.get("set"), old.get("folds"), old.get("seed")) == (results["set"], k, seed):
            results["systems"] = old["systems"]
    for system in systems:
        progress(f"cross-validating {system.name} ({k} folds over {len(docs)} documents)")
        examples, seconds = cross_validate(docs, system, k, seed)
        results["systems"][system.name] = summarise(examples, seconds)
        plot_confusion(examples, out_dir / f"confusion_{system.name}.png", title=f"{system.name}: gold vs predicted")
        write_errors(value_errors(examples), out_dir / f"errors_{system.name}.tsv")
    (out_dir / "results.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (out_dir / "results.md").write_text(results_markdown(results), encoding="utf-8")
    return results


def write_errors(rows: list[dict], path: Path) -> Path:
    """The value-level errors as TSV: doc, missed/spurious, label, offsets, span, value, and
    the other side's label=value where a gold fact and a prediction overlap."""
    columns = ["doc", "kind", "label", "start", "end", "span", "value", "other"]
    lines = ["\t".join(columns)]
    lines += ["\t".join("" if r[c] is None else str(r[c]).replace("\t", " ").replace("\n", " ") for c in columns)
              for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def learning_curve(docs: list[EvalDoc], sizes: list[int], k: int = 4, seed: int = 0) -> list[tuple[int, float]]:
    """CRF value-level micro F1 (cross-validated on the real documents) against the number
    of generated training reports added to each fold's real training documents."""
    points = []
    for n in sizes:
        examples, _ = cross_validate(docs, CrfSystem(n_synthetic=n, seed=seed), k, seed)
        points.append((n, score(examples, "value").micro.f1))
    return points


@dataclass
class FewerRealDocuments:
    """`system` fitted on `n` of each fold's real training documents, drawn at random
    (seeded by the fold's documents), its generated reports unchanged."""

    system: object
    n: int
    seed: int = 0

    @property
    def name(self) -> str:
        return self.system.name

    def fit(self, train: list[EvalDoc]):
        import random

        ordered = sorted(train, key=lambda d: d.doc)
        rng = random.Random(f"{self.seed}:" + ",".join(d.doc for d in ordered))
        return self.system.fit(rng.sample(ordered, min(self.n, len(ordered))))


def real_learning_curve(docs: list[EvalDoc], system, sizes: list[int], k: int = 4,
                        seed: int = 0) -> list[tuple[int, float]]:
    """Value-level micro F1 of `system`, cross-validated on all `docs`, against the number of
    real documents each fold trains on (the held-out documents are the same at every size):
    how much one more annotated report is worth."""
    points = []
    for n in sizes:
        examples, _ = cross_validate(docs, FewerRealDocuments(system, n, seed), k, seed)
        points.append((n, score(examples, "value").micro.f1))
    return points


def totals_only(examples: list[Example]) -> list[Example]:
    """The same examples with only the totals and stand-alone counts (``part_of`` null)."""
    return [Example(ex.doc, [f for f in ex.gold if f.part_of is None], [f for f in ex.pred if f.part_of is None])
            for ex in examples]


def heldout_examples(train: list[EvalDoc], test: list[EvalDoc], system) -> tuple[list[Example], float]:
    """`system` fitted once on `train`, predicting every `test` document; (examples, seconds).
    Predicted facts are linked to their totals as `nianbao check` links them."""
    from nianbao.facts.parts import link_parts

    started = time.perf_counter()
    extractor = system.fit(train)
    examples = []
    for doc, pred in zip(test, extractor.extract([d.report for d in test])):
        link_parts(doc.report.text, pred)
        examples.append(Example(doc.doc, doc.gold, pred))
    examples.sort(key=lambda e: e.doc)
    return examples, time.perf_counter() - started


def heldout_learning_curve(train: list[EvalDoc], test: list[EvalDoc], system, sizes: list[int], seed: int = 0,
                           progress=lambda msg: None) -> list[dict]:
    """`system` fitted on the first n of the `train` documents in one seeded order, for each n of
    `sizes` (a larger size's documents hold every smaller size's), and scored on the same held-out
    `test` documents each time: how the held-out value F1 grows with annotated pages. One point a
    size: documents fitted on, value P/R/F1 and the F1's 95 % bootstrap interval over documents."""
    import random

    order = sorted(train, key=lambda d: d.doc)
    random.Random(seed).shuffle(order)
    points = []
    for n in sizes:
        fitted = order[:n]
        progress(f"{system.name}: fitting on {len(fitted)} of {len(order)} documents, scoring {len(test)}")
        examples, seconds = heldout_examples(fitted, test, system)
        micro = score(examples, "value").micro
        points.append({"documents": len(fitted), "precision": round(micro.precision, 4),
                       "recall": round(micro.recall, 4), "f1": round(micro.f1, 4),
                       "f1_ci95": [round(x, 4) for x in bootstrap_ci(examples, "value")["f1"]],
                       "seconds": round(seconds, 1)})
    return points


def run_heldout_curve(train: list[EvalDoc], test: list[EvalDoc], systems: list, sizes: list[int], seed: int = 0,
                      out_dir: str | Path = "evaluate", name: str = "real_pages", progress=lambda msg: None) -> str:
    """`heldout_learning_curve` for each system, written to ``<name>_curve.json``, ``.md`` and ``.png``
    (a log-2 axis); the table, as markdown."""
    from nianbao.evaluate.plots import plot_learning_curve
    from nianbao.evaluate.tables import curve_markdown

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    series = {s.name: heldout_learning_curve(train, test, s, sizes, seed, progress) for s in systems}
    (out_dir / f"{name}_curve.json").write_text(json.dumps(series, indent=1), encoding="utf-8")
    markdown = curve_markdown(series, len(test), len(train))
    (out_dir / f"{name}_curve.md").write_text(markdown, encoding="utf-8")
    plot_learning_curve({s: [(p["documents"], p["f1"]) for p in points] for s, points in series.items()},
                        out_dir / f"{name}_curve.png", "annotated documents fitted on (log scale)",
                        f"value F1, {len(test)} held-out documents", doublings=True)
    return markdown


def run_heldout(train: list[EvalDoc], test: list[EvalDoc], systems: list, out_dir: str | Path = "evaluate",
                name: str = "real_pages", progress=lambda msg: None) -> dict:
    """Fit each system on `train`, score it on the held-out `test` documents (value and strict
    P/R/F1 per label, bootstrap intervals by document, totals only), compare the model with
    the rules by a paired bootstrap, and write ``<name>.json`` / ``<name>.md`` and the errors."""
    from nianbao.evaluate.bootstrap import paired_bootstrap
    from nianbao.evaluate.tables import heldout_markdown

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    results: dict = {"set": sorted(d.doc for d in test), "train": sorted(d.doc for d in train), "systems": {}}
    examples_of = {}
    for system in systems:
        progress(f"{system.name}: fitting on {len(train)} documents, scoring {len(test)} held-out documents")
        examples, seconds = heldout_examples(train, test, system)
        examples_of[system.name] = examples
        summary = summarise(examples, seconds)
        summary["totals_only"] = score(totals_only(examples), "value", labels()).to_dict()["micro"]
        summary["part_of"] = dict(zip(("right", "matched"), part_of_accuracy(examples)))
        results["systems"][system.name] = summary
        write_errors(value_errors(examples), out_dir / f"errors_{system.name}_{name}.tsv")
    if "model" in examples_of and "rules" in examples_of:
        results["model_minus_rules"] = {s: paired_bootstrap(examples_of["model"], examples_of["rules"], s)
                                        for s in ("value", "strict")}
    (out_dir / f"{name}.json").write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    (out_dir / f"{name}.md").write_text(heldout_markdown(results), encoding="utf-8")
    return results
