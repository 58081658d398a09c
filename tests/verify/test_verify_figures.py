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


def test_a_sum_or_share_keeps_what_the_text_binds_it_to() -> None:
    text = "Moderna's fourth quarter revenues were $4.9bn, and the company's revenue was $5bn at a tax rate of 1%."
    measures = {f.text: f.measure_text for f in fig.extract(text) if f.unit != "ordinal"}
    assert measures == {"$4.9bn": "fourth quarter revenues", "$5bn": "revenue", "1%": "tax rate"}
    # Not bound: a figure in a list, or after a verb that does not say what it is.
    assert [f.measure for f in fig.extract("Nearly all of which - $4.9bn and $18.4bn - came from sales.")] == [(), ()]
    assert one("Sales rose 30%.").measure == ()


SOURCE = ("Moderna announced its earnings on 23 February, reporting fourth quarter revenues of $5.1bn and full year "
          "revenues of $19.3bn, nearly all of which - $4.9bn and $18.4bn, respectively - came from global sales of Spikevax.")


def test_a_figure_moved_to_what_the_source_binds_to_another_is_found() -> None:
    source = fig.extract(SOURCE)
    moved = next(f for f in fig.extract("Fourth quarter revenues were $4.9bn.") if f.measure)
    rival = fig.rival_binding(moved, source)
    assert rival is not None and rival.text == "$5.1bn"
    # The source's own binding, a figure the source sentence does not hold, and an unbound
    # figure are not moved ones.
    for sentence in ("Fourth quarter revenues were $5.1bn.", "Fourth quarter revenues were $7bn.", "Spikevax brought in $4.9bn."):
        assert all(fig.rival_binding(f, source) is None for f in fig.extract(sentence)), sentence


def test_a_figure_the_source_gives_for_part_of_the_year_keeps_its_span() -> None:
    # The local engine's Moderna section: "Spikevax has experienced a 30% decrease in sales" where
    # the source gives the 30% for the fourth quarter and a 4% increase for the full year.
    from briefpress.verify import check_sentences, read_sources

    facts = read_sources(["For the fourth quarter, the sales figure for Spikevax represented a 30% decrease from the "
                          "comparable period in 2021, while for the full year it represented only a 4% increase."])
    dropped, kept, year = check_sentences([
        "Spikevax has experienced a 30% decrease in sales compared to the comparable period in 2021.",
        "For the fourth quarter, Spikevax sales fell 30% from the comparable period in 2021.",
        "Spikevax sales rose 4% from 2021.",  # the whole year's figure reads as the year's
    ], facts)
    assert dropped.verdict == "contradicted" and "for the fourth quarter only" in dropped.reasons[0].detail
    assert kept.verdict == "supported" and year.verdict == "supported"
