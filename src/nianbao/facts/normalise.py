"""Quantity spans → normalised values (FACTS.md §2).

`parse_quantity("近45.9万")` gives ``Quantity(value=459000, unit=None, qualifier="approx")``.

A span is ``[qualifier] number [余|多] [magnitude] [余|多] [unit] [以上|左右]`` or a bare
zero-claim cue (未 / 无 / 没有 / 尚未 …).  The rules, decided once:

* **Numbers**: Arabic digits, full-width digits (``９８``), thousands separators
  (``1,048`` / ``1，048``), decimals (``50.98`` / ``50．98``), and Chinese numerals, both
  the counting form (``一千二百``, ``两万三``, ``十二``) and the digit-string form
  (``二〇二〇``, ``零``); a bare magnitude is one of it (``破千万`` = 10⁷, ``破亿`` = 10⁸).
  Financial forms (壹贰叁 … 拾佰仟) read like the plain ones.
* **Magnitudes multiply** (万 = 10⁴, 亿 = 10⁸, 千 = 10³ after an Arabic number, 千万 = 10⁷) and the
  magnitude leaves the unit: ``45.9万`` → 459000 with no unit, ``2.9亿元`` → 290000000
  元, ``4068.208万元`` → 40682080 元.  So money in text is always in 元; a table cell
  printed in 万元 keeps its own unit, and `in_base_unit` converts either side before a
  comparison.  Arithmetic is exact (decimal), and whole results are ``int``.
* **Units** are the measure word as printed (件 条 个 项 篇 人 次 人次 场 期 笔 元 家 份 …),
  ``％`` becomes ``%`` and tenths become percent (``超八成`` → 80 %, more_than); a span
  with no unit has ``unit=None``.  A share in words is a percent (``百分之百`` → 100 %).
* **Qualifiers** (FACTS.md §2 table): 约/近/左右 → ``approx``; 余/多/以上/突破/破 →
  ``at_least``; 超/超过/逾 → ``more_than``; none → ``exact``; a span that is only a
  negation cue → value 0, unit None, ``zero_claim``.  When a span carries two, the one
  before the number wins (``超过100余件`` → ``more_than``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

QUALIFIER_WORDS = {
    "约": "approx", "近": "approx", "左右": "approx",
    "余": "at_least", "多": "at_least", "以上": "at_least", "突破": "at_least", "破": "at_least",
    "超": "more_than", "超过": "more_than", "逾": "more_than",
}
ZERO_CUES = ("未", "无", "没有", "尚未", "均未", "从未", "并未", "暂无", "均无", "未曾")

# Longest first, so 人次 wins over 人 and 万元 is seen as magnitude + 元.
UNITS = (
    "个工作日", "个百分点", "个月", "工作日", "百分点", "人次", "件次", "户次", "批次", "场次",
    "期次", "条次", "篇次", "小时", "分钟", "大项", "小项",
    "件", "条", "个", "项", "篇", "人", "次", "场", "期", "笔", "元", "家", "份", "例", "名",
    "位", "户", "起", "封", "张", "部", "套", "批", "台", "座", "所", "处", "支", "类", "种",
    "本", "册", "天", "日", "周", "年", "月", "倍", "号", "通", "成", "宗", "则", "%", "％",
)
MAGNITUDES = {"千": 1000, "万": 10_000, "亿": 100_000_000, "百万": 10**6, "千万": 10**7, "万亿": 10**12}
MAGNITUDE_WORDS = "|".join(sorted(MAGNITUDES, key=len, reverse=True))  # longest first: 2千万 is 2×10⁷, not 2千

CN_DIGITS = {
    "零": 0, "〇": 0, "○": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
    "六": 6, "七": 7, "八": 8, "九": 9,
    "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8, "玖": 9,
}
CN_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)

# Units printed in another form that count the same thing: 131条次 and 6则 are items (条),
# 18篇次 articles (篇).
_SAME_UNIT = {"％": "%", "条次": "条", "篇次": "篇", "则": "条"}
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_SPACES = re.compile(r"[\s\u3000\u00a0]+")

_QUAL_PRE = "超过|突破|破|超|逾|近|约"
_QUAL_MID = "余|多"
_QUAL_POST = "以上|左右"
_ARABIC = r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?"
_UNIT_RE = "|".join(re.escape(u) for u in UNITS)
# The whole span, for parsing (candidates.py has its own search-oriented pattern).
_SPAN = re.compile(
    rf"^(?P<pre>{_QUAL_PRE})?"
    # a Chinese numeral carries its own 千/万/亿 (一万三千), so it is read whole; the
    # magnitude group is for what follows it (三十余万) or an Arabic number (45.9万)
    rf"(?:(?P<arabic>{_ARABIC})|(?P<chinese>[{CN_NUMERAL_CHARS}]+))"
    rf"(?P<mid1>{_QUAL_MID})?(?P<mag>{MAGNITUDE_WORDS})?(?P<mid2>{_QUAL_MID})?"
    rf"(?P<unit>{_UNIT_RE})?(?P<post>{_QUAL_POST})?$"
)

# A share written in words: 百分之百 (100 %), 约百分之九十五, 百分之99.5.
_PERCENT_WORDS = re.compile(
    rf"^(?P<pre>{_QUAL_PRE})?百分之(?:(?P<arabic>{_ARABIC})|(?P<chinese>[{CN_NUMERAL_CHARS}]+))(?P<post>{_QUAL_POST})?$")


@dataclass(frozen=True)
class Quantity:
    value: int | float
    unit: str | None
    qualifier: str


def parse_quantity(span_text: str) -> Quantity:
    """Read a quantity span (FACTS.md §1) into value, unit and qualifier.

    Raises ``ValueError`` when the text is not a quantity span.
    """
    text = _SPACES.sub("", span_text)
    if text in ZERO_CUES:
        return Quantity(0, None, "zero_claim")
    m = _PERCENT_WORDS.match(text)
    if m is not None:
        share = _number(m["arabic"], m["chinese"])
        qualifier = QUALIFIER_WORDS[m["pre"] or m["post"]] if m["pre"] or m["post"] else "exact"
        return Quantity(_plain(share), "%", qualifier)
    m = _SPAN.match(text)
    if m is None:
        raise ValueError(f"not a quantity span: {span_text!r}")
    number = _number(m["arabic"], m["chinese"])
    if m["mag"]:
        number *= MAGNITUDES[m["mag"]]
    unit = _SAME_UNIT.get(m["unit"], m["unit"])
    if unit == "成":  # 八成 = 80 %
        number, unit = number * 10, "%"
    words = [w for w in (m["pre"], m["mid1"], m["mid2"], m["post"]) if w]
    qualifier = QUALIFIER_WORDS[words[0]] if words else "exact"
    return Quantity(_plain(number), unit, qualifier)


def _number(arabic: str | None, chinese: str | None) -> Decimal:
    """The number of a span, printed in digits (any width, with separators) or in Chinese numerals."""
    if arabic is not None:
        return Decimal(arabic.translate(_FULL_WIDTH).replace(",", ""))
    return Decimal(chinese_to_int(chinese))


def chinese_to_int(numeral: str) -> int:
    """``一千二百`` → 1200, ``十二`` → 12, ``两万三`` → 23000, ``二〇二〇`` → 2020.

    A numeral with no 十/百/千/万/亿 is read digit by digit.  A trailing digit right after
    百/千/万 is the colloquial short form (``一千二`` = 1200).  Raises ``ValueError``.
    """
    if not numeral or any(ch not in CN_NUMERAL_CHARS for ch in numeral):
        raise ValueError(f"not a Chinese numeral: {numeral!r}")
    if not any(ch in CN_SMALL_UNITS or ch in CN_BIG_UNITS for ch in numeral):
        return int("".join(str(CN_DIGITS[ch]) for ch in numeral))
    total = section = digit = 0
    last_unit = 1
    for i, ch in enumerate(numeral):
        if ch in CN_DIGITS:
            digit = CN_DIGITS[ch]
            last_unit = 1 if ch in "零〇○" else last_unit
        elif ch in CN_SMALL_UNITS:
            if digit == 0 and (i == 0 or numeral[i - 1] in CN_BIG_UNITS or numeral[i - 1] in "零〇○"):
                digit = 1  # 十二 = 12, 一百零十 is not written, 万十 → 万一十
            section += digit * CN_SMALL_UNITS[ch]
            digit, last_unit = 0, CN_SMALL_UNITS[ch]
        else:
            big = CN_BIG_UNITS[ch]
            if total == section == digit == 0:
                digit = 1  # 破亿, 万余: a bare magnitude is one of it
            if big == 100_000_000:
                total = (total + section + digit) * big
            else:
                total += (section + digit) * big
            section = digit = 0
            last_unit = big
    if digit and len(numeral) >= 2 and numeral[-2] not in CN_DIGITS and last_unit >= 100:
        digit *= last_unit // 10  # 一千二 → 1200, 两万三 → 23000
    return total + section + digit


def in_base_unit(value: int | float, unit: str | None) -> tuple[int | float, str | None]:
    """Express money in 元 (``(4068.208, "万元")`` → ``(40682080, "元")``); others unchanged."""
    scale = {"万元": 10_000, "亿元": 100_000_000}.get(unit or "")
    if scale is None:
        return value, unit
    return _plain(Decimal(str(value)) * scale), "元"


def _plain(number: Decimal) -> int | float:
    return int(number) if number == number.to_integral_value() else float(number)
