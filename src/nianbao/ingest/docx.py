"""Word .docx files (python-docx): paragraphs and tables in body order.

Each non-empty paragraph is one line, as Word holds it (a tab inside a paragraph stays a
tab).  A table becomes one line per row with the cells separated by a tab
(`normalise.table_rows_to_text`).  A merged cell (``gridSpan`` across, ``vMerge`` down) is
written once, at its top-left grid position; the positions it covers are empty strings.
Inside a cell, a paragraph break between two CJK characters is dropped
(`normalise.join_cjk_cell_lines`); other breaks become a space.
"""
from __future__ import annotations

import io
import zipfile

from nianbao.errors import InputError
from nianbao.ingest.normalise import join_cjk_cell_lines, normalise_text, table_rows_to_text
from nianbao.report import Report


def convert(path: str, data: bytes, doc_id: str) -> Report:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as err:
        raise InputError(path, f"corrupt docx: Word cannot open it ({type(err).__name__}: {err})") from err
    except Exception as err:  # lxml syntax errors and the like inside a damaged package
        raise InputError(path, f"corrupt docx: its XML cannot be read ({type(err).__name__})") from err
    blocks = list(_blocks(document.element.body, document))
    text = normalise_text("\n".join(b for b in blocks if b.strip()))
    return Report(doc_id=doc_id, source=path, format="docx", text=text)


def _blocks(container, document):
    from docx.oxml.ns import qn
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in container.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, document).text
        elif child.tag == qn("w:tbl"):
            yield table_rows_to_text(table_grid(Table(child, document)))
        elif child.tag == qn("w:sdt"):  # content controls wrap ordinary paragraphs and tables
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content, document)


def table_grid(table) -> list[list[str]]:
    """Rows of cell text; a merged cell's text once, '' at every position it covers."""
    rows = []
    for row in table.rows:
        cells = [None] * row.grid_cols_before + list(row.cells) + [None] * row.grid_cols_after
        rows.append(cells)
    width = max((len(r) for r in rows), default=0)
    grid: list[list[str]] = []
    for r, cells in enumerate(rows):
        cells = cells + [None] * (width - len(cells))
        out = []
        for c, cell in enumerate(cells):
            if cell is None:
                out.append("")
                continue
            left = cells[c - 1] if c > 0 else None
            above = rows[r - 1][c] if r > 0 and c < len(rows[r - 1]) else None
            covered = any(other is not None and other._tc is cell._tc for other in (left, above))
            out.append("" if covered else join_cjk_cell_lines(cell.text))
        grid.append(out)
    return grid
