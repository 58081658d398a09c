"""llama.cpp grammars (GBNF) for the line form of model output: ``Sentence. [F1, F3]``.

The grammar makes the model's answer readable by construction: every line is one sentence that
ends with brackets holding only ids the prompt gave, the sentence count stays within the part's
limits, and the headline cannot run past its length.
"""

from __future__ import annotations

from collections.abc import Sequence

from .request import PartSpec


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def line_grammar(spec: PartSpec, fact_ids: Sequence[str]) -> str:
    ids = " | ".join(_quote(i) for i in fact_ids) or '"F1"'
    if spec.max_chars:
        text = f"first rest{{8,{max(8, spec.max_chars - 2)}}}"
    else:
        text = "first rest{8,240}"  # bounded: a sentence must end, and its ids follow
    end = " end" if spec.final_period else ""
    lines_min, lines_max = spec.min_sentences, max(spec.min_sentences, spec.max_sentences)
    if spec.paragraphs > 1:
        per = max(1, -(-lines_max // spec.paragraphs)) + 1
        root = f'root ::= para ("\\n" para){{0,{spec.paragraphs - 1}}}\npara ::= line{{1,{per}}}'
    else:
        root = f"root ::= line{{{lines_min},{lines_max}}}"
    return "\n".join(
        [
            root,
            f'line ::= {text}{end} " [" id (", " id){{0,3}} "]\\n"',
            "first ::= [A-Z0-9\"“‘']",
            "rest ::= [^\\n\\[\\]]",
            "end ::= [.!?] [\"”’]?",
            f"id ::= {ids}",
        ]
    )
