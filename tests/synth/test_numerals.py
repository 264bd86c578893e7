"""How quantities are written and what they state."""
from __future__ import annotations

import random

import pytest

from nianbao.synth.checks import agrees
from nianbao.synth.numerals import chinese_numeral, render


@pytest.mark.parametrize("n,text", [(1, "一"), (2, "两"), (10, "十"), (12, "十二"), (23, "二十三"),
                                    (105, "一百零五"), (1010, "一千零一十")])
def test_chinese_numerals(n, text):
    assert chinese_numeral(n) == text


@pytest.mark.parametrize("value", [3, 12, 49, 55, 684, 1234, 45912, 99999, 1234567, 290000000])
def test_stated_value_agrees_with_the_true_count_under_its_qualifier(value):
    for seed in range(400):
        q = render(value, "件", random.Random(seed))
        assert agrees(q.value, q.qualifier, value), q


def test_magnitudes_multiply_into_the_stated_value():
    seen = {}
    for seed in range(300):
        q = render(459000, "人", random.Random(seed), style="magnitude", qualifier="exact")
        seen[q.text] = q
    assert seen["45.9万人"].value == 459000 and seen["45.9万人"].qualifier == "exact"


def test_qualifier_words_sit_inside_the_span():
    texts = {render(180, "条", random.Random(s), qualifier="at_least").text for s in range(200)}
    assert {"180余条", "180多条", "180条以上"} <= texts
