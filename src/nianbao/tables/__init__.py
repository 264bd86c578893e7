"""The three standard tables (表二, 表三, 表四) read from a report's normalised text.

>>> tables = parse(report.text, report.sections)       # doctest: +SKIP
>>> tables["t3"].cells["t3.new_received.total"].value  # doctest: +SKIP
98

Tables are found by their own headings and header words; `sections` are only a hint and
may be wrong; a table printed as nothing but its values under its section heading (header
words lost) is read in the template's order (`bare`).  A table the report lacks is absent
from the result; a table read only in part has ``complete=False`` and says why in ``notes``.
Cells keep what was printed and, where it could be located, its offsets:
``text[cell.start:cell.end] == cell.raw``.
"""
from __future__ import annotations

from nianbao.report import Section, Table
from nianbao.tables import bare, t2, t3, t4
from nianbao.tables.region import find_regions

_PARSERS = {"t2": t2.parse, "t3": t3.parse, "t4": t4.parse}


def parse(text: str, sections: list[Section] | None = None) -> dict[str, Table]:
    """{"t2"|"t3"|"t4": Table} for the tables printed in `text`."""
    tables: dict[str, Table] = {}
    regions = find_regions(text)
    printed_bare = bare.find(text, regions)  # tables printed as bare values under their heading
    for table_id, (start, end) in regions.items():
        # a table's region runs up to the next table it found; one printed bare under its heading ends it
        end = min([end] + [p.start for p in printed_bare.values() if start < p.start < end])
        tables[table_id] = _PARSERS[table_id](text, start, end)
        printed = bare.within(table_id, text, start, end) if not tables[table_id].cells else None
        if printed:  # header words kept, the row labels lost: the values alone, in template order
            tables[table_id] = bare.parse(table_id, text, printed)
    for table_id, printed in printed_bare.items():
        tables[table_id] = bare.parse(table_id, text, printed)
    return {k: tables[k] for k in sorted(tables)}
