"""How a quantity is written: digits, Chinese numerals, full-width digits, separators,
万/亿 magnitudes and the qualifiers of FACTS.md §2.

`render` turns a true count into the words a report would print and returns what those
words *state* (value and qualifier), which is what the gold fact records.  The stated
value is chosen so that it agrees with the true count under its qualifier (余 ≤ true,
超 < true, 约 within 10 %), so a generated fact never disagrees by accident.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from decimal import Decimal

_DIGITS = "零一二三四五六七八九"
_FULLWIDTH = str.maketrans("0123456789.", "０１２３４５６７８９．")

# qualifier word → (position, FACTS.md qualifier)
PREFIX_QUALIFIERS = {"近": "approx", "约": "approx", "超": "more_than", "超过": "more_than",
                     "逾": "more_than", "突破": "at_least"}
SUFFIX_QUALIFIERS = {"余": "at_least", "多": "at_least"}  # between number and unit
TRAILING_QUALIFIERS = {"以上": "at_least", "左右": "approx"}  # after the unit


@dataclass(frozen=True)
class Quantity:
    """The printed words of one quantity and what they state (value whole → int; the unit
    as FACTS.md normalises it, ％ → %)."""

    text: str
    value: int | float
    unit: str | None
    qualifier: str

    def __post_init__(self) -> None:
        if isinstance(self.value, float) and self.value.is_integer():
            object.__setattr__(self, "value", int(self.value))
        if self.unit == "％":
            object.__setattr__(self, "unit", "%")


def chinese_numeral(n: int, two: bool = True) -> str:
    """0–9999 in Chinese numerals (十二, 二十三, 一百零五); 两 for a lone 2 when `two`."""
    if not 0 <= n < 10000:
        raise ValueError(n)
    if n == 2 and two:
        return "两"
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for power, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = n // power % 10
        if d:
            if zero:
                out += "零"
            out += _DIGITS[d] + name
            zero = False
        elif out:
            zero = True
    return out


def number_text(value: int | float, rng: random.Random, plain: bool = False) -> str:
    """Digits for a value, sometimes full-width or with thousands separators."""
    text = _plain(value)
    if plain:
        return text
    roll = rng.random()
    if value >= 1000 and float(value).is_integer() and roll < 0.25:
        return f"{int(value):,}"
    if roll > 0.93:
        return text.translate(_FULLWIDTH)
    return text


def _plain(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, float):
        return format(Decimal(str(value)).normalize(), "f")
    return str(value)


def _magnitude(value: int, rng: random.Random, nearest: bool = False) -> tuple[str, Decimal, str] | None:
    """Write a big count as X.Y万 / X.Y亿: (number text, stated count, magnitude word).

    Rounded down (so 余/超 stay true), or to the nearest within 5 % when `nearest` (约)."""
    if value >= 100_000_000 and rng.random() < 0.7:
        scale, word = Decimal(100_000_000), "亿"
    elif value >= 10_000:
        scale, word = Decimal(10_000), "万"
    else:
        return None
    decimals = rng.choice((0, 1, 1, 2))
    while True:
        q = Decimal(1).scaleb(-decimals)
        stated = (Decimal(value) / scale).quantize(q, rounding="ROUND_HALF_UP" if nearest else "ROUND_FLOOR")
        if not nearest or abs(stated * scale - value) <= Decimal("0.05") * stated * scale or decimals >= 4:
            break
        decimals += 1
    return _plain(float(stated)) if decimals else str(int(stated)), stated * scale, word


def _as_number(d: Decimal) -> int | float:
    return int(d) if d == d.to_integral_value() else float(d)


def render(value: int | float, unit: str | None, rng: random.Random, *, style: str | None = None,
           qualifier: str | None = None, chinese_ok: bool = True) -> Quantity:
    """Write the true `value` with its `unit` (measure word) in one of the report's ways.

    `style` forces "digits" | "chinese" | "magnitude"; `qualifier` forces one of
    exact/approx/at_least/more_than.  Decimal values (rates, amounts) are written as digits.
    """
    integral = float(value).is_integer()
    if style is None:
        roll = rng.random()
        if integral and chinese_ok and 0 < value <= 30 and roll < 0.22:
            style = "chinese"
        elif integral and value >= 10_000 and roll < 0.5:
            style = "magnitude"
        else:
            style = "digits"
    if qualifier is None:
        roll = rng.random()
        round_value = integral and value >= 10 and (value >= 50 or value % 10 == 0)
        qualifier = "exact" if roll < 0.78 or not round_value else rng.choice(("approx", "at_least", "more_than"))
    unit_text = unit or ""

    if style == "chinese":
        return Quantity(chinese_numeral(int(value)) + unit_text, int(value), unit, "exact")

    if style == "magnitude":
        if qualifier == "exact":
            qualifier = rng.choice(("exact", "approx", "at_least", "more_than"))
        number, stated, word = _magnitude(int(value), rng, nearest=qualifier == "approx") or (None, None, None)
        if number is not None:
            exact = stated == value
            if exact and qualifier in ("exact", "approx"):
                return Quantity(number + word + unit_text, _as_number(stated), unit, "exact")
            if qualifier == "exact":
                qualifier = rng.choice(("approx", "at_least"))
                if qualifier == "approx":
                    number, stated, word = _magnitude(int(value), rng, nearest=True)
            return _qualified(number + word, _as_number(stated), unit, qualifier, rng, exact)

    number = number_text(value, rng)
    if qualifier == "exact" or not integral:
        return Quantity(number + unit_text, value, unit, "exact")
    stated = _rounded_near(int(value)) if qualifier == "approx" else _rounded_down(int(value))
    if stated == value and qualifier == "more_than":
        stated = value - 1 if value > 10 else value
        if stated == value:
            qualifier = "at_least"
    return _qualified(number_text(stated, rng), stated, unit, qualifier, rng, stated == value)


def _rounded_near(value: int) -> int:
    """The roundest number within 5 % of `value` (so 约/近/左右 stays within 10 %)."""
    for step in (1000, 100, 10):
        near = round(value / step) * step
        if near and abs(near - value) <= 0.05 * near:
            return near
    return value


def _rounded_down(value: int) -> int:
    for step in (1000, 100, 10):
        if value >= step * 5:
            return value // step * step
    return value


def _qualified(number: str, stated: int | float, unit: str | None, qualifier: str,
               rng: random.Random, equal: bool) -> Quantity:
    unit_text = unit or ""
    if qualifier == "approx":
        word = rng.choice(("近", "约", "约", "左右"))
        if word == "左右":
            return Quantity(number + unit_text + "左右", stated, unit, "approx")
        return Quantity(word + number + unit_text, stated, unit, "approx")
    if qualifier == "more_than" and not equal:
        word = rng.choice(("超", "超过", "逾"))
        return Quantity(word + number + unit_text, stated, unit, "more_than")
    # at_least (also the fallback for a "more than" that would be false)
    round_number = not isinstance(stated, int) or stated % 10 == 0
    form = rng.choice(("余", "多", "以上", "突破")) if unit_text and round_number else rng.choice(("以上", "突破"))
    if form in SUFFIX_QUALIFIERS:
        return Quantity(number + form + unit_text, stated, unit, "at_least")
    if form == "以上":
        return Quantity(number + unit_text + "以上", stated, unit, "at_least")
    return Quantity("突破" + number + unit_text, stated, unit, "at_least")
