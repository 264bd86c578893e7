"""HTML pages: visible text, one line per block, and real tables as tab-separated rows.

* ``<head>``, ``<script>``, ``<style>``, ``<noscript>``, ``<template>``, comments and elements
  a browser hides (``hidden``, inline ``display:none``) are dropped.
* Block elements (``p``, ``div``, ``li``, ``h1``–``h6``, ``tr``, …) end a line; ``<br>`` always
  breaks the line; inline elements (``span``, ``b``, ``font``, ``a``, nested or not) flow.
  A ``<p>`` written inside a ``<p>`` closes the open one, as in a browser (HTML parsing rules).
* Runs of ASCII whitespace collapse to one space as a browser shows them.  ``&nbsp;`` is kept
  as U+00A0 (the normalised-text rule keeps no-break spaces as printed), so indentation made
  of ``&nbsp;`` survives at the start of a line.  Inside ``<pre>`` the text is shown as written,
  so its line breaks, spaces and tabs stay (a report pasted into a page as plain text, its
  tables as tab- or space-aligned rows).
* A ``<table>`` becomes one line per row, cells separated by a tab
  (`normalise.table_rows_to_text`), with ``rowspan``/``colspan`` expanded into a full grid
  where the covered positions are empty strings.  Inside a cell, a line break (``<p>``,
  ``<br>``) between two CJK characters is dropped (`normalise.join_cjk_cell_lines`), others
  become a space.  A layout table (one cell, or a table that holds another table) is read
  as ordinary blocks.  A ``<caption>`` is a line above its rows.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag

from nianbao.ingest.encoding import decode
from nianbao.ingest.normalise import join_cjk_cell_lines, normalise_text, table_rows_to_text
from nianbao.report import Report

_DROPPED = {"head", "script", "style", "noscript", "template", "title", "meta", "link", "iframe", "svg", "object"}
_BLOCKS = {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog",
    "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
    "h6", "header", "hr", "html", "li", "main", "nav", "ol", "p", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}
_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""", re.I)
_SPACES = re.compile(r"[ \t\n\r\f]+")  # ASCII whitespace only: U+00A0 and U+3000 stay
_MAX_SPAN = 1000  # a rowspan/colspan beyond this is a typo, not a table


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first 4 KB (``<meta charset>``, http-equiv, ``<?xml``)."""
    head = data[:4096]
    match = _CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def convert(path: str, data: bytes, doc_id: str) -> Report:
    decoded = decode(data, path, declared=declared_charset(data))
    soup = BeautifulSoup(decoded.text, "lxml")
    text = normalise_text(html_to_text(soup))
    return Report(doc_id=doc_id, source=path, format="html", text=text,
                  encoding=decoded.encoding, warnings=list(decoded.warnings))


def html_to_text(soup: BeautifulSoup | Tag) -> str:
    lines = _Lines()
    _walk(soup, lines)
    return lines.text()


class _Lines:
    """Collects inline text into lines; blocks end a line only if it has content.  `verbatim`
    (the inside of a ``<pre>``): text keeps its whitespace, and only its line breaks and
    ``<br>`` end a line."""

    def __init__(self, verbatim: bool = False) -> None:
        self.lines: list[str] = []
        self.current: list[str] = []
        self.verbatim = verbatim

    def add(self, text: str) -> None:
        if not self.verbatim:
            self.current.append(text)
            return
        first, *rest = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.current.append(first)
        for piece in rest:
            self.hard_break()
            self.current.append(piece)

    def soft_break(self) -> None:
        if self.verbatim:
            return
        line = self._line()
        if line:
            self.lines.append(line)
        self.current = []

    def hard_break(self) -> None:  # <br>: the line ends even when it is empty
        self.lines.append(self._line())
        self.current = []

    def add_block(self, block: str) -> None:
        if self.verbatim:
            self.add(block)
            return
        self.soft_break()
        self.lines.append(block)

    def _line(self) -> str:
        if self.verbatim:
            return "".join(self.current)
        return _SPACES.sub(" ", "".join(self.current)).strip(" ")

    def text(self) -> str:
        if self.verbatim:
            return "\n".join([*self.lines, self._line()])
        self.soft_break()
        return "\n".join(self.lines)


def _walk(node: Tag, lines: _Lines) -> None:
    """The text of `node`'s children in document order, depth first with a stack of its own, so
    that a page nested thousands of elements deep reads like any other."""
    pending: list[Iterator[PageElement] | None] = [iter(node.children)]  # None: a block ends here
    while pending:
        children = pending[-1]
        if children is None:
            pending.pop()
            lines.soft_break()
            continue
        child = next(children, None)
        if child is None:
            pending.pop()
            continue
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            if type(child) is NavigableString:  # skips CData, doctype, processing instructions
                lines.add(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        name = child.name.lower()
        if name in _DROPPED or _hidden(child):
            continue
        if name == "br":
            lines.hard_break()
        elif name == "pre":
            inner = _Lines(verbatim=True)
            _walk(child, inner)
            lines.add_block(inner.text().removeprefix("\n"))  # a browser drops a line break right after <pre>
        elif name == "table" and _is_data_table(child):
            caption = child.find("caption")
            if caption is not None and caption.find_parent("table") is child:
                lines.add_block(html_to_text(caption))
            lines.add_block(table_rows_to_text(table_grid(child)))
        elif name in _BLOCKS:
            lines.soft_break()
            pending.extend((None, iter(child.children)))
        else:
            pending.append(iter(child.children))


def _hidden(tag: Tag) -> bool:
    """Not shown by a browser: the ``hidden`` attribute or an inline ``display:none``."""
    style = re.sub(r"\s+", "", str(tag.get("style", ""))).lower()
    return tag.has_attr("hidden") or "display:none" in style


def _own_rows(table: Tag) -> list[Tag]:
    rows = []
    for tr in table.find_all("tr"):
        if tr.find_parent("table") is table:
            rows.append(tr)
    return rows


def _own_cells(tr: Tag) -> list[Tag]:
    return [c for c in tr.find_all(["td", "th"], recursive=False)]


def _is_data_table(table: Tag) -> bool:
    """A table of data, not one used for page layout (single cell, or holding tables)."""
    if table.find("table") is not None:
        return False
    cells = sum(len(_own_cells(tr)) for tr in _own_rows(table))
    return cells > 1


def table_grid(table: Tag) -> list[list[str]]:
    """The table as a full grid: a spanned cell's text at its top-left, '' where it covers."""
    grid: dict[tuple[int, int], str] = {}
    rows = _own_rows(table)
    for r, tr in enumerate(rows):
        c = 0
        for cell in _own_cells(tr):
            while (r, c) in grid:
                c += 1
            rowspan = _span(cell, "rowspan")
            colspan = _span(cell, "colspan")
            for dr in range(rowspan):
                for dc in range(colspan):
                    grid.setdefault((r + dr, c + dc), "")
            grid[(r, c)] = _cell_text(cell)
            c += colspan
    if not grid:
        return []
    height = max(r for r, _ in grid) + 1
    width = max(c for _, c in grid) + 1
    return [[grid.get((r, c), "") for c in range(width)] for r in range(height)]


def _span(cell: Tag, attr: str) -> int:
    match = re.match(r"\s*(\d+)", str(cell.get(attr, "1")))
    value = int(match.group(1)) if match else 1
    return min(max(value, 1), _MAX_SPAN)


def _cell_text(cell: Tag) -> str:
    return join_cjk_cell_lines(html_to_text(cell))
