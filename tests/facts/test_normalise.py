from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nianbao.facts.normalise import Quantity, chinese_to_int, in_base_unit, parse_quantity

CN = "零一二三四五六七八九"


def render_chinese(n: int, short_ten: bool = False) -> str:
    """The standard counting form: 1010 → 一千零一十, 100020000 → 一亿零二万."""
    if n == 0:
        return "零"

    def group(g: int) -> str:
        out, zero = "", False
        for unit, d in zip(("千", "百", "十", ""), f"{g:04d}"):
            if d == "0":
                zero = bool(out)
            else:
                out += ("零" if zero else "") + CN[int(d)] + unit
                zero = False
        return out

    out, gap = "", False
    for big, g in (("亿", n // 10**8), ("万", n // 10**4 % 10**4), ("", n % 10**4)):
        if g == 0:
            gap = bool(out)
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += group(g) + big
        gap = False
    if short_ten and out.startswith("一十"):
        out = out[1:]
    return out


@pytest.mark.parametrize(
    "span, expected",
    [
        ("98件", Quantity(98, "件", "exact")),
        ("180余条", Quantity(180, "条", "at_least")),
        ("180 余条", Quantity(180, "条", "at_least")),
        ("近45.9万", Quantity(459000, None, "approx")),
        ("5948人", Quantity(5948, "人", "exact")),
        ("356415次", Quantity(356415, "次", "exact")),
        ("8951人次", Quantity(8951, "人次", "exact")),
        ("2.9亿元", Quantity(290000000, "元", "exact")),
        ("4068.208万元", Quantity(40682080, "元", "exact")),
        ("96%", Quantity(96, "%", "exact")),
        ("50.98％", Quantity(50.98, "%", "exact")),
        ("超八成", Quantity(80, "%", "more_than")),
        ("9.5成", Quantity(95, "%", "exact")),
        ("一件", Quantity(1, "件", "exact")),
        ("两场", Quantity(2, "场", "exact")),
        ("十二个", Quantity(12, "个", "exact")),
        ("一千二百", Quantity(1200, None, "exact")),
        ("１２件", Quantity(12, "件", "exact")),
        ("1,048条", Quantity(1048, "条", "exact")),
        ("1，048条", Quantity(1048, "条", "exact")),
        ("0件", Quantity(0, "件", "exact")),
        ("未", Quantity(0, None, "zero_claim")),
        ("没有", Quantity(0, None, "zero_claim")),
        ("无", Quantity(0, None, "zero_claim")),
        ("约300人", Quantity(300, "人", "approx")),
        ("300人左右", Quantity(300, "人", "approx")),
        ("100人以上", Quantity(100, "人", "at_least")),
        ("突破1万人次", Quantity(10000, "人次", "at_least")),
        ("超2000条", Quantity(2000, "条", "more_than")),
        ("逾百家", Quantity(100, "家", "more_than")),
        ("3万余人", Quantity(30000, "人", "at_least")),
        ("10余万元", Quantity(100000, "元", "at_least")),
        ("二〇二〇年", Quantity(2020, "年", "exact")),
        ("3千万人次", Quantity(30_000_000, "人次", "exact")),
        ("超过1.5千万次", Quantity(15_000_000, "次", "more_than")),
        ("4百万次", Quantity(4_000_000, "次", "exact")),
    ],
)
def test_spans_from_facts_md_and_seeds_normalise(span, expected):
    assert parse_quantity(span) == expected


@pytest.mark.parametrize(
    "span, expected",
    [
        ("46条次", Quantity(46, "条", "exact")),
        ("7篇次", Quantity(7, "篇", "exact")),
        ("300余条次", Quantity(300, "条", "at_least")),
        ("9则", Quantity(9, "条", "exact")),
    ],
)
def test_items_counted_per_time_or_per_notice_read_as_items(span, expected):
    """Real pages count published items as 条次, articles as 篇次 and notices as 则; each is a
    whole span whose unit is the item's, so it meets a 条 or 篇 total and the table's items."""
    assert parse_quantity(span) == expected


@pytest.mark.parametrize("span, expected", [("百分之百", Quantity(100, "%", "exact")),
                                            ("约百分之九十五", Quantity(95, "%", "approx")),
                                            ("百分之99.5", Quantity(99.5, "%", "exact"))])
def test_a_share_written_in_words_reads_as_a_percent(span, expected):
    assert parse_quantity(span) == expected


def test_whole_values_are_ints_not_floats():
    assert type(parse_quantity("45.9万").value) is int
    assert type(parse_quantity("2.9亿元").value) is int


@pytest.mark.parametrize("text", ["", "信息", "第", "2020-", "98件件"])
def test_text_that_is_not_a_quantity_span_raises(text):
    with pytest.raises(ValueError):
        parse_quantity(text)


@pytest.mark.parametrize(
    "numeral, value",
    [("零", 0), ("十", 10), ("十二", 12), ("二十", 20), ("一百零五", 105), ("一千二", 1200),
     ("两万三", 23000), ("一亿二千万", 120_000_000), ("二〇二〇", 2020), ("壹佰贰拾", 120)],
)
def test_chinese_numerals_read_as_written(numeral, value):
    assert chinese_to_int(numeral) == value


def test_money_in_wan_yuan_converts_to_yuan_for_comparison():
    assert in_base_unit(4068.208, "万元") == (40682080, "元")
    assert in_base_unit(2.9, "亿元") == (290000000, "元")
    assert in_base_unit(98, "件") == (98, "件")


@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_chinese_numeral_round_trip(n, short_ten):
    assert chinese_to_int(render_chinese(n, short_ten)) == n
    assert parse_quantity(render_chinese(n, short_ten) + "件").value == n


FULL = str.maketrans("0123456789", "０１２３４５６７８９")


@given(st.integers(min_value=0, max_value=10**12), st.sampled_from([",", "，", ""]), st.booleans())
def test_arabic_numbers_with_separators_and_full_width_round_trip(n, sep, full_width):
    text = f"{n:,}".replace(",", sep)
    if full_width:
        text = text.translate(FULL)
    assert parse_quantity(text + "条") == Quantity(n, "条", "exact")


QUALIFIER_FORMS = [
    ("", "", "", "exact"), ("约", "", "", "approx"), ("近", "", "", "approx"),
    ("", "", "左右", "approx"), ("", "余", "", "at_least"), ("", "多", "", "at_least"),
    ("", "", "以上", "at_least"), ("突破", "", "", "at_least"), ("超", "", "", "more_than"),
    ("超过", "", "", "more_than"), ("逾", "", "", "more_than"),
]


@given(
    st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False),
    st.sampled_from(["", "万", "亿"]),
    st.sampled_from(QUALIFIER_FORMS),
    st.sampled_from(["件", "条", "个", "项", "篇", "人", "次", "人次", "场", "期", "笔", "元", "家", "份", "%", "批次"]),
)
def test_value_qualifier_and_unit_round_trip(number, magnitude, form, unit):
    pre, mid, post, qualifier = form
    text = f"{pre}{number}{mid}{magnitude}{unit}{post}"
    scaled = number * {"": 1, "万": 10**4, "亿": 10**8}[magnitude]
    q = parse_quantity(text)
    assert (Decimal(str(q.value)), q.unit, q.qualifier) == (scaled, unit, qualifier)


def test_a_chinese_numeral_keeps_its_own_inner_magnitudes():
    assert parse_quantity("一万三千件").value == 13000
    assert parse_quantity("五亿零三百万件").value == 503000000
    assert parse_quantity("三十余万人").value == 300000
    assert parse_quantity("五百分点").unit == "百分点"
