"""Candidate mentions: every place in the narrative a fact span could sit (FACTS.md §1).

`find_candidates(text, exclude)` returns, in text order, with exact offsets
(``text[c.start:c.end] == c.text``):

* every **quantity expression** — optional qualifier + number + optional magnitude +
  unit or measure word.  Arabic numbers (half- or full-width, with thousands separators
  or decimals) are kept with or without a unit; a Chinese numeral is kept only when a
  measure word follows it (``十二个``, ``两场``, ``二〇二〇年``) or it is a bare magnitude
  after a qualifier (``破亿``, ``破千万``); a line break may sit between number and unit
  (hard-wrapped PDF text);
* every **zero-claim cue** 未 / 无 / 没有 that a countable thing follows within a short
  window in the same clause (``未收到…申请``, ``没有发生…复议``, ``无收取…费用``).

Candidates are recall-oriented: the extractor (rules or model) decides which are facts.
Obvious non-facts are *marked*, not dropped, in `Candidate.kind`: ``year`` (2020年),
``date`` (1月1日, 9:30, 2020-01-20), ``phone``, ``doc_number`` (〔2020〕80号), ``article`` (第二十条),
``ordinal`` (第3批), ``list_marker`` (1.  2、 (1)), ``page_number`` (-3-), ``name`` (a number
used as a name: “12345”热线, “惠企十条”), ``code`` (5G, H5, postcodes, the digits of a web address),
``idiom`` (一件事, 一次办好, 十四五), ``past`` (an earlier year's figure a count is compared with:
比2021年（25件）下降).
Everything else is ``quantity`` or ``zero_claim`` (`FACT_KINDS`).

Dropped outright: Chinese numerals with no measure word after them (一是, 进一步, (一)),
negation words that are not zero claims (无法, 无正当理由, 未能, 未来, 未经, 无纸化 …, or a
cue with no countable thing after it), and anything overlapping an ``exclude`` region
(the tables, rows of numbers no table reader took in, page chrome and whatever lies outside
the report body: see `narrative_exclusions`).
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property

from nianbao.body import containing, non_narrative, overlapping
from nianbao.facts.normalise import CN_NUMERAL_CHARS, MAGNITUDE_WORDS, UNITS, Quantity, parse_quantity
from nianbao.report import Report

FACT_KINDS = frozenset({"quantity", "zero_claim"})

_SP = r"[ \u3000\u00a0]{0,2}\n?[ \u3000\u00a0]{0,2}"  # hard-wrapped PDF text breaks lines anywhere
_UNIT = "|".join(re.escape(u) for u in UNITS)
_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
_CN_START = "一二两三四五六七八九十壹贰叁肆伍陆柒捌玖拾"
_QUANTITY = re.compile(
    rf"(?:超过|突破|破|超|逾|近|约)?(?:"
    rf"(?P<arabic>{_ARABIC})(?:{_SP}(?:余|多))?(?:{_SP}(?:{MAGNITUDE_WORDS}))?(?:余|多)?(?:{_SP}(?P<unit>{_UNIT}))?"
    rf"|(?P<chinese>[{_CN_START}][{CN_NUMERAL_CHARS}]*)(?:余|多)?(?P<cunit>{_UNIT})"
    rf")(?:以上|左右)?"
    rf"|(?:超过|突破|破|超|逾|近|约)(?P<bare>[百千万亿][{CN_NUMERAL_CHARS}]*)(?:余|多)?(?P<bunit>{_UNIT})?"
)
_STOP = "。；;！!？?，,\n\t"
_ZERO_TRIGGERS = (
    "收到", "受理", "接到", "接收", "发生", "出现", "产生", "收取", "收费", "申请", "复议", "诉讼",
    "费用", "处理费", "投诉", "举报", "被", "纠错", "追究", "提起", "承办", "建议", "提案", "咨询", "留言", "结转", "不予", "制定", "制发", "规章", "规范性文件",
    "行政许可", "行政处罚", "行政强制",  # 全年无行政许可、行政处罚、行政强制事项
    "开设", "开通", "新媒体",  # 未开设政务新媒体账号: no accounts
)
_ZERO = re.compile(  # appeals and lawsuits named further on (无针对本部门有关政府信息公开事务的行政复议)
    rf"(?P<cue>没有|未|无)(?=[^{_STOP}]{{0,16}}?(?:{'|'.join(_ZERO_TRIGGERS)})|[^{_STOP}]{{17,32}}?(?:复议|诉讼))"
)
_NOT_ZERO = re.compile(
    r"无法|无正当|无纸|无缝|无论|无差别|无人|无线|无偿|无需|无死角|无障碍|无误|无效|无关|"
    r"未来|未能|未成年|未经|未审结|未按|未及时|未进行|没有现成"
)
_IDIOM = re.compile(
    r"一件事|一次办|一次性|一次告知|跑一次|一张网|一张图|一条龙|一个窗口|两个维护|两个确立|"
    r"四个意识|四个自信|十[三四五]五|一网通|一窗|一门|一号|一站式|零跑|一次都不跑"
)
_ISO_DATE = re.compile(r"(?:19|20)\d\d[-/.]\d{1,2}[-/.]\d{1,2}")
_OPEN = "〔[［【(（"
_CLOSE = "〕]］】)）"


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    text: str
    kind: str  # "quantity" | "zero_claim" | "year" | "date" | "phone" | … (module docstring)

    @property
    def may_be_fact(self) -> bool:
        return self.kind in FACT_KINDS

    @cached_property
    def quantity(self) -> Quantity:
        """The mention's value, unit and qualifier (FACTS.md §1-2), read once however often asked."""
        return parse_quantity(self.text)


def narrative_exclusions(report: Report) -> list[tuple[int, int]]:
    """The table regions of a report, less whole prose lines inside them: facts never come
    from a table, nor from rows of numbers that no table reader took in (`grid_lines`).  Nor
    from page chrome or outside the report body (`nianbao.body.non_narrative`), which are
    added whole.

    A region can take in a sentence printed between the section heading and the grid
    (``四、…情况\n本年度未发生行政复议和行政诉讼。\n行政复议\t…``); a line that has no cell
    separator (tab or ``|``) and ends like a sentence (。；！) is narrative, so it is left
    out of the exclusion.  Flattened one-line tables are untouched.
    """
    out: list[tuple[int, int]] = []
    for table in report.tables.values():
        if table.start is not None:
            out.extend(_without_prose(report.text, table.start, table.end))
    out.extend(grid_lines(report.text))
    out.extend(non_narrative(report))
    return out


_CELL_NUMBER = re.compile(r"[0-9０-９][0-9０-９.,，%]*|[-—/]")  # a cell's number, or a dash for an empty cell
_LINE = re.compile(r"[^\n]*")


def grid_lines(text: str) -> list[tuple[int, int]]:
    """Lines of a table no table reader took in (one it does not know, or one cut short): a row of
    cells split by tabs or ``|`` whose cells are numbers but for a row name (``规章\t2\t2\t2``), and
    runs of two or more lines that each hold one number alone (a table printed one cell per line;
    blank lines between them do not break a run). A number alone on one line is left to the
    narrative: hard-wrapped text may put a count's number on a line of its own."""
    rows, alone = [], []
    for m in _LINE.finditer(text):
        line = m.group().strip(" \u3000\u00a0\r")
        if not line:
            continue
        if "\t" in line or "|" in line:
            cells = [c.strip(" \u3000\u00a0") for c in re.split(r"[\t|]", line)]
            cells = [c for c in cells if c]
            numbers = sum(1 for c in cells if _CELL_NUMBER.fullmatch(c))
            if numbers >= 2 and numbers >= len(cells) - 1:
                rows.append(m.span())
                continue
        elif _CELL_NUMBER.fullmatch(line):
            alone.append(m.span())
            continue
        if len(alone) == 1:
            alone.clear()
        rows.extend(alone)
        alone.clear()
    if len(alone) > 1:
        rows.extend(alone)
    return sorted(rows)


def _without_prose(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces, piece_start, pos = [], start, start
    while pos < end:
        nl = text.find("\n", pos, end)
        line_end = end if nl == -1 else nl
        if _is_prose_line(text, pos):
            if pos > piece_start:
                pieces.append((piece_start, pos))
            piece_start = line_end
        pos = line_end + 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def _is_prose_line(text: str, pos: int) -> bool:
    """The whole line around `pos` is a sentence: no cell separator, sentence-final, short
    (a flattened table shares one huge line with the narrative, so it never qualifies)."""
    first = text.rfind("\n", 0, pos) + 1
    last = text.find("\n", pos)
    line = text[first:last if last != -1 else len(text)].rstrip()
    return len(line) < 300 and "\t" not in line and "|" not in line and line.endswith(("。", "；", "！"))


# a web address printed in the page (chrome or a link in the text): its digits are no quantity
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9._~:/?#@!$&=%+-]+", re.IGNORECASE)


def find_candidates(text: str, exclude: list[tuple[int, int]] | None = None) -> list[Candidate]:
    """Quantity expressions and zero-claim cues in `text`, outside the `exclude` regions."""
    excluded = overlapping(exclude or [])

    def outside(m: re.Match) -> bool:  # tested first: a table holds most of a report's numbers
        return not excluded(m.start(), m.end())

    in_idiom = overlapping(m.span() for m in _IDIOM.finditer(text))
    in_address = containing([m.span() for m in _URL.finditer(text)])
    found = [Candidate(m.start(), m.end(), m.group(), _kind(text, m, in_idiom, in_address))
             for m in _QUANTITY.finditer(text) if outside(m)]
    for m in _ZERO.finditer(text):
        if outside(m) and is_zero_cue(text, m.start()):
            found.append(Candidate(m.start(), m.end(), m.group(), "zero_claim"))
    return sorted(found, key=lambda c: (c.start, c.end))


def is_zero_cue(text: str, at: int) -> bool:
    """Is the 没有/未/无 at `at` a zero cue, not part of a word that denies nothing (无法, 未来)?"""
    return not _NOT_ZERO.match(text, at) and not _NOT_ZERO.match(text, max(0, at - 1))


def _kind(text: str, m: re.Match, in_idiom: Callable[[int, int], bool], in_address: Callable[[int, int], bool]) -> str:
    start, end = m.span()
    before = text[max(0, start - 1):start]
    after = text[end:end + 1]
    unit = m["unit"] or m["cunit"] or m["bunit"]
    digits = m["arabic"] or ""
    plain = digits.isascii() and digits.isdigit()
    if in_idiom(start, end):
        return "idiom"
    if before == "第":
        return "article" if unit in ("条", "款", "项") else "ordinal"
    if unit == "号" or (before and before in _OPEN and after and after in _CLOSE and len(digits) == 4):
        return "doc_number"
    if before == "〔" and len(digits) >= 4 and digits[:2] in ("19", "20"):
        return "doc_number"  # 〔201960): a document number whose closing bracket and 号 the page lost
    if before == "每":
        return "idiom"  # 每一条, 每2周: each, not a count
    if before in "-—－" and after in "-—－" and before and after and len(digits) <= 3:
        return "page_number"
    if _is_phone(text, start, end, digits, unit):
        return "phone"
    if before and before in "“\"「《‘" and after and after in "”\"」》’" or (
        unit is None and ("热线" in text[end:end + 8] or _SERVICE_NUMBER.fullmatch(digits))
    ) or _in_quoted_name(text, start, end):
        return "name"
    if _PAST_FIGURE.search(text, max(0, start - 12), start):
        return "past"
    if before.isascii() and before.isalpha() or (unit is None and after.isascii() and after.isalpha()):
        return "code"
    if unit is None and in_address(start, end):
        return "code"  # http://…/zwgk_70039/: part of an address
    if unit is None and len(digits) == 6 and any(w in text[max(0, start - 8):start] for w in ("邮编", "邮政编码")):
        return "code"
    if unit == "年" and (len(digits) == 4 or (m["chinese"] and len(m["chinese"]) == 4)):
        return "year"
    if unit == "年" and m["chinese"] and before in ("上", "下"):
        return "year"  # 结转下一年办理: the next year, no count
    if unit is None and plain and len(digits) == 4 and 1949 <= int(digits) <= 2100 and after not in ("%", "％"):
        return "year"
    if unit in ("月", "日") and not text[max(0, start - 1):start] == "个":
        return "date"
    if unit is None and plain and len(digits) <= 2 and (
        after in (":", "：") and text[end + 1:end + 2].isdigit() or before in (":", "：") and text[start - 2:start - 1].isdigit()
    ):
        return "date"  # 15:22
    if unit is None and plain and any(
        d.start() <= start and end <= d.end() for d in _ISO_DATE.finditer(text, max(0, start - 8), end + 8)
    ):
        return "date"  # 2020-01-20
    if unit is None and plain and m.group() == digits and (
        after in (".", "．", "、") and not text[end + 1:end + 2].isdigit()
        or (before in "(（" and after in ")）" and before and after)
        or (after in ")）" and after and (start == 0 or text[start - 1] in "\n \u3000\t。；"))
    ):
        return "list_marker"
    return "quantity"


_QUOTE_OPEN, _QUOTE_CLOSE = "“‘", "”’ʼ"
# a figure of an earlier year a count is compared with: 比2021年（25件）下降, 较去年的20件
_PAST_FIGURE = re.compile(r"(?:比|较|同比)(?:上一?年度?|去年|(?:19|20)\d\d年度?)(?:同期)?的?[（(]?$")


def _in_quoted_name(text: str, start: int, end: int) -> bool:
    """Is the number part of a short quoted name (“惠企十条”, ‘20条’)? A quote opened at most 8
    characters before it, not closed since, and closed at most 2 characters after it."""
    opened = max(text.rfind(q, max(0, start - 8), start) for q in _QUOTE_OPEN)
    if opened < 0 or any(q in text[opened:start] for q in _QUOTE_CLOSE):
        return False
    return any(q in text[end:end + 2] for q in _QUOTE_CLOSE)


def _is_phone(text: str, start: int, end: int, digits: str, unit: str | None) -> bool:
    if unit is not None or not digits.isdigit():
        return False
    if len(digits) == 11 and digits.startswith("1") and digits[1] in "3456789":
        return True
    joined_left = _DIALLING_CODE.search(text, max(0, start - 8), start) is not None  # 0482--8395216
    joined_right = _DIALLED_NUMBER.match(text, end) is not None
    if (joined_left or joined_right) and len(digits) >= 3:
        return True
    window = text[max(0, start - 30):start]  # 电话(0123)6654321、6654322: the second number too
    return len(digits) >= 7 and any(w in window for w in ("电话", "热线", "传真", "联系方式", "手机", "致电"))


_SERVICE_NUMBER = re.compile(r"123\d\d")  # 12345, 12315, 12369: a hotline's number, not a count
_DIALLING_CODE = re.compile(r"\d[-－—]+$")
_DIALLED_NUMBER = re.compile(r"[-－—]+\d")
