"""The demo's sample reports (corpus/samples): a few synthetic reports in txt, md, html and
docx, each chosen to show something the checker must find.

    from nianbao.synth.samples import make_samples
    make_samples("corpus/samples")

Every sample is a synthetic report drawn from a fixed seed, so the files are reproducible;
`<name>.truth.json` beside each one records its gold facts, cells and planted findings.
"""
from __future__ import annotations

import io
import random
import zipfile
from collections.abc import Callable
from pathlib import Path

from nianbao.synth.generator import build_report
from nianbao.synth.issuers import Issuer
from nianbao.synth.tables import G
from nianbao.synth.truth import SyntheticReport

YONGAN = Issuer("清河区永安街道办事处", "永安街道", ("我街道", "街道办事处", "本机关"), "street", "qhyongan", False)
TAIHE = Issuer("远安县泰和镇人民政府", "泰和镇", ("我镇", "镇政府", "本机关"), "town", "yatahe", False)
JIANHU = Issuer("建湖县人民政府", "建湖县", ("我县", "县政府", "本级政府"), "county", "jhxian", True)
NANZHANG = Issuer("南漳县生态环境局", "县生态环境局", ("我局", "本机关"), "bureau", "nzsthj", False)


# Where each search starts: the seed that gave the committed sample, so a build is quick and
# reproduces it. After a generator change the search goes on from here and FOUND tells the
# new seeds (searching from 0 instead may stop at another, earlier report that also fits).
FOUND: dict[str, int] = {}  # the seeds the last build used (to update START after a generator change)
START = {"yongan2022": 785, "yongan2023": 6, "taihe2020": 42, "jianhu2021": 0, "nanzhang2024": 6}


def _search(label: str, make: Callable[[random.Random], SyntheticReport],
            want: Callable[[SyntheticReport], bool]) -> SyntheticReport:
    """The first report (by seed, from START) that shows what the sample is for."""
    for seed in range(START.get(label, 0), START.get(label, 0) + 20000):
        report = make(random.Random(f"nianbao-sample/{label}/{seed}"))
        if want(report):
            FOUND[label] = seed
            return report
    raise RuntimeError(f"no seed gives sample {label}")


def _rules(report: SyntheticReport, status: str = "FAIL") -> set[str]:
    return {c.rule for c in report.checks if c.status == status}


def _received(report: SyntheticReport) -> int:
    return report.cells["t3.new_received.total"]["value"] or 0


def _received_off_by_one(report: SyntheticReport) -> bool:
    return any(p.rule == "text.APP_RECEIVED" and abs(p.text_value - p.table_value) == 1 for p in report.planted)


def build_samples() -> dict[str, SyntheticReport]:
    """name → report, in the order the README describes them."""
    a2022 = _search("yongan2022", lambda r: build_report(r, "yongan-2022", fmt="txt", plan=[], year=2022,
                                                         issuer=YONGAN),
                    lambda r: r.table_style == "cells" and (r.cells["t3.carried_forward.total"]["value"] or 0) >= 1
                    and 8 <= _received(r) <= 60 and not r.planted
                    and any(c.note == "new_plus_carried" for c in r.checks))
    a2023 = _search("yongan2023", lambda r: build_report(r, "yongan-2023", prev=a2022, fmt="txt",
                                                         plan=["cross_year", "APP_RECEIVED"]),
                    lambda r: r.table_style == "tsv" and _rules(r) == {"cross_year.carry", "text.APP_RECEIVED"}
                    and 5 <= _received(r) <= 40 and _received_off_by_one(r))
    b2020 = _search("taihe2020", lambda r: build_report(r, "taihe-2020", fmt="md", plan=["t3_total"], year=2020,
                                                        issuer=TAIHE),
                    lambda r: any(x.startswith("t3.col_sum.") for x in _rules(r)) and 5 <= _received(r) <= 60
                    and not any(x.startswith("text.") for x in _rules(r))
                    and any(c["kind"] == "na" for c in r.cells.values()))
    c2021 = _search("jianhu2021", lambda r: build_report(r, "jianhu-2021", fmt="html", plan=[], year=2021,
                                                         issuer=JIANHU),
                    lambda r: any(c.note.startswith("scope word") and c.status == "UNCERTAIN" for c in r.checks)
                    or any(c.note == "new_plus_carried" for c in r.checks))
    d2024 = _search("nanzhang2024", lambda r: build_report(r, "nanzhang-2024", fmt="html", plan=["text.share"],
                                                           year=2024, issuer=NANZHANG),
                    lambda r: _rules(r) == {"text.share"}
                    and any(f.label == "REVIEW_CASES" and f.qualifier == "zero_claim" for f in r.facts))
    d2024.format = "docx"
    return {"yongan-2022.txt": a2022, "yongan-2023.txt": a2023, "taihe-2020.md": b2020,
            "jianhu-2021.html": c2021, "nanzhang-2024.docx": d2024}


def make_samples(out_dir: str | Path) -> list[Path]:
    """Write the sample reports and their `.truth.json` files; returns the report paths."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, report in build_samples().items():
        path = out / name
        if name.endswith(".docx"):
            write_docx(report, path)
        else:
            path.write_text(report.file_text(), encoding="utf-8", newline="\n")
        (out / (path.stem + ".truth.json")).write_text(report.to_json(file=name), encoding="utf-8", newline="\n")
        paths.append(path)
    return paths


def write_docx(report: SyntheticReport, path: Path) -> None:
    """A .docx with one paragraph per text line and the tables as real Word tables
    (merged cells for rowspan/colspan).  Reproducible: the core properties are fixed."""
    import datetime

    import docx

    document = docx.Document()
    props = document.core_properties
    props.author, props.title = "nianbao", report.issuer
    props.created = props.modified = datetime.datetime(2025, 1, 1)
    props.revision = 1
    text, pos, first = report.text, 0, True
    for start, end, grid in report.tables_at + [(len(text), len(text), None)]:
        for line in text[pos:start].split("\n"):
            if line:
                if first:
                    document.add_heading(line, level=1)
                    first = False
                else:
                    document.add_paragraph(line)
        if grid is not None:
            _docx_table(document, grid)
        pos = end
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(_fixed_zip_dates(buffer.getvalue()))


def _fixed_zip_dates(data: bytes) -> bytes:
    """Re-pack a .docx with a fixed timestamp on every member, so the bytes depend only on content."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2025, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
    return out.getvalue()


def _docx_table(document, grid: list[list[G]]) -> None:
    width = sum(c.colspan for c in grid[0])
    table = document.add_table(rows=len(grid), cols=width)
    table.style = "Table Grid"
    cells = table._cells  # looked up once: table.cell() re-reads the whole grid on every call
    occupied: set[tuple[int, int]] = set()
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in occupied:
                c += 1
            target = cells[r * width + c]
            if cell.rowspan > 1 or cell.colspan > 1:
                target = target.merge(cells[(r + cell.rowspan - 1) * width + c + cell.colspan - 1])
            target.text = cell.text
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    occupied.add((r + dr, c + dc))
            c += cell.colspan
