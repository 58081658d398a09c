"""Figures: normalised values, units and qualifiers."""

from __future__ import annotations

import pytest

from briefpress.verify import figures as fig


def one(text: str) -> fig.Figure:
    found = fig.extract(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("five percent", 5, "percent"),
        ("5%", 5, "percent"),
        ("5 per cent", 5, "percent"),
        ("$550 billion", 550e9, "money:USD"),
        ("550 billion dollars", 550e9, "money:USD"),
        ("£3.5bn", 3.5e9, "money:GBP"),
        ("4.2 million euros", 4.2e6, "money:EUR"),
        ("twenty-five people", 25, ""),
        ("1,200 members", 1200, ""),
        ("in 2027", 2027, "year"),
        ("the 3rd time", 3, "ordinal"),
        ("a third straight win", 3, "ordinal"),
        ("on March 5", 305, "date"),
        ("on 5 March", 305, "date"),
        ("on Tuesday", 2, "weekday"),
        ("2 percentage points", 2, "pp"),
    ],
)
def test_extract_normalises_value_and_unit(text: str, value: float, unit: str) -> None:
    f = one(text)
    assert f.value == pytest.approx(value)
    assert f.unit == unit


def test_words_and_digits_are_the_same_figure() -> None:
    a, b = one("five percent"), one("5%")
    assert fig.units_compatible(a.unit, b.unit) and fig.same_value(a, b)


def test_a_bound_the_source_lacks_is_a_different_figure() -> None:
    over, up_to, plain = one("over 4%"), one("up to 4%"), one("4%")
    assert over.qualifier == ">" and up_to.qualifier == "<"
    assert not fig.qualifier_compatible(over, up_to)
    assert not fig.qualifier_compatible(over, plain)
    assert fig.qualifier_compatible(plain, over)


def test_over_four_is_not_up_to_five() -> None:
    assert not fig.same_value(one("over 4%"), one("up to 5%"))


def test_counts_keep_their_noun() -> None:
    assert one("18 kilometres of lanes").noun == one("18 km of lanes").noun
    assert one("18 shops").noun != one("18 kilometres").noun


def test_money_is_not_a_percentage() -> None:
    assert not fig.units_compatible("money:USD", "percent")
    assert fig.units_compatible("money:USD", "")


def test_codes_and_the_verb_may_are_not_figures() -> None:
    assert fig.extract("The F-35 and COVID-19 and G7 may stay.") == []
