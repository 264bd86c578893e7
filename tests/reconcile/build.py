"""Hand-built reports for the reconciler tests: facts located in a snippet, cells from raw text."""
from __future__ import annotations

import re

from nianbao.report import Cell, Fact, Report, Table


def cell(raw: str) -> Cell:
    text = raw.strip()
    if not text:
        return Cell(raw=raw, value=None, unit=None, kind="empty")
    if text in ("/", "-", "—", "无", "不适用"):
        return Cell(raw=raw, value=None, unit=None, kind="na")
    m = re.fullmatch(r"(?:人民币)?([+-]?\d+(?:\.\d+)?)(万元|亿元|元|个|件|条)?", text)
    if not m:
        return Cell(raw=raw, value=None, unit=None, kind="text")
    number = float(m.group(1))
    return Cell(raw=raw, value=int(number) if number.is_integer() else number, unit=m.group(2), kind="number")


def fact(text: str, span: str, label: str, value, unit=None, qualifier="exact", nth: int = 0) -> Fact:
    """The `nth` occurrence of `span` in `text` as a fact."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(span, start + 1)
    return Fact(label=label, text=span, start=start, end=start + len(span), value=value, unit=unit,
                qualifier=qualifier, extractor="gold")


def report(text: str, facts=(), tables=None, layout=None, complete=None, issuer=None, year=None,
           title=None, doc_id="0000000000000000") -> Report:
    """`tables`: {"t3": {"t3.new_received.total": "0", …}}; `complete`: {"t3": False}."""
    built = {}
    for table_id, cells in (tables or {}).items():
        built[table_id] = Table(
            id=table_id, cells={k: cell(v) for k, v in cells.items()},
            layout=layout if table_id == "t2" else None,
            complete=(complete or {}).get(table_id, True),
        )
    return Report(doc_id=doc_id, source=f"{doc_id}.txt", format="txt", text=text, title=title, year=year,
                  issuer=issuer, tables=built, facts=list(facts))


def t3_row(row: str, *values: str) -> dict[str, str]:
    """The seven cells of a 表三 row: 自然人, 五类组织, 总计."""
    columns = ("natural_person", "commercial", "research", "social_org", "legal_service", "other_org", "total")
    return {f"t3.{row}.{c}": v for c, v in zip(columns, values)}
