"""The Label Studio labelling config, generated from the fact catalogue.

One ``<Label>`` per catalogue label; its value is the label id (what the results carry),
its hint the Chinese name and what it counts; the colour comes from the label's family.
"""
from __future__ import annotations

import colorsys
from xml.sax.saxutils import quoteattr

from nianbao.facts import catalogue

FROM_NAME = "label"  # the <Labels> control: results carry it as from_name
TO_NAME = "text"  # the <Text> object: results carry it as to_name

# one hue per family (degrees); labels of a family get lighter and darker shades of it
_FAMILY_HUES = {"A": 0, "B": 210, "C": 120, "D": 35, "E": 280}


def family_colours() -> dict[str, str]:
    """Label -> ``#rrggbb``; labels of one family share a hue."""
    by_family: dict[str, list[str]] = {}
    for info in catalogue.catalogue().values():
        by_family.setdefault(info.family, []).append(info.label)
    colours = {}
    for family, members in by_family.items():
        hue = _FAMILY_HUES.get(family, (len(_FAMILY_HUES) * 67) % 360) / 360
        for i, label in enumerate(members):
            lightness = 0.38 + 0.34 * (i / max(1, len(members) - 1))
            r, g, b = colorsys.hls_to_rgb(hue, lightness, 0.65)
            colours[label] = f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
    return colours


def label_config() -> str:
    """The ``<View>`` XML for a span-labelling project over the catalogue's labels."""
    colours = family_colours()
    lines = [
        "<View>",
        '  <Header value="$doc"/>',
        f'  <Labels name="{FROM_NAME}" toName="{TO_NAME}" showInline="true">',
    ]
    for info in catalogue.catalogue().values():
        hint = f"{info.zh}：{info.counts}"
        lines.append(
            f"    <Label value={quoteattr(info.label)} hint={quoteattr(hint)} "
            f"background={quoteattr(colours[info.label])}/>"
        )
    lines += [
        "  </Labels>",
        f'  <Text name="{TO_NAME}" value="$text" granularity="symbol"/>',
        "</View>",
    ]
    return "\n".join(lines) + "\n"
