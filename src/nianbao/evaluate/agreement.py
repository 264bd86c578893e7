"""Agreement of the second, independent annotation pass with the first (the gold): span-level
(strict) and value F1, micro and per label, `part_of` on the matched facts, and every fact the
two passes do not share (offsets, label, value; no page text beyond the span).

The second pass lives in ``annotation/real-pages-second/<doc>.json``, one file per page it
covered, in the gold format; the first pass is ``annotation/real-pages/<doc>.json``. After an
adjudication the gold holds the readings taken, so the figure measured now is the agreement
after adjudication; the one before it is kept in the history (CHANGELOG.md)."""
from __future__ import annotations

from pathlib import Path

from nianbao.annotation.gold import load_gold
from nianbao.annotation.realpages import PAGE_GOLD_DIR
from nianbao.errors import InputError
from nianbao.evaluate.metrics import Example, part_of_accuracy, score, value_errors

SECOND_DIR = PAGE_GOLD_DIR.parent / "real-pages-second"


def second_pass_agreement(first_dir: str | Path | None = None, second_dir: str | Path | None = None,
                          docs: set[str] | None = None) -> dict:
    """Score every page of `second_dir` (or the pages `docs` names) against the same page in
    `first_dir` (the second pass plays the prediction). A second-pass page with no first pass is
    an error naming the file."""
    first, second = Path(first_dir or PAGE_GOLD_DIR), Path(second_dir or SECOND_DIR)
    examples, annotators = [], set()
    paths = sorted(second.glob("*.json")) if docs is None else [second / f"{doc}.json" for doc in sorted(docs)]
    for path in paths:
        gold_file = first / path.name
        if not gold_file.is_file():
            raise InputError(str(path), f"no first pass at {gold_file}")
        first_pass = load_gold(gold_file)
        second_pass = load_gold(path, text=first_pass.text)  # one page read, checked against both hashes
        annotators.add(second_pass.annotator)
        examples.append(Example(path.stem, first_pass.to_facts(), second_pass.to_facts()))
    if not examples:
        raise InputError(str(second), "no second-pass annotation files")
    strict, value = score(examples, "strict"), score(examples, "value")
    right, matched = part_of_accuracy(examples)
    return {"pages": len(examples), "first_pass_facts": sum(len(e.gold) for e in examples),
            "second_pass_facts": sum(len(e.pred) for e in examples), "annotators": sorted(annotators),
            "strict": strict.to_dict(), "value": value.to_dict(),
            "part_of": {"right": right, "matched": matched},
            "disagreements": [{**row, "kind": "first_only" if row["kind"] == "missed" else "second_only"}
                              for row in value_errors(examples)]}


def agreement_markdown(result: dict) -> str:
    strict, value = result["strict"]["micro"], result["value"]["micro"]
    lines = [f"Second, independent pass against the first (gold) on {result['pages']} pages: "
             f"{result['first_pass_facts']} facts in the first pass, {result['second_pass_facts']} in the second.", "",
             "| matching | P | R | F1 |", "|---|---|---|---|",
             f"| span (strict: boundaries + label) | {strict['precision']:.3f} | {strict['recall']:.3f} | {strict['f1']:.3f} |",
             f"| value (label + value) | {value['precision']:.3f} | {value['recall']:.3f} | {value['f1']:.3f} |", "",
             f"`part_of` the same on {result['part_of']['right']} of {result['part_of']['matched']} matched facts; "
             f"{len(result['disagreements'])} facts not shared.", "",
             "| label | span F1 | value F1 | first-pass facts |", "|---|---|---|---|"]
    for label, row in sorted(result["value"]["per_label"].items(), key=lambda kv: -kv[1]["support"]):
        span = result["strict"]["per_label"].get(label, {"f1": 0.0})
        lines.append(f"| {label} | {span['f1']:.3f} | {row['f1']:.3f} | {row['support']} |")
    return "\n".join(lines) + "\n"
