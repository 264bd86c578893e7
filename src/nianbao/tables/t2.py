"""表二 主动公开政府信息情况, in the layout it is printed in ("2019" or "2021").

The layout is told by the header words (本年新制作数量 … vs 本年制发件数 …).  Table 二
has no identities, so a run of glued digits (``规范性文件898989``) is only read when it
has one reading; otherwise its cells are left out and the table says so.  A page
excerpt that stops inside the table gives the cells printed before the cut
(`rows.leading_cells`); glued digits at the cut are not read, as the cut may have taken
digits off their end.  A row of a stream of cells that prints fewer values than its
columns (the copy dropped its blank cells) gives its first value only (`rows.short_row`).
A row printed as its label on one line and its values on the next is one row
(`tokens.attach_value_lines`).
"""
from __future__ import annotations

from nianbao.report import Table
from nianbao.tables.cells import make_cell
from nianbao.tables.ids import T2_LAYOUT_CUES, T2_PUBLISHED_TOTAL, T2_ROWS, squash
from nianbao.tables.rows import (agree, at_cut, cut_row, leading_cells, read_rows, readings, short_row, truncated,
                                 zeros)
from nianbao.tables.tokens import attach_value_lines, blocks, table_shape


def parse(text: str, start: int, end: int) -> Table:
    region = text[start:end]
    words = squash(region)  # header words may be broken over lines: 本年新\n制作数量
    layout = max(T2_LAYOUT_CUES, key=lambda k: (sum(bool(c.search(words)) for c in T2_LAYOUT_CUES[k]), k == "2019"))
    specs = T2_ROWS[layout]
    table = Table(id="t2", layout=layout, start=start, end=end)
    labelled, _ = read_rows(attach_value_lines(blocks(text, start, end, specs)), at_cut(text, end))
    labelled.sort(key=lambda r: r.printed_empty)  # a row printed with values wins over its label alone
    cut = cut_row(labelled, text) if at_cut(text, end) else None
    seen: set[str] = set()
    used = []
    for read in labelled:
        spec = read.spec
        if spec is None or spec.id in seen:
            continue
        options = readings(read, len(spec.columns))
        if read is cut and any(t.run for t in read.toks) and all(zeros(o) for o in options):
            pass  # glued zeros ("00"): a cut cannot have taken digits off a 0, so they are read
        elif read is cut and (any(t.run for t in read.toks) or not options or truncated(options[0][-1], text)):
            options = [] if any(t.run for t in read.toks) else [leading_cells(read, len(spec.columns), text)]
            table.notes.append(f"“{spec.name}”行在文本末尾中断，只读出{len(options[0]) if options else 0}个单元格")
        first_only = short_row(read, len(spec.columns)) if not options and read is not cut else []
        if first_only:
            options = [first_only]
            table.notes.append(f"“{spec.name}”行只印出{len(read.toks)}个数值（空白单元格在文本中丢失），"
                               "只取第一个，记入第一列")
        if not options or not options[0]:
            continue
        used.append(read)
        seen.add(spec.id)
        cells = agree(options)
        for column, cell in zip(spec.columns, cells):
            if cell is not None:
                table.cells[f"t2.{spec.id}.{column}"] = cell
        if len(options) > 1:
            raw = "".join(t.text for t in read.toks).strip()
            table.notes.append(f"“{spec.name}”行的数字“{raw}”连在一起，有{len(options)}种拆法，表二无勾稽关系可定，未取值")
    order = [f"t2.{s.id}.{c}" for s in specs for c in s.columns]
    table.cells = {k: table.cells[k] for k in order if k in table.cells}
    missing = [s.name for s in specs if s.id not in seen]
    if missing:
        table.notes.append("未读到以下各行的数值：" + "、".join(missing))
    table.complete = len(table.cells) == sum(len(s.columns) for s in specs)
    if not table.complete and at_cut(text, end):
        table.notes.append("表二在文本末尾中断（页面摘录不全），只取已印出的单元格")
    table.shape = table_shape((tok for read in used for tok in read.toks), (r.shape for r in used if r.printed_empty))
    total = T2_PUBLISHED_TOTAL.search(region)
    if total:
        table.cells["t2.published_total"] = make_cell(total["raw"], start + total.start("raw"))
    return table
