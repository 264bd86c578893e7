"""Cutting glued digits of flattened tables into cells."""
from __future__ import annotations

from nianbao.tables.digits import splits


def readings(run: str, n: int) -> list[str]:
    return [" ".join(run[a:b] for a, b in s) for s in splits(run, n)]


def test_seven_digits_for_seven_cells_have_one_reading():
    assert readings("7000007", 7) == ["7 0 0 0 0 0 7"]


def test_no_number_has_a_leading_zero():
    assert readings("007", 3) == ["0 0 7"]


def test_a_blank_inside_the_run_is_a_cell_boundary():
    assert readings("230 000023", 7) == ["2 30 0 0 0 0 23", "23 0 0 0 0 0 23", "230 0 0 0 0 2 3"]
    assert readings("11", 1) == ["11"]
    assert readings("1 1", 1) == []


def test_a_minus_sign_starts_a_cell():
    assert readings("35-15", 2) == ["35 -15"]


def test_unit_stays_on_the_last_number():
    got = readings("13575394432.52元", 2)
    assert "135 75394432.52元" in got and len(got) > 1


def test_not_applicable_marks_are_cells_of_their_own():
    assert readings("—00", 3) == ["— 0 0"]


def test_no_reading_when_digits_are_too_few():
    assert readings("00000", 7) == []


def test_seventeen_digits_into_fifteen_cells_lists_every_reading():
    got = readings("10203120001200000", 15)
    assert "1 0 2 0 3 12 0 0 0 12 0 0 0 0 0" in got and len(got) > 1


def test_a_signed_zero_is_never_a_reading():
    assert readings("-01", 2) == []
    assert readings("3-", 2) == ["3 -"]  # a closing dash prints "not applicable"
