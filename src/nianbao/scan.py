"""Finding the nearest of several characters before or after a position in a text.

`max(text.rfind(ch, 0, pos) for ch in chars)` reads the whole text before `pos` for every
character of `chars` that does not occur there, so called once per number it made a long
document (a volume of many reports bound in one file) quadratic in its length.  `last_of`
reads outward from the position in growing steps and stops at the first step that holds one
(near the start of a text it reads as before); `first_of` is one search for any of them.  The
results are those of the `rfind`/`find` expressions they replace.  `starting_in` takes the items
of a sorted list that start in a stretch of text by bisection, not by reading them all
(`indices_starting_in`: their places).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import repeat

_NEAR = 4096  # up to this far back, one `rfind` per character costs less than stepping
_FIRST_STEP = 64


def last_of(text: str, chars: str, end: int, start: int = 0) -> int:
    """The index of the last of `chars` in ``text[start:end]``, or -1 (the largest
    ``text.rfind(ch, start, end)``)."""
    if end - start <= _NEAR:
        return max(text.rfind(ch, start, end) for ch in chars)
    hi = min(end, len(text))
    lo = max(start, hi - _FIRST_STEP)
    found = max(map(text.rfind, chars, repeat(lo), repeat(hi)))
    while found == -1 and lo > start:
        lo, hi = max(start, lo - 4 * (hi - lo)), lo
        found = max(map(text.rfind, chars, repeat(lo), repeat(hi)))
    return found


def first_of(text: str, chars: str, start: int, end: int | None = None) -> int:
    """The index of the first of `chars` in ``text[start:end]``, or -1 (the smallest
    ``text.find(ch, start, end)`` that finds one)."""
    found = _any_of(chars).search(text, start, len(text) if end is None else end)
    return found.start() if found else -1


@lru_cache(maxsize=64)
def _any_of(chars: str) -> re.Pattern:
    return re.compile("[" + re.escape(chars) + "]")


def starting_in(items: Sequence, start: int, end: int, key: Callable[[object], int]) -> Sequence:
    """The items whose start (`key`; the items sorted by it) lies in ``[start, end)``."""
    where = indices_starting_in(items, start, end, key)
    return items[where.start:where.stop]


def indices_starting_in(items: Sequence, start: int, end: int, key: Callable[[object], int]) -> range:
    """The places in `items` of those `starting_in` gives (for a caller that replaces them)."""
    return range(bisect_left(items, start, key=key), bisect_left(items, end, key=key))
