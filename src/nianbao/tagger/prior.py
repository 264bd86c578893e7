"""The rules prior: what the catalogue's cue rules say about each character, as model input.

The tagger does not have to rediscover from a few hundred real spans what the catalogue
already knows (收到…申请 is APP_RECEIVED, 浏览量 is VIEWS).  Each character gets the tag
the rules baseline (`nianbao.facts.rules`) would give it — ``B-X``/``I-X`` inside a fact
the rules find, ``O`` elsewhere — in the model's own tag scheme, and the model adds a
learned embedding of that tag to the character's embedding (`Tagger.prior`).  Training
blanks the prior of a share of windows (``prior_dropout``), so the model also learns to
read the text without it and can overrule the rules where the context says otherwise.

Where the rules give one span two labels (a zero cue for 复议 and 诉讼) the prior takes the
first in catalogue order, as the training labels do (`nianbao.tagger.data.window_labels`).
"""
from __future__ import annotations

from collections.abc import Sequence

from nianbao.tagger.data import TagScheme

NAME = "rules"  # the only prior there is; recorded in tagger.json and the config


def prior_tags(text: str, exclusions: Sequence[tuple[int, int]], scheme: TagScheme, candidates=None) -> list[int]:
    """One tag id per character of `text`: the rules baseline's reading, ``O`` (0) where it has none
    (`candidates`: the text's `find_candidates` when the caller has them already)."""
    from nianbao.facts.rules import extract_facts

    order = {label: i for i, label in enumerate(scheme.labels)}
    owner: dict[tuple[int, int], str] = {}
    for fact in extract_facts(text, list(exclusions), candidates):
        key = (fact.start, fact.end)
        if fact.label in order and (key not in owner or order[fact.label] < order[owner[key]]):
            owner[key] = fact.label
    tags = [scheme.index["O"]] * len(text)
    for (start, end), label in sorted(owner.items()):
        if any(tags[i] for i in range(start, end)):
            continue  # overlapping readings: the earlier one stands
        tags[start] = scheme.index[f"B-{label}"]
        for i in range(start + 1, end):
            tags[i] = scheme.index[f"I-{label}"]
    return tags
