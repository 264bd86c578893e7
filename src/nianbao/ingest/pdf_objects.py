"""A PDF page's characters and painted paths, read with PDFium, as pdfplumber's objects.

pdfplumber finds ruled tables and text lines well, but reads a page through pdfminer, whose
content-stream interpreter is pure Python: most of a PDF's reading time.  PDFium (the
`pypdfium2` wheel pdfplumber already depends on) reads the same page in a fraction of the time.
`read_pages` gives each page's objects in pdfplumber's own terms, measured the way pdfminer
measures them, so pdfplumber's table finder and line reader run on them unchanged
(docs/pdf.md):

* a character's box spans its advance across and, upwards from the font's descent below the
  baseline, its font size (pdfminer's box; not the glyph's ink), also for a font written top to
  bottom and for a character whose code point PDFium mended, where PDFium's own box differs;
* characters PDFium infers (line ends, spaces between words) are not characters of the page,
  except where the page printed a space glyph, which PDFium drops and infers in its place;
* a painted path is split into its subpaths, and each subpath is a ``line`` (one segment), a
  ``rect`` (four axis-parallel sides, closed) or a ``curve`` (anything else), as pdfminer
  classifies them; paths inside form XObjects are read with their form's placement.

Coordinates are pdfplumber's: ``top``/``bottom`` measured down from the top of the page.
"""
from __future__ import annotations

import ctypes
import math
from dataclasses import dataclass

from pdfplumber.container import Container
from pdfplumber.table import Table, TableFinder, TableSettings
from pdfplumber.utils import chars_to_textmap


_INFERRED = (0x20, 0x0D, 0x0A)  # the characters PDFium puts in itself: spaces and line ends


def _unmapped(code: int) -> bool:
    """PDFium's code for a glyph its font maps to no character: none, a replacement mark, or the
    glyph's own number, which falls among the control codes for the first glyphs of a font."""
    return code < 0x20 or code in (0xFFFD, 0xFFFE)


def centre_in(obj: dict, box: tuple[float, float, float, float]) -> bool:
    """Whether an object's centre lies in `box` (x0, top, x1, bottom), edges included."""
    x0, top, x1, bottom = box
    return x0 <= (obj["x0"] + obj["x1"]) / 2 <= x1 and top <= (obj["top"] + obj["bottom"]) / 2 <= bottom


class PdfPage(Container):
    """One page's objects (pdfplumber's ``char``, ``line``, ``rect`` and ``curve`` dicts) with
    the page's table finder and text-line reader."""

    def __init__(self, objects: dict[str, list[dict]], bbox: tuple[float, float, float, float], unmapped: int = 0):
        self._page_objects = objects
        self.bbox = bbox
        self.unmapped = unmapped  # characters whose font gives no Unicode text

    @property
    def objects(self) -> dict[str, list[dict]]:
        return self._page_objects

    @property
    def width(self) -> float:
        return self.bbox[2] - self.bbox[0]

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    def filter(self, keep) -> "PdfPage":
        return PdfPage({kind: [o for o in objs if keep(o)] for kind, objs in self.objects.items()}, self.bbox)

    def find_tables(self) -> list[Table]:
        return TableFinder(self, TableSettings.resolve(None)).tables

    def table_rows(self, table: Table) -> list[list[str | None]]:
        """A found table's rows of cell text, as pdfplumber reads them, shown only the characters
        whose centre lies in the table (pdfplumber tests every character of the page against
        every row of every table)."""
        inside = [c for c in self.chars if centre_in(c, table.bbox)]
        return Table(PdfPage({"char": inside}, self.bbox), table.cells).extract()

    def extract_text_lines(self) -> list[dict]:
        textmap = chars_to_textmap(self.chars, layout_bbox=self.bbox, layout_width=self.width,
                                   layout_height=self.height)
        return textmap.extract_text_lines(strip=True, return_chars=True)


def read_pages(data: bytes) -> list[PdfPage]:
    """Every page of a PDF (its bytes); PDFium's errors (`pypdfium2.PdfiumError`) pass through."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(data)
    try:
        pages, doctop = [], 0.0
        for index in range(len(pdf)):
            page = pdf[index]
            try:
                pages.append(_read_page(page, index + 1, doctop))
            finally:
                page.close()
            doctop += pages[-1].height
        return pages
    finally:
        pdf.close()


def _read_page(page, number: int, doctop: float) -> PdfPage:
    import pypdfium2.raw as pdfium_c

    place = _Placement.of(page.get_mediabox(), page.get_rotation(), number, doctop)
    objects: dict[str, list[dict]] = {"char": []}
    textpage = page.get_textpage()
    try:
        unmapped = _read_chars(textpage.raw, place, objects["char"])
    finally:
        textpage.close()
    _read_paths([pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(pdfium_c.FPDFPage_CountObjects(page.raw))],
                place.matrix, place, objects)
    return PdfPage(objects, place.bbox, unmapped)


@dataclass(frozen=True)
class _Placement:
    """Where a page's objects go in pdfplumber's coordinates: pdfminer's page matrix (the media
    box's corner to the origin, the page's rotation), then y measured down from the top."""

    matrix: tuple
    bbox: tuple[float, float, float, float]
    number: int
    doctop: float

    @classmethod
    def of(cls, mediabox, rotation: int, number: int, doctop: float) -> "_Placement":
        x0, x1 = sorted((mediabox[0], mediabox[2]))
        y0, y1 = sorted((mediabox[1], mediabox[3]))
        matrix = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
                  270: (0, 1, -1, 0, y1, -x0)}.get(rotation % 360, (1, 0, 0, 1, -x0, -y0))
        if rotation % 180 == 90:
            x0, y0, x1, y1 = y0, x0, y1, x1
        height = y1 - y0
        return cls(matrix, (x0, height - y1, x1, height - y0), number, doctop)

    @property
    def height(self) -> float:
        return self.bbox[3] - self.bbox[1]

    def box(self, x0: float, y0: float, x1: float, y1: float) -> dict:
        """pdfplumber's keys for a box pdfminer measures as (x0, y0)-(x1, y1)."""
        shift_x, shift_top = self.bbox[0], self.bbox[1]
        top, bottom = self.height - y1 + shift_top, self.height - y0 + shift_top
        return {"x0": x0 + shift_x, "y0": y0, "x1": x1 + shift_x, "y1": y1, "width": x1 - x0, "height": y1 - y0,
                "top": top, "bottom": bottom, "doctop": self.doctop + top, "page_number": self.number}

    def apply(self, x: float, y: float) -> tuple[float, float]:
        """A point of the page's user space in pdfminer's page coordinates."""
        a, b, c, d, e, f = self.matrix
        return x * a + y * c + e, x * b + y * d + f

    def point(self, x: float, y: float) -> tuple[float, float]:
        return x + self.bbox[0], self.height - y + self.bbox[1]


def _read_chars(textpage, place: _Placement, out: list[dict]) -> int:
    """Append the page's characters to `out`; return how many glyphs map to no character."""
    import pypdfium2.raw as pdfium_c

    box, matrix, origin_x, origin_y = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX(), ctypes.c_double(), ctypes.c_double()
    unmapped, current, descent = 0, -1, ctypes.c_float()  # current: the text object read (none yet)
    size = scale = 0.0
    vertical = upright = False
    read: list[_Char | tuple[float, float]] = []  # characters, and the places of spaces PDFium put in
    for i in range(pdfium_c.FPDFText_CountChars(textpage)):
        code = pdfium_c.FPDFText_GetUnicode(textpage, i)
        if code in _INFERRED and pdfium_c.FPDFText_IsGenerated(textpage, i) == 1:
            if code == 0x20 and pdfium_c.FPDFText_GetCharOrigin(textpage, i, origin_x, origin_y):
                read.append((origin_x.value, origin_y.value))
            continue
        if code == 0x02 and pdfium_c.FPDFText_IsHyphen(textpage, i) == 1:
            code = 0x2D  # a hyphen ending a line, which PDFium marks as its own code
        if _unmapped(code):
            unmapped += 1
            continue
        if not (pdfium_c.FPDFText_GetLooseCharBox(textpage, i, box)
                and pdfium_c.FPDFText_GetCharOrigin(textpage, i, origin_x, origin_y)):
            continue
        text_object = pdfium_c.FPDFText_GetTextObject(textpage, i)
        if ctypes.cast(text_object, ctypes.c_void_p).value != current:
            # what holds for every character of a text object: its matrix, font and size
            if not pdfium_c.FPDFText_GetMatrix(textpage, i, matrix):
                continue
            current = ctypes.cast(text_object, ctypes.c_void_p).value
            scale = math.hypot(matrix.c, matrix.d)
            font_size = pdfium_c.FPDFText_GetFontSize(textpage, i)  # in the text's own space
            size = font_size * scale  # on the page
            # a font written top to bottom places its first character below and left of the
            # text's position (the matrix); a font written across starts at it (or, kerned or
            # raised, beside it or above or below it: never both)
            vertical = min(matrix.e - origin_x.value, matrix.f - origin_y.value) > size / 100
            descent.value = 0.0
            if current:
                pdfium_c.FPDFFont_GetDescent(pdfium_c.FPDFTextObj_GetFont(text_object), font_size, descent)
            a, b, c, d, _, _ = _compose((matrix.a, matrix.b, matrix.c, matrix.d, 0.0, 0.0), place.matrix)
            upright = a * d > 0 and b * c <= 0
        if vertical:
            # PDFium's origin is the lower-left corner of pdfminer's box, one font size square
            left, bottom, right = origin_x.value, origin_y.value, origin_x.value + size
        elif abs(box.left - origin_x.value) < size / 100:
            # pdfminer's box: from the descent below the baseline at the character's start to
            # the font size above it, across the advance
            left, bottom, right = box.left, box.bottom, box.right
        else:
            # PDFium gave the glyph's ink, not its place (a character whose code point it
            # mended, such as a radical for an ideograph): the same box from the origin, an
            # ideograph one font size across
            left, bottom = origin_x.value, origin_y.value + descent.value * scale
            right = max(box.right, left + size) if code >= 0x2E80 else box.right
        read.append(_Char(chr(code), left, bottom, right, size, upright, origin_y.value))
    for k, item in enumerate(read):
        if isinstance(item, tuple):
            item = _space_between(read[k - 1] if k else None, item, read[k + 1] if k + 1 < len(read) else None)
            if item is None:
                continue
        (x0, y0), (x1, y1) = place.apply(item.left, item.bottom), place.apply(item.right, item.bottom + item.size)
        obj = place.box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        obj.update(object_type="char", text=item.text, size=obj["height"], upright=item.upright)
        out.append(obj)
    return unmapped


@dataclass(frozen=True)
class _Char:
    """A character in the page's own space: its box (left, bottom, right; font size high)."""

    text: str
    left: float
    bottom: float
    right: float
    size: float
    upright: bool
    baseline: float


def _space_between(before, space: tuple[float, float], after) -> _Char | None:
    """A space glyph of the page, which PDFium reads as a space of its own (`space`, its place, at
    or after the character before it): between two characters on one line, at most a font size
    apart, spanning the gap between them (pdfminer's space).  A wider gap (between the cells of a
    row) is no space glyph."""
    if not (isinstance(before, _Char) and isinstance(after, _Char)):
        return None
    x, y = space
    tolerance = before.size / 10
    on_line = abs(before.baseline - y) < tolerance and abs(after.baseline - y) < tolerance
    between = before.left - tolerance <= x <= after.left + tolerance
    if not (on_line and between and 0 < after.left - before.right <= before.size):
        return None
    return _Char(" ", before.right, before.bottom, after.left, before.size, before.upright, y)


def _compose(inner: tuple, outer: tuple) -> tuple:
    """The matrix that applies `inner`, then `outer` (PDF's row-vector convention)."""
    a, b, c, d, e, f = inner
    A, B, C, D, E, F = outer
    return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)


def _read_paths(handles, outer: tuple, place: _Placement, objects: dict[str, list[dict]]) -> None:
    import pypdfium2.raw as pdfium_c

    for handle in handles:
        kind = pdfium_c.FPDFPageObj_GetType(handle)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM):
            continue
        m = pdfium_c.FS_MATRIX()
        pdfium_c.FPDFPageObj_GetMatrix(handle, m)
        matrix = _compose((m.a, m.b, m.c, m.d, m.e, m.f), outer)
        if kind == pdfium_c.FPDF_PAGEOBJ_FORM:
            count = pdfium_c.FPDFFormObj_CountObjects(handle)
            _read_paths([pdfium_c.FPDFFormObj_GetObject(handle, i) for i in range(count)], matrix, place, objects)
            continue
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(handle, fill_mode, stroke)
        if not fill_mode.value and not stroke.value:
            continue
        for shape, points in _subpaths(handle, matrix):
            obj = _path_object(shape, points, place)
            if obj is not None:
                obj.update(stroke=bool(stroke.value), fill=bool(fill_mode.value))
                objects.setdefault(obj["object_type"], []).append(obj)


def _subpaths(handle, matrix: tuple) -> list[tuple[str, list[tuple[float, float]]]]:
    """The path's subpaths as pdfminer spells them (``m``, ``l``, ``c`` and ``h``), each with
    its points on the page (a ``c`` gives its end point, an ``h`` the subpath's start)."""
    import pypdfium2.raw as pdfium_c

    a, b, c, d, e, f = matrix
    x, y = ctypes.c_float(), ctypes.c_float()
    out: list[tuple[str, list[tuple[float, float]]]] = []
    bezier = 0
    for i in range(pdfium_c.FPDFPath_CountSegments(handle)):
        segment = pdfium_c.FPDFPath_GetPathSegment(handle, i)
        pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
        point = (x.value * a + y.value * c + e, x.value * b + y.value * d + f)
        kind = pdfium_c.FPDFPathSegment_GetType(segment)
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO or not out:
            out.append(("m", [point]))
            bezier = 0
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            bezier += 1
            if bezier % 3 == 0:  # two control points, then the end point
                out[-1] = (out[-1][0] + "c", out[-1][1] + [point])
        else:
            out[-1] = (out[-1][0] + "l", out[-1][1] + [point])
        if pdfium_c.FPDFPathSegment_GetClose(segment):
            out[-1] = (out[-1][0] + "h", out[-1][1] + [out[-1][1][0]])
    return out


def _path_object(shape: str, points: list[tuple[float, float]], place: _Placement) -> dict | None:
    """pdfminer's reading of one subpath: a line, a rect or a curve (None for a lone move)."""
    if len(shape) > 3 and shape[-2:] == "lh" and points[-2] == points[0]:
        shape, points = shape[:-2] + "h", points[:-2] + points[-1:]
    if len(points) < 2:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if shape in ("mlh", "ml"):
        kind = "line"
    elif shape in ("mlllh", "mllll") and points[0] == points[4] and _square(points):
        kind = "rect"
    else:
        kind = "curve"
    obj = place.box(min(xs), min(ys), max(xs), max(ys))
    obj["object_type"] = kind
    if kind == "line":
        obj["pts"] = [place.point(*p) for p in points[:2]]
    elif kind == "curve":
        obj["pts"] = [place.point(*p) for p in points]
    return obj


def _square(points: list[tuple[float, float]]) -> bool:
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = points[:4]
    return (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
