"""Tables 二, 三 and 四 as printed grids (with rowspan/colspan) and their printed styles.

A grid is a list of rows of `G` cells.  Styles:

* ``tsv``    one line per row, cells tab-separated, every covered position an empty cell
             (the ingest convention for structured tables, normalise.py);
* ``cells``  one cell per line with a leading tab and a blank line between rows, merged
             cells written once across and as empty continuation cells down (Word export,
             like seeds 001/002);
* ``pipe``   ``a | b | c`` rows, merged cells as in ``cells``;
* ``md``     Markdown pipe tables, one per block, with a ``|---|`` separator;
* ``flat``   cells run together on one line (site scrapes, like the Pingtan reports);
* ``html``   a real ``<table>`` with rowspan/colspan (`html_table`).
"""
from __future__ import annotations

import html
from dataclasses import dataclass
from typing import Any

from nianbao.synth.values import APPLICANT_COLS, DENIED, NOT_PROCESSED, T4_COLS, UNABLE

STYLES = ("tsv", "cells", "pipe", "md", "flat")

T3_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
DENIED_LABELS = ("1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                 "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项")
UNABLE_LABELS = ("1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确")
NOT_PROCESSED_LABELS = ("1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                        "5.要求行政机关确认或重新出具已获取信息")
OTHER_LABELS = ("1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他")


@dataclass
class G:
    text: str
    rowspan: int = 1
    colspan: int = 1
    title: bool = False  # a block title row (第二十条第（一）项)


def _raw(cells: dict[str, dict[str, Any]], cid: str) -> str:
    return cells[cid]["raw"]


def t2_grid(cells: dict[str, dict[str, Any]], layout: str, year: int) -> list[list[G]]:
    r = lambda cid: _raw(cells, "t2." + cid)  # noqa: E731
    rows: list[list[G]] = []

    def block(title: str, header: list[G], body: list[list[G]]) -> None:
        rows.append([G(title, colspan=4, title=True)])
        rows.append(header)
        rows.extend(body)

    if layout == "2019":
        cols = ("new_made", "new_published", "total_published")
        block("第二十条第（一）项", [G("信息内容"), G("本年新制作数量"), G("本年新公开数量"), G("对外公开总数量")],
              [[G(label)] + [G(r(f"{row}.{c}")) for c in cols]
               for row, label in (("regulations", "规章"), ("normative_docs", "规范性文件"))])
        cols = ("prev_items", "change", "decisions")
        head = [G("信息内容"), G("上一年项目数量"), G("本年增/减"), G("处理决定数量")]
        block("第二十条第（五）项", head, [[G(label)] + [G(r(f"{row}.{c}")) for c in cols] for row, label in
                                   (("licensing", "行政许可"), ("other_services", "其他对外管理服务事项"))])
        block("第二十条第（六）项", list(head), [[G(label)] + [G(r(f"{row}.{c}")) for c in cols] for row, label in
                                         (("punishment", "行政处罚"), ("coercion", "行政强制"))])
        block("第二十条第（八）项", [G("信息内容"), G("上一年项目数量"), G("本年增/减", colspan=2)],
              [[G("行政事业性收费"), G(r("fees.prev_items")), G(r("fees.change"), colspan=2)]])
        block("第二十条第（九）项", [G("信息内容"), G("采购项目数量"), G("采购总金额", colspan=2)],
              [[G("政府集中采购"), G(r("procurement.projects")), G(r("procurement.amount"), colspan=2)]])
        if "t2.published_total" in cells:
            rows.append([G(f"{year}年本行政区域（或本部门）政府信息公开发布总数量（非新闻类、消息类）："
                           + r("published_total"), colspan=4, title=True)])
    else:
        cols = ("issued", "repealed", "in_force")
        block("第二十条第（一）项", [G("信息内容"), G("本年制发件数"), G("本年废止件数"), G("现行有效件数")],
              [[G(label)] + [G(r(f"{row}.{c}")) for c in cols]
               for row, label in (("regulations", "规章"), ("normative_docs", "行政规范性文件"))])
        head = [G("信息内容"), G("本年处理决定数量", colspan=3)]
        block("第二十条第（五）项", head, [[G("行政许可"), G(r("licensing.decisions"), colspan=3)]])
        block("第二十条第（六）项", list(head), [[G(label), G(r(f"{row}.decisions"), colspan=3)] for row, label in
                                         (("punishment", "行政处罚"), ("coercion", "行政强制"))])
        block("第二十条第（八）项", [G("信息内容"), G("本年收费金额（单位：万元）", colspan=3)],
              [[G("行政事业性收费"), G(r("fees.amount"), colspan=3)]])
    return rows


def t3_grid(cells: dict[str, dict[str, Any]], split_other: bool) -> list[list[G]]:
    def vals(row: str) -> list[G]:
        return [G(_raw(cells, f"t3.{row}.{c}")) for c in APPLICANT_COLS + ("total",)]

    rows: list[list[G]] = [
        [G(T3_NOTE, rowspan=3, colspan=3), G("申请人情况", colspan=7)],
        [G("自然人", rowspan=2), G("法人或其他组织", colspan=5), G("总计", rowspan=2)],
        [G("商业企业"), G("科研机构"), G("社会公益组织"), G("法律服务机构"), G("其他")],
        [G("一、本年新收政府信息公开申请数量", colspan=3)] + vals("new_received"),
        [G("二、上年结转政府信息公开申请数量", colspan=3)] + vals("carried_over"),
    ]
    n_other = 3 if split_other else 1
    span = 2 + len(DENIED) + len(UNABLE) + len(NOT_PROCESSED) + n_other + 1
    rows.append([G("三、本年度办理结果", rowspan=span), G("（一）予以公开", colspan=2)] + vals("granted"))
    rows.append([G("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2)] + vals("partial"))
    for group, title, keys, labels in (("denied", "（三）不予公开", DENIED, DENIED_LABELS),
                                       ("unable", "（四）无法提供", UNABLE, UNABLE_LABELS),
                                       ("not_processed", "（五）不予处理", NOT_PROCESSED, NOT_PROCESSED_LABELS)):
        for i, (key, label) in enumerate(zip(keys, labels)):
            head = [G(title, rowspan=len(keys))] if i == 0 else []
            rows.append(head + [G(label)] + vals(f"{group}.{key}"))
    if split_other:
        for i, (key, label) in enumerate(zip(("no_correction", "no_fee", "other"), OTHER_LABELS)):
            head = [G("（六）其他处理", rowspan=3)] if i == 0 else []
            rows.append(head + [G(label)] + vals(f"other.{key}"))
    else:
        rows.append([G("（六）其他处理", colspan=2)] + vals("other"))
    rows.append([G("（七）总计", colspan=2)] + vals("total_processed"))
    rows.append([G("四、结转下年度继续办理", colspan=3)] + vals("carried_forward"))
    return rows


def t4_grid(cells: dict[str, dict[str, Any]]) -> list[list[G]]:
    result_heads = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    return [
        [G("行政复议", colspan=5), G("行政诉讼", colspan=10)],
        [G(h, rowspan=2) for h in result_heads] + [G("未经复议直接起诉", colspan=5), G("复议后起诉", colspan=5)],
        [G(h) for h in result_heads * 2],
        [G(_raw(cells, f"t4.{row}.{c}")) for row in ("review", "litigation_direct", "litigation_after_review")
         for c in T4_COLS],
    ]


# ---------------------------------------------------------------- expansion

def expand(grid: list[list[G]], across: bool) -> list[list[str]]:
    """Lay a grid out on its positions. Positions covered by a rowspan become "" (a Word
    continuation cell); positions covered by a colspan become "" only when `across`."""
    occupied: dict[tuple[int, int], str] = {}
    out: list[list[str]] = []
    for r, row in enumerate(grid):
        line: list[str] = []
        c = 0
        for cell in row:
            while (r, c) in occupied:
                line.append("")
                c += 1
            line.append(cell.text)
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    if dr or dc:
                        occupied[(r + dr, c + dc)] = ""
            if across:
                line.extend([""] * (cell.colspan - 1))
            c += cell.colspan
        while (r, c) in occupied:
            line.append("")
            c += 1
        out.append(line)
    return out


def render(grid: list[list[G]], style: str) -> str:
    """A grid in one of the text styles (without surrounding blank lines)."""
    if style == "tsv":
        return "\n".join("\t".join(row) for row in expand(grid, across=True))
    if style == "cells":
        return "\n\n".join("\n".join("\t" + c for c in row) for row in expand(grid, across=False))
    if style == "pipe":
        return "\n".join(" | ".join(row) for row in expand(grid, across=False))
    if style == "flat":
        return "".join(c.text for row in grid for c in row)
    if style == "md":
        return _markdown(grid)
    raise ValueError(f"unknown table style {style!r}")


def _markdown(grid: list[list[G]]) -> str:
    """One Markdown table per block: title rows become plain lines, then the block's first
    row is the header. Markdown has no spans, so covered positions are empty cells."""
    blocks: list[str] = []
    current: list[list[G]] = []

    def flush() -> None:
        if current:
            rows = expand(current, across=True)
            width = max(len(r) for r in rows)
            rows = [r + [""] * (width - len(r)) for r in rows]
            lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * width]
            lines += ["| " + " | ".join(r) + " |" for r in rows[1:]]
            blocks.append("\n".join(lines))
            current.clear()

    for row in grid:
        if len(row) == 1 and row[0].title:
            flush()
            blocks.append(row[0].text)
        else:
            current.append(row)
    flush()
    return "\n\n".join(blocks)


def html_table(grid: list[list[G]]) -> str:
    lines = ["<table border=\"1\">"]
    for row in grid:
        tds = []
        for c in row:
            attrs = (f" rowspan=\"{c.rowspan}\"" if c.rowspan > 1 else "") + \
                    (f" colspan=\"{c.colspan}\"" if c.colspan > 1 else "")
            tds.append(f"<td{attrs}>{html.escape(c.text)}</td>")
        lines.append("<tr>" + "".join(tds) + "</tr>")
    lines.append("</table>")
    return "\n".join(lines)
