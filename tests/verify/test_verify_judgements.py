"""A sentence that adds the writer's own judgement ("a significant moment") is unsupported."""

from __future__ import annotations

from briefpress.ingest import parse
from briefpress.verify import check_sentences


def _facts(text: str):
    (_, facts), *_ = parse(text, "brief.txt", "S1")
    return facts


BRIEF = (
    "Japan’s new Prime Minister Sanae Takaichi held her first official phone call with U.S. President "
    "Donald Trump on Saturday.\n-\nThe council called the vote a historic step for the city."
)


def test_an_added_judgement_is_unsupported() -> None:
    verdict = check_sentences(
        ["Takaichi’s first official phone call with Trump was a significant moment in her administration."],
        _facts(BRIEF),
    )[0]
    assert verdict.verdict == "unsupported"
    assert ("statement", "significant") in [(r.kind, r.text) for r in verdict.reasons]


def test_a_judgement_the_sources_make_is_not_flagged() -> None:
    verdict = check_sentences(["The council called the vote a historic step for the city."], _facts(BRIEF))[0]
    assert verdict.verdict == "supported"


def test_the_same_sentence_without_the_judgement_passes() -> None:
    verdict = check_sentences(
        ["Sanae Takaichi held her first official phone call with Donald Trump on Saturday."], _facts(BRIEF)
    )[0]
    assert verdict.verdict == "supported"


def test_a_lesson_drawn_from_the_news_is_a_judgement() -> None:
    # The local engine's Ozy conclusion: "The arrest of Carlos Watson highlights the financial
    # troubles and potential fraud at Ozy Media." No source draws that lesson.
    facts = _facts("The founder of Ozy Media, Carlos Watson, was arrested on Thursday on fraud charges.\n-\n"
                   "The company hemorrhaged millions of dollars before it shut down.\n-\n"
                   "The talks highlighted shared commitments.")
    drawn, theirs = check_sentences([
        "The arrest of Carlos Watson underscores the troubles at Ozy Media.",
        "The talks highlighted shared commitments.",
    ], facts)
    assert ("statement", "underscores") in [(r.kind, r.text) for r in drawn.reasons]
    assert theirs.verdict == "supported"


def test_a_cause_no_source_gives_is_unsupported() -> None:
    # The local engine's Ozy meta description: "... was arrested because he was part of a scheme"
    # for "arrested Thursday on fraud charges as part of a scheme": the charge made a cause.
    from briefpress.verify import read_sources

    facts = read_sources([
        "The founder of Ozy Media was arrested Thursday on fraud charges as part of a scheme to prop up the company.",
        "The game was called off because of heavy rain.",
        "The two parties are due to take part in a general election in May.",
        "Starbucks is embroiled in controversy over its tax affairs after it was accused of avoiding taxes.",
    ])
    told, given, scheduled, after = check_sentences([
        "The founder of Ozy Media was arrested because he was part of a scheme to prop up the company.",
        "The game was called off because of heavy rain.",
        "The two parties are due to take part in a general election.",
        "Starbucks is embroiled in controversy over its tax affairs because it was accused of avoiding taxes.",
    ], facts)
    assert ("statement", "because") in [(r.kind, r.text) for r in told.reasons]
    assert given.verdict == "supported" and scheduled.verdict == "supported"
    assert after.verdict == "supported"  # a news "after" is read as the cause it is meant as


RIVERTON = (
    "Council of Riverton approved a 4.2 million dollar cycle lane network on Tuesday, ending a two-year dispute.\n-\n"
    "Mayor Ana Ruiz said construction starts in March.\n-\n"
    "Takaichi expressed respect for Trump’s Middle East policies.\n-\n"
    "Critics said the plan ignored shop owners."
)


def test_a_stance_no_source_reports_is_unsupported() -> None:
    # The statement score weighs a new verb lightly: all of these passed as supported before.
    invented = [
        "Mayor Ana Ruiz praised the cycle lane network.",
        "Mayor Ana Ruiz welcomed the cycle lane network.",
        "Mayor Ana Ruiz blamed shop owners for the two-year dispute.",
        "The council hailed the end of a two-year dispute.",
        "Takaichi criticized Trump’s Middle East policies.",  # "expressed respect" reversed
    ]
    verdicts = check_sentences(invented, _facts(RIVERTON))
    assert [v.verdict for v in verdicts] == ["unsupported"] * len(invented)
    stances = [next(r.text for r in v.reasons if "stance" in r.detail) for v in verdicts]
    assert stances == ["praised", "welcomed", "blamed", "hailed", "criticized"]


def test_a_stance_the_sources_report_in_another_form_passes() -> None:
    # "Critics" grounds "criticism"; the words of the fact stay supported.
    verdicts = check_sentences([
        "The plan drew criticism from critics who said it ignored shop owners.",
        "Takaichi expressed respect for Trump’s Middle East policies.",
    ], _facts(RIVERTON))
    assert not [r for v in verdicts for r in v.reasons if "stance" in r.detail]
    assert verdicts[1].verdict == "supported"
