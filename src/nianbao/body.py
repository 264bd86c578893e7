"""The report body and the page chrome around and inside it (FACTS.md §1).

Only the report's own text carries facts: from its title line to its closing signature and
date.  A saved web page prints more around it (and sometimes inside it): 索引号 / 发布机构 /
发文日期 boxes, breadcrumbs (``首页 > 政务公开 > …``, ``当前位置：…``), 发布时间 and 字号
lines, share and print buttons (分享到 微信 微博, 【打印本页】【关闭窗口】), view counters
(浏览次数：1234), and footers with 备案号, 网站标识码, 主办单位, 版权所有.  That chrome is kept
in the text (offsets never move) but is never narrative.

* `chrome_spans(text)` — every stretch of recognised chrome: whole lines (a metadata box line,
  a breadcrumb, a footer line; the value line under a key printed one cell per line) and
  pieces inside a line (a scraped page runs chrome and report together on one line).
* `find_body(text, sections, title_start, chrome)` — where the report starts and ends:
  at its title when one was found, else at its preamble (the sentence citing 《中华人民共和国
  政府信息公开条例》 or starting 本报告/现公布), else at the first line that is not chrome; it
  ends at the closing date after the last section (when only signature and chrome follow),
  else before the first footer mark after the last section, less any trailing chrome lines.
* `non_narrative(report)` — the regions no fact may come from: before and after the body,
  and every chrome span.  `facts.candidates.narrative_exclusions` adds them to the tables,
  so every extractor (rules, CRF, model) and the extractor registry drop them.
* `count_chrome_facts(paths, extractor)` — facts an extractor takes from chrome or outside the
  body over a set of files (target 0), and how many it would take without this layer
  (`nianbao evaluate --chrome`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from nianbao.issuer import DATE_LINE
from nianbao.report import Report, Section

Span = tuple[int, int]

# a printed page number on a line of its own ("- 3 -", "－12－", "第2页 共5页"): the PDF converter
# drops it, the table reader steps over it inside a table
PAGE_NUMBER = re.compile(r"^\s*(?:[-－—–]\s*\d{1,4}\s*[-－—–]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?)\s*$")

# metadata keys that only page chrome prints (matched anywhere a token starts)
_KEYS = (
    "信息索引号|索引号|索 引 号|发布机构|发文机关|发文机构|发布单位|生成日期|成文日期|发文日期|发布日期|发布时间|"
    "公开日期|公开时间|更新时间|主题分类|主题词|公文种类|信息分类|组配分类|体裁分类|服务对象分类|公开方式|"
    "公开范围|公开形式|公开时限|公开类别|发文字号|有效性|效力状态|信息来源|文章来源|责任编辑|浏览次数|访问次数|"
    "点击数|点击次数|点击量|点击率|阅读次数|所属栏目|原文链接|本地目录|网站标识码|备案号|备案编号|主办单位|承办单位|"
    "技术支持|维护单位|网站维护|字号|字体"
)
# generic keys: chrome only at the start of a line (or a box cell), followed by a colon
_LINE_KEYS = "标题|来源|时间|日期|作者|编辑|文号|栏目|分类|访问量|浏览量|阅读量|阅读数|浏览"
_B = r"(?:(?<=^)|(?<=[\s|│【\[『>＞»›·]))"  # a token starts: line start, space, a box or bracket
_E = r"(?=$|[\s|│】\]』·])"  # a token ends
_VALUE = r"[^\s|│【】\[\]]{0,60}(?:[ \t]+\d{1,2}:\d{2}(?::\d{2})?)?"
# every pattern below starts with one of these characters: a cheap test before the alternation
_FIRST = r"(?=[有承信索发生成公更主组体服效文责浏访点阅所原本网备技维字标来时日作编栏分已共第【\[微新腾Q朋打关返加收我政联全附相扫手用在正上下当您首>＞»›\-<I版C©(=页P0-9])"
_INLINE = re.compile(_FIRST + "(?:" + "|".join([
    # key: value (a date with its time, an index number, a body's name)
    _B + rf"(?:{_KEYS})[ \t]*[:：][ \t]*(?:{_VALUE})",
    _B + rf"(?:{_LINE_KEYS})[ \t]*[:：][ \t]*(?:{_VALUE})",
    # counters: 浏览次数：1234  访问量：[1234]次  已有1234人浏览  第3楼
    _B + r"(?:本站|本页|网站|总)?(?:浏览次数|访问次数|访问量|浏览量|点击数|点击次数|点击量|点击率|阅读次数|阅读数|阅读量)"
         r"[ \t]*[:：]?[ \t]*"
         r"[\[【(（]?[ \t]*\d*[ \t]*[\]】)）]?[ \t]*次?" + _E,
    _B + r"(?:已有|共有)?\d+[ \t]*(?:人|次)(?:浏览|阅读|访问)" + _E,
    _B + r"第\d+楼" + _E,
    # font size, share and print buttons
    r"(?:[【\[][ \t]*)?(?:字号|字体)[ \t]*[:：]?[ \t]*[【\[]?[ \t]*大[ \t]*中[ \t]*小[ \t]*[】\]]?[ \t]*[】\]]?",
    _B + r"分享到[ \t]*[:：]?(?:[ \t]*(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ好友|QQ|朋友圈|豆瓣|人人网|钉钉|今日头条)"
         r"(?=$|[\s|│】\]·]))*",
    _B + r"(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ|朋友圈)(?:[ \t]+(?:微信|微博|新浪微博|腾讯微博|QQ空间|QQ|朋友圈))+" + _E,
    r"[【\[][ \t]*(?:打印|关闭|收藏|返回|顶部|纠错|分享|我要纠错|打印本页|打印此页|关闭窗口|关闭本页|返回顶部|加入收藏|"
    r"字体|大|中|小|默认|下载)[^【】\[\]\n]{0,6}[】\]]",
    _B + r"(?:打印本页|打印此页|打印文章|关闭窗口|关闭本页|返回顶部|加入收藏|收藏本页|我要纠错|政府网站找错|网站地图|"
         r"联系我们|全真版|文字版|文件下载|附件下载|相关链接|相关文章|相关阅读|扫一扫|手机扫一扫|用手机扫描二维码|"
         r"在手机上查看|正文|上一篇|下一篇|上一条|下一条)(?:[ \t]*[:：](?:[ \t]*[^\s|]{0,40})?)?" + _E,
    # breadcrumbs
    _B + r"(?:当前位置|您(?:当前|现在)?(?:所在)?的?位置|所在位置)[ \t]*[:：]?[ \t]*"
         r"(?:[^\s>＞»›]{1,40}(?:[ \t]*(?:>|＞|»|›|&gt;)[ \t]*[^\s>＞»›]{1,40})*)?",
    _B + r"首页(?:[ \t]*(?:>|＞|»|›|/|&gt;)[ \t]*[^\s>＞»›/]{1,40})+",
    _B + r"(?:>|＞|»|›|-->|<!--)" + _E,
    # footers
    r"ICP[备證证][ \t]*\d+号(?:-\d+)?",  # with the province before it: `_with_province`
    r"公网安备[ \t]*\d+号",
    _B + r"(?:版权所有|Copyright|©|\(c\))[^\n|]{0,60}",
    r"={3,}[^=\n]{0,20}={3,}",
    r"^Page[ \t]*\d+[ \t]*-[ \t]*|^P\.[ \t]*\d+[ \t]*$",  # a PDF viewer's page header
    r"页面链接与图片详见[^\n]{0,40}",
]) + ")", re.M)
# lines that are chrome as a whole: a metadata box (as key: value, pipe or tab row, or the key
# alone with its value on the next line), when the line is no sentence
_BULLET = r"^[ \t\u3000|│•·\-*]*"
_KEY_LINE = re.compile(
    rf"{_B}(?:{_KEYS})[ \t]*(?:[:：|│\t]|$)|{_BULLET}(?:{_LINE_KEYS}|名称|信息名称|文件名称|登记号)[ \t]*(?:[:：|│\t]|$)"
    # a box key printed with spaces inside (索 引 号, 标   题, 名 称) or glued to its value (标题××局…)
    rf"|{_BULLET}(?:索[ \t\u3000]+引[ \t\u3000]+号|标[ \t\u3000]+题|名[ \t\u3000]+称|文[ \t\u3000]+号)|{_BULLET}标题"
    rf"|{_BULLET}(?:{_KEYS})[ \t\u3000]", re.M)  # 组配分类 政府信息公开年报: a box cell and its value
_TITLE_WORDS = re.compile(r"年度报告|年报|工作报告")
_SENTENCE = re.compile(r"[。；！？]")
_FILLER = re.compile(r"[\s|│·•\-—_/【】\[\]()（）:：,，>＞»›]*")
# marks of the page's footer: the body ends before the first one after the last section
_FOOTER = re.compile(
    _B + r"(?:上一篇|下一篇|上一条|下一条|关闭窗口|关闭本页|版权所有|Copyright|©|网站标识码|主办单位|承办单位|技术支持|"
         r"维护单位|网站地图|联系我们|打印本页|打印此页|附件下载|相关链接|相关文章|相关阅读|分享到|扫一扫|"
         r"[【\[][ \t]*(?:打印|关闭)[^【】\[\]\n]{0,4}[】\]])"
    r"|[\u4e00-\u9fff]{0,2}ICP[备證证]|公网安备")
_PREAMBLE = re.compile(r"《中华人民共和国政府信息公开条例》|(?:根据|依据|按照)《|本(?:年度)?(?:工作)?报告|现(?:向社会)?(?:予以)?公[布开]")
# a closing date on a line of its own (2023年1月20日, 二〇二三年一月二十日)
_CLOSING_DATE = re.compile(rf"(?:^|(?<=\s)){DATE_LINE.pattern}(?=[ \t\u3000]*(?:$|\s))", re.M)


def chrome_spans(text: str) -> list[Span]:
    """Every stretch of page chrome in `text`, sorted and merged (module docstring)."""
    spans = [_with_province(text, *m.span()) for m in _INLINE.finditer(text) if m.end() > m.start()]
    spans.extend(_chrome_lines(text, spans))
    return merged_spans(spans)


def _with_province(text: str, start: int, end: int) -> Span:
    """鄂ICP备…, 苏公网安备…: the province's one or two characters belong to the number."""
    if text.startswith(("ICP", "公网安备"), start):
        while start > 0 and end - start < 40 and "\u4e00" <= text[start - 1] <= "\u9fff" and text[start - 1] not in "：:":
            start -= 1
            if text.startswith(("ICP", "公网安备"), start + 2):
                break
    return start, end


def _chrome_lines(text: str, inline: list[Span]) -> list[Span]:
    out: list[Span] = []
    covered = merged_spans(inline)
    pos, value_next = 0, False
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        content = line.strip()
        if not content:
            continue
        lead = start + len(line) - len(line.lstrip())
        if len(line) <= 300 and not _SENTENCE.search(line):
            key = _KEY_LINE.search(line)
            value = (value_next and len(content) <= 40 and not _TITLE_WORDS.search(content)
                     and (value_next != "date" or any(c.isdigit() for c in content)))
            if key or value or _covered(text, lead, end, covered):
                out.append((lead, start + len(line.rstrip())))
                value_next = False
                if key and _FILLER.fullmatch(line[key.end():]) is not None:  # 更新时间： then its value below
                    value_next = "date" if re.search("时间|日期", key.group()) else "value"
                continue
        value_next = False
    return out


def _covered(text: str, start: int, end: int, spans: list[Span]) -> bool:
    """Whether text[start:end] holds nothing but chrome spans and separators."""
    pos = start
    for s, e in spans:
        if e <= pos or s >= end:
            continue
        if not _FILLER.fullmatch(text, pos, max(pos, s)):
            return False
        pos = max(pos, e)
    return _FILLER.fullmatch(text, min(pos, end), end) is not None and pos > start


def merged_spans(spans: Iterable[Span]) -> list[Span]:
    """The spans in order, overlapping or touching ones joined."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def in_spans(start: int, end: int, spans: Sequence[Span]) -> bool:
    return any(s < end and start < e for s, e in spans)


def overlapping(regions: Iterable[Span]) -> Callable[[int, int], bool]:
    """A test of whether a span (start, end) overlaps any of `regions`, by bisection over the
    regions joined and in order (a page may have thousands of grid lines)."""
    merged = merged_spans(regions)
    ends = [e for _, e in merged]

    def overlaps(start: int, end: int) -> bool:
        k = bisect_right(ends, start)  # the first region that ends after the span starts
        return k < len(merged) and merged[k][0] < end

    return overlaps


def containing(spans: Sequence[Span]) -> Callable[[int, int], bool]:
    """A test of whether a span (start, end) lies inside one of `spans` (in order, none
    overlapping another), by bisection."""
    starts = [s for s, _ in spans]

    def inside(start: int, end: int) -> bool:
        k = bisect_right(starts, start) - 1  # the last span that starts at or before it
        return k >= 0 and end <= spans[k][1]

    return inside


def find_body(text: str, sections: Sequence[Section], title_start: int | None = None,
              chrome: Sequence[Span] | None = None) -> Span:
    """(start, end) of the report itself in `text` (module docstring)."""
    chrome = chrome_spans(text) if chrome is None else list(chrome)
    start = _body_start(text, sections, title_start, chrome)
    return start, max(start, _body_end(text, sections, start, chrome))


def _body_start(text: str, sections: Sequence[Section], title_start: int | None, chrome: list[Span]) -> int:
    first = sections[0].start if sections else len(text)
    if title_start is not None and title_start <= first:
        return title_start
    for m in _PREAMBLE.finditer(text, 0, first):
        if in_spans(m.start(), m.end(), chrome):
            continue
        back = max(text.rfind("\n", 0, m.start()) + 1, *(e for s, e in chrome if e <= m.start()), 0)
        for stop in "。！？":
            back = max(back, text.rfind(stop, 0, m.start()) + 1)
        return _skip_chrome(text, back, chrome)
    return min(_skip_chrome(text, 0, chrome), first)


def _skip_chrome(text: str, pos: int, chrome: list[Span]) -> int:
    """The first position at or after `pos` that is neither space nor chrome."""
    moved = True
    while moved:
        moved = False
        while pos < len(text) and (text[pos].isspace() or text[pos] in "|│"):
            pos += 1
        for s, e in chrome:
            if s <= pos < e:
                pos, moved = e, True
                break
    return pos


def _body_end(text: str, sections: Sequence[Section], start: int, chrome: list[Span]) -> int:
    anchor = sections[-1].start if sections else start
    anchor = max(anchor, start)
    footer = next((m.start() for m in _FOOTER.finditer(text, anchor)), len(text))
    dates = [m for m in _CLOSING_DATE.finditer(text, anchor, footer) if not in_spans(m.start(), m.end(), chrome)]
    if dates and not _SENTENCE.search(text, dates[-1].end(), footer):
        return dates[-1].end()  # only the page's chrome follows the signature and date
    end = footer
    while end > start:  # less trailing chrome lines and spaces
        stripped = len(text[start:end].rstrip()) + start
        line_start = text.rfind("\n", start, stripped) + 1 if stripped > start else start
        line_start = max(line_start, start)
        if stripped < end:
            end = stripped
            continue
        if line_start > start and _covered(text, line_start, end, chrome):
            end = line_start
            continue
        break
    return end


def non_narrative(report: Report) -> list[Span]:
    """Regions no fact may come from: before and after the body, and every chrome span."""
    if report.body is None:
        return list(report.chrome)
    start, end = report.body
    out = [(0, start)] if start > 0 else []
    out.extend((s, e) for s, e in report.chrome if s < end and start < e)  # the rest lies outside already
    if end < len(report.text):
        out.append((end, len(report.text)))
    return out


_CHROME_WORDS = re.compile(r"索引号|发布机构|发文日期|发布日期|发布时间|浏览次数|点击数|阅读次数|备案|网站标识码|"
                           r"主办单位|版权所有|当前位置|首页\s*[>＞»]|分享到|打印本页|关闭窗口|字号|第\d+楼")


@dataclass
class ChromeCount:
    """Facts from page chrome over a set of reports (`count_chrome_facts`)."""

    reports: int = 0
    facts: int = 0  # facts the pipeline keeps
    in_chrome: int = 0  # of them, in chrome or outside the body (the target is 0)
    on_chrome_lines: int = 0  # of them, on a line naming a chrome word (索引号, 浏览次数 …): to inspect
    without_layer: int = 0  # facts the same extractor takes from chrome/outside the body when it is not told


def count_chrome_facts(paths: Iterable[str], extractor: str = "rules", model_dir: str | None = None) -> ChromeCount:
    """Read each file, extract facts, and count those from page chrome (`ChromeCount`)."""
    from dataclasses import replace

    from nianbao.facts.extractors import get_extractor
    from nianbao.pipeline import read_or_error

    ex = get_extractor(extractor, model_dir=model_dir)
    reports = [r for r in (read_or_error(p) for p in paths) if isinstance(r, Report)]
    count = ChromeCount(reports=len(reports))
    for i in range(0, len(reports), 32):
        chunk = reports[i:i + 32]
        bare = [replace(r, body=None, chrome=[]) for r in chunk]
        for report, facts, raw in zip(chunk, ex.extract(chunk), ex.extract(bare)):
            regions = non_narrative(report)
            count.facts += len(facts)
            count.in_chrome += sum(1 for f in facts if in_spans(f.start, f.end, regions))
            count.without_layer += sum(1 for f in raw if in_spans(f.start, f.end, regions))
            count.on_chrome_lines += sum(1 for f in facts if _CHROME_WORDS.search(_line_at(report.text, f.start)))
    return count


def _line_at(text: str, pos: int, reach: int = 12) -> str:
    """The fact's line, at most `reach` characters either side (a scraped page is one line)."""
    start = max(text.rfind("\n", 0, pos) + 1, pos - reach)
    end = text.find("\n", pos)
    return text[start:min(end if end != -1 else len(text), pos + reach)]
