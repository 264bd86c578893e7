"""The data types of nianbao: one `Report` flows ingest → sections → tables → facts → findings.

Every stage adds its own layer and never rewrites an earlier one.  The JSON form of a
`Report` is the output contract in ``shared/spec/OUTPUT.md``; ``Report.from_dict`` reads it
back without loss.

Offsets (``start``/``end``) are half-open Python code-point offsets into ``Report.text``,
the normalised text that ingest produced: ``report.text[fact.start:fact.end] == fact.text``.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

SECTION_IDS = ("overview", "proactive", "applications", "review_litigation", "problems", "other")
CELL_KINDS = ("number", "empty", "na", "text")
QUALIFIERS = ("exact", "approx", "at_least", "more_than", "zero_claim")
STATUSES = ("PASS", "FAIL", "UNCERTAIN", "NOT_ASSESSABLE")
FORMATS = ("txt", "html", "docx", "pdf", "md")


@dataclass
class Section:
    """One of the six standard sections; ``title`` is the heading as printed."""

    id: str
    title: str
    start: int
    end: int


@dataclass(frozen=True)
class Subheading:
    """A numbered heading inside or between the sections: ``（五）强化培训宣传,营造良好氛围``
    (`sections.find_subheadings`; not part of the JSON output)."""

    start: int  # its number's first character
    end: int  # the end of its title (before 。 ： or the line break)
    title: str  # without the number: 强化培训宣传,营造良好氛围


@dataclass
class Cell:
    """A table cell as printed: ``raw`` text, numeric ``value`` (None unless kind == number)."""

    raw: str
    value: float | int | None
    unit: str | None
    kind: str
    start: int | None = None  # offsets of `raw` in Report.text when it could be located
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"raw": self.raw, "value": self.value, "unit": self.unit, "kind": self.kind}
        if self.start is not None:
            d["start"], d["end"] = self.start, self.end
        return d


@dataclass
class Table:
    """One of 表二/表三/表四 with its cells keyed by TABLES.md cell id (``t3.new_received.total``)."""

    id: str  # "t2" | "t3" | "t4"
    cells: dict[str, Cell] = field(default_factory=dict)
    layout: str | None = None  # t2 only: "2019" | "2021"
    complete: bool = True
    start: int | None = None  # region of the table in Report.text
    end: int | None = None
    notes: list[str] = field(default_factory=list)  # why a table is incomplete, how it was read
    shape: str | None = None  # the printed shape it was read as (`nianbao.tables.tokens.SHAPES`)

    def value(self, cell_id: str) -> float | int | None:
        cell = self.cells.get(cell_id)
        return None if cell is None else cell.value

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {}
        if self.layout is not None:
            d["layout"] = self.layout
        d["complete"] = self.complete
        d["cells"] = {k: c.to_dict() for k, c in self.cells.items()}
        if self.start is not None:
            d["start"], d["end"] = self.start, self.end
        if self.notes:
            d["notes"] = list(self.notes)
        if self.shape is not None:
            d["shape"] = self.shape
        return d

    @classmethod
    def from_dict(cls, table_id: str, d: dict[str, Any]) -> "Table":
        return cls(
            id=table_id,
            cells={k: Cell(**c) for k, c in d.get("cells", {}).items()},
            layout=d.get("layout"),
            complete=d.get("complete", True),
            start=d.get("start"),
            end=d.get("end"),
            notes=list(d.get("notes", [])),
            shape=d.get("shape"),
        )


@dataclass
class Fact:
    """A quantity mention in the narrative tagged with a FACTS.md label."""

    label: str
    text: str
    start: int
    end: int
    value: float | int | None
    unit: str | None
    qualifier: str
    section: str | None = None
    score: float = 1.0
    extractor: str = "model"  # "model" | "rules" | "crf" | "gold"
    part_of: int | None = None  # index in Report.facts of the total this is a part of (FACTS.md §4)

    def to_dict(self) -> dict[str, Any]:
        return _as_plain_dict(self)


@dataclass
class Finding:
    """A check with its verdict and the evidence on both sides."""

    rule: str
    status: str
    kind: str  # "table_identity" | "text_vs_table" | "text_arithmetic" | "cross_year"
    message: str
    facts: list[int] = field(default_factory=list)  # indices into Report.facts
    cells: list[str] = field(default_factory=list)  # cell ids
    text_value: float | int | None = None
    table_value: float | int | None = None
    evidence: dict[str, Any] = field(default_factory=dict)  # raw cell text, reading used, …

    def to_dict(self) -> dict[str, Any]:
        return _as_plain_dict(self)


@dataclass
class Report:
    """A report and every layer read from it."""

    doc_id: str  # sha256 of the input bytes, first 16 hex chars
    source: str  # path as given
    format: str
    text: str  # normalised text; all offsets point into it
    encoding: str | None = None  # how the bytes were decoded (None for binary formats)
    title: str | None = None
    year: int | None = None
    issuer: str | None = None
    sections: list[Section] = field(default_factory=list)
    tables: dict[str, Table] = field(default_factory=dict)
    facts: list[Fact] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    body: tuple[int, int] | None = None  # the report itself: title line to closing date (body.py)
    chrome: list[tuple[int, int]] = field(default_factory=list)  # page chrome, never narrative
    # the facts' ends, sorted, for `fact_end_before`: (the fact list they were read from, its length, ends)
    _fact_ends: tuple[list[Fact], int, list[int]] | None = field(default=None, init=False, repr=False,
                                                                 compare=False)

    def fact_end_before(self, offset: int) -> int:
        """The furthest end of a fact that ends at or before `offset`, or -1 when none does.  The
        ends are sorted once for a list of facts (again when `facts` is replaced or grows), so
        asking for every fact of a long report is not quadratic in its facts."""
        index = self._fact_ends
        if index is None or index[0] is not self.facts or index[1] != len(self.facts):
            index = self._fact_ends = (self.facts, len(self.facts), sorted(f.end for f in self.facts))
        at = bisect_right(index[2], offset)
        return index[2][at - 1] if at else -1

    def section_at(self, offset: int) -> str | None:
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.id
        return None

    def table_cell(self, cell_id: str) -> Cell | None:
        table = self.tables.get(cell_id.split(".", 1)[0])
        return None if table is None else table.cells.get(cell_id)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "doc_id": self.doc_id,
            "source": self.source,
            "title": self.title,
            "year": self.year,
            "issuer": self.issuer,
            "format": self.format,
            "encoding": self.encoding,
            "sections": [_as_plain_dict(s) for s in self.sections],
            "tables": {k: t.to_dict() for k, t in self.tables.items()},
            "facts": [f.to_dict() for f in self.facts],
            "findings": [f.to_dict() for f in self.findings],
            "warnings": list(self.warnings),
        }
        if self.body is not None:
            d["body"] = list(self.body)
            d["chrome"] = [list(span) for span in self.chrome]
        if with_text:
            d["text"] = self.text
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str | None = None) -> "Report":
        return cls(
            doc_id=d["doc_id"],
            source=d["source"],
            format=d["format"],
            text=d.get("text", text or ""),
            encoding=d.get("encoding"),
            title=d.get("title"),
            year=d.get("year"),
            issuer=d.get("issuer"),
            sections=[Section(**s) for s in d.get("sections", [])],
            tables={k: Table.from_dict(k, t) for k, t in d.get("tables", {}).items()},
            facts=[Fact(**_known(Fact, f)) for f in d.get("facts", [])],
            findings=[Finding(**_known(Finding, f)) for f in d.get("findings", [])],
            warnings=list(d.get("warnings", [])),
            body=tuple(d["body"]) if d.get("body") is not None else None,
            chrome=[tuple(span) for span in d.get("chrome", [])],
        )


def _as_plain_dict(obj: Any) -> dict[str, Any]:
    """`dataclasses.asdict` for these flat types, without its deep copy of every leaf (a
    report's JSON has ~10 000 of them: asdict took a tenth of a whole `nianbao check`)."""
    return {name: _copied(getattr(obj, name)) for name in _field_names(type(obj))}


def _copied(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copied(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_copied(v) for v in value)
    return value  # str, numbers, None, bool: immutable


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _known(cls: type, d: dict[str, Any]) -> dict[str, Any]:
    """Keep only the fields `cls` knows, so output with added fields still reads back."""
    names = {f.name for f in fields(cls)}
    return {k: v for k, v in d.items() if k in names}
