"""Names and their aliases."""

from __future__ import annotations

import pytest

from briefpress.verify.names import NameIndex, extract

SOURCES = NameIndex([
    "Mayor Ana Ruiz met the Prime Minister of the United States on Friday.",
    "The Australian Competition and Consumer Commission said Japanese carmakers agreed.",
    "Officials in the U.K. welcomed the deal.",
])


@pytest.mark.parametrize("name", ["Ruiz", "Ana Ruiz", "Mayor Ruiz", "U.S.", "US", "America", "PM", "ACCC",
                                  "Japan", "Britain", "United Kingdom", "the Prime Minister"])
def test_aliases_resolve(name: str) -> None:
    assert SOURCES.contains(name)


@pytest.mark.parametrize("name", ["Helen Marsh", "Brookfield Institute", "Maria Ruiz", "Germany", "WHO"])
def test_invented_names_do_not(name: str) -> None:
    assert not SOURCES.contains(name)


def test_capitalised_runs_are_found_without_a_model() -> None:
    found = [n.text for n in extract("The plan, said Dr. Helen Marsh of the Brookfield Institute, will work.")]
    assert "Dr. Helen Marsh" in found and "Brookfield Institute" in found


def test_title_case_headlines_do_not_make_every_word_a_name() -> None:
    assert extract("Riverton Approves Cycle Lane Network After Long Dispute") == []
