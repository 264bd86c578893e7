"""Evaluation counts, derived scores, the seqeval cross-check and bootstrap intervals."""
from __future__ import annotations

import random

from nianbao.evaluate.bootstrap import bootstrap_ci
from nianbao.evaluate.metrics import Example, confusion, score, strict_counts, value_counts, value_errors
from nianbao.facts.decode import spans_from_tags
from nianbao.report import Fact


def fact(start, end, label, value=1):
    return Fact(label=label, text="x" * (end - start), start=start, end=end, value=value, unit=None, qualifier="exact")


def test_strict_counts_each_category_once():
    gold = [fact(0, 3, "APP_RECEIVED"), fact(5, 8, "APP_PROCESSED"), fact(10, 12, "RATE"), fact(20, 22, "VIEWS")]
    pred = [fact(0, 3, "APP_RECEIVED"),  # correct
            fact(5, 8, "APP_GRANTED"),  # incorrect: same span, other label
            fact(10, 13, "RATE"),  # partial: overlap, same label
            fact(30, 31, "FOLLOWERS")]  # spurious; VIEWS is missed
    c = strict_counts(Example("d", gold, pred))
    assert c["APP_RECEIVED"].correct == 1
    assert c["APP_PROCESSED"].incorrect == 1
    assert c["RATE"].partial == 1
    assert c["FOLLOWERS"].spurious == 1
    assert c["VIEWS"].missed == 1


def test_value_level_accepts_other_boundaries_but_not_another_value():
    gold = [fact(0, 4, "INFO_PUBLISHED", 180), fact(10, 13, "APP_RECEIVED", 98)]
    pred = [fact(0, 3, "INFO_PUBLISHED", 180), fact(10, 13, "APP_RECEIVED", 99)]
    c = value_counts(Example("d", gold, pred))
    assert c["INFO_PUBLISHED"].correct == 1
    assert (c["APP_RECEIVED"].spurious, c["APP_RECEIVED"].missed) == (1, 1)


def test_two_labels_on_one_zero_cue_are_two_facts():
    gold = [fact(3, 4, "REVIEW_CASES", 0), fact(3, 4, "LITIGATION_CASES", 0)]
    only_one = score([Example("d", gold, [fact(3, 4, "REVIEW_CASES", 0)])], "strict")
    assert (only_one.micro.correct, only_one.micro.missed) == (1, 1)


def test_micro_and_macro_are_derived_from_the_counts():
    gold = [fact(0, 2, "RATE"), fact(4, 6, "RATE"), fact(8, 10, "VIEWS")]
    pred = [fact(0, 2, "RATE"), fact(8, 10, "VIEWS"), fact(12, 14, "VIEWS")]
    s = score([Example("d", gold, pred)], "strict")
    assert s.micro.precision == 2 / 3 and s.micro.recall == 2 / 3
    assert abs(s.macro_f1 - (2 / 3 + 2 / 3) / 2) < 1e-12  # RATE: p=1 r=.5; VIEWS: p=.5 r=1


def _random_bio(rng, n, labels):
    tags, i = ["O"] * n, 0
    while i < n:
        if rng.random() < 0.25:
            label, length = rng.choice(labels), rng.randint(1, 4)
            for k in range(i, min(n, i + length)):
                tags[k] = ("B-" if k == i else "I-") + label
            i += length + rng.randint(0, 2)
        else:
            i += 1
    return tags


def test_strict_scores_agree_with_seqeval_on_random_sequences():
    from seqeval.metrics import f1_score, precision_score, recall_score

    rng = random.Random(13)
    labels = ["APP_RECEIVED", "RATE", "VIEWS"]
    for _ in range(30):
        golds, preds, examples = [], [], []
        for d in range(rng.randint(1, 5)):
            n = rng.randint(5, 40)
            g, p = _random_bio(rng, n, labels), _random_bio(rng, n, labels)
            golds.append(g)
            preds.append(p)
            examples.append(Example(str(d), [fact(s, e, lab) for s, e, lab in spans_from_tags(g)],
                                    [fact(s, e, lab) for s, e, lab in spans_from_tags(p)]))
        ours = score(examples, "strict").micro
        assert abs(ours.precision - precision_score(golds, preds)) < 1e-9
        assert abs(ours.recall - recall_score(golds, preds)) < 1e-9
        assert abs(ours.f1 - f1_score(golds, preds)) < 1e-9


def test_confusion_pairs_gold_with_overlapping_predictions():
    gold = [fact(0, 2, "RATE"), fact(5, 7, "VIEWS")]
    pred = [fact(0, 2, "FOLLOWERS"), fact(9, 10, "RATE")]
    pairs = confusion([Example("d", gold, pred)])
    assert pairs == {("RATE", "FOLLOWERS"): 1, ("VIEWS", "O"): 1, ("O", "RATE"): 1}


def test_bootstrap_interval_is_deterministic_and_brackets_the_estimate():
    rng = random.Random(1)
    examples = []
    for d in range(12):
        gold = [fact(10 * i, 10 * i + 2, "RATE") for i in range(8)]
        pred = [g for g in gold if rng.random() < 0.8] + [fact(500, 501, "RATE")] * rng.randint(0, 1)
        examples.append(Example(str(d), gold, pred))
    ci = bootstrap_ci(examples, "strict", n=300, seed=5)
    assert ci == bootstrap_ci(examples, "strict", n=300, seed=5)
    f1 = score(examples, "strict").micro.f1
    assert ci["f1"][0] <= f1 <= ci["f1"][1]
    assert ci["f1"][0] < ci["f1"][1]


def test_evaluating_one_system_keeps_the_others_already_in_the_results(tmp_path, monkeypatch):
    import json

    from nianbao.evaluate import runner
    from nianbao.evaluate.data import EvalDoc
    from nianbao.report import Report

    class Echo:
        """Predicts the gold facts back: a system whose scores are known."""

        def __init__(self, name):
            self.name = name

        def fit(self, train):
            return self

        def extract(self, reports):
            return [golds[r.doc_id] for r in reports]

    golds = {f"d{i}": [fact(0, 2, "RATE", i)] for i in range(4)}
    docs = [EvalDoc(doc, Report(doc_id=doc, source=doc, format="txt", text="x" * 10), gold) for doc, gold in golds.items()]
    monkeypatch.setattr("nianbao.evaluate.plots.plot_confusion", lambda *a, **k: None)
    runner.run_evaluation(docs, [Echo("a")], k=2, out_dir=tmp_path)
    runner.run_evaluation(docs, [Echo("b")], k=2, out_dir=tmp_path)
    results = json.loads((tmp_path / "results.json").read_text(encoding="utf-8"))
    assert sorted(results["systems"]) == ["a", "b"]
    assert results["systems"]["b"]["value"]["micro"]["f1"] == 1.0
    assert "| a |" in (tmp_path / "results.md").read_text(encoding="utf-8")


def test_value_errors_name_what_was_missed_and_what_was_predicted_instead():
    gold = [fact(0, 3, "APP_RECEIVED", 12), fact(10, 13, "RATE", 98.0)]
    pred = [fact(0, 3, "APP_PROCESSED", 12), fact(10, 13, "RATE", 98.0), fact(20, 22, "VIEWS", 5)]
    rows = value_errors([Example("d", gold, pred)])
    assert [(r["kind"], r["label"], r["start"], r["other"]) for r in rows] == [
        ("missed", "APP_RECEIVED", 0, "APP_PROCESSED=12"),
        ("spurious", "APP_PROCESSED", 0, "APP_RECEIVED=12"),
        ("spurious", "VIEWS", 20, ""),
    ]


def test_evaluation_writes_its_errors_beside_the_scores(tmp_path, monkeypatch):
    from nianbao.evaluate import runner
    from nianbao.evaluate.data import EvalDoc
    from nianbao.report import Report

    class Blind:
        name = "blind"

        def fit(self, train):
            return self

        def extract(self, reports):
            return [[] for _ in reports]

    docs = [EvalDoc(f"d{i}", Report(doc_id=f"d{i}", source="x", format="txt", text="x" * 10),
                    [fact(0, 2, "RATE", i)]) for i in range(2)]
    monkeypatch.setattr("nianbao.evaluate.plots.plot_confusion", lambda *a, **k: None)
    runner.run_evaluation(docs, [Blind()], k=2, out_dir=tmp_path)
    lines = (tmp_path / "errors_blind.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].split("\t")[:3] == ["doc", "kind", "label"]
    assert [line.split("\t")[:3] for line in lines[1:]] == [["d0", "missed", "RATE"], ["d1", "missed", "RATE"]]


def test_a_real_document_learning_curve_trains_each_fold_on_that_many_of_its_documents():
    from nianbao.evaluate import runner
    from nianbao.evaluate.data import EvalDoc
    from nianbao.report import Report

    class Memory:
        """Finds a document's facts only if it trained on one with the same facts' label."""

        name = "memory"
        seen: list = []

        def fit(self, train):
            self.seen.append(len(train))
            known = {f.label for d in train for f in d.gold}
            return type("Fitted", (), {"extract": lambda _, reports: [
                [f for f in golds[r.doc_id] if f.label in known] for r in reports]})()

    golds = {f"d{i}": [fact(0, 2, "RATE", i)] for i in range(4)}
    docs = [EvalDoc(doc, Report(doc_id=doc, source=doc, format="txt", text="x" * 10), gold) for doc, gold in golds.items()]
    points = runner.real_learning_curve(docs, Memory(), [0, 1, 5], k=2)
    assert Memory.seen == [0, 0, 1, 1, 2, 2]  # two folds per size; never more than the fold has
    assert points == [(0, 0.0), (1, 1.0), (5, 1.0)]


def test_part_of_is_right_when_the_prediction_points_at_the_match_of_the_gold_total():
    from nianbao.evaluate.metrics import Example, part_of_accuracy
    from nianbao.report import Fact

    def f(start, label, value, part_of=None):
        return Fact(label=label, text=f"{value}条", start=start, end=start + 3, value=value, unit="条",
                    qualifier="exact", part_of=part_of)

    gold = [f(0, "INFO_PUBLISHED", 86), f(10, "INFO_PUBLISHED", 12, 0), f(20, "INFO_PUBLISHED", 3, 0)]
    pred = [f(0, "INFO_PUBLISHED", 86), f(10, "INFO_PUBLISHED", 12, 0), f(20, "INFO_PUBLISHED", 3, None)]
    assert part_of_accuracy([Example("d", gold, pred)]) == (2, 3)


def test_paired_bootstrap_of_a_system_against_itself_is_zero_and_of_a_better_one_above_zero():
    from nianbao.evaluate.bootstrap import paired_bootstrap
    from nianbao.evaluate.metrics import Example
    from nianbao.report import Fact

    def f(start, value):
        return Fact(label="APP_RECEIVED", text=f"{value}件", start=start, end=start + 2, value=value, unit="件",
                    qualifier="exact")

    perfect = [Example(f"d{i}", [f(0, i), f(5, i + 1)], [f(0, i), f(5, i + 1)]) for i in range(8)]
    half = [Example(f"d{i}", [f(0, i), f(5, i + 1)], [f(0, i)]) for i in range(8)]
    same = paired_bootstrap(perfect, perfect, n=200)
    assert same["diff"] == same["low"] == same["high"] == 0.0
    better = paired_bootstrap(perfect, half, n=200)
    assert better["low"] > 0 and better["p_not_better"] == 0.0
    assert abs(better["diff"] - (1.0 - 2 / 3)) < 1e-9


def test_a_held_out_learning_curve_fits_nested_subsets_and_scores_the_same_pages_each_time():
    from nianbao.evaluate import runner
    from nianbao.evaluate.data import EvalDoc
    from nianbao.report import Report

    class Memory:
        """Finds a test document's fact only if it trained on a document with the same label."""

        name = "memory"
        fitted: list = []

        def fit(self, train):
            self.fitted.append([d.doc for d in train])
            known = {f.label for d in train for f in d.gold}
            return type("Fitted", (), {"extract": lambda _, reports: [
                [f for f in golds[r.doc_id] if f.label in known] for r in reports]})()

    labels = ["RATE", "VIEWS", "RATE", "VIEWS", "FOLLOWERS"]
    golds = {f"d{i}": [fact(0, 2, label, i)] for i, label in enumerate(labels)}
    docs = {doc: EvalDoc(doc, Report(doc_id=doc, source=doc, format="txt", text="x" * 10), gold) for doc, gold in golds.items()}
    train, test = [docs[d] for d in ("d0", "d1", "d2", "d3")], [docs["d4"], docs["d0"], docs["d1"]]
    points = runner.heldout_learning_curve(train, test, Memory(), [1, 2, 4, 9], seed=3)
    assert [p["documents"] for p in points] == [1, 2, 4, 4]  # never more than there are
    first, second, everything, _ = Memory.fitted
    assert first == second[:1] and second == everything[:2] and sorted(everything) == ["d0", "d1", "d2", "d3"]
    assert points[0]["recall"] == round(1 / 3, 4)  # one label learnt from one document
    assert points[-1]["recall"] == round(2 / 3, 4) and points[-1]["precision"] == 1.0  # FOLLOWERS never is
