"""Find a report's six standard sections, its title, year and issuer.

Headings are recognised by their title words more than by their numbers, because the
numbers are often wrong (``2、 主动公开政府信息情况`` for 二, a narrative that restarts at
一 for the tables) while the words are fixed by the national template:

==================  ==========================================================
overview            总体情况
proactive           主动公开政府信息情况
applications        收到和处理政府信息公开申请情况
review_litigation   (因)政府信息公开(申请)行政复议、(提起)行政诉讼(的)情况
problems            (政府信息公开工作)存在的主要问题及改进情况
other               其他需要报告的事项
==================  ==========================================================

A heading candidate is the title words with a number (``一、`` ``2、``) in front, at the
start of a line or glued after the end of a sentence (scraped pages run the whole body
together: ``…下载。一、总体情况2019年…``), or the title words alone on a line (Markdown
``##`` allowed).  The intro sentence that lists all six names has neither, so it is not a
heading.  Of all candidates the best-scoring chain in template order is kept, one per
section; a section whose heading is missing stays absent.  A report with no problems
heading but a ``（一）主要问题`` line after its review section (kewei2024) gets its problems
section there.

Each section runs from its heading (``Section.start`` points at the heading's first
character, after any Markdown ``#``) to the next section's heading; the last one to the end.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from nianbao.issuer import DATE_LINE
from nianbao.report import SECTION_IDS, Section, Subheading

_NUMERALS = "一二三四五六七八九十"
_NUMBER = r"(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、．.，,]\s*"
_TITLE_WORDS = {
    "overview": r"(?:[^\s。，；：、\n]{0,16}?)总体情况",
    "proactive": r"主动公开政府信息(?:的)?情况",
    "applications": r"收到和处理政府信息公开申请(?:的)?情况",
    "review_litigation": r"(?:因)?(?:政府信息公开)?(?:申请)?(?:提起)?行政法?复议\s*[、和及与,，]?\s*(?:提起)?行政诉讼(?:的)?情况",
    "problems": r"(?:政府信息公开工作)?(?:存在的?)?(?:主要)?问题(?:[及和与]|以及)(?:其)?(?:改进|整改)(?:情况|措施)",
    "other": r"其他需要报告的?事项",
}


def _spaced(pattern: str) -> str:
    """Let a stray space sit between two CJK characters of a title (PDF text: ``收到和处理政 府``)."""
    out, in_class, escaped, prev_cjk = [], False, False, False
    for ch in pattern:
        cjk = not (in_class or escaped) and "\u4e00" <= ch <= "\u9fff"
        if cjk and prev_cjk:
            out.append("[ \u3000]?")
        out.append(ch)
        prev_cjk = cjk
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == "[":
            in_class = True
        elif ch == "]":
            in_class = False
    return "".join(out)


_TITLE_WORDS = {sid: _spaced(words) for sid, words in _TITLE_WORDS.items()}
# after a number: at a line start (Markdown # allowed) or after a sentence end / a table's digits
_BEFORE_NUMBERED = r"(?:(?<=\n)|^|(?<=[。！？!?\s\d）)》”\"']))"
_LINE_START = r"(?m)^[ \t\u3000\u00a0]*(?:#{1,6}[ \t]*)?"
_PROBLEMS_FALLBACK = re.compile(_LINE_START + r"([（(]一[)）]\s*(?:存在的)?主要问题)[ \t]*[：:]?[ \t]*$")
_TITLE_CUE = re.compile(r"年度报告|年报|工作报告")
YEAR_NAMED = re.compile(r"((?:19|20)\d{2})\s*年")  # a year named (2021年, 2021 年), the year its group
_PERIOD_YEAR = re.compile(r"统计(?:期限|周期|时限|时间|区间)[^。\n]{0,20}?((?:19|20)\d{2})\s*年")
_HEADER_TITLE = re.compile(r"(?m)^标题[:：]\s*(\S[^\n]*?)\s*$")
# the page's title field in a box of fields (名 称: | ××镇人民政府2019年…报告 |, 标      题 ××厅2025年度…报告,
# - 标题: ××镇人民政府 关于2021年…报告): the report's name, its year, and what may follow it on the line
_TITLE_FIELD = re.compile(r"(?:名[ \t\u3000]*称|标[ \t\u3000]*题)[ \t\u3000]*[:：|]?[ \t\u3000|]*"
                          r"([^\n|]{4,60}?(?:19|20)\d{2}[^\n|]{0,30}?(?:报告|年报))")
_PREAMBLE_YEAR = re.compile(r"现(?:向社会)?(?:予以)?(?:公[布开]|发布)[^。\n]{0,40}?((?:19|20)\d{2})\s*年度?[^。\n]{0,40}?(?:年度报告|年报)")


@dataclass
class Outline:
    """What `segment` finds: the report's title, year, issuer, its sections in order, and where
    the report itself sits in the page (`body`, `chrome`: see `nianbao.body`)."""

    title: str | None
    year: int | None
    issuer: str | None
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    body: tuple[int, int] | None = None
    chrome: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class _Candidate:
    id: str
    start: int
    title: str
    score: int


def segment(text: str) -> Outline:
    """Sections, title, year and issuer of a report's normalised text, all read from the report
    body (page chrome around and inside it is never read for them)."""
    from nianbao import body as page
    from nianbao.issuer import find_issuer

    sections = find_sections(text)
    first = sections[0].start if sections else None
    chrome = page.chrome_spans(text)
    located = locate_title(text, first, chrome)
    title = located[0] if located else _header_title(text)
    body = page.find_body(text, sections, located[1] if located else None, chrome)
    inside = [(s, e) for s, e in chrome if s < body[1] and body[0] < e]
    year = _year(title, text, body, inside)
    overview = next((s.start for s in sections if s.id == "overview"), None)
    issuer = find_issuer(text, title, body, inside, first, overview)
    warnings = []
    if year is None:
        year = _most_frequent_year(text, body, inside)
        if year is not None:
            warnings.append(f"year: {year}, the year the text names most often "
                            "(no year in a title or a statistics period 统计期限)")
    missing = [sid for sid in SECTION_IDS if sid not in {s.id for s in sections}]
    if missing:
        warnings.append("sections: no heading found for " + ", ".join(missing))
    if title is None:
        warnings.append("title: no line naming the report (年度报告/年报) before the first section")
    return Outline(title=title, year=year, issuer=issuer, sections=sections, warnings=warnings,
                   body=body, chrome=chrome)

def find_sections(text: str) -> list[Section]:
    chosen = _best_chain(_candidates(text))
    chosen = _with_problems_fallback(text, chosen)
    sections = []
    for i, cand in enumerate(chosen):
        end = chosen[i + 1].start if i + 1 < len(chosen) else len(text)
        sections.append(Section(id=cand.id, title=cand.title, start=cand.start, end=end))
    return sections


def _candidates(text: str) -> list[_Candidate]:
    found: dict[int, _Candidate] = {}
    for rank, sid in enumerate(SECTION_IDS):
        words = _TITLE_WORDS[sid]
        numbered = re.compile(_BEFORE_NUMBERED + r"(" + _NUMBER + words + r")")
        for m in numbered.finditer(text):
            score = 3 if _at_line_start(text, m.start(1)) else 2
            if _template_number(m.group(1), rank):
                score += 1  # the number the template gives this section
            _keep(found, _Candidate(sid, m.start(1), _clean_title(m.group(1)), score))
        if sid != "overview":  # glued to anything (…政府集中采购13575394432.52元三、收到和处理…)
            for m in re.finditer(_NUMBER + words, text):
                if _template_number(m.group(0), rank):
                    _keep(found, _Candidate(sid, m.start(), _clean_title(m.group(0)), 2))
        alone = re.compile(_LINE_START + r"(" + words + r")[ \t\u3000]*[：:]?[ \t\u3000]*$", re.M)
        for m in alone.finditer(text):
            _keep(found, _Candidate(sid, m.start(1), m.group(1), 2))
    return sorted(found.values(), key=lambda c: c.start)


def _template_number(heading: str, rank: int) -> bool:
    return heading[0] in _NUMERALS and _NUMERALS.index(heading[0]) == rank and heading[1] != "十"


def _keep(found: dict[int, _Candidate], cand: _Candidate) -> None:
    old = found.get(cand.start)
    if old is None or cand.score > old.score:
        found[cand.start] = cand


def _at_line_start(text: str, pos: int) -> bool:
    line_start = text.rfind("\n", 0, pos) + 1
    return re.fullmatch(r"[ \t\u3000\u00a0]*(?:#{1,6}[ \t]*)?", text[line_start:pos]) is not None


def _clean_title(title: str) -> str:
    return re.sub(r"\s+$", "", title)


def _best_chain(cands: list[_Candidate]) -> list[_Candidate]:
    """The highest-scoring sequence of candidates in text order and template order."""
    order = {sid: i for i, sid in enumerate(SECTION_IDS)}
    best: list[int] = []
    back: list[int | None] = []
    for i, cand in enumerate(cands):
        best_prev, best_score = None, 0
        for j in range(i):
            if order[cands[j].id] < order[cand.id] and best[j] > best_score:
                best_prev, best_score = j, best[j]
        best.append(best_score + cand.score)
        back.append(best_prev)
    if not cands:
        return []
    i: int | None = max(range(len(cands)), key=lambda k: (best[k], -k))
    chain = []
    while i is not None:
        chain.append(cands[i])
        i = back[i]
    return chain[::-1]


def _with_problems_fallback(text: str, chosen: list[_Candidate]) -> list[_Candidate]:
    ids = [c.id for c in chosen]
    if "problems" in ids:
        return chosen
    before = [c for c in chosen if SECTION_IDS.index(c.id) < SECTION_IDS.index("problems")]
    after = [c for c in chosen if SECTION_IDS.index(c.id) > SECTION_IDS.index("problems")]
    if not before or before[-1].id not in ("review_litigation", "applications"):
        return chosen
    lo = before[-1].start
    hi = after[0].start if after else len(text)
    m = _PROBLEMS_FALLBACK.search(text, lo, hi)
    if m is None:
        return chosen
    return before + [_Candidate("problems", m.start(1), m.group(1), 1)] + after


def find_title(text: str, first_section: int | None = None) -> str | None:
    """The report's own title (`locate_title`), else the ``标题:`` header of a scraped page."""
    located = locate_title(text, first_section)
    return located[0] if located else _header_title(text)


def _header_title(text: str) -> str | None:
    """The title a page prints in its header when the report shows none of its own: a 标题: line,
    else the title field of a box of fields."""
    header = _HEADER_TITLE.search(text[:2000]) or _TITLE_FIELD.search(text[:2000])
    return header.group(1).strip() if header else None


def locate_title(text: str, first_section: int | None = None,
                 chrome: Sequence[tuple[int, int]] | None = None) -> tuple[str, int] | None:
    """The report's own title and the offset where it starts: the first short line naming the
    report (年度报告/年报/工作报告) before the first section, joined with the line(s) above it
    when the title is broken over lines or the issuer sits on its own line; on a scraped page
    whose report runs on one line with its chrome, the space-delimited run naming a year and
    the report.  Page chrome (breadcrumbs, 栏目 and 标题 boxes) is never a title, nor is a bare
    column name with no year and no body (政府信息公开年报).  A title naming a year wins over
    one naming none, and of those one naming the body wins over one naming none."""
    from nianbao.body import chrome_spans, in_spans
    from nianbao.issuer import issuer_from_title

    chrome = chrome_spans(text) if chrome is None else chrome
    limit = first_section if first_section is not None else min(len(text), 3000)
    lines: list[tuple[int, int, str, str]] = []  # (line start, content start, raw line, stripped)
    pos = 0
    for raw in text[:limit].split("\n"):
        lines.append((pos, pos + len(raw) - len(raw.lstrip()), raw, _strip_markup(raw)))
        pos += len(raw) + 1
    found: list[tuple[str, int]] = []
    for i, (line_start, start, raw, line) in enumerate(lines):
        if not _TITLE_CUE.search(line):
            continue
        if _is_heading_like(line) and not in_spans(start, line_start + len(raw), chrome):
            found.append(_joined_title(lines, i, chrome))
        else:
            for m in _TITLE_RUN.finditer(raw):
                if not in_spans(line_start + m.start(1), line_start + m.end(1), chrome):
                    found.append((m.group(1), line_start + m.start(1)))
                    break
    titles = [_cleaned(*t) for t in found if not _generic(t[0])]
    with_year = [t for t in titles if YEAR_NAMED.search(t[0])]
    naming = [t for t in with_year if issuer_from_title(t[0])]  # 2020年信息公开年报 above ××园区2020年…报告
    return (naming or with_year or titles or [None])[0]


def _cleaned(title: str, start: int) -> tuple[str, int]:
    """Without the notice's 附件： or a page's 名称 box in front, or a page's date or 二维码 after the
    report's name."""
    lead = re.match(r"附件\s*\d*\s*[:：]\s*|[\[【]\s*名\s*称\s*[\]】]\s*|名\s*称(?:\s*[:：]\s*|\s+)", title)
    if lead:
        title, start = title[lead.end():], start + lead.end()
    ends = list(_TITLE_CUE.finditer(title))
    if ends and re.match(r"\s+\S", title[ends[-1].end():]):
        title = title[: ends[-1].end()]
    return title, start


# a title inside a long line: a space-delimited run with a year that ends naming the report
_TITLE_RUN = re.compile(r"(?:^|(?<=\s))([^\s。，,；;：:、《》“”（）()|]{0,40}?(?:19|20)\d{2}\s?年度?"
                        r"[^\s。，,；;：:、《》“”（）()|]{0,30}?(?:年度报告|年报|工作报告))(?=\s|$)")
_GENERIC_TITLE = re.compile(r"[政府务信息公开工作年度报告表首页>＞»\s]*")


def _generic(title: str) -> bool:
    """A column or menu name (政府信息公开年报, 政务公开政府信息公开政府信息公开年报): no year, no body."""
    return YEAR_NAMED.search(title) is None and _GENERIC_TITLE.fullmatch(title) is not None


# a line of the page around a title, never part of it: a menu (简体 | 繁体) or a day's date (2019年12月3日星期二)
_PAGE_LINE = re.compile(r"\||" + DATE_LINE.pattern)


def _joined_title(lines: list[tuple[int, int, str, str]], i: int,
                  chrome: Sequence[tuple[int, int]]) -> tuple[str, int]:
    from nianbao.body import in_spans

    start, line = lines[i][1], lines[i][3]
    parts = [line]
    k = i - 1
    while k >= 0 and len(parts) < 3:
        above_line_start, above_start, above_raw, above = lines[k]
        if not above:
            if YEAR_NAMED.search("".join(parts)) and not _lacks_issuer("".join(parts)):
                break
            k -= 1
            continue
        joined = "".join(parts)
        needs_year = not YEAR_NAMED.search(joined)
        needs_issuer = _lacks_issuer(joined)
        if (not (needs_year or needs_issuer) or not _is_heading_like(above) or above in ("正文",)
                or _PAGE_LINE.search(above) or in_spans(above_start, above_line_start + len(above_raw), chrome)):
            break
        parts.insert(0, above)
        start = above_start
        k -= 1
    return "".join(parts), start

def _strip_markup(line: str) -> str:
    return re.sub(r"^\s*#{1,6}\s*", "", line).strip()


def _is_heading_like(line: str) -> bool:
    return 0 < len(line) <= 60 and not re.search(r"[。；]|本(?:年度)?报告", line)


def _starts_with_year(title: str) -> bool:
    return re.match(r"\s*(?:19|20)\d{2}\s*年", title) is not None


def _lacks_issuer(title: str) -> bool:
    """A title that opens on its year or on 关于 (the body it is about sits on a line above)."""
    return _starts_with_year(title) or title.lstrip().startswith("关于")


def _year(title: str | None, text: str, body: tuple[int, int], chrome: Sequence[tuple[int, int]]) -> int | None:
    """The reporting year: the title's, else the statistics period's (统计期限自2021年…), else
    the year the preamble publishes the report for (现公布2019年度…), read inside the body."""
    from nianbao.body import in_spans

    if title:
        m = YEAR_NAMED.search(title)
        if m:
            return int(m.group(1))
    for pattern in (_PERIOD_YEAR, _PREAMBLE_YEAR):
        for m in pattern.finditer(text, *body):
            if not in_spans(m.start(1), m.end(1), chrome):
                return int(m.group(1))
    return None


def _most_frequent_year(text: str, body: tuple[int, int], chrome: Sequence[tuple[int, int]]) -> int | None:
    from nianbao.body import in_spans

    counts = Counter(int(m.group(1)) for m in YEAR_NAMED.finditer(text, *body)
                     if not in_spans(m.start(), m.end(), chrome))
    return counts.most_common(1)[0][0] if counts else None

# The number of a heading or a list item: （一） (1) 一、 1. 2、 — never 1.5万
NUMBERING = (r"(?:[（(][ \t]*(?:[一二三四五六七八九十]{1,3}|\d{1,2})[ \t]*[)）]"
             r"|(?:[一二三四五六七八九十]{1,3}|\d{1,2})[ \t]*[、．.](?!\d))")
# A numbered heading of any level, at a line start (Markdown # allowed) or glued after a sentence
# end (scraped pages: ``…公开。（5）推进“放管服”信息公开。首推…``).
_SUBHEADING = re.compile(
    r"(?:^|(?<=[。！？；;!?]))[ \t\u3000\u00a0]*(?:#{1,6}[ \t]*)?" + NUMBERING +
    r"[ \t\u3000]*([^。！？；;!?：:\n]{2,40})", re.M)


def find_subheadings(text: str, exclusions: Sequence[tuple[int, int]] = ()) -> list[Subheading]:
    """Numbered headings of every level in reading order, none inside `exclusions` (the tables,
    whose rows are numbered too).  A heading's title runs to the first 。 ！ ？ ； ： or line break."""
    found = []
    for m in _SUBHEADING.finditer(text):
        whole = m.group(0)
        start = m.start() + len(whole) - len(whole.lstrip(" \t\u3000\u00a0#"))
        if any(a <= start < b for a, b in exclusions):
            continue
        title = m.group(1).strip()
        if title:
            found.append(Subheading(start, m.end(1), title))
    return found
