"""Results as Markdown tables (the README shows them)."""
from __future__ import annotations


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


def _f1_ci(measure: dict) -> str:
    """``87.5 [81.8–94.1]``: micro F1 with its bootstrap interval."""
    return f"{_pct(measure['micro']['f1'])} [{_pct(measure['ci95']['f1'][0])}–{_pct(measure['ci95']['f1'][1])}]"


def results_markdown(results: dict) -> str:
    lines = [
        f"Documents: {len(results['set'])} ({', '.join(results['set'])}); {results['folds']}-fold cross-validation "
        f"over documents, seed {results['seed']}. P/R/F1 in %, 95% bootstrap interval over documents for F1.",
        "",
        "| system | value P | value R | value F1 [95% CI] | strict P | strict R | strict F1 [95% CI] | macro F1 (value) | time (s) |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results["systems"].items():
        v, s = r["value"], r["strict"]
        lines.append(
            f"| {name} | {_pct(v['micro']['precision'])} | {_pct(v['micro']['recall'])} | {_f1_ci(v)} | "
            f"{_pct(s['micro']['precision'])} | {_pct(s['micro']['recall'])} | {_f1_ci(s)} | "
            f"{_pct(v['macro_f1'])} | {r['seconds']} |"
        )
    return "\n".join(lines + per_label_lines(results)) + "\n"


def curve_markdown(series: dict[str, list[dict]], n_test: int, n_train: int) -> str:
    """The held-out learning curve's table: one row a system and size (`runner.heldout_learning_curve`)."""
    lines = [f"Value F1 on the {n_test} held-out documents against the documents fitted on (of {n_train}, "
             "a seeded order, each size holding the smaller ones).", "",
             "| system | documents fitted on | value P | value R | value F1 [95% CI] | time (s) |",
             "|---|---|---|---|---|---|"]
    lines += [f"| {system} | {p['documents']} | {100 * p['precision']:.1f} | {100 * p['recall']:.1f} | "
              f"{100 * p['f1']:.1f} [{100 * p['f1_ci95'][0]:.1f}–{100 * p['f1_ci95'][1]:.1f}] | {p['seconds']} |"
              for system, points in series.items() for p in points]
    return "\n".join(lines) + "\n"


def heldout_markdown(results: dict) -> str:
    """The held-out real-page table: the same columns as the cross-validation table, plus
    totals only and the paired bootstrap of the model against the rules."""
    n_test, n_train = len(results["set"]), len(results["train"])
    lines = [f"Held-out real pages: {n_test} documents, systems fitted on {n_train} training documents "
             "(plus generated reports). P/R/F1 in %, 95% bootstrap interval over documents for F1.", "",
             "| system | value P | value R | value F1 [95% CI] | strict F1 [95% CI] | macro F1 (value) | "
             "totals only value F1 | part_of right | time (s) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for name, r in results["systems"].items():
        v, s = r["value"], r["strict"]
        lines.append(
            f"| {name} | {_pct(v['micro']['precision'])} | {_pct(v['micro']['recall'])} | {_f1_ci(v)} | "
            f"{_f1_ci(s)} | {_pct(v['macro_f1'])} | {_pct(r['totals_only']['f1'])} | "
            f"{r['part_of']['right']}/{r['part_of']['matched']} | {r['seconds']} |")
    diff = results.get("model_minus_rules")
    if diff:
        lines += ["", "Model minus rules, paired bootstrap over documents (F1 points, 95% interval): " + "; ".join(
            f"{s} {100 * d['diff']:+.1f} [{100 * d['low']:+.1f}, {100 * d['high']:+.1f}]" for s, d in diff.items())]
    return "\n".join(lines + per_label_lines(results)) + "\n"


def per_label_lines(results: dict) -> list[str]:
    """Value-level F1 (support) per label, one column per system."""
    names = list(results["systems"])
    lines = ["", "Per label, value-level F1 (support):", "",
             "| label | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    all_labels = sorted({lab for r in results["systems"].values() for lab, c in r["value"]["per_label"].items()
                         if c["support"] or c["spurious"]})
    for lab in all_labels:
        cells = []
        for name in names:
            c = results["systems"][name]["value"]["per_label"].get(lab)
            cells.append("–" if c is None else f"{_pct(c['f1'])} ({c['support']})")
        lines.append(f"| {lab} | " + " | ".join(cells) + " |")
    return lines
