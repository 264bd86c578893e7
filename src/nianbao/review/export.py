"""The confirmed errors per issuer: ``<issuer>.csv`` and a printable ``<issuer>.html``
letter listing each confirmed error with both sides' evidence (the report's words in
their sentence, and the table cells with what they print).

Only reviews of the finding as it stands count: a confirmed finding whose evidence
changed since review is left out (and counted) until it is reviewed again.
"""
from __future__ import annotations

import csv
import re
import time
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from nianbao.reconcile.cells import cell_name
from nianbao.review.store import FindingRecord, findings, open_db, stored_report

CSV_COLUMNS = ("issuer", "year", "title", "source", "doc_id", "rule", "status", "message", "text_side", "table_side",
               "text_value", "table_value", "note", "reviewer", "reviewed_at")
NO_ISSUER = "未识别发布机关"


@dataclass
class ExportResult:
    issuers: dict[str, list[Path]] = field(default_factory=dict)  # issuer -> files written
    errors: int = 0
    changed: int = 0  # confirmed before, evidence changed since: left out


@dataclass
class ConfirmedError:
    record: FindingRecord
    text_side: list[tuple[str, str, str]]  # (before, the words, after) for each fact
    table_side: list[tuple[str, str]]  # (cell name, printed text)


def export_confirmed(db_path: str | Path, out_dir: str | Path) -> ExportResult:
    con = open_db(db_path)
    try:
        records = findings(con, reviewable=True)
        texts = {}
        for r in records:
            if r.review is not None and r.review.state == "confirmed" and r.doc_id not in texts:
                texts[r.doc_id] = stored_report(con, r.doc_id).get("text") or ""
    finally:
        con.close()
    result = ExportResult(changed=sum(1 for r in records if r.review is None and r.earlier is not None
                                      and r.earlier.state == "confirmed"))
    by_issuer: dict[str, list[ConfirmedError]] = {}
    for r in records:
        if r.review is not None and r.review.state == "confirmed":
            by_issuer.setdefault(r.issuer or NO_ISSUER, []).append(_confirmed(r, texts[r.doc_id]))
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    used: set[str] = set()
    for issuer in sorted(by_issuer):
        errors = sorted(by_issuer[issuer], key=lambda e: (e.record.year or 0, e.record.source, e.record.idx))
        stem = _file_stem(issuer, used)
        result.issuers[issuer] = [_write_csv(errors, out / f"{stem}.csv"), _write_letter(issuer, errors,
                                                                                          out / f"{stem}.html")]
        result.errors += len(errors)
    return result


def _confirmed(r: FindingRecord, text: str) -> ConfirmedError:
    text_side = []
    for fact in r.evidence["facts"]:
        if fact is None:
            continue
        _label, start, end, words, _value = fact
        text_side.append((_sentence_before(text, start), words, _sentence_after(text, end)))
    table_side = [(cell_name(cell_id), (raw or "").strip() or "（空）") for cell_id, raw, _value in r.evidence["cells"]]
    previous = r.evidence.get("previous") or {}
    for cell_id, raw in (previous.get("cells") or {}).items():
        table_side.append((f"上年（{previous.get('year')}年）报告 {cell_name(cell_id)}", str(raw)))
    return ConfirmedError(r, text_side, table_side)


def _sentence_before(text: str, start: int, most: int = 60) -> str:
    left = text[max(0, start - most):start]
    cut = max(left.rfind(c) for c in "。！？\n")
    return left[cut + 1:]


def _sentence_after(text: str, end: int, most: int = 60) -> str:
    right = text[end:end + most]
    cuts = [i for i in (right.find(c) for c in "。！？\n") if i >= 0]
    return right[:min(cuts) + 1] if cuts else right


def _file_stem(issuer: str, used: set[str]) -> str:
    stem = re.sub(r'[\\/:*?"<>|\s]+', "_", issuer).strip("._") or "issuer"
    stem, n = stem[:80], 2
    base = stem
    while stem in used:
        stem, n = f"{base}_{n}", n + 1
    used.add(stem)
    return stem


def _write_csv(errors: list[ConfirmedError], path: Path) -> Path:
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS)
        writer.writeheader()
        for e in errors:
            r, review = e.record, e.record.review
            writer.writerow({
                "issuer": r.issuer or "", "year": r.year or "", "title": r.title or "", "source": r.source,
                "doc_id": r.doc_id, "rule": r.rule, "status": r.status, "message": r.message,
                "text_side": "；".join(f"“{w}”（{b}{w}{a}）" for b, w, a in e.text_side),
                "table_side": "；".join(f"{name}：{raw}" for name, raw in e.table_side),
                "text_value": _number(r.text_value), "table_value": _number(r.table_value),
                "note": review.note, "reviewer": review.reviewer,
                "reviewed_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(review.reviewed_at)),
            })
    return path


def _number(value) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


LETTER_CSS = """
body{font-family:"Noto Serif CJK SC","Source Han Serif SC",SimSun,"Noto Sans CJK SC",serif;max-width:800px;margin:24px auto;
  padding:0 24px;line-height:1.8;color:#111}
h1{font-size:22px;text-align:center}h2{font-size:16px;margin-top:24px}
.error{border-top:1px solid #999;padding-top:8px;margin-top:16px;page-break-inside:avoid}
.side{margin:4px 0 4px 1em}.side b{display:inline-block;min-width:4em}
mark{background:#ffe08a;padding:0 2px}
table{border-collapse:collapse}td{border:1px solid #999;padding:2px 8px}
.sign{margin-top:40px;text-align:right}
.meta{color:#555;font-size:13px}
@media print{body{margin:0}a{color:inherit;text-decoration:none}}
"""


def _write_letter(issuer: str, errors: list[ConfirmedError], path: Path) -> Path:
    years = sorted({e.record.year for e in errors if e.record.year})
    year_text = "、".join(f"{y}年" for y in years)
    items = []
    for n, e in enumerate(errors, 1):
        r = e.record
        text = "".join(f'<div class="side"><b>正文</b>……{escape(b)}<mark>{escape(w)}</mark>{escape(a)}</div>'
                       for b, w, a in e.text_side) or '<div class="side"><b>正文</b>（不涉及）</div>'
        cells = "".join(f"<tr><td>{escape(name)}</td><td>{escape(raw)}</td></tr>" for name, raw in e.table_side)
        table = (f'<div class="side"><b>表格</b><table>{cells}</table></div>' if cells
                 else '<div class="side"><b>表格</b>（不涉及）</div>')
        note = f'<div class="side"><b>复核意见</b>{escape(r.review.note)}</div>' if r.review.note else ""
        items.append(f'<div class="error" id="error-{n}"><h2>{n}. {escape(r.title or Path(r.source).name)}</h2>'
                     f'<div class="meta">{escape(r.source)} · 规则 {escape(r.rule)}</div>'
                     f"<p>{escape(r.message)}</p>{text}{table}{note}</div>")
    reviewers = "、".join(sorted({e.record.review.reviewer for e in errors}))
    page = (f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{escape(issuer)} · 核对意见</title>'
            f"<style>{LETTER_CSS}</style></head><body>"
            f"<h1>关于{escape(issuer)}{escape(year_text)}政府信息公开工作年度报告的核对意见</h1>"
            f"<p>{escape(issuer)}：</p>"
            f"<p>经核对，贵单位{escape(year_text)}政府信息公开工作年度报告中以下 {len(errors)} 处正文表述与统计表格"
            "（或表格内部）不一致，经人工复核确认属实，请核实更正。</p>"
            + "".join(items)
            + f'<div class="sign">复核人：{escape(reviewers)}<br>{time.strftime("%Y年%m月%d日")}</div></body></html>')
    path.write_text(page, encoding="utf-8")
    return path
