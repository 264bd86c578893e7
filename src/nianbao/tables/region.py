"""Where each table sits in the report text, found from the tables' own headings and cues.

Sections are not trusted here: a table is where its header words are.  A heading with
no table under it (a report that writes 表三 as prose) gives no region, nor do header words
used in a sentence (``行政复议7件，结果维持6件。``).
"""
from __future__ import annotations

import re

from nianbao.tables.cells import BLANKS


def _spaced(*words: str) -> re.Pattern[str]:
    """Any of `words`, with blanks allowed between characters (a header broken over lines)."""
    return re.compile("|".join(r"[\s\u3000\xa0]*".join(map(re.escape, w)) for w in words))


_T2_ANCHOR = re.compile(r"第\s*二\s*十\s*条\s*第")
# when 第二十条 is not printed
_T2_HEADER = _spaced("本年新制作数量", "本年制作数量", "本年新制发件数", "本年制发件数", "本年新制发数量", "本年制发数量",
                     "上一年项目数量", "本年处理决定数量")
# header words, the first row's full label, or that row's label opening a line with its numbering
_T3_ANCHOR = re.compile(_spaced("勾稽关系", "申请人情况", "本年新收政府信息公开申请数量").pattern
                        + r"|(?m:^[ \t\u3000\xa0|]*一[ \u3000\xa0]*、[ \u3000\xa0]*本[ \u3000\xa0]*年[ \u3000\xa0]*新[ \u3000\xa0]*收)")
_T3_HEADING = re.compile(r"收到和处理政府信息公开申请(?:情况)?")
_T4_ANCHOR = re.compile(r"结果\s*维持|维持[\s|]*纠正")  # 维持 | 纠正: a header that drops 结果
_T4_HEADING = re.compile(r"(?:[一二三四五六七八九十]\s*、\s*)?(?:政府信息公开)?行政法?复议[、和及与]?\s*行政诉讼情况|行政复议")
_AFTER_TABLES = re.compile(r"存在的主要问题|主要问题|其他需要报告的事项|五\s*、")
_PROSE_COUNT = re.compile(r"\d+\s*(?:件|起|宗|例)")  # "结果维持6件" in a sentence
_CLAUSE_ENDS = ("，", ",", "；", ";", "、", "：")  # a line of prose broken after a clause
_HEADING_REACH = 400  # how far before its header words a table's heading may sit

Region = tuple[int, int]


def find_regions(text: str) -> dict[str, Region]:
    """{"t2"|"t3"|"t4": (start, end)} for the tables the text carries."""
    t2 = _t2_start(text)
    t3 = _T3_ANCHOR.search(text, t2.start() if t2 else 0)
    t4 = _t4_anchor(text, t3.end() if t3 else (t2.end() if t2 else 0))
    starts: dict[str, int] = {}
    if t2:
        # header words open their line (信息内容 | 本年新制作数量 …): the table starts with that line
        starts["t2"] = text.rfind("\n", 0, t2.start()) + 1 if t2.re is _T2_HEADER else t2.start()
    if t3:
        starts["t3"] = _heading_before(text, _T3_HEADING, t3.start(), starts.get("t2", 0))
    if t4:
        floor = t3.end() if t3 else starts.get("t2", 0)
        starts["t4"] = _heading_before(text, _T4_HEADING, t4.start(), floor)
    regions: dict[str, Region] = {}
    order = sorted(starts.items(), key=lambda kv: kv[1])
    for i, (table, start) in enumerate(order):
        if i + 1 < len(order):
            end = order[i + 1][1]
        else:
            after = _AFTER_TABLES.search(text, (t4.end() if table == "t4" and t4 else start) + 1)
            end = after.start() if after else len(text)
        if table == "t2":  # a 表三 heading with no table under it still ends 表二
            heading = _T3_HEADING.search(text, start, end)
            end = heading.start() if heading else end
        regions[table] = (start, end)
    return regions


def _t2_start(text: str) -> re.Match[str] | None:
    """Where 表二 starts: its first 第二十条 line, or its first header words when those come
    shortly before it (a table that does not print its first 第二十条第（一）项 row, its
    header opening on 信息内容 | 本年新制作数量 …) or when no 第二十条 is printed."""
    anchor, header = _T2_ANCHOR.search(text), _T2_HEADER.search(text)
    if anchor and header and header.start() < anchor.start() <= header.start() + _HEADING_REACH:
        return header
    return anchor or header


def _t4_anchor(text: str, pos: int) -> re.Match[str] | None:
    """表四's header words (结果维持 …) from `pos` on, not a sentence of prose that uses them
    (``行政复议7件，结果维持6件，尚未审结1件。``: a count right after the words, on a line
    that ends sentences, or a clause of one broken over lines: ``其中结果维持1件，``)."""
    for m in _T4_ANCHOR.finditer(text, pos):
        line_start, line_end = text.rfind("\n", 0, m.start()) + 1, text.find("\n", m.end())
        line = text[line_start:line_end if line_end >= 0 else len(text)]
        if not (_PROSE_COUNT.match(text, m.end()) and ("。" in line or line.rstrip(BLANKS).endswith(_CLAUSE_ENDS))):
            return m
    return None


def _heading_before(text: str, heading: re.Pattern[str], anchor: int, floor: int) -> int:
    """The start of the last `heading` shortly before `anchor`, or the anchor's line start."""
    lo = max(floor, anchor - _HEADING_REACH)
    found = [m for m in heading.finditer(text, lo, anchor)]
    if found:  # the full heading (with 情况) beats a bare header word
        full = [m for m in found if m.group().endswith("情况")]
        return (full or found)[-1].start()
    line = text.rfind("\n", lo, anchor)
    return line + 1 if line >= 0 else anchor
