"""The nearest of several characters before or after a position, read outward from it, and the
items of a sorted list that start in a stretch of text."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nianbao.scan import first_of, indices_starting_in, last_of, starting_in

TEXTS = st.text(alphabet="，。；;\n报告年x", max_size=400)
CHARS = st.sampled_from(["，。", "；;", "\n", "。；;\n", "报", "z"])


@given(TEXTS, CHARS, st.sampled_from(["", "年x" * 3000]), st.data())
def test_last_of_finds_what_the_rightmost_rfind_finds(text, chars, padding, data):
    text = padding + text  # far from the start, it reads back in steps
    end = data.draw(st.integers(0, len(text) + 2))
    start = data.draw(st.integers(0, end))
    assert last_of(text, chars, end) == max(text.rfind(ch, 0, end) for ch in chars)
    assert last_of(text, chars, end, start) == max(text.rfind(ch, start, end) for ch in chars)


@given(TEXTS, CHARS, st.data())
def test_first_of_finds_what_the_leftmost_find_finds(text, chars, data):
    start = data.draw(st.integers(0, len(text) + 2))
    end = data.draw(st.integers(start, len(text) + 4))
    found = [i for i in (text.find(ch, start) for ch in chars) if i != -1]
    assert first_of(text, chars, start) == (min(found) if found else -1)
    found = [i for i in (text.find(ch, start, end) for ch in chars) if i != -1]
    assert first_of(text, chars, start, end) == (min(found) if found else -1)


def test_the_nearest_separator_far_back_in_a_long_text_is_found():
    text = "总体情况。" + "全年公开信息52条" * 5000 + "，其中"
    assert last_of(text, "。；;", len(text)) == 4
    assert first_of(text, "。；;", 5) == -1


@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 5))), st.integers(-5, 60), st.integers(-5, 60))
def test_starting_in_takes_every_item_that_starts_in_the_stretch_and_no_other(spans, start, end):
    items = sorted((s, s + n) for s, n in spans)  # mentions as (start, end), in text order
    assert list(starting_in(items, start, end, lambda m: m[0])) == [m for m in items if start <= m[0] < end]
    assert list(indices_starting_in(items, start, end, lambda m: m[0])) == [
        k for k, m in enumerate(items) if start <= m[0] < end]
