"""PDF files with a text layer: pages in order, text in reading order.

Each page's characters and paths are read with PDFium (`pdf_objects`, docs/pdf.md), and
pdfplumber's table finder and line reader run on them.  Per page, the ruled tables found are
written in their place as one line per row with tab-separated cells
(`normalise.table_rows_to_text`; cells a merge covers are empty), and the rest of the text as
lines, ordered top to bottom.  A table split across pages simply continues on the next page
(the table parser joins the parts).

Choices that make the text faithful and readable by the later stages:

* Only stroked rectangles and ruling lines make table borders.  Word processors (WPS) paint
  a white, unstroked background box behind every narrative line; taken as borders they
  would turn the narrative into one-column "tables".
* Inside a table cell, a line break between two CJK characters is dropped and so is a
  space between two CJK characters (``结果\\n维持`` → ``结果维持``, ``总 计`` → ``总计``,
  a vertical label ``三\\n、\\n本\\n年…`` → ``三、本年…``); other breaks become a space.
* Narrative lines wrapped by the page width are joined back into their paragraph: a line
  that reaches the right margin continues onto the next line when that line starts at the
  left margin (a new paragraph is indented) in the same font size (a title is set larger),
  unless either line looks like a row of an unruled table (it ends in three or more numbers set
  apart) or the next line starts a heading (``一、`` ``（一）`` ``1.`` ``第…条``).  Joining adds
  no character, except a space between two Latin letters or digits.  Paragraphs continue across
  a page break too.
* A page-number line (``- 1 -``, ``第 1 页``) alone at the top or bottom of a page is dropped.

An encrypted PDF, a PDF without a text layer (scanned), one whose fonts map their glyphs to no
characters and a damaged PDF raise `InputError`.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from nianbao.body import PAGE_NUMBER
from nianbao.errors import InputError
from nianbao.ingest.normalise import join_cjk_cell_lines, normalise_text, table_rows_to_text
from nianbao.ingest.pdf_objects import PdfPage, centre_in, read_pages
from nianbao.report import Report

_BARE_NUMBER = re.compile(r"^\s*\d{1,4}\s*$")
_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef"
_CJK_SPACE = re.compile(rf"(?<=[{_CJK}]) +(?=[{_CJK}])")
_ROW_END = re.compile(r"(?:(?:^|\s)[-+]?\d[\d,.]*%?){3,}\s*$")  # ends in 3+ numbers apart: cell values
_HEADING_START = re.compile(r"\s*(?:[一二三四五六七八九十]{1,2}、|[（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}[、．.](?!\d)|第[一二三四五六七八九十\d]+[条章部节])")


@dataclass
class _Item:
    top: float
    text: str
    is_table: bool
    x0: float = 0.0
    x1: float = 0.0
    size: float = 0.0


def convert(path: str, data: bytes, doc_id: str) -> Report:
    import pypdfium2 as pdfium

    try:
        pdf_pages = read_pages(data)
    except pdfium.PdfiumError as err:
        raise _open_error(path, err) from err
    unmapped, chars = sum(page.unmapped for page in pdf_pages), sum(len(page.chars) for page in pdf_pages)
    if unmapped > chars:
        raise InputError(path, "the PDF's fonts carry no Unicode text (its characters have no code points): "
                               "run OCR first")
    if chars == 0:
        raise InputError(path, "no text layer (a scanned PDF): run OCR first")
    text = normalise_text(_join_pages([_page_items(page) for page in pdf_pages]))
    return Report(doc_id=doc_id, source=path, format="pdf", text=text)


def _open_error(path: str, err: Exception) -> InputError:
    import pypdfium2.raw as pdfium_c

    if getattr(err, "err_code", None) in (pdfium_c.FPDF_ERR_PASSWORD, pdfium_c.FPDF_ERR_SECURITY):
        return InputError(path, "encrypted PDF: decrypt it first")
    return InputError(path, f"corrupt PDF: it cannot be parsed ({_describe(err)})")


def _describe(err: Exception) -> str:
    detail = str(err).strip()
    return f"{type(err).__name__}: {detail}"[:160] if detail else type(err).__name__


def _page_items(page: PdfPage) -> list[_Item]:
    ruled = page.filter(_is_ruling)
    tables = ruled.find_tables()
    boxes = [t.bbox for t in tables]
    items = [_Item(t.bbox[1], table_rows_to_text(_clean_rows(ruled.table_rows(t))), True) for t in tables]
    items = [i for i in items if i.text.strip()]
    outside = page.filter(lambda obj: obj.get("object_type") != "char" or not _inside(obj, boxes))
    for line in outside.extract_text_lines():
        size = max((c["size"] for c in line.get("chars", [])), default=0.0)
        items.append(_Item(line["top"], line["text"], False, line["x0"], line["x1"], size))
    items.sort(key=lambda i: i.top)
    return _drop_page_numbers(items, page.height)


def _is_ruling(obj) -> bool:
    """Lines and stroked boxes draw table borders; an unstroked filled box is a background."""
    if obj.get("object_type") != "rect":
        return True
    thin = min(obj["width"], obj["height"]) < 2
    return bool(obj.get("stroke")) or thin


def _inside(obj, boxes) -> bool:
    return any(centre_in(obj, box) for box in boxes)


def _clean_rows(rows: list[list[str | None]]) -> list[list[str]]:
    out = []
    for row in rows:
        cells = [_CJK_SPACE.sub("", join_cjk_cell_lines(cell or "")).strip() for cell in row]
        if any(cells):
            out.append(cells)
    return out


def _drop_page_numbers(items: list[_Item], height: float) -> list[_Item]:
    lines = [i for i in items if not i.is_table]
    drop = set()
    for item in lines[:1] + lines[-1:]:  # only the first or last line of a page
        at_edge = item.top < height * 0.1 or item.top > height * 0.88
        if PAGE_NUMBER.match(item.text) or (at_edge and _BARE_NUMBER.match(item.text)):
            drop.add(id(item))
    return [i for i in items if id(i) not in drop]


def _join_pages(pages: list[list[_Item]]) -> str:
    lines = [i for items in pages for i in items if not i.is_table]
    left, right = _left_edge([i.x0 for i in lines]), _right_edge([i.x1 for i in lines])
    out: list[str] = []
    previous: _Item | None = None
    for items in pages:
        for item in items:
            if item.is_table or previous is None or previous.is_table or not _continues(previous, item, left, right):
                out.append(item.text)
            else:
                out[-1] = _glue(out[-1], item.text)
            previous = item
    return "\n".join(out)


def _left_edge(x0s: list[float]) -> float:
    """Where the text block starts: the leftmost start shared by two or more lines (3 pt bins),
    so a single stray line does not move the margin."""
    bins = Counter(int(x // 3) for x in x0s)
    shared = [b for b, n in bins.items() if n >= 2]
    return min(shared) * 3.0 if shared else min(x0s, default=0.0)


def _right_edge(x1s: list[float]) -> float:
    """Where full lines end: the rightmost end shared by two or more lines (3 pt bins)."""
    bins = Counter(int(x // 3) for x in x1s)
    shared = [b for b, n in bins.items() if n >= 2]
    return max(shared) * 3.0 + 3.0 if shared else max(x1s, default=0.0)


def _continues(previous: _Item, item: _Item, left: float, right: float) -> bool:
    """`item` wraps on from `previous`: that line filled the width and this one is not indented,
    both are set in one font size, neither looks like a row of an unruled table, and `item` does
    not start a heading."""
    em = previous.size or 12.0
    if previous.x1 < right - 1.5 * em or item.x0 > left + 0.5 * em or abs(item.size - previous.size) > 0.1 * em:
        return False
    return not (_looks_like_row(previous.text) or _looks_like_row(item.text) or _HEADING_START.match(item.text))


def _looks_like_row(text: str) -> bool:
    return _ROW_END.search(text) is not None


def _glue(head: str, tail: str) -> str:
    if head[-1:].isascii() and head[-1:].isalnum() and tail[:1].isascii() and tail[:1].isalnum():
        return f"{head} {tail}"
    return head + tail
