"""Spans in Label Studio's result format, and the checks every span passes on its way
in and out (Label Studio itself accepts any offsets and any label).

A result item is ``{"from_name": "label", "to_name": "text", "type": "labels", "value":
{"start": s, "end": e, "text": t, "labels": [L]}, "score": 0.9}`` with code-point
offsets into the task's text.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nianbao.facts import catalogue
from nianbao.facts.normalise import parse_quantity
from nianbao.labelstudio.config import FROM_NAME, TO_NAME
from nianbao.report import Fact


@dataclass(frozen=True)
class SpanProblem:
    """A span that was not pushed or not written, and why."""

    task: int | None  # Label Studio task id (None before import)
    doc: str
    start: int | None
    end: int | None
    label: str | None
    text: str | None
    reason: str

    def __str__(self) -> str:
        where = f"task {self.task}" if self.task is not None else self.doc
        return f"{where}: {self.label} {self.start}-{self.end} {self.text!r}: {self.reason}"


def span_problem(text: str, start: Any, end: Any, span_text: Any, labels: Any) -> str | None:
    """Why a span over ``text`` is unusable, or None when it is sound: offsets inside the
    text, ``text[start:end] == span_text``, no surrounding blanks, at least one label and
    every label in the catalogue, and the text reads as a quantity (FACTS.md §1)."""
    if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool) or isinstance(end, bool):
        return "start and end must be integers"
    if not 0 <= start < end <= len(text):
        return f"offsets {start}-{end} lie outside the text (length {len(text)})"
    if text[start:end] != span_text:
        return f"text[{start}:{end}] is {text[start:end]!r}, not {span_text!r}"
    if span_text != span_text.strip():
        return "the span begins or ends with a blank"
    if not isinstance(labels, list) or not labels:
        return "the span has no label"
    unknown = [label for label in labels if label not in catalogue.catalogue()]
    if unknown:
        return f"label {unknown[0]!r} is not in the catalogue"
    try:
        parse_quantity(span_text)
    except ValueError:
        return "not a quantity span (FACTS.md §1)"
    return None


def fact_result(fact: Fact, offset: int) -> dict[str, Any]:
    """A fact as a prediction result item; ``offset`` is where the task's text starts."""
    return {
        "from_name": FROM_NAME,
        "to_name": TO_NAME,
        "type": "labels",
        "value": {"start": fact.start - offset, "end": fact.end - offset, "text": fact.text, "labels": [fact.label]},
        "score": round(float(fact.score), 4),
    }


@dataclass(frozen=True)
class LabelledSpan:
    """A span read back from a result item, in the task's offsets."""

    start: int
    end: int
    text: str
    labels: tuple[str, ...]


def read_result(item: Any, text: str) -> LabelledSpan | str:
    """A result item checked against its task's text: the span, or why it is unusable."""
    if not isinstance(item, dict):
        return "the result is not an object"
    if item.get("type") != "labels" or item.get("from_name") != FROM_NAME or item.get("to_name") != TO_NAME:
        return f"unexpected result {item.get('type')!r} from {item.get('from_name')!r} (expected labels from {FROM_NAME!r})"
    value = item.get("value")
    if not isinstance(value, dict):
        return "the result has no value"
    start, end, span_text, labels = value.get("start"), value.get("end"), value.get("text"), value.get("labels")
    problem = span_problem(text, start, end, span_text, labels)
    if problem:
        return problem
    return LabelledSpan(start, end, span_text, tuple(labels))
