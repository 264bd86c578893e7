"""Small saved report pages written for these tests (made-up issuers, our own wording), in the
shapes real pages print: chrome above the report (menus, breadcrumbs, 索引号 boxes as lines,
pipe rows or one cell per line, 发布时间 and 字号 lines, counters), chrome inside it (share and
print buttons) and footers after it (备案号, 网站标识码, addresses, counters).

Each page comes with the first and last words of its report body (``BODY``), so tests and the
main-content measurement (docs/body.md) know where the report starts and ends.
"""
from __future__ import annotations

# a district street office's page copied as text: pipe-row index box, breadcrumb, counters
STREET_TXT = """\
网站首页 | 政务公开 | 政民互动 | 办事服务
首页 > 政务公开 > 政府信息公开 > 政府信息公开年报
| 索引号 | 11420305/2023-00417 | 主题分类 | 政务公开 |
| 发布机构 | 石桥街道办事处 | 发文日期 | 2023-01-18 |
发布时间：2023-01-18 09:30  来源：石桥街道  浏览次数：2871
【字号：大 中 小】
青禾区石桥街道办事处2022年政府信息公开工作年度报告
本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。
一、总体情况
2022年，街道共主动公开政府信息326条，收到政府信息公开申请4件，均已按期答复。
二、主动公开政府信息情况
规章 | 0 | 0 | 0 |
三、收到和处理政府信息公开申请情况
本年新收政府信息公开申请数量 | 4 |
四、政府信息公开行政复议、行政诉讼情况
本年度未发生行政复议、行政诉讼。
五、存在的主要问题及改进情况
一是公开内容不够丰富；二是解读形式较少。
六、其他需要报告的事项
本年度未收取信息处理费。
青禾区石桥街道办事处
2023年1月18日
【打印本页】 【关闭窗口】
分享到： 微信 微博 QQ空间
上一篇：石桥街道2022年第四季度财政收支情况
下一篇：关于开展2023年度消防检查的通知
主办单位：青禾区石桥街道办事处  地址：青禾区石桥路18号  邮编：430088
联系电话：027-86553210  网站标识码：4201050017  鄂ICP备12034567号-2  鄂公网安备42010502000311号
本站访问量：1203367
"""
STREET_BODY = ("青禾区石桥街道办事处2022年政府信息公开工作年度报告", "2023年1月18日")

# the same kind of page as one cell per line (a page copied from a browser), with no signature:
# the breadcrumb comes one crumb per line and the column name 政府信息公开年报 sits just above the title
TOWN_TXT = """\
首页
>
政务公开
>
政府信息公开年报
索引号：
11420306/2024-00052
发布机构：
枫林镇人民政府
发布日期：2024年01月22日
阅读次数：[ 563 ]
枫林镇2023年政府信息公开工作年度报告
现公布枫林镇人民政府2023年政府信息公开工作年度报告。本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。
一、总体情况
2023年，我镇主动公开政府信息187条，受理政府信息公开申请2件。
六、其他需要报告的事项
无。
相关链接
版权所有：枫林镇人民政府 技术支持：某某网络科技有限公司
第3楼 网友评论：暂无
"""
TOWN_BODY = ("枫林镇2023年政府信息公开工作年度报告", "无。")

# a scraped page run together on one line: breadcrumb, title, source and time, share buttons,
# then the whole report, then the download link
ONE_LINE_TXT = (
    "当前位置： 首页政务公开政府信息公开年报 云岭县人民政府办公室2021年度政府信息公开工作年度报告 "
    "来源：云岭县政府办 时间：2022-01-25 10:12 浏览次数：1520 微信 微博 QQ空间 "
    "根据《中华人民共和国政府信息公开条例》要求，现公布云岭县人民政府办公室2021年度政府信息公开工作年度报告。"
    "一、总体情况2021年，县政府办主动公开政府信息1032条。二、主动公开政府信息情况 规章000 "
    "六、其他需要报告的事项 本年度未收取信息处理费。 附件下载 打印本页 关闭窗口"
)
ONE_LINE_BODY = ("云岭县人民政府办公室2021年度政府信息公开工作年度报告", "本年度未收取信息处理费。")

# a report page as HTML: site menu, breadcrumb, an index box as a table, share and print
# buttons above the report, real tables in it, a footer with counters after it
STREET_HTML = """<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>石桥街道2022年政府信息公开工作年度报告_青禾区人民政府</title></head>
<body>
<div class="top"><a href="/">网站首页</a> <a href="/zwgk">政务公开</a> <a href="/hd">政民互动</a></div>
<div class="crumb">您当前的位置：<a>首页</a> &gt; <a>政务公开</a> &gt; <a>政府信息公开年报</a></div>
<table class="meta">
<tr><td>索引号：</td><td>11420305/2023-00417</td><td>主题分类：</td><td>政务公开</td></tr>
<tr><td>发布机构：</td><td>石桥街道办事处</td><td>发文日期：</td><td>2023-01-18</td></tr>
</table>
<div class="tools">发布时间：2023-01-18 09:30 浏览次数：2871 【字体：大 中 小】 【打印】</div>
<div class="article">
<h1>青禾区石桥街道办事处2022年政府信息公开工作年度报告</h1>
<p>本报告根据《中华人民共和国政府信息公开条例》编制。本报告所列数据的统计期限自2022年1月1日起至2022年12月31日止。</p>
<p>一、总体情况</p>
<p>2022年，街道共主动公开政府信息326条，收到政府信息公开申请4件，均已按期答复。</p>
<p>二、主动公开政府信息情况</p>
<table border="1">
<tr><td colspan="4">第二十条第（一）项</td></tr>
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>0</td><td>0</td><td>0</td></tr>
<tr><td>行政规范性文件</td><td>2</td><td>1</td><td>9</td></tr>
</table>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="2">一、本年新收政府信息公开申请数量</td><td>4</td></tr>
<tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td><td>3</td></tr>
<tr><td>（二）部分公开</td><td>1</td></tr>
</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p>
<p>本年度未发生行政复议、行政诉讼。</p>
<p>五、存在的主要问题及改进情况</p>
<p>一是公开内容不够丰富；二是解读形式较少。</p>
<p>六、其他需要报告的事项</p>
<p>本年度未收取信息处理费。</p>
<p style="text-align:right">青禾区石桥街道办事处</p>
<p style="text-align:right">2023年1月18日</p>
</div>
<div class="share">分享到：<a>微信</a> <a>微博</a></div>
<div class="foot">
<p>主办单位：青禾区石桥街道办事处 地址：青禾区石桥路18号 联系电话：027-86553210</p>
<p>网站标识码：4201050017 <a>鄂ICP备12034567号-2</a> 鄂公网安备42010502000311号</p>
<p>本站访问量：1203367</p>
</div>
</body></html>
"""
STREET_HTML_BODY = STREET_BODY

# an older site: the article sits in a layout table (a table holding tables), the index box is
# a one-row table, counters and the footer share the layout table's last rows
TOWN_HTML = """<html><head><meta charset="utf-8"><title>枫林镇政府信息公开年报</title></head>
<body><table width="980"><tr><td>
<table><tr><td><a>网站首页</a></td><td><a>政务公开</a></td><td><a>互动交流</a></td></tr></table>
<table><tr><td>当前位置：首页 &gt; 政务公开 &gt; 年度报告</td></tr></table>
<table class="xxgk"><tr><td>索引号：11420306/2024-00052</td><td>发布机构：枫林镇人民政府</td>
<td>发布日期：2024-01-22</td></tr></table>
<table><tr><td>
<p align="center"><b>枫林镇2023年政府信息公开工作年度报告</b></p>
<p>现公布枫林镇人民政府2023年政府信息公开工作年度报告。本报告所列数据统计期限自2023年1月1日起至2023年12月31日止。</p>
<p>一、总体情况</p>
<p>2023年，我镇主动公开政府信息187条，受理政府信息公开申请2件。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1"><tr><td>本年新收政府信息公开申请数量</td><td>2</td></tr>
<tr><td>予以公开</td><td>2</td></tr></table>
<p>六、其他需要报告的事项</p>
<p>无。</p>
<p>枫林镇人民政府</p><p>2024年1月22日</p>
</td></tr></table>
<table><tr><td>【打印本页】</td><td>【关闭窗口】</td><td>阅读次数：563</td></tr></table>
<table><tr><td>版权所有：枫林镇人民政府 地址：枫林镇东街9号 邮编：430099 鄂ICP备09011122号</td></tr></table>
</td></tr></table></body></html>
"""
TOWN_HTML_BODY = ("枫林镇2023年政府信息公开工作年度报告", "2024年1月22日")
