"""Results as Markdown tables (the README shows them)."""
from __future__ import annotations


def _pct(x: float) -> str:
    return f"{100 * x:.1f}"


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
            f"| {name} | {_pct(v['micro']['precision'])} | {_pct(v['micro']['recall'])} | "
            f"{_pct(v['micro']['f1'])} [{_pct(v['ci95']['f1'][0])}–{_pct(v['ci95']['f1'][1])}] | "
            f"{_pct(s['micro']['precision'])} | {_pct(s['micro']['recall'])} | "
            f"{_pct(s['micro']['f1'])} [{_pct(s['ci95']['f1'][0])}–{_pct(s['ci95']['f1'][1])}] | "
            f"{_pct(v['macro_f1'])} | {r['seconds']} |"
        )
    names = list(results["systems"])
    lines += ["", "Per label, value-level F1 (support):", "",
              "| label | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    all_labels = sorted({lab for r in results["systems"].values() for lab, c in r["value"]["per_label"].items()
                         if c["support"] or c["spurious"]})
    for lab in all_labels:
        cells = []
        for name in names:
            c = results["systems"][name]["value"]["per_label"].get(lab)
            cells.append("–" if c is None else f"{_pct(c['f1'])} ({c['support']})")
        lines.append(f"| {lab} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"
