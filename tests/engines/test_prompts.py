"""What the model is asked for the conclusion (FORMAT.md, part 7): what happens next where a fact
says, else the main news in one sentence, never a retelling of the whole brief."""

from __future__ import annotations

import re
from pathlib import Path

from briefpress.engines.prompts import PartSpec, part_specs, prompt_facts
from briefpress.plan import is_stock

from .conftest import make_run
from .test_contract import TAKAICHI

NEXT = """The council approved a 4.2 million dollar cycle lane network on Tuesday.
-
The plan adds 18 kilometres of protected lanes along the river.
-
Construction is expected to start next spring, the council said.
"""


def _conclusion(text: str) -> tuple[PartSpec, dict[str, str]]:
    """The conclusion's request, and each fact's short id by its text."""
    _, outline = make_run(text)
    alias = {f.text: f"F{i}" for i, f in enumerate(prompt_facts(outline), start=1)}
    alias_of = {f.id: alias[f.text] for f in prompt_facts(outline)}
    return part_specs(outline, alias_of)["conclusion"], alias


def _cites(instruction: str, short_id: str) -> bool:
    return re.search(rf"\b{short_id}\b", instruction) is not None


def test_a_brief_that_says_what_comes_next_is_concluded_with_it() -> None:
    spec, alias = _conclusion(NEXT)
    assert "what happens next" in spec.instruction
    assert _cites(spec.instruction, alias["Construction is expected to start next spring, the council said."])
    assert not _cites(spec.instruction, alias["The council approved a 4.2 million dollar cycle lane network on Tuesday."])


def test_otherwise_the_main_news_in_one_sentence_not_the_brief_retold() -> None:
    spec, alias = _conclusion(TAKAICHI)
    assert spec.max_sentences == 1 and "main news" in spec.instruction
    cited = [text for text, short_id in alias.items() if _cites(spec.instruction, short_id)]
    assert cited == [text for text in alias if text.startswith("Japan’s new Prime Minister")]


SUSSEX = (Path(__file__).resolve().parents[1] / "golden" / "briefs" / "sussex-fire-services.txt").read_text("utf-8")


def test_a_stock_section_question_is_not_put_to_the_model() -> None:
    # Asked to answer "What else is there to know about the Syrian government?" over Aleppo's
    # bombardment, the local model wrote that the Syrian government had come under it.
    _, outline = make_run(SUSSEX)
    alias_of = {f.id: f"F{i}" for i, f in enumerate(prompt_facts(outline), start=1)}
    specs = part_specs(outline, alias_of)
    questions = [(part.question, specs[f"sections[{i}].answer"].instruction) for i, part in enumerate(outline.sections)]
    stock = [(q, ask) for q, ask in questions if is_stock(q)]
    own = [(q, ask) for q, ask in questions if not is_stock(q)]
    assert stock and own  # "What is the latest on Katy Bourne?", "What did East Sussex's fire authority say?"
    assert all(q not in ask and ask.startswith("Write ") and "keeps the subject its fact has" in ask for q, ask in stock)
    assert all(f'Answer the question "{q}"' in ask for q, ask in own)
