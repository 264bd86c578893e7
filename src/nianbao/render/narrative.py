"""The narrative with every fact highlighted by label, through spaCy's displaCy (manual mode).

Facts whose spans overlap (one 未 stating REVIEW_CASES and LITIGATION_CASES) become one
highlight carrying every label and an anchor per fact, so ``#fact-<index>`` always lands
on the fact's words.
"""
from __future__ import annotations

from html import escape

from nianbao.facts.catalogue import catalogue
from nianbao.render.style import FAMILY_COLOURS, worst
from nianbao.report import Report

TEMPLATE = (
    '<mark class="entity fact fam-{family} {status_class}" id="{anchor}" data-label="{label}" title="{tip}" '
    'style="background: {bg}; padding: 0.2em 0.3em; margin: 0 0.1em; line-height: 1; border-radius: 0.3em;">'
    '{more_anchors}{text}<span class="fact-label">{label}</span></mark>'
)


def fact_groups(report: Report, start: int, end: int) -> list[list[int]]:
    """Indices of the facts inside [start, end), grouped where their spans overlap."""
    inside = sorted((i for i, f in enumerate(report.facts) if start <= f.start and f.end <= end),
                    key=lambda i: (report.facts[i].start, report.facts[i].end))
    groups: list[list[int]] = []
    reach = -1
    for i in inside:
        fact = report.facts[i]
        if groups and fact.start < reach:
            groups[-1].append(i)
            reach = max(reach, fact.end)
        else:
            groups.append([i])
            reach = fact.end
    return groups


def highlight(report: Report, start: int, end: int, fact_status: dict[int, str]) -> str:
    """displaCy markup of ``report.text[start:end]`` with its facts highlighted."""
    displacy = _displacy()
    labels = catalogue()
    ents, colours = [], {}
    for group in fact_groups(report, start, end):
        facts = [report.facts[i] for i in group]
        names = list(dict.fromkeys(f.label for f in facts))
        label = "+".join(names)
        family = labels[names[0]].family if names[0] in labels else "E"
        colours[label] = FAMILY_COLOURS.get(family, "#ddd")
        status = worst(fact_status[i] for i in group if i in fact_status)
        tip = "；".join(_tip(report, i, fact_status.get(i)) for i in group)
        ents.append({
            "start": min(f.start for f in facts) - start,
            "end": max(f.end for f in facts) - start,
            "label": label,
            "params": {
                "anchor": f"fact-{group[0]}",
                "more_anchors": "".join(f'<span id="fact-{i}"></span>' for i in group[1:]),
                "family": family,
                "status_class": f"st-{status}" if status else "",
                "tip": escape(tip, quote=True),
            },
        })
    doc = {"text": report.text[start:end], "ents": ents, "title": None}
    options = {"template": TEMPLATE, "colors": colours}
    return displacy.render(doc, style="ent", manual=True, page=False, options=options)


def _displacy():
    """spaCy's displaCy, loaded only when a page is drawn, and without torch: spaCy's thinc
    imports torch whenever it is installed (about 2.5 s here), and drawing spans needs none
    of it.  A process that already has torch keeps it."""
    import sys

    if "torch" in sys.modules or "spacy" in sys.modules:
        from spacy import displacy

        return displacy
    sys.modules["torch"] = None  # `import torch` raises ImportError: thinc takes torch as absent
    try:
        from spacy import displacy
    finally:
        del sys.modules["torch"]
    return displacy


def _tip(report: Report, index: int, status: str | None) -> str:
    fact = report.facts[index]
    info = catalogue().get(fact.label)
    zh = info.zh if info else ""
    value = "" if fact.value is None else f" = {fact.value:g}{fact.unit or ''}"
    return f"#{index} {fact.label} {zh}{value} ({fact.qualifier})" + (f" → {status}" if status else "")
