"""The look of the HTML pages: colours, the CJK font stack, the CSS and the filter script.

Everything is inline so a page opens offline from disk: no CDN, no web fonts, no external
scripts.
"""
from __future__ import annotations

FONT_STACK = ('"Noto Sans CJK SC", "Source Han Sans SC", "Source Han Sans", "WenQuanYi Micro Hei", '
              '"WenQuanYi Zen Hei", SimSun, sans-serif')

STATUS_ORDER = ("FAIL", "UNCERTAIN", "NOT_ASSESSABLE", "PASS")
STATUS_ZH = {"PASS": "一致", "FAIL": "不一致", "UNCERTAIN": "存疑", "NOT_ASSESSABLE": "无法核对"}
STATUS_COLOURS = {  # (text / border, background)
    "PASS": ("#2e7d32", "#e8f5e9"),
    "FAIL": ("#c62828", "#ffebee"),
    "UNCERTAIN": ("#9a6700", "#fff4ce"),
    "NOT_ASSESSABLE": ("#616161", "#eeeeee"),
}
FAMILY_COLOURS = {"A": "#ffd6a5", "B": "#caffbf", "C": "#a0e7ff", "D": "#d7cfff", "E": "#ffc6ff"}


def worst(statuses) -> str | None:
    """The most serious of some statuses (FAIL > UNCERTAIN > NOT_ASSESSABLE > PASS)."""
    present = set(statuses)
    return next((s for s in STATUS_ORDER if s in present), None)


def rule_family(rule: str) -> str:
    """text.APP_RECEIVED → text; text.sum.X → text.sum; t3.col_sum.total → t3; cross_year.carry → cross_year."""
    if rule.startswith("text.sum."):
        return "text.sum"
    if rule == "text.share":
        return "text.share"
    return rule.split(".", 1)[0]


def css() -> str:
    status_rules = []
    for status, (fg, bg) in STATUS_COLOURS.items():
        status_rules.append(
            f".badge.st-{status}{{color:#fff;background:{fg}}}"
            f"td.cell.st-{status}{{background:{bg};box-shadow:inset 0 0 0 2px {fg}}}"
            f"mark.fact.st-{status}{{box-shadow:0 0 0 2px {fg}}}"
            f"tr.finding.st-{status} td:first-child{{border-left:4px solid {fg}}}"
        )
    return BASE_CSS.replace("__FONTS__", FONT_STACK) + "\n".join(status_rules)


BASE_CSS = """
body{font-family:__FONTS__;margin:0;color:#1f2328;background:#fafafa;line-height:1.6}
header,main{max-width:1200px;margin:0 auto;padding:0 20px}
header{padding-top:16px}
h1{font-size:22px;margin:8px 0}
h2{font-size:18px;margin:24px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.meta{color:#57606a;font-size:13px;word-break:break-all}
.counts span{margin-right:12px}
.badge{display:inline-block;padding:1px 8px;border-radius:10px;font-size:12px;font-weight:bold;white-space:nowrap}
table{border-collapse:collapse;background:#fff}
table.findings{width:100%}
table.findings td,table.findings th{border-bottom:1px solid #eee;padding:6px 8px;vertical-align:top;font-size:14px;
  text-align:left}
table.findings .rule{font-family:monospace;font-size:12px;color:#57606a;white-space:nowrap}
.links a{display:inline-block;margin:0 6px 2px 0;font-size:12px}
.filters{background:#fff;border:1px solid #ddd;padding:8px 12px;margin:8px 0;font-size:14px}
.filters label{margin-right:12px;white-space:nowrap}
.narrative{background:#fff;border:1px solid #ddd;padding:12px 16px;font-size:15px}
.narrative .entities{line-height:2.3!important}
mark.fact{scroll-margin-top:40vh}
mark.fact .fact-label{font-size:10px;font-weight:bold;margin-left:4px;color:#444;font-family:monospace}
table.grid{margin:8px 0 16px;font-size:13px}
table.grid th,table.grid td{border:1px solid #ccc;padding:3px 6px;text-align:center}
table.grid th.row{text-align:left;font-weight:normal;background:#f6f8fa;max-width:280px}
table.grid td.cell{min-width:36px;scroll-margin-top:40vh}
td.absent{color:#bbb}
.inline-table{margin:10px 0;padding:6px 10px;border-left:3px solid #8c959f;background:#f6f8fa}
.note{color:#57606a;font-size:13px}
.legend .swatch{display:inline-block;padding:0 6px;margin-right:6px;border-radius:4px;color:#333}
:target{outline:3px solid #0969da!important;outline-offset:2px}
.hidden{display:none}
"""

FILTER_JS = """
(function(){
  function apply(){
    var on = {};
    document.querySelectorAll('input.status-filter').forEach(function(b){on[b.value]=b.checked;});
    var fam = document.getElementById('family-filter');
    var want = fam ? fam.value : '';
    document.querySelectorAll('[data-status]').forEach(function(row){
      var ok = on[row.getAttribute('data-status')] !== false;
      if (want && row.getAttribute('data-family') !== want) ok = false;
      row.classList.toggle('hidden', !ok);
    });
  }
  document.querySelectorAll('input.status-filter,#family-filter').forEach(function(el){
    el.addEventListener('change', apply);
  });
  apply();
})();
"""

SUMMARY_JS = """
(function(){
  var rule = document.getElementById('rule-filter'), status = document.getElementById('status-filter');
  function apply(){
    var r = rule.value, s = status.value;
    document.querySelectorAll('tr.report').forEach(function(row){
      var pairs = (row.getAttribute('data-pairs') || '').split(' ');
      var ok = (!r && !s) || pairs.some(function(p){
        var k = p.split('|'); return (!r || k[0] === r) && (!s || k[1] === s);
      });
      row.classList.toggle('hidden', !ok);
    });
    var shown = document.querySelectorAll('tr.report:not(.hidden)').length;
    document.getElementById('shown').textContent = shown;
  }
  rule.addEventListener('change', apply); status.addEventListener('change', apply);
  document.querySelectorAll('a.pick').forEach(function(a){
    a.addEventListener('click', function(e){
      e.preventDefault(); rule.value = a.getAttribute('data-rule'); status.value = a.getAttribute('data-st'); apply();
    });
  });
  apply();
})();
"""
