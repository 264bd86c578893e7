"""Gold annotations of the narrative facts (FACTS.md): loading, checking and writing them.

>>> from nianbao.annotation import load_gold          # doctest: +SKIP
>>> gold = load_gold("pt2021")                        # doctest: +SKIP
>>> gold.text[gold.spans[0].start:gold.spans[0].end] == gold.spans[0].text  # doctest: +SKIP
True
"""
from nianbao.annotation.gold import GoldDoc, GoldSpan, iter_gold, load_gold, source_text

__all__ = ["GoldDoc", "GoldSpan", "iter_gold", "load_gold", "source_text"]
