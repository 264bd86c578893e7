"""A small made-up report (Markdown) with two FAILs, checked into a results database.

The text says 5 applications arrived while 表三's 本年新收 total prints 3 (FAIL
text.APP_RECEIVED), and 表三's 结转下年度 row prints 1 under 自然人 but 0 as its total
(FAIL t3.col_sum.carried_forward). `received` changes what 表三 prints as received, so a
test can change the first finding's evidence and leave the second's alone. `carried_over`
sets 表三's 上年结转 row: above 0, the report disagrees with the previous year's 结转下年度
total (0), a cross-year FAIL (cross_year.carry)."""
from __future__ import annotations

from pathlib import Path

from nianbao.batch import BatchOptions, run_batch
from nianbao.pipeline import CheckOptions

RULES = CheckOptions(extractor="rules")

TEMPLATE = """# 青禾县白鹭镇人民政府{year}年政府信息公开工作年度报告

## 一、总体情况

{year}年，本镇共收到政府信息公开申请5件，均已按期答复。全年未发生行政复议和行政诉讼。本镇维护政务新媒体4个（微博1个、微信3个）。

## 三、收到和处理政府信息公开申请情况

| 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
|---|---|---|---|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | {received} | 0 | 0 | 0 | 0 | 0 | {received} |
| 二、上年结转政府信息公开申请数量 | {carried_over} | 0 | 0 | 0 | 0 | 0 | {carried_over} |
| （一）予以公开 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
| 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 0 |
"""


def write_report(folder: Path, name: str = "bailu2023.md", received: int = 3, year: int = 2023,
                 issuer: str | None = None, carried_over: int = 0) -> Path:
    text = TEMPLATE.format(received=received, year=year, carried_over=carried_over)
    if issuer:
        text = text.replace("青禾县白鹭镇人民政府", issuer)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def check_into(db_path: Path, *paths: Path, force: bool = False):
    return run_batch([str(p) for p in paths], db_path, BatchOptions(check=RULES, workers=1, force=force))


def doc_ids(db_path: Path) -> dict[str, str]:
    """source -> doc_id of the newest stored copy."""
    import sqlite3

    con = sqlite3.connect(db_path)
    try:
        return {s: d for s, d in con.execute("SELECT source, doc_id FROM documents ORDER BY processed_at")}
    finally:
        con.close()
