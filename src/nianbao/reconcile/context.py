"""Where a fact sits in the narrative: its sentence, the clause leading up to it, cue words.

The reconciler reads only a little context around each fact, conservatively: the *lead*
(from the previous comma or sentence end up to the fact) for the cue words that pick a table
column, the fact's clause for scope words, and the sentence (up to 。！？； or a line end) for
another year named before the fact and for the narrative's own arithmetic.
"""
from __future__ import annotations

import re
from collections.abc import Iterable

from nianbao.report import Fact, Report
from nianbao.scan import first_of, last_of
from nianbao.sections import YEAR_NAMED

SENTENCE_ENDS = "。！？；;!?\n"
SCOPE_WORDS = ("备案", "代表", "本部门", "全市", "全区", "全县")
OWN_BODY_WORDS = ("本机关",)  # a scope word only when the tables cover a whole region
_REGION_ISSUER = re.compile(r"[市区县旗州盟](?:人民)?政府$|管委会|管理委员会")
CLAUSE_ENDS = SENTENCE_ENDS + "，,：:"


def sentence_span(text: str, start: int, end: int | None = None) -> tuple[int, int]:
    """Half-open bounds of the sentence around ``text[start:end]``."""
    end = start if end is None else end
    left = last_of(text, SENTENCE_ENDS, start) + 1
    right = first_of(text, SENTENCE_ENDS, end)
    right = right + 1 if right != -1 else len(text)
    return left, right


def sentence(text: str, fact: Fact) -> str:
    left, right = sentence_span(text, fact.start, fact.end)
    return text[left:right]


def lead(text: str, fact: Fact, max_chars: int = 40) -> str:
    """The clause before a fact: from the last comma or sentence end up to the fact."""
    left = last_of(text, CLAUSE_ENDS, fact.start) + 1
    return text[max(left, fact.start - max_chars):fact.start]


def tail(text: str, fact: Fact, max_chars: int = 20) -> str:
    """The rest of a fact's clause after it (the counted noun after a zero claim's 未/无)."""
    right = first_of(text, CLAUSE_ENDS, fact.end)
    right = right if right != -1 else len(text)
    return text[fact.end:min(right, fact.end + max_chars)]


def nearest_cue(snippet: str, cues: Iterable[str]) -> str | None:
    """The cue whose occurrence ends closest to the end of ``snippet`` (longest on ties)."""
    best: tuple[int, int, str] | None = None
    for cue in cues:
        at = snippet.rfind(cue)
        if at == -1:
            continue
        key = (at + len(cue), len(cue), cue)
        if best is None or key[:2] > best[:2]:
            best = key
    return None if best is None else best[2]


def first_word(snippet: str, words: Iterable[str]) -> str | None:
    for word in words:
        if word in snippet:
            return word
    return None


_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def printed_number(text: str) -> float | None:
    """The first Arabic number printed in a span (``2.9亿元`` → 2.9), or None."""
    m = _DIGITS.search(text.replace(",", "").replace("，", ""))
    return float(m.group()) if m else None


def scope_word(report: Report, fact: Fact) -> str | None:
    """A word in the fact's clause saying it counts for another body than the tables do
    (区政府办代表区政府受理…17件; 全市…共收到…; 本部门…)."""
    said = lead(report.text, fact, max_chars=60) + fact.text + tail(report.text, fact)
    word = first_word(said, SCOPE_WORDS)
    if word is None and issuer_is_region(report):
        word = first_word(said, OWN_BODY_WORDS)
    return word


_OF_ANOTHER_YEAR = ("APP_CARRIED_OVER", "APP_CARRIED_FORWARD")  # another year is what they count


def other_year(report: Report, fact: Fact) -> int | None:
    """A year other than the report's named before the fact in its sentence, where the report's own
    year is not named (我局2020年主动公开行政许可33项，行政处罚36项 in the report on 2021): the count
    may be that year's, not the one the tables cover."""
    if report.year is None or fact.label in _OF_ANOTHER_YEAR:
        return None
    left, _ = sentence_span(report.text, fact.start, fact.end)
    years = [int(y) for y in YEAR_NAMED.findall(report.text, left, fact.start)]
    return years[-1] if years and report.year not in years else None


def issuer_is_region(report: Report) -> bool:
    """A county, district or city government (or a zone's 管委会), whose tables cover the region."""
    issuer = "".join((report.issuer or "").split())
    return bool(issuer) and bool(_REGION_ISSUER.search(issuer))
