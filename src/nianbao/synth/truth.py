"""Ground truth of a synthetic report: gold fact spans, table cells, planted disagreements.

`TextBuilder` writes a report piece by piece and records each fact span's offsets as it
goes, so `text[start:end] == span text` holds by construction (and is asserted).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, is_dataclass
from typing import Any


def json_ready(value: Any) -> Any:
    """Dataclasses → dicts, recursively (like `asdict`, for a dict of mixed values)."""
    if is_dataclass(value):
        return asdict(value)
    if isinstance(value, dict):
        return {k: json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [json_ready(v) for v in value]
    return value


@dataclass
class GoldFact:
    """A gold span (FACTS.md §1–2). `cells` names the table cells the span reconciles with,
    as chosen by the sentence that wrote it (empty when the label has no table side)."""

    start: int
    end: int
    text: str
    label: str
    value: int | float
    unit: str | None
    qualifier: str
    section: str | None = None
    cells: list[str] = field(default_factory=list)
    scope: str | None = None  # a scope word in the sentence (代表, 本部门, 全市, 备案)
    combined: bool = False  # 予以公开及部分公开: one count naming two categories


@dataclass
class Expectation:
    """What a check must conclude. `rule` is an OUTPUT.md rule id; `status` PASS | FAIL |
    UNCERTAIN; `facts` index `SyntheticReport.facts`; values are both sides as written."""

    rule: str
    status: str
    facts: list[int] = field(default_factory=list)
    cells: list[str] = field(default_factory=list)
    text_value: int | float | None = None
    table_value: int | float | None = None
    note: str = ""


@dataclass
class SyntheticReport:
    id: str
    text: str  # normalised text (the file itself for txt/md; the converted text for html)
    format: str  # txt | md | html
    issuer: str
    year: int
    layout: str  # table 二 layout: "2019" | "2021"
    table_style: str
    facts: list[GoldFact]
    cells: dict[str, dict[str, Any]]  # cell id → {raw, value, unit, kind}
    sections: list[dict[str, Any]]  # {id, title, start, end}
    planted: list[Expectation]  # deliberate disagreements: every one must come out FAIL
    checks: list[Expectation]  # every text-vs-table / arithmetic check with its expected status
    markup: str | None = None  # the file written to disk when it is not `text` (html)
    previous: str | None = None  # id of last year's report of the same issuer, when generated
    # working state for next year's report and for other formats; not part of the truth file
    drawn: dict[str, Any] = field(default_factory=dict, repr=False)  # drawn table values, blank cells too
    tables_at: list[tuple[int, int, Any]] = field(default_factory=list, repr=False)  # (start, end, grid)
    issuer_info: Any = field(default=None, repr=False)  # the synth.issuers.Issuer

    def to_json(self, **extra: Any) -> str:
        """The truth file: one line per top-level key, and per item of its lists and dicts."""
        d = {**self.to_dict(), **extra}
        lines = []
        for key in sorted(d):
            value = d[key]
            if isinstance(value, list) and value:
                body = ",\n".join("  " + _compact(v) for v in value)
                lines.append(f"{_compact(key)}: [\n{body}\n ]")
            elif isinstance(value, dict) and value:
                body = ",\n".join(f"  {_compact(k)}: {_compact(v)}" for k, v in value.items())
                lines.append(f"{_compact(key)}: {{\n{body}\n }}")
            else:
                lines.append(f"{_compact(key)}: {_compact(value)}")
        return "{\n " + ",\n ".join(lines) + "\n}\n"

    def file_text(self) -> str:
        return self.markup if self.markup is not None else self.text

    def to_dict(self) -> dict[str, Any]:
        d = {f.name: getattr(self, f.name) for f in fields(self)
             if f.name not in ("markup", "drawn", "tables_at", "issuer_info")}
        return json_ready(d)


def _compact(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


class TextBuilder:
    """Appends text and records gold spans with their offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.facts: list[GoldFact] = []
        self.section: str | None = None

    @property
    def offset(self) -> int:
        return self._length

    def ends_with_newline(self) -> bool:
        return not self._parts or self._parts[-1].endswith("\n")

    def add(self, text: str) -> None:
        self._parts.append(text)
        self._length += len(text)

    def add_fact(self, text: str, label: str, value: int | float, unit: str | None, qualifier: str,
                 cells: list[str] | None = None, scope: str | None = None, combined: bool = False,
                 share_span: bool = False) -> GoldFact:
        """Write `text` as a span of `label`; with `share_span` the span is the previous one
        again (one cue stating two facts, 未发生行政复议和行政诉讼) and nothing is written."""
        if share_span:
            prev = self.facts[-1]
            start, end = prev.start, prev.end
            assert prev.text == text
        else:
            start = self._length
            self.add(text)
            end = self._length
        fact = GoldFact(start, end, text, label, value, unit, qualifier, self.section,
                        list(cells or []), scope, combined)
        self.facts.append(fact)
        return fact

    def text(self) -> str:
        text = "".join(self._parts)
        for f in self.facts:
            assert text[f.start:f.end] == f.text, (f, text[f.start:f.end])
        return text
