"""Split a run of digits that flattened web text glued together into cells.

``898989`` may be 89|89|89 or 8|98|989 or …: `splits` lists every reading of a run as
`n` well-formed numbers (no leading zeros, a sign only at the start of a number, a unit
only at the end of a blank-separated group: ``0件 0件``, a change word only at its start:
``增加2``; full-width digits and thousands commas read as printed).  A blank inside the run (``230 000023``) is a
cell boundary the printer left, so no number crosses it.  Choosing among the readings is
the table's job: it knows the identities the numbers must satisfy.

>>> run = "230 000023"
>>> [" ".join(run[a:b] for a, b in s) for s in splits(run, 7)]
['2 30 0 0 0 0 23', '23 0 0 0 0 0 23', '230 0 0 0 0 2 3']
>>> len(splits("35-15", 2))
1
"""
from __future__ import annotations

import re

from nianbao.tables.cells import UNITS

# no "-0", no "07"; thousands grouped by commas ("1,385")
_PIECE = re.compile(r"[+\-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?|[+\-]?[1-9]\d*(?:\.\d+)?|0(?:\.\d+)?|[+\-]0\.\d+")
_HALF_WIDTH = str.maketrans("０１２３４５６７８９．＋－", "0123456789.+-")  # one character for one: spans hold
_NA_PIECES = frozenset({"—", "——", "/", "／"})  # printed for "not applicable"; a lone "-" too
_UNIT = re.compile("(?:" + "|".join(sorted(UNITS, key=len, reverse=True)) + ")$")
_CHANGE_WORD = re.compile(r"增加|减少|增|减")  # 本年增/减 in words before its number: "减少3"
MAX_READINGS = 20000
MAX_DIGITS = 14  # no cell in these tables is longer

Span = tuple[int, int]


def splits(run: str, n: int) -> list[list[Span]]:
    """Every reading of `run` as `n` numbers, as (start, end) spans into `run`.

    Returns [] when there is no reading, and at most MAX_READINGS readings.
    """
    groups = []  # (start of its digits, end of its digits, end with its unit, start with its change word)
    for m in re.finditer(r"[^\s\u3000\xa0]+", run):
        word = _CHANGE_WORD.match(run, m.start(), m.end())
        first = word.end() if word and word.end() < m.end() else m.start()  # "增加2": the word goes with its number
        unit = _UNIT.search(run, first, m.end())
        groups.append((first, unit.start() if unit and unit.start() > first else m.end(), m.end(), m.start()))
    if not groups:
        return []
    digits = run.translate(_HALF_WIDTH)  # full-width digits (１２) read as the digits they are
    out: list[list[Span]] = []
    after = [sum(b - a for a, b, _, _ in groups[g + 1:]) for g in range(len(groups))]  # chars in later groups

    def rec(g: int, pos: int, left: int, acc: list[Span]) -> None:
        start, end, unit_end, word_start = groups[g]
        chars = end - pos + after[g]
        if len(out) >= MAX_READINGS or chars < left or chars > left * MAX_DIGITS:
            return  # every cell takes at least one character and at most MAX_DIGITS
        if pos == end:
            closed = acc[:-1] + [(acc[-1][0], unit_end)]  # the group's unit goes with its last number
            if g + 1 == len(groups):
                if left == 0:
                    out.append(closed)
                return
            if left >= len(groups) - g - 1:
                rec(g + 1, groups[g + 1][0], left, closed)
            return
        if left == 0:
            return
        for stop in range(pos + 1, min(end, pos + MAX_DIGITS) + 1):
            if _PIECE.fullmatch(digits, pos, stop) is None and not _na(digits, pos, stop, end):
                continue
            acc.append((word_start if pos == start else pos, stop))
            rec(g, stop, left - 1, acc)
            acc.pop()

    rec(0, groups[0][0], n, [])
    return out


def _na(run: str, pos: int, stop: int, end: int) -> bool:
    piece = run[pos:stop]
    if piece == "-":  # a dash closing a group is not a minus sign
        return stop == end
    return piece in _NA_PIECES
