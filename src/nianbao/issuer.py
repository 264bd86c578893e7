"""Who issued a report, read from the report itself, and one normal form for linking years.

`find_issuer(text, title, body, chrome)` tries, in order, and keeps the first body it finds:

1. the **title**: the name before the year (``××街道办事处2022年政府信息公开工作年度报告``),
   else right after it (``2024 年上海市科委政府信息公开…``);
2. the **preamble**: ``现公布××街道办事处2019年…``, ``现向社会公布2020年度××办事处…``,
   ``本年度报告由××街道依据…``, ``汇总××街道办事处的政府信息公开统计数据``, ``涵盖××乡2024年…``,
   ``发布《××局2021年政府信息公开工作年度报告》``;
3. the **signature** over the closing date at the end of the body (``××街道办事处\\n2023年1月20日``);
4. the **contact line**: ``请联系××区××街道办事处``, ``可与××办事处党政办公室联系``, ``可致电××局``
   (an office inside a body gives the body: ``××办事处党政办公室`` → ``××办事处``);
5. the subject of the report's **count of applications**, anywhere in the body
   (``××街道办事处本年新收政府信息公开申请3件``, ``××镇政府未收到公开申请``);
6. the body's **own website or disclosure guide**, when the report calls itself by that body's
   kind (``我局`` and ``在××局网站公开``, ``《××局政府信息公开指南》``);
7. the page's **publisher field** above the report (``发布机构：××局``, ``信息来源：××局``,
   ``发文机关××镇人民政府``), the one place page chrome is read, and only when the report itself
   names no body.  (A page's title field, ``名 称: | ××镇人民政府2019年…报告``, is the title when the
   page shows no title of its own: `nianbao.sections`.)

A first name with no place of its own (``区统计局``, `placeless`) gives way to the same name with its
place that a later source prints (the contact line's ``××市硚口区统计局``).

A name must end like a body (人民政府, 办事处, 街道, 镇, 局, 委员会, 办公室, 合作社 …) and must not be
a pronoun (我区, 本机关), a date (7月我局), several bodies (各县区政府) or a field's label before a
title (名称: ××街道…).  Apart from the publisher field and a title the page prints only in its
header, nothing outside the body and nothing in page chrome is read, and no name is made up: when
none names a body, the issuer is None.

`normalise_issuer(name)` is the one key cross-year linking compares: ``××县人民政府办公室`` and
``××县政府办`` → ``××县政府办``; ``××街道办事处``, ``××街道办`` and ``×× 街道`` → ``××街道``;
``××县人民政府`` → ``××县``; ``管理委员会`` → ``管委会``.
"""
from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_ISSUER_AFTER_YEAR = re.compile(r"^(?:度)?\s*(.+?)\s*(?:政府信息公开|政务公开|信息公开|政府信息|年度报告|年报)")
_DISCLOSURE_TAIL = re.compile(r"(?:的)?(?:政府信息公开|政务公开|信息公开|政府信息)(?:工作)?(?:年度报告|年报|工作报告)?$")
_ORGAN = re.compile(
    r"(?:人民政府|政府(?:机关)?|办事处|街道|街|镇|乡|苏木|管委会|管理委员会|委员会|委|局|办公室|办|厅|中心|院|署|处|所|站|队|会|"
    r"区|县|市|州|盟|旗|部|集团|公司|分局|馆|(?:合作|联合|总)社|(?:农|林|牧|渔|茶|园艺|良种)场)$")
_YEAR_PART = r"(?:(?:19|20)\d{2}\s*年(?:度|以来)?\s*)"
# phrases a body's name follows in the preamble or the first sentence of the overview
_LEADS = [
    re.compile(rf"(?:(?:现|特)(?:向社会)?|向社会)(?:予以)?(?:公[布开]|发布)(?:了)?\s*《?\s*{_YEAR_PART}?"),
    re.compile(rf"编制(?:了|完成)?(?:并?(?:发布|公布))?\s*《?\s*(?=[^，。；\n]{{2,30}}?{_YEAR_PART})"),  # 编制(发布)××乡2024年…报告
    re.compile(rf"编制(?:了|完成)?\s*《?\s*{_YEAR_PART}"),  # 编制2023年度××乡人民政府…报告
    re.compile(rf"现(?:将|就)\s*《?\s*{_YEAR_PART}?"),
    # the report's own name in book-title marks: 发布《××局2021年政府信息公开工作年度报告》
    re.compile(rf"《(?=[^《》\n]{{2,30}}?{_YEAR_PART}(?:政府信息公开|政务公开)工作(?:年度)?报告》)"),
    re.compile(r"由\s*(?=[^，,。；;\n]{2,40}?编制)"),  # 由××办公室（汇总）编制; not 由司法分局审核备案
    re.compile(r"(?:结合|全文包括)\s*"),
    re.compile(rf"(?:汇总(?:了)?|涵盖|总结(?:梳理)?)\s*{_YEAR_PART}?"),  # 汇总2021年度××镇的…; 全面总结××街道2025年…
    re.compile(rf"对\s*{_YEAR_PART}"),  # 对2024年××局政府信息公开工作情况报告如下; 对2024年以来××局制作…
    re.compile(r"[，,]\s*由?\s*(?=[^，,。；;\n]{2,30}?编制了?本(?:年度)?报告)"),  # …要求，××乡人民政府编制了本报告
    re.compile(rf"(?:^|(?<=[\n。])|(?<=总体情况))[ \t\u3000]*(?:{_YEAR_PART}|今年以来)[,，]?\s*", re.M),
    # a clause after the leadership or the requirements it follows: 在市委市政府的领导下，××局结合…; 按照…要求，区政务服务办…
    re.compile(r"(?:领导下|指导下|要求|部署)[，,]\s*(?!现|特|由|经|根据|依据|按照|结合|编制|对|将|就|公开|主动|我|本|各|全)"
               r"(?![^，,。；\n]{0,20}?(?:的|指导|领导|帮助|支持))"  # not …领导下，地委行署的指导帮助下
               r"(?=[^，,。；\n]{2,24}?(?:结合|按照|围绕|认真|坚持|严格|深入|紧紧|全面|持续|不断|高度|积极|始终|聚焦|扎实|进一步|切实|着力|大力))"),
    # a clause that opens on a body doing something: …工作部署，市城市管理局认真梳理了…
    re.compile(r"(?:[，,]|(?:^|(?<=[\n。]))[ \t\u3000]*)(?=[^，,。；\n]{2,24}?(?:认真|坚持|严格|深入|紧紧|全面|持续|不断|高度|积极|始终|聚焦|扎实)"
               r"(?:梳理|贯彻|落实|按照|围绕|推进|重视|做好|执行|开展))", re.M),
]
# a body opens with its report's name as the subject of the first sentence
_REPORT_NAMED = re.compile(r"\s*(?P<name>[^\s，,。；;：:、《》“”]{2,30}?)\s*(?:(?:19|20)\d{2}\s*年度?\s*(?:政府信息公开|政务公开)"
                           r"|(?:现|特)?向社会(?:公布|发布))")  # or ××局向社会公布2022年度…
# the verbs among the stops: a name never runs past one
_VERB = re.compile(r"编制|汇总|综合|负责|组织|牵头|认真|坚持|严格|深入|紧紧|按照|围绕|全面|持续|不断|高度|积极|始终|聚焦|进一步|"
                   r"扎实|根据|依据|依照|结合")
# words that end a name after a lead: a year, the disclosure words, a verb
_STOP = re.compile(
    r"(?:19|20)\d{2}|政府信息公开|政务公开|信息公开|编制|汇总|综合|负责|组织|牵头|认真|坚持|严格|深入|紧紧|按照|围绕|"
    r"全面|持续|不断|高度|积极|始终|聚焦|进一步|扎实|根据|依据|依照|结合|党政|年度|工作|代表|在|以|的|对|将|和|及|与|共")
_NAME_RUN = re.compile(r"(?:[^\s，,。；;：:、《》“”\"【】\[\]|（）()]|[（(][^（）()\n]{1,16}[）)])+")
# a name in a contact line, brackets and all (××试验区管理委员会(××港区管理委员会))
_CONTACT_NAME = r"(?P<name>(?:[^\s，,。；;：:、《》“”（()）]|[（(][^（）()\n]{1,20}[）)]){2,60}?)"
_CONTACT = [
    re.compile(r"(?:请|可)(?:直接)?(?:与|向)\s*" + _CONTACT_NAME + r"\s*"
               r"(?:联系|[（(](?:地址|联系|电话))"),
    re.compile(r"(?:请联系|(?:请|可)致电|联系单位|联系部门)\s*[:：]?\s*"
               + _CONTACT_NAME + r"\s*"
               r"(?=[，,。；;：:\s]|[（(](?:地址|电话|联系|邮|传真|办公)|$|地址|电话|联系)"),
]
# the body as the subject of the report's own counts of applications, anywhere in the body
# (东华门街道办事处本年新收政府信息公开申请…; ××镇政府未收到公开申请)
_APPLICATIONS_SUBJECT = re.compile(
    r"(?:^|(?<=[\n。；;，,]))[ \t\u3000]*(?:(?:19|20)\d{2}\s*年度?[，,]?\s*)?"
    r"(?P<name>[^\s，,。；;：:、《》“”]{2,30}?)(?:(?:19|20)\d{2}\s*年度?)?(?:本年度?|全年|今年)?(?:共|新)?"
    r"(?:新收到?|未(?:接)?收到|没有(?:接)?收到)(?:过)?(?:各类|的)?(?:依申请公开|政府信息公开|政府信息|公开)?(?:的)?(?:政府信息公开)?申请", re.M)
# the body's own website, where the report calls itself by its kind (我局 … 在××局门户网站公开…)
_OWN_KIND = re.compile(r"(?:我|本)(局|厅|委|办|中心|街道|镇|乡)")
# the names each kind goes by in full (我镇: ××镇人民政府; 我街道: ××街道办事处)
_KIND_ENDINGS = {"委": ("委", "委员会"), "镇": ("镇", "镇人民政府", "镇政府"), "乡": ("乡", "乡人民政府", "乡政府"),
                 "街道": ("街道", "街道办事处")}
_WEBSITE = re.compile(r"[”\"]?(?:门户)?网站?[（(“\"]|[”\"]?(?:门户)?网站|[”\"](?:微信)?公众号")
# a name that opens on its place (百色市投资促进局), not on a verb before a kind (认真做好局网站)
_PLACED = re.compile(r"[\u4e00-\u9fff]{1,8}?(?:省|市|县|区|州|旗|盟)")
# the body's own disclosure documents (《××局政府信息公开指南》, 《××局2021年度政务公开工作实施方案》)
_OWN_DOCUMENT = re.compile(r"《\s*(?:(?:19|20)\d{2}\s*年度?)?(?P<name>[^\s《》，,。；;：:、“”]{3,30}?)\s*(?:(?:19|20)\d{2}\s*年度?)?"
                           r"(?:政务公开|政府信息公开|信息公开)(?:工作)?(?:实施方案|工作要点|要点|指南|制度|标准规范|目录)")
_BEFORE_WEBSITE = re.compile(r"(?:[^\s，,。；;：:、《》“”\"]*(?:在|通过|从|登录|访问)|[\s，,。；;：:、《》“”\"])"
                             r"(?P<name>[^\s，,。；;：:、《》“”\"在]{3,30})$")
# an office inside a body: the body is the issuer (东港镇人民政府党政办公室 → 东港镇人民政府); a
# government's own 办公室 is a body of its own (泰安市人民政府办公室)
_INNER_OFFICE = re.compile(
    r"(?:党政综合办公室|党政综合办|党政办公室|综合办公室|(?:政府信息公开|信息公开|政务公开)(?:工作)?领导小组办公室|政府信息公开办公室|"
    r"信息公开办公室|政府信息公开办|政府信息公开科|政府信息公开申请受理机构|政务公开办公室|政务服务办公室|党政办|综合办|政务公开科|综合科|信息中心|政务服务中心|"
    r"综合信息指挥室|党建办|党群服务中心|(?<!政府)办公室)$")
# the page's publisher field above the report (发布机构：××局, 信息来源：××局, 来 源: | ××局 |, 发文机关××镇人民政府)
_PUBLISHER_FIELD = re.compile(r"(?:发布机构|发文机关|发布单位|发文单位|信息来源|来[ \t\u3000]*源)[ \t\u3000]*[:：|]?[ \t\u3000|]*"
                              r"(?P<name>[^\s|，,。；;：:、《》“”]{2,40})")
# an office with a name of its own inside a government (综合督考办公室), unlike the government's own 办公室
# (a department that is an office, 外事办公室, 人民防空办公室, is a body of its own)
_NAMED_OFFICE = re.compile(r"(?!外事|人民防空|人防|金融|地方志|机关事务|扶贫|研究|信访|口岸|侨务|法制|台湾事务|港澳|国资|"
                           r"营商环境|粮食|民族宗教)[\u4e00-\u9fff]{2,10}办公室")
_GOVERNMENT = re.compile(r"(?:人民政府|政府|办事处)$")
_CONTACT_OFFICE = re.compile(_INNER_OFFICE.pattern.replace("(?<!政府)办公室", "办公室"))
# a name opening on a pronoun or a preposition is none, unless a place's name opens on the word (无锡市, 本溪市,
# 将乐县, 全州县, 向阳区, 经开区, 科尔沁右翼前旗): two or more characters before its level, the second no
# pronoun, verb or level (全县, 本市, 对全区, 通过市, 按照区委, 向市局 are no places)
_PRONOUN = re.compile(r"^(?![本全未无已均并向为对将按经科](?![全本我该各级过照于局街省市县区])[\u4e00-\u9fff]{1,5}?(?:省|市|县|区|旗|州|盟))"
                      r"(?:我|本|该|各|全|未|无|没有|已|均|涉及|并|向|为|对|将|按|经|通过|上级|市级|县级|区级|专人|专门|分管|相关|有关|具体|局|委|办|部|处|科|室|[省市县区镇乡]委|党委|党工委|中央|国务院|"
                      r"[省市县区]政府$|[省市县区]委[省市县区]政府)")
_STRONG_ORGAN = re.compile(r"(?:人民政府|办事处|街道|管委会|管理委员会|委员会|局|厅|办公室)$")
# a body's kind alone, as a report calls itself (2024年，中心深入学习…; 结合街道工作实际; 镇政府认真…), or
# kinds of place together (a site's column, 当前栏目:县市区): no name
_KIND_ALONE = re.compile(r"^(?:本|我|该)?(?:(?:政务)?服务中心|中心|院|所|站|队|会|集团|公司|分局|馆|委员会|管委会|办公室|领导小组|"
                         r"县市区|县区|区县|市县|街道|街道办事处|街道办|办事处|[镇乡]?(?:人民)?政府(?:办公室|办)?)$")
# an issuer key with no place of its own (区统计局, 县政府办, 市城管局, 经开区): every district's, county's or
# city's body of its kind goes by it (市中区 is a district's name)
_PLACELESS = re.compile(r"^(?:(?!市中区)[省市县区州盟旗镇乡]|(?:经开|高新|开发|新)区(?:管委会)?(?:办)?$)")
_NOT_A_NAME = re.compile(r"关于|各|信息公开|政务公开|年度报告|年报|条例|办法|通知|门户网站|网站|以下简称|报告")
_CN_DIGIT = "〇○零一二三四五六七八九十"
DATE_LINE = re.compile(
    rf"(?:(?:19|20)\d{{2}}|二[{_CN_DIGIT}]{{3}})[ \t]*年[ \t]*(?:\d{{1,2}}|[{_CN_DIGIT}]{{1,2}})[ \t]*月"
    rf"[ \t]*(?:\d{{1,2}}|[{_CN_DIGIT}]{{1,3}})[ \t]*日")


def issuer_from_title(title: str | None) -> str | None:
    """The issuing body as the title writes it: before the year, else just after it; in a title
    with no year, before the disclosure words (××局政府信息公开工作年度报告)."""
    if not title:
        return None
    m = _YEAR.search(title)
    if m is None:
        before = _with_government(re.split(r"政府信息公开|政务公开|信息公开", title)[0].strip(), title.strip())
        before = re.sub(r"^(?:19|20)\d{2}\s*度", "", before)  # 2022度××街道…: a year that lost its 年
        before = re.sub(r"(?:19|20)\d{2}\s*度?$", "", before)  # ××县2020政府信息公开…: the same after the name
        return _as_name(before) if before != title.strip() else None
    head = re.sub(r"[（(\[【]$", "", title[: m.start()].strip()).strip()  # ××局…年度报告(2020年度)
    before = _with_government(_DISCLOSURE_TAIL.sub("", head).strip(), head)  # ××局政府信息公开工作2025年度报告
    before = re.sub(r"关于(?:报送|印发|公布|发布|做好)?$", "", before)  # ××县人民政府关于2019年度…
    before = re.split(r"[|:：]", before)[-1]  # menu | menu |…, a field's label (名称: ××街道2025年…)
    before = re.sub(r"^[\d\s\-_.]+", "", before).strip()  # 2025××乡2025年度…
    if before and not _KIND_ALONE.match(before) and not _NOT_A_NAME.search(_bare(before)) and (
            _as_name(before) or _ORGAN.search(_bare(before)) or before.endswith("省")):
        return before  # a body's name, not a page tool (全文检索) printed before the year
    if before and not _NAME_RUN.fullmatch(before):
        return None  # prose before the year is no name, and what follows the year is not the title's body
    after = _ISSUER_AFTER_YEAR.match(title[m.end():])
    if after is None or title[m.end():].lstrip("度 \t").startswith(("政府信息", "政务公开", "信息公开")):
        return None  # 2020年政府信息公开工作年度报告: the title names no body
    name = after.group(1).rstrip("“”\"「『《")  # 2020年北京市“政府信息公开工作年度报告”…
    if name.endswith("人民") and title[m.end() + after.end(1):].startswith("政府"):
        name += "政府"  # 2022年岳阳市人民政府信息公开工作年度报告: 人民 + 政府信息公开
    return name


def _with_government(before: str, title: str) -> str:
    """`before`, the start of `title`, with 政府 back when the disclosure words took it
    (××镇人民政府信息公开2022年度报告: 人民 + 政府信息公开)."""
    return before + "政府" if before.endswith("人民") and title.startswith("政府", len(before)) else before


def find_issuer(text: str, title: str | None, body: tuple[int, int] | None = None,
                chrome: Sequence[tuple[int, int]] = (), first_section: int | None = None,
                overview: int | None = None) -> str | None:
    """The issuing body (module docstring); None when the report names none.  The preamble is
    read up to the first section (`first_section`), or into the overview's first sentences
    when the overview section starts at `overview`.  A first name with no place of its own
    (区统计局) gives way to the same name with its place that a later source prints (the contact
    line's 硚口区统计局)."""
    names = _named_bodies(text, title, body, chrome, first_section, overview)
    first = next(names, None)
    if first is None or not placeless(key := normalise_issuer(first)):
        return first
    return next((n for n in names if (k := normalise_issuer(n)).endswith(key) and not placeless(k)), first)


def placeless(key: str) -> bool:
    """Does an issuer key (`normalise_issuer`) name a body with no place of its own (区统计局,
    县政府办, 市城管局, 经开区), so that every district's, county's or city's body of its kind goes
    by it? (市中区 is a district's name.)"""
    return _PLACELESS.match(key) is not None


def _named_bodies(text: str, title: str | None, body: tuple[int, int] | None,
                  chrome: Sequence[tuple[int, int]], first_section: int | None,
                  overview: int | None) -> Iterator[str]:
    """Every body the report names, in the order `find_issuer` trusts them (module docstring)."""
    named = issuer_from_title(title)
    if named:
        yield named
    start, end = body if body is not None else (0, len(text))
    # 某局2022年政府信息公开工作年度报告是根据…, read from the start of the line the body starts on
    # (某局向社会公布2022年度…报告。本报告… when the body starts at 本报告)
    line_start = max(text.rfind("\n", 0, start) + 1, max((e for s, e in chrome if e <= start), default=0))
    opening = (_REPORT_NAMED.match(text, line_start, min(end, line_start + 200))
               or _REPORT_NAMED.match(text, start, min(end, start + 200)))
    if opening and not _in(opening.start(), opening.end(), chrome):
        named = _as_name(opening.group("name"))
        if named:
            yield named
    if overview is not None:
        head_end = min(end, overview + 600)
    else:
        head_end = min(end, first_section if first_section is not None else start + 1500)
    leads = sorted((m for lead in _LEADS for m in lead.finditer(text, start, head_end)), key=lambda m: m.start())
    for m in leads:
        if not _in(m.start(), m.end(), chrome):
            name = _name_after(text, m.end())
            if name:
                yield name
    signed = _signature(text, start, end, chrome)
    if signed:
        yield signed
    for pattern in _CONTACT:
        for m in pattern.finditer(text, start, end):
            if not _in(m.start("name"), m.end("name"), chrome):
                name = _as_name(m.group("name"), inner_office=True, contact=True)
                if name:
                    yield name
    for m in _APPLICATIONS_SUBJECT.finditer(text, start, end):
        if not _in(m.start("name"), m.end("name"), chrome):
            name = _as_name(m.group("name"))
            if name:
                yield name
    named = _own_site_or_guide(text, start, end, chrome)
    if named:
        yield named
    named = _publisher(text, head_end)
    if named:
        yield named


def _own_site_or_guide(text: str, start: int, end: int, chrome: Sequence[tuple[int, int]]) -> str | None:
    """The body whose website or disclosure guide the report names, when it calls itself by that
    body's kind (我局 and ××局网站, 我委 and ××委员会门户网站, 我局 and 《××局政府信息公开指南》); a
    department's report names the government's portal too, so the kinds must agree."""
    kinds = {m.group(1) for m in _OWN_KIND.finditer(text, start, end)}
    if not kinds:
        return None
    named = list(_OWN_DOCUMENT.finditer(text, start, end))
    for m in _WEBSITE.finditer(text, start, end):
        before = _BEFORE_WEBSITE.search(text, max(start, m.start() - 40), m.start())
        if before is not None:
            named.append(before)
    for m in sorted(named, key=lambda m: m.start()):
        if _in(m.start("name"), m.end("name"), chrome):
            continue
        printed = _with_government(m.group("name"), text[m.start("name"):m.end("name") + 2])  # ××镇人民 + 政府信息公开指南
        tail = re.split(r"和|及|与", printed)[-1]  # ××网上办事大厅和××省农业农村厅网站
        name = _as_name(tail if tail != printed and _PLACED.match(tail) else printed)
        if name and _PLACED.match(name) and any(_bare(name).endswith(_KIND_ENDINGS.get(kind, (kind,)))
                                                for kind in kinds):
            return name
    return None


def _publisher(text: str, end: int) -> str | None:
    """The body the page's publisher field names before `end` (the preamble's end), page chrome
    included, when the report names none itself: the office that posts for a body gives the body."""
    for m in _PUBLISHER_FIELD.finditer(text, 0, end):
        name = _as_name(m.group("name"), inner_office=True, contact=True)
        if name:
            return name
    return None


def _name_after(text: str, pos: int) -> str | None:
    """The body named right at `pos`: the run of name characters up to the first stop word."""
    run = _NAME_RUN.match(text, pos, min(len(text), pos + 48))
    if run is None:
        return None
    words = run.group()
    first = _STOP.match(words)
    if first and first.group() not in ("和", "及", "与"):  # 和静县 is a place
        return None  # 2020年,在市委…: no name right after the lead
    for stop in _STOP.finditer(words):
        if stop.group() == "代表":  # 市政府办公室代表市政府受理…: the body acted for is the issuer
            return _name_after(text, pos + stop.end())
        if stop.start() >= 2:
            candidate = _as_name(words[: stop.start()], inner_office=True)
            if candidate is None and stop.group().startswith("政府") and words[: stop.start()].endswith("人民"):
                candidate = _as_name(words[: stop.start() + 2], inner_office=True)
            if candidate:
                return candidate
        if _VERB.fullmatch(stop.group()) or stop.group() in ("在", "以", "对", "将", "共") and stop.start() >= 2:
            break  # a name never runs past a verb (由镇长牵头统筹全镇…) or a preposition (中心在区委…)
    verb = _VERB.search(words)
    head = words[: verb.start()] if verb else words
    head = head[: next((st.start() for st in _STOP.finditer(head)
                        if st.start() >= 2 and st.group() not in ("和", "及", "与")), len(head))]  # 中心在区委区政府…
    for end in range(len(head), 2, -1):  # 开发区管委会政务信息工作紧紧…: the longest name before the verb
        if _ORGAN.search(head[:end]) and _STRONG_ORGAN.search(head[:end]):
            return _as_name(head[:end], inner_office=True)
    return None


def _as_name(raw: str, inner_office: bool = False, contact: bool = False) -> str | None:
    """`raw` as a body's name, or None.  `inner_office`: an office inside a body gives the body;
    `contact`: a government's own office too (the contact line names who answers questions)."""
    name = re.sub(r"[（(]以下(?:简称|统称)[^）)]*[）)]", "", raw.strip()).strip()
    bare = _bare(name)
    if inner_office:
        outer = (_CONTACT_OFFICE if contact else _INNER_OFFICE).sub("", bare)
        if outer != bare and _ORGAN.search(outer) and len(outer) >= 3:
            office = bare[len(outer):]  # the office's name, cut from the name as printed (brackets kept)
            name, bare = (name[: -len(office)] if name.endswith(office) else outer), outer
        elif bare.endswith("办公室"):  # ××镇政府综合督考办公室 → ××镇政府
            cut = next((k for k in range(len(bare) - 5, max(len(bare) - 14, 1), -1)
                        if _GOVERNMENT.search(bare[:k]) and _NAMED_OFFICE.fullmatch(bare[k:])), None)
            if cut is not None:
                name = bare = bare[:cut]
    if (len(bare) < 2 or bare[0].isdigit() or _PRONOUN.match(bare) or _KIND_ALONE.match(bare)
            or _NOT_A_NAME.search(bare) or _YEAR.search(bare)):
        return None
    return name if _ORGAN.search(bare) else None


def _bare(name: str) -> str:
    """A name without its bracketed notes: 高新区(新市区) → 高新区."""
    return re.sub(r"[（(][^）)]*[）)]", "", name)


def _signature(text: str, start: int, end: int, chrome: Sequence[tuple[int, int]]) -> str | None:
    """The body named on the line(s) just above the closing date at the end of the body."""
    tail_start = max(start, end - 400)
    dates = [m for m in DATE_LINE.finditer(text, tail_start, end) if not _in(m.start(), m.end(), chrome)]
    if not dates:
        return None
    date = dates[-1]
    if text[date.end():end].strip():
        return None  # the date is not the last thing in the body
    before = text[tail_start:date.start()].rstrip(" \t\u3000\n")
    # the signature is the last line (or the last space-separated run on a scraped one-line page)
    pieces = re.split(r"\n|[ \t\u3000]{1,}|(?<=[。；！？])", before)
    for piece in reversed(pieces[-3:]):
        piece = piece.strip()
        if not piece:
            continue
        return _as_name(piece)
    return None


def _in(start: int, end: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in spans)


_NORMAL = [(re.compile(pattern), replacement) for pattern, replacement in [
    (r"\s+", ""),
    # the short forms bodies go by
    (r"市场监督管理局", "市场监管局"),
    (r"人力资源和?社会保障", "人力社保"),
    (r"卫生健康委员会|卫生健康委|卫生和计划生育委员会", "卫健委"),
    (r"发展和改革委员会|发展改革委员会|发展和改革委|发展改革委", "发改委"),
    (r"住房和城乡建设", "住建"),
    (r"发展和?改革(?=局)", "发改"),
    (r"人社(?=局|厅)", "人力社保"),
    (r"科学技术", "科技"),
    (r"教育体育", "教体"),
    (r"城市管理(?:行政)?", "城管"),
    (r"经济和信息化", "经信"),
    (r"退役军人事务", "退役军人"),
    (r"[（(][^）)]*[）)]", ""),  # 只楚园（街道）办事处 → 只楚园办事处
    (r"人民政府", "政府"),
    (r"(?<=[区县市旗])政府(?=.{2,10}(?:街道办事处|街道办|办事处)$)", ""),  # ××区人民政府××街道办事处 = ××区××街道办事处
    (r"管理委员会", "管委会"),
    (r"委员会$", "委"),  # 城市管理执法委员会 and 城管执法委
    (r"高新技术产业开发区", "高新区"),
    (r"经济技术开发区", "经开区"),
    (r"(?<=..区)管委会$", ""),  # a zone and its committee: 鞍山高新区 and 鞍山高新区管委会
    (r"办公室$", "办"),
    (r"街道办事处$|街道办$", "街道"),
    (r"办事处$", "街道"),
    (r"(?<!大)街$", "街道"),  # 胡家园街 for 胡家园街道
    (r"机关$", ""),  # 城口县人民政府机关: the government and its office together
    (r"(?<=[镇乡县区市州旗木])政府$", ""),  # 木: 苏木, the township of Inner Mongolia
]]


def normalise_issuer(name: str | None) -> str:
    """One key for the names one body goes by (module docstring); '' for no name."""
    key = name or ""
    for pattern, repl in _NORMAL:
        key = pattern.sub(repl, key)
    return key


def same_issuer(a: str | None, b: str | None) -> bool:
    """Whether two printed names are one body: equal keys, or one key is the other with the
    region above it or its government in front (``绿园区同心街道`` and ``同心街道``,
    ``三元区人民政府白沙街道办事处`` and ``白沙街道``)."""
    ka, kb = normalise_issuer(a), normalise_issuer(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    if len(short) < 3 or not long.endswith(short):
        return False
    if placeless(short):  # 区司法局 for 西安市新城区司法局: the name without its place
        return True
    # the region above it, or its government (三元区人民政府白沙街道办事处 and 白沙街道)
    return re.search(r"(?:省|自治区|市|区|县|州|盟|旗|总局|政府)$", long[: -len(short)]) is not None
