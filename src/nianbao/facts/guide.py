"""The annotation guide for human annotators, generated from the fact catalogue.

``docs/annotation-guide.md`` is `render_guide()` written out (``python -m
nianbao.facts.guide`` rewrites it); a test checks the committed file is current, so the
guide never drifts from ``catalogue.json``.  The span rules and hard cases summarise
``shared/spec/FACTS.md`` §1, §2 and §4; the label tables come from the catalogue.
"""
from __future__ import annotations

import sys
from pathlib import Path

from nianbao.facts.catalogue import catalogue, families, version

GUIDE_PATH = Path(__file__).resolve().parents[3] / "docs" / "annotation-guide.md"

SPAN_RULES = """\
## 1. What to mark

Mark every **quantity mention** in the narrative that counts one of the facts below, and
give it the fact's label. Everything else stays unmarked.

* **Mark the quantity expression only**: optional qualifier + number + optional magnitude
  + unit or measure word. Not the noun it counts.
  `共收到政府信息公开申请【98件】` · `发布信息【180余条】` · `关注量【5948人】` ·
  `浏览量达【356415次】` · `粉丝【近45.9万】` · `采购总金额【2.9亿元】` · `占比【96%】`
* **Qualifiers belong inside the span**: 余 多 近 约 超 逾 超过 以上 左右 突破.
* **Chinese numerals are numbers**: `【一件】`, `【两场】`, `【十二个】`.
* **Zero claims are facts**: with no digit, mark the negation cue itself —
  `【未】收到政府信息公开申请`, `【无】现场申请、书面申请……`, `【没有】发生行政复议`.
  Their value is 0. `0件` with a digit is an ordinary span.
* **One span per mention**: `收到申请98件，办结98件` has two spans with two labels.
* **Do not mark** years (`2020年`), dates, phone numbers, document numbers
  (`〔2020〕80号`), article numbers (`第二十条`), ordinals, list markers, changes
  (`增加了3例`), and counts no label describes (`12个板块`, `6个综合窗口`).
* **Scope words do not change the label**: `区政府办代表区政府受理……17件` is still
  `APP_RECEIVED`; the reconciler, not the annotator, weighs scope.
* **Never mark inside the tables** (表二/表三/表四): tables are parsed, not tagged.
"""

VALUE_RULES = """\
## 2. How the value is read

You mark spans; the value is computed from the span text, so you do not type it.

| qualifier | written as | meaning for comparison |
|---|---|---|
| `exact` | 98件 | equal |
| `approx` | 约 / 近 / 左右 | within 10 % |
| `at_least` | 余 / 多 / 以上 / 突破 | table value ≥ stated |
| `more_than` | 超 / 超过 / 逾 | table value > stated |
| `zero_claim` | 未 / 无 / 没有 | equal to 0 |

Magnitudes multiply (`45.9万` = 459000, `2.9亿元` = 290000000 元); percentages keep
their number (`96%` = 96, unit %).
"""

HARD_CASES = """\
## 4. Hard cases (decide this way)

| text | spans |
|---|---|
| `全年收到信息公开申请98个,办理98件` | `98个` APP_RECEIVED, `98件` APP_PROCESSED |
| `与往年相比数量增加了3例` | nothing: a change, not a count |
| `其中自然人80件、商业企业1件` | APP_NATURAL_PERSON, APP_ORGANIZATION |
| `共有政务服务事项958个，其中行政许可事项541个` | SERVICE_ITEMS, SERVICE_ITEMS |
| `进网厅事项958个,占比50.98%` | ONLINE_ITEMS, RATE |
| `政务新媒体19个(微博2个、微信15个、小程序2个)` | four NEW_MEDIA_ACCOUNTS |
| `发布信息635条` | on a WeChat account WECHAT_POSTS; on the website WEBSITE_POSTS; no channel named INFO_PUBLISHED |
| `政策性文件11件` | nothing, unless the text calls them 规范性文件 |
| `未发生行政复议和行政诉讼` | the one cue `未` twice: REVIEW_CASES and LITIGATION_CASES (same span, two labels) |
| `予以公开及部分公开208件` | APP_GRANTED (the reconciler compares it with granted + partial) |
| `其中，公开财政预决算信息32条、政府采购信息25条` | two INFO_PUBLISHED: sub-counts keep the parent's label |
| `累计清理过期信息600条` | nothing: removed, not published |
| `权责清单事项4000项`, `包含一级事项140项、二级事项1100项` | nothing: list and catalogue entries, not service items |
| `发出催办提示80次`, `整改问题22处`, `制作节目19期`, `发布政策文件20件` | nothing: no label counts these |
| `未发生失泄密事件`, `未被复议机关纠错` | nothing: the negation denies no fact |
| a number inside 表二/表三/表四 | nothing: tables are parsed, not tagged |

### Totals and their parts, and real web pages (FACTS.md v1.2)

Every part of a total carries `part_of`: the index of its total (FACTS.md §4). These were
decided while annotating the real-page corpus, by its second, independent pass and by the
adjudication of the first pass against these rules.

| text | spans |
|---|---|
| `全年共发布信息86条（其中通知公告12条、人事信息3条）` | `86条` INFO_PUBLISHED; `12条`, `3条` INFO_PUBLISHED, `part_of` the 86 |
| `主动公开政府信息230条，其中网站150条、政务微信80条` | INFO_PUBLISHED; WEBSITE_POSTS and WECHAT_POSTS, `part_of` the 230 (a part that is a catalogued quantity keeps its own label) |
| `网站公开信息64条，分别为工作动态40条、政策文件9条` | WEBSITE_POSTS; topic parts take the total's label: WEBSITE_POSTS, `part_of` the 64 |
| `收到申请20件，其中网上12件、信函8件，其中自然人18件、法人2件` | one total, two lists of parts, every part `part_of` the 20 |
| `通过门户网站、微信公众号等渠道主动公开信息960条` | INFO_PUBLISHED: a list of channels names no one channel |
| `在政府信息公开平台公开信息45条` | INFO_PUBLISHED (the disclosure platform is not the portal website); `在政府门户平台发布85条` WEBSITE_POSTS |
| `在县政府信息公开网公开信息308条`, `通过政务公开专栏发布信息27条` | INFO_PUBLISHED: a disclosure site, platform or column is not the portal website; `在县政务网发布信息120条` WEBSITE_POSTS |
| `通过某某市商务网发布信息420条` | WEBSITE_POSTS: a website named by its own name (…网) is a website, not a disclosure platform |
| `通过区政府网站公开信息30条。概况2条，计划3条，预决算25条。` | WEBSITE_POSTS for all four: a sentence of counts right after a total, whose counts add up to it, lists its parts |
| `主动公开信息300条，通过门户网站公开115条，政务微信公开163条，其他方式公开22条` | INFO_PUBLISHED, WEBSITE_POSTS, WECHAT_POSTS, INFO_PUBLISHED: counts right after a total, in its sentence, that add up to it are its parts without a marker (`part_of` the 300); each keeps its own reading, none takes the channel of the part before it. Counts that add up only over two sentences, or that follow another count of their sentence (`机构概况3条，工作会议4条，重大项目2条，发展规划2条`: peers), are no parts of it |
| `…政务微信公开107条，其他形式公开8条。其中规范性文件6条，通知公告43条。` | the 其中 list opening the next sentence adds up to more than the 8 before it: it breaks down the total the 8 is a part of, not the 8 |
| `以门户网站为主渠道，公开信息860条`, `通过政府公报公开文件12件`, `公开栏公开45条` | INFO_PUBLISHED: the website is not the only channel, or the channel is none of the catalogued ones |
| `微信公众号和微博共推送信息120条` | OTHER_MEDIA_POSTS: new media together, no one account kind and no website |
| `全年发布政策文件436件`, `公开政府文件15件` | nothing: documents other than 规范性文件; listed as a topic of published items (`其中工作动态40条、政策文件9条`) they are topic parts with the total's label |
| `在省级媒体刊发稿件30篇`, `被中央媒体报道或转载61次`, `美篇发布12篇` | OTHER_MEDIA_POSTS |
| `接受电视台采访5次`, `媒体采访30次` | nothing: an interview given is no item published (what the outlet reports of it, `媒体报道12篇`, is OTHER_MEDIA_POSTS) |
| `向上级报送信息40件`, `被上级信息刊物采用12篇` | nothing: sent up or taken up, not published |
| `公开人大代表建议办理结果103件` | NPC_SUGGESTIONS, not APP_PROCESSED |
| `市长信箱收到来信238件，办结99件`, `12345热线工单50件` | PUBLIC_MESSAGES (each count) |
| `无收到和处理政府信息公开申请` | the one cue `无` twice: APP_RECEIVED and APP_PROCESSED |
| `2021年新增公开行政许可0项` | nothing: a change (the 本年增/减 column), not a count |
| 索引号, 发布日期, 浏览次数, 备案号 and other page chrome | nothing: only the report's own text carries facts |
| `本局依托区政府网站发布政策。全年另发布其他信息40条` | INFO_PUBLISHED: a channel counts only when the count's own sentence names it, not the sentence before |
| `通过县政府网站信息公开平台发布信息30条`, `在县政府门户网站民生专栏公开5次，在财政专栏公开3次` | WEBSITE_POSTS: a platform or column of a named portal website, and the columns after it in the same sentence, are that website |
| `答复申请15件，其中予以公开6件，不属于政府信息2件，告知其他途径1件，信息不存在6件` | APP_GRANTED and APP_UNABLE for the kinds with a label; the kinds with none are APP_PROCESSED parts of the 15 (rule 2) |
| `网站公开信息90条，其中工作动态70条、行政许可12条、行政处罚8条` | 行政许可, 行政处罚 counts in a list of published items are ADMIN_DECISIONS parts (rule 1); the topic is a WEBSITE_POSTS part |
| `经上级部门网站发布信息20余条` | nothing: published by the bodies above, like items taken up |
| `共公开行政处罚信息9条，其中环保领域2条、安全生产领域7条`, `审批建设项目环评报告表4个` | ADMIN_DECISIONS: published punishment or licensing information is counted as decisions, and its parts keep that label |
| `收到并办理申请6件` | one span, two labels: APP_RECEIVED and APP_PROCESSED |
| `在网站发布工作动态30条、回应关切信息7条` | the website's label for the responses published (WEBSITE_POSTS), not PUBLIC_MESSAGES; responses counted beside a mailbox's letters stay PUBLIC_MESSAGES |
| `收到申请12件，其中延期答复2件，予以公开9件，不予公开3件` | nothing for the extended count: a way of answering that cuts across the outcomes, not one share of the 12 |
| `参加业务培训5人次`, `事项清单85个` | nothing: people attending are no sessions held; list entries are no service items |
| `新媒体公众号推送信息300余条`, `通过电视台、兄弟部门网站等载体发送信息50余条` | OTHER_MEDIA_POSTS for new-media accounts of no one kind; INFO_PUBLISHED for a list of channels of different kinds |
| `经县政府网、县新闻网发布信息35条`, `在甲网站、乙网站的信息公开专栏公开信息60条` | WEBSITE_POSTS: several channels of one kind keep that kind, as several WeChat accounts are WECHAT_POSTS |
| `依托县政府网站、局政务公开专栏发布信息42条`, `经由政府网站和政务公开平台共发布信息95条` | INFO_PUBLISHED: a disclosure column or platform named beside the website, not as its part, is a second channel |
| `三、网站公开情况` (a numbered heading), then `本年共发布26条，其中动态9条` | WEBSITE_POSTS for the total and its parts: a heading that names a channel gives it to the counts of its paragraph (a sentence before does not: see the 另发布 row) |
| `其中在网站发布工作动态60条、通知公告12条、政策文件8条` | WEBSITE_POSTS for all three parts: the topics listed after the website's first one in the same sentence are the website's too |
| `依申请公开信息0条，不予公开信息0条` (older reports that count items of information, not applications) | nothing: neither published items nor applications |
| a zero cue whose sentence the page cuts off before it names what is denied (`未发生……提起行政`) | nothing beyond what the kept words name: the cut-off object is not read in |
| `未收到申请，未出现不予公开的情况` | APP_RECEIVED 0 only: with no application there is no refusal to count |
| `月报每季度一更新，目前更新9期`, `新增关注60个`, `截至年底网站累计访问量80万次` | nothing: a running count since the series (or the site) began, and a gain, are no totals of the year |
| `平均每篇阅读量1200次`, `单篇最高阅读量3万次`, `日均访问量450人次` | nothing: an average or a maximum is no total of the year; the year's own total beside it is VIEWS |
| `发布信息46条次`, `推送文章7篇次`, `发布通知9则` | the whole quantity, 次 and 则 included: 条次 and 则 count items (条), 篇次 articles (篇) |
| `废止规范性文件3件`, `清理规范性文件0件` | nothing: documents repealed or cleared are neither made, published nor in force |
| `未接到相关投诉`, `全年无信息公开举报` | PUBLIC_MESSAGES 0: complaints received are messages, whatever they are about |
| `受理群众申诉3件` | PUBLIC_MESSAGES: a grievance (申诉) is a complaint |
| `以门户网站为核心阵地发布信息700条`, `以本局网站为主要载体，全年发布信息900条` | INFO_PUBLISHED, as `以门户网站为主渠道`: the website is not the only channel |
| `通过省厅官网发布9篇`, `市局公众号发布12篇` | nothing: the bodies above publish on their own website or account, like 经上级部门网站发布 |
| `收到依法处理的申请6件`, `收到和处理申请9件`, `受理答复申请3件` | one span, two labels: APP_RECEIVED and APP_PROCESSED, as 收到并办理 |
| `在网站发布政府公报7期`, `举办在线访谈2场` | nothing: issues of a gazette and interviews held online are no items, posts or conferences (`通过政府公报发布信息12条` counts items: the gazette is where they appeared) |
| `公开常务会议信息21次`, `常务会议信息8份` | INFO_PUBLISHED: items of meetings, whatever word counts them |
| `发生行政复议4件，3件维持，1件撤诉`, `行政诉讼2起，1起胜诉` | REVIEW_CASES (LITIGATION_CASES) for every count: what became of the cases counted just before, in the same sentence, keeps their label, and each outcome is `part_of` that count, with no 其中 needed |
| `因信息公开引发行政争议11件，其中行政复议7件、行政诉讼4件` | nothing for the 11: disputes count appeals and lawsuits together, which no label counts; the 7 and the 4 stand alone |
| `发布统计信息7条、工作年报1` (a bare number in a list of topics) | INFO_PUBLISHED for the bare 1 too: a topic the list names counts in the list's unit when its number leaves the unit off |
| a number the page cuts off at its very end (`公众号关注人数达12`, the text stopping there) | nothing: its digits, magnitude or unit may be missing |
| `收到申请10件，其中已答复7件，正在处理3件` | APP_CARRIED_FORWARD for the 3, `part_of` the 10: applications still being handled when the report was written are carried forward |
| `办理政务服务事项120项，办件量3万件` | SERVICE_ITEMS for the items (项), SERVICES_HANDLED for the transactions (办件量) |
| `公开政府采购信息15条`, `在网站发布采购公告6条` | the channel's label (INFO_PUBLISHED when none is named): published procurement items are items, not procurement projects |
| `在“某某发布”推送信息780条` (a channel named only in quotation marks, its kind not said) | INFO_PUBLISHED: no channel kind is read in that the text does not give |
| `撰写工作动态20篇、调研报告8篇（在网站发布）` | WEBSITE_POSTS for the 8 only: items written are not items published, and a channel note after the last item covers that item |
| `其中工作动态30条、行政复议和诉讼答复0件` (in a list of published items) | INFO_PUBLISHED parts for both: a topic of published items named after appeals or lawsuits counts items, not cases |
| `未发生行政复议、行政诉讼和申诉` | the one cue `未` three times: REVIEW_CASES, LITIGATION_CASES and PUBLIC_MESSAGES (complaints are messages, as in the 投诉 row) |
| `未收到政府信息公开申请，无依申请公开事项`; `…申请，无依申请公开事项办理记录` | APP_RECEIVED 0 once, at the first cue: a second claim that says the same again is none; APP_PROCESSED 0 for the second when it names handling (办理, 处理). Alone, `无依申请公开办理事项` is APP_RECEIVED 0 and APP_PROCESSED 0 |
| `无结转下年度继续办理件`, `无下年度结转` | APP_CARRIED_FORWARD 0 |
| `另有2件转结下年度办理` | APP_CARRIED_FORWARD: 转结 into next year is 结转 |
| `接收市发改委协助调查5件`, `配合办理依申请公开意见征询9件` | nothing: applications another body received and asked for help with are not this body's applications |
| `在新闻发布会上现场回答群众关切问题15个` | nothing: questions asked at an event are no messages received through a channel |
| `截至2023年12月31日，累计主动公开政府信息46条，其中工作动态30条` | INFO_PUBLISHED (or the channel's label) for the total and its parts: a count up to the reporting year's end is that year's; one since a site or series began (历年, 自开通以来, 至今) is not |
| `通过县政府网站公开文件9件`, `通过政府公报公开文件4件` | WEBSITE_POSTS and INFO_PUBLISHED: documents published through a named channel are that channel's items; documents counted with no channel stay nothing |
| `在门户网站发布信息50条，在政务公开专栏公开信息20条，其中通知12条` | WEBSITE_POSTS for the 50; INFO_PUBLISHED for the 20 and its parts: a disclosure column named beside the website, not as its column, is a second channel |
| `办结率百分之百` | RATE 100 %: a share written in words is a percent |
| `其中予以公开3件，已主动公开1件，申请人撤回1件` (parts of a received total) | APP_GRANTED for the 3 and the 1 (information already public is granted in full); the withdrawal keeps the total's label, APP_RECEIVED |
| `办结申请40件，其中予以公开20件，占50%；无法提供12件；其他处理8件` | APP_PROCESSED for the 8, `part_of` the 40: a count handled otherwise (表三's 其他处理) is a part of the applications the outcomes break down, with their label (APP_RECEIVED under a received total); where no such count is stated (`所有办结的申请中同意公开9件…其他处理14件`), nothing |
| `收取信息处理费共计380元，其中民政局1件`, `收费60元，涉及申请3件` | FEE_COLLECTED for the amount, nothing for the count: the applications a fee was charged for are no count the catalogue names (a count received or handled said after a verb of its own stays its label) |
| `政务服务事项共计172项，其中行政许可42项` | the label of the matters counted before it for the 42 (SERVICE_ITEMS here; nothing where that count is none, as in a list of powers): a kind of power listed under a count of matters counts matters, not decisions made |
| `网上意见征集收到反馈意见16条` | PUBLIC_MESSAGES: comments the public sent through a consultation are messages received |
| `网站发布信息80条，其中工作动态60条、建议提案办理结果5条` | NPC_SUGGESTIONS for the 5, `part_of` the 80: a catalogued quantity in a list keeps its own label |
| `智能秒办事项15项` | ONE_VISIT_ITEMS: an instant-handling scheme is the 即办 scheme |
| `发布新闻发布会信息12条` | INFO_PUBLISHED: items published about conferences are items, as meeting items are; conferences held are PRESS_CONFERENCES |
| `向县政府门户网站报送信息40条` | nothing: items sent to a site another body runs are sent up, not published by the reporting body |
| `回应公众关注热点9次` (no item published) | nothing: responses given are no items published and no messages received |
| `在区政府信息网公开信息70条` | INFO_PUBLISHED: a site named by what it holds (政府信息网) is a disclosure site, not the portal website |
| `网站发布信息60条，其中规范性文件及解读8条` | the total's label for the 8 (a topic part): a topic that joins a catalogued kind with something else is no count of that kind |
| `排查发现政府网站本年发布信息300条` | WEBSITE_POSTS: items published in the year keep their channel's label when a check counts them |
| `向辖区居民发送防汛提醒短信3万条` | nothing: text messages sent to phones count copies delivered, not items published |
| `截至目前，在网站发布信息210条` (no 累计, no start named) | WEBSITE_POSTS: a count up to the report's writing is the year's, as one up to the year's end; only a start named (历年, 自开通以来, 自…至今) makes it a running count |
| `在区政府信息公开门户网站公开信息45条` | INFO_PUBLISHED: a site named after disclosure is a disclosure site, as 政府信息网, even when it calls itself a portal |
| `无行政处罚、行政强制事项` | ADMIN_DECISIONS 0 once: a fact is a label on a span, so two kinds under one label are one fact (two labels, as 未发生行政复议和行政诉讼, are two) |
| `不存在行政复议和行政诉讼情况` | nothing: the zero cues are 未, 无 and 没有 (FACTS.md §2) |
| `在阳光政务网公开信息30条` | INFO_PUBLISHED: a site named after openness or disclosure (阳光…网, 信息公开网) is a disclosure site, not the portal website |
| `借助网站、新媒体和公示栏，在县政府网站发布信息80条` | INFO_PUBLISHED: the channels listed as the means are several kinds; the one site named after them does not make the count the website's |
| `在视频公众号发布短视频12条` (no 微信 named) | OTHER_MEDIA_POSTS: a video account is of the 视频号 kind, not a WeChat account |
| `网站发布政策解读8件、政策简明问答6期` | POLICY_INTERPRETATIONS for both: a question-and-answer sheet explains a policy, as a 图解 does, whatever word counts it (issues of a gazette stay nothing) |
| `收到申请12件，均按时办结`, `收到申请7件，已全部办结` | APP_RECEIVED only: how the applications received were handled is no second count (收到并办理申请6件 and 收到和处理 name both in the count's own words and are two facts) |
| `设立信息公开查阅点2个`, `组织政府开放日活动3次` | nothing: places set up and open days held are neither items, conferences nor services |
| `全年公开信息90条，其中主动公开84条，依申请公开6条，不予公开信息数3条` (older reports that count items) | nothing for the 6 and the 3: items released on request or withheld are neither applications nor published items |
| `制发公文20件，其中主动公开16件，主动公开率80%` | nothing for the 16 (RATE for the 80%): documents made public, counted for their disclosure rate, are documents, not published items |
| `发布政策解读类信息6条`, `其中解读类信息22条` | POLICY_INTERPRETATIONS: interpretations counted as a kind of item; a topic that joins them with something else (`会议、会议解读类信息60条`, `政策文件及解读4条`) keeps its list's label |
| `梳理权责事项共计461项，其中：行政许可25项、行政处罚231项`, `公布权力清单243项` | nothing: entries of a list of powers and duties, and their kinds, are neither services, decisions nor items (`权责清单2条` as a topic of published items stays a topic) |
| `发挥网站在公开工作中的主渠道作用，全年主动公开信息434条`, `通过政府网站作为第一平台主动公开信息900条` | INFO_PUBLISHED, as `以门户网站为主渠道`: a main channel is not the only one; `发挥网站第一平台作用，全年在门户网站发布信息40条` is WEBSITE_POSTS, the count's own clause naming the website |
| `通过区政府信息公开专栏、微信公众号合计发布信息104条` | INFO_PUBLISHED: a disclosure column named beside an account is a channel of another kind, as beside the website |
| `办理政府门户网站区长信箱各类信件26件` | PUBLIC_MESSAGES: the letters of a mailbox are messages wherever the mailbox sits, not the website's posts |
| `结转上年度申请2件`, `答复39件（含上年结转2件）`, `3件结转2025年度办理` | APP_CARRIED_OVER, APP_CARRIED_OVER, APP_CARRIED_FORWARD: 结转 before the year before, or 含…结转 inside a count, is carried over; 结转 before the next year (or 下年度), or after a count, is carried forward |
| `收到申请25件，其中网站申请20件`, `共办理申请23件，其中网上申请22件，书面申请1件` | the way applications came in (网站, 信函, 书面 …) with 申请 or 提交: the total's label for each way (APP_RECEIVED, APP_PROCESSED), never the website's posts |
| `接到依申请公开办件18件`, `办理依申请公开事项6件` | APP_RECEIVED, APP_PROCESSED: matters or cases applied for are applications, not services; the verb decides |
| `收到申请公开政府信息的要求31件`, `收到2条政府信息公开相关申请` | APP_RECEIVED: requests for information, not information published |
| `公开处罚信息13项`, `许可公示结果40条` | ADMIN_DECISIONS, as 行政处罚 and 行政许可 |
| `受理各类服务事项144350件`; `可全程在线办理政务服务事项1512项` | SERVICES_HANDLED (service matters taken up, counted in 件); ONLINE_ITEMS |
| `6915项权力事项`, `执法监管事项2174项` | nothing: entries of a list of powers or of matters overseen, not services |
| `通过门户网站发布信息120条，通过三务公开网站公开信息45条` | WEBSITE_POSTS, INFO_PUBLISHED: any disclosure site (信息公开网, 某某公开网站) is the disclosure platform, even after a website |
| `全年主动公开信息320条，均在区政府门户网站公开` | WEBSITE_POSTS: the website named right after the count holds them all |
| `通过政务新媒体（微信公众号）发布信息88条` | WECHAT_POSTS: new media named only as the kind of one WeChat account; `（微信公众号、微信群）` stays OTHER_MEDIA_POSTS |
| `通过“某某发布”APP发布信息120条`, `在新闻客户端推送稿件45篇` | OTHER_MEDIA_POSTS |
| `本年度无政府信息公开申请`; `本镇未开设政务新媒体账号` | APP_RECEIVED 0 (the application, not the 信息 before it); NEW_MEDIA_ACCOUNTS 0 |
| `未发生针对本街道…的行政复议案件、行政诉讼案件及举报投诉情况` | REVIEW_CASES 0, LITIGATION_CASES 0 and PUBLIC_MESSAGES 0, however long the claim |
| `办理群众网上留言建议7条`, `回复网上咨询和建议共12条` | PUBLIC_MESSAGES: the public's suggestions beside its comments or questions are no deputies' suggestions |
| `制发规范性文件2件，现行有效文件共计31件` | NORMATIVE_DOCS, NORMATIVE_DOCS |
| `公开人大代表建议的办理答复4篇`, `承办建议提案共9起` | NPC_SUGGESTIONS in 篇 and 起 as well |
| `没有出现应公开而不予公开的办件` | nothing: an assurance, no count of refusals |
| `受理申请19件，其中18件已在法定期限内答复` | APP_RECEIVED, APP_PROCESSED |
| `行政复议0件、行政诉讼0件` | REVIEW_CASES 0, LITIGATION_CASES 0: each count is its own |
| `网站独立用户访问总量1104110个` | VIEWS: unique visitors are visits, in whatever unit |
| `历年主动公开政府信息主要类别情况：机构职能类信息91条，…` | nothing: topics listed under all the years' count |
| `清理新媒体账号5个`, `新增政务新媒体1个` | nothing: accounts cleared or added are a change |
| `以政府网站为依托，发布政府信息共计1278条`, `以门户网站为政务公开的主要窗口` | INFO_PUBLISHED, as `以门户网站为主渠道` |
| `其中局长办公会议及解读12条`, `办事指南及政策解读42条` | the list's label: a topic joining documents, meetings or guides with their interpretations |
| `通过“某某县政府网”微信公众号推送信息120条` | WECHAT_POSTS: an account named after a site is the account |
| `网站发布信息1683条，公众号发布信息1276条，共主动公开政府信息3895条` | INFO_PUBLISHED for the total over both channels |
| `县政府网站发布信息3335条，政府信息公开专栏发布954条` | WEBSITE_POSTS, INFO_PUBLISHED: a disclosure column with its own verb and count beside the website (`其中…专栏发布954条` stays a part of the website's) |
| `网站公开1500条，县政府公报公开60条`, `门户网站公开900条，各区县主动公开1500条` | WEBSITE_POSTS, INFO_PUBLISHED: a clause with a publisher of its own and its own verb, naming no channel, takes no channel from the clause before it |
| `在门户网站、《市政府公报》等公开信息12条`, `经区政府网站、区档案馆查阅室公开信息25条`, `依托门户网站以及其他新闻媒介公开30条` | INFO_PUBLISHED: a bulletin, a reading room or other media named beside the website is a second channel, as a disclosure column |
| `通过门户网站公开信息16条，其中：领导信息5条；通过村务公示栏公示文件30份；便民信息40条` | WEBSITE_POSTS for the 16 and the 5; INFO_PUBLISHED for the 40: the website's list ends at a clause of a board off the web |
| `经县政府网站、某某子站、本局政务公开专栏等公布信息57条`, `经门户网站某镇栏目及市政府信息公开目录公开信息830条` | INFO_PUBLISHED: a disclosure column or catalogue further along the website's list, no publishing word between, is a second channel |
| `公开信息700条。其中，经门户网站及其他公开平台公开500条，包含采购类20条、工程信息80条` | INFO_PUBLISHED for all; the 20 and 80 are parts of the 500 (`part_of` the 500), not of the 700: a part that names the places that published it is broken down by the list marked after it |
| `全年公开重要事项15个` | nothing: matters that name no service are no service items |
| `核发林木采伐许可证111件`, `准予许可397件` | ADMIN_DECISIONS: licences granted |
| `12345热线办件量236件`, `承办人大建议和政协提案，办件共15件`, `行政许可办件量236件` | PUBLIC_MESSAGES, NPC_SUGGESTIONS, ADMIN_DECISIONS: a 办件 count is its subject's |
| `行政许可12项、行政确认3项、其他行政权力5项` | nothing: kinds of power in a list, no decisions |
| `4件政协委员提案办理`, `未收到人大建议和政协提案` | NPC_SUGGESTIONS, NPC_SUGGESTIONS 0 |
| `受理申请5件，其中3件为自然人申请` | APP_RECEIVED, APP_NATURAL_PERSON |
| `答复申请6件，另有2件正在办理` | APP_PROCESSED, APP_CARRIED_FORWARD (in a sentence about messages: PUBLIC_MESSAGES) |
| `全年无规章、规范性文件、行政许可` | REGULATIONS 0, NORMATIVE_DOCS 0, ADMIN_DECISIONS 0 |
| `其中工作动态50条、政策咨询问答库12条` | the list's label: questions published as a topic, nothing received or answered |
| `开展政策宣讲活动50余次`, `举办3场次新闻发布会` | nothing: events held; PRESS_CONFERENCES |
| `在区政府公报上刊登区政府文件33件` | INFO_PUBLISHED: documents printed in the gazette (its issues, `编发政府公报7期`, are nothing) |
| `其中权力事项办理结果35条`; `行政许可办理结果12条` | INFO_PUBLISHED; ADMIN_DECISIONS: results of handling published as a topic, no applications |
| `有140件行政复议、49件行政诉讼获维持` | REVIEW_CASES, LITIGATION_CASES: the noun right after each count names its cases; after `行政复议192件，行政诉讼73件，其中…`, each is `part_of` the count of its own kind |
| `通过微信、微博等渠道公开信息480余条` | OTHER_MEDIA_POSTS: new media alone closed by 等渠道; with a website, a paper, a board or anything else listed among them (`门户网站、微信等渠道`, `短信平台、微信群、朋友圈等形式`), INFO_PUBLISHED |
| `主动公开各类政务信息2600余份，其中政府文件140份` | INFO_PUBLISHED for both: information counted in 份 is items, and documents listed under it are its topics (`发放宣传册2000余份`, `移送纸质政府信息360份` are nothing) |
| `公开局长办公会议14次`, `专栏公开区政府全体会议2次` | INFO_PUBLISHED: a meeting disclosed is its items, as `发布常务会议13期`; a meeting held (`召开工作会议3次`) is nothing |
| `受理申请4件，已完成4件` | APP_RECEIVED, APP_PROCESSED: applications completed are applications dealt with |
| `提供全流程在线办理政务服务事项95项`, `公开全程在线办理政务服务事项1320条` | ONLINE_ITEMS, whatever word counts them |
"""


def render_guide() -> str:
    """The whole guide as Markdown."""
    parts = [
        "# Annotation guide: facts in 政府信息公开工作年度报告\n",
        f"Generated from the fact catalogue (version {version()}) by `python -m nianbao.facts.guide`;"
        " do not edit by hand. The contract behind it is `shared/spec/FACTS.md`.\n",
        SPAN_RULES,
        VALUE_RULES,
        "## 3. The labels\n",
        "*Cues* are words that usually sit near the count; they help you find mentions but do"
        " not decide the label on their own. *Reconciles with* names the table cells"
        " (`shared/spec/TABLES.md`) the fact is checked against; `+` means a sum, `or`"
        " alternative readings; `—` means it is checked only within the text and across"
        " years.\n",
    ]
    by_family: dict[str, list] = {}
    for info in catalogue().values():
        by_family.setdefault(info.family, []).append(info)
    for family, meta in families().items():
        parts.append(f"### {family}. {meta['name']} ({meta['zh']})\n")
        parts.append("| label | 中文 | what is counted | cues | reconciles with |\n|---|---|---|---|---|")
        for info in by_family.get(family, []):
            cues = " ".join(info.cues) or "—"
            cells = " or ".join(" + ".join(f"`{c}`" for c in reading) for reading in info.cells) or "—"
            parts.append(f"| `{info.label}` | {info.zh} | {info.counts} | {cues} | {cells} |")
        parts.append("")
    parts.append(HARD_CASES)
    return "\n".join(parts)


def write_guide(path: Path = GUIDE_PATH) -> Path:
    path.write_text(render_guide(), encoding="utf-8")
    return path


if __name__ == "__main__":
    write_guide(Path(sys.argv[1]) if len(sys.argv) > 1 else GUIDE_PATH)
