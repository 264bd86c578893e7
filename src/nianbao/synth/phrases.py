"""The writing context shared by the narrative modules, and the template mechanics.

A sentence is a template string with ``{slot}`` holes; `Ctx.say` writes it, turning each
slot into a gold span (`Q`), a zero-claim cue stating one or more facts (`Z`), or plain
text (a `str`).  A planted disagreement is written here too: when a label is in
`Ctx.plant`, the next quantity of that label that reconciles with a table states a wrong
number, exactly, and is recorded.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Any

from nianbao.synth.numerals import Quantity, render
from nianbao.synth.truth import Expectation, TextBuilder

_SLOT = re.compile(r"\{(\w+)\}")


@dataclass
class Q:
    """A quantity slot: a rendered `Quantity` with its label and table cells."""

    label: str
    quantity: Quantity
    cells: list[str] = field(default_factory=list)
    scope: str | None = None
    combined: bool = False
    planted: bool = False  # states a deliberately wrong number


@dataclass
class Z:
    """A zero-claim cue (未/无/没有) stating value 0 for each of `labels`."""

    cue: str
    labels: list[str]
    cells: list[list[str]] = field(default_factory=list)


@dataclass
class Ctx:
    rng: random.Random
    b: TextBuilder
    year: int
    layout: str
    issuer: str
    me: str  # how the issuer calls itself: 我局, 本机关, 我街道 …
    kind: str  # street | town | county | city | bureau
    truth: dict[str, Any]  # drawn value of every table cell (blank cells included)
    printed: dict[str, dict[str, Any]]  # the cells as printed (kind number | empty | na)
    fmt: str = "txt"
    plant: set[str] = field(default_factory=set)  # labels still to plant a wrong number for
    planted_facts: list[int] = field(default_factory=list)  # indices of facts written wrong
    used: set[str] = field(default_factory=set)  # labels already written (avoid repeats)
    arithmetic: list[Expectation] = field(default_factory=list)  # text.sum / text.share checks
    big: bool = False
    domain: str = "gov"

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def pick(self, options):
        return self.rng.choice(options)

    def value(self, cells: list[str]) -> int | float:
        return sum(self.truth[c] for c in cells)

    def q(self, label: str, cells: list[str], unit: str | None, *, value: int | float | None = None,
          scope: str | None = None, combined: bool = False, **kw) -> Q:
        """A quantity for `label`; its true value is the sum of `cells` unless given."""
        true = self.value(cells) if value is None else value
        readable = all(self.printed[c]["kind"] == "number" for c in cells)
        if cells and readable and label in self.plant and scope is None and not combined:
            self.plant.discard(label)
            printed = sum(self.printed[c]["value"] for c in cells)
            avoid = {true, printed}  # the table may print something else than was drawn (a planted cell)
            over = self.printed["t3.carried_over.total"]["value"] or 0
            if label == "APP_RECEIVED":  # must fail the 新收 + 结转 reading too
                avoid |= {true + over, printed + over}
            wrong = _wrong(true, self.rng)
            while wrong in avoid:
                wrong = _wrong(true, self.rng)
            return Q(label, render(wrong, unit, self.rng, style="digits", qualifier="exact"), cells, planted=True)
        if cells and true < 50:
            kw.setdefault("qualifier", "exact")
        return Q(label, render(true, unit, self.rng, **kw), cells, scope, combined)

    def free(self, label: str, value: int | float, unit: str | None, **kw) -> Q:
        """A quantity with no table side."""
        return Q(label, render(value, unit, self.rng, **kw))

    def say(self, template: str, **slots: Q | Z | str) -> None:
        pos = 0
        for m in _SLOT.finditer(template):
            self.b.add(template[pos:m.start()])
            self._slot(slots[m.group(1)])
            pos = m.end()
        self.b.add(template[pos:])

    def _slot(self, slot: Q | Z | str) -> None:
        if isinstance(slot, str):
            self.b.add(slot)
        elif isinstance(slot, Q):
            q = slot.quantity
            self.b.add_fact(q.text, slot.label, q.value, q.unit, q.qualifier, slot.cells, slot.scope, slot.combined)
            if slot.planted:
                self.planted_facts.append(len(self.b.facts) - 1)
            self.used.add(slot.label)
        else:
            for i, label in enumerate(slot.labels):
                cells = slot.cells[i] if slot.cells else []
                self.b.add_fact(slot.cue, label, 0, None, "zero_claim", cells, share_span=i > 0)
                self.used.add(label)

    def line(self, text: str = "") -> None:
        """End the current line; in HTML a paragraph never is empty, so no blank lines."""
        if self.fmt == "html" and not text and self.b.ends_with_newline():
            return
        self.b.add(text + "\n")

    def heading(self, text: str, level: int) -> None:
        """A section (level 1) or subsection (level 2) heading on its own line."""
        if self.fmt == "md":
            text = "#" * (level + 1) + " " + text
        self.line(text)

    def fact_index(self) -> int:
        return len(self.b.facts)


def _wrong(true: int | float, rng: random.Random) -> int | float:
    """A stated number that disagrees with `true` under an exact reading."""
    if isinstance(true, float) and not true.is_integer():
        return round(true * rng.choice((0.9, 1.1, 1.25)), 2)
    true = int(true)
    if true < 100:
        delta = rng.choice((1, 1, 2, 3, 10))
    else:
        delta = rng.choice((1, 7, 10, max(1, true // rng.choice((10, 20, 50)))))
    if true - delta < 0 or rng.random() < 0.5:
        return true + delta
    return true - delta
