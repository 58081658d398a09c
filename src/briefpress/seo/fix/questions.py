"""Questions and pronouns: the two checks the keyphrase's place in the article moves (subheadings
that name it, and its density). A question makes no claim, so no fact is touched; a pronoun for a
repeated keyphrase is written only where the verifier passes the new sentence."""

from __future__ import annotations

import re

from ...edit import Data, EditableArticle
from ...plan import CONTEXT, FACETS, OPENING_QUESTIONS, is_name, is_stock, questions_of, topic_phrase, with_topic
from ...plan.answering import answers, is_person, names_or_last_word, need_of, tells_of_someone_else
from ...plan.heads import fits
from ...plan.questions import stock_question
from ...plan.speakers import asked_speaker, same_speaker
from ...rewrite.headline import opens_on_pointer
from ...rewrite.refer import names_as_subject, pronoun_for, refer_back
from ...spec import SAID_FIRST, SAID_MORE
from ...text import whole_phrase
from .judge import Audits, Grounded, both, passes, readability_of, seo_of, too_dense
from .names import short_form, shortened
from .sizes import sentences_of

# A stock question that ends on the planner's topic: "What is the latest on bank shares?"; the
# last such word opens it ("What else is there to know about X?" keeps "to know").
_TOPIC_TAIL = re.compile(r"^(?P<head>.+)\s+(?P<prep>about|on|to|for|with)\s+(?P<topic>[^?]+)\?$")
_SAID_MORE = re.compile("^" + re.escape(SAID_MORE).replace(re.escape("{speaker}"), "(?P<who>.+)") + "$")
# The only checks a question moves.
_QUESTION_CHECKS = ("subheadingsKeyword", "keyphraseDensity")

Edit = tuple[str, str, str]  # (part, old text, new text)


def still_answered(draft: EditableArticle, part: str, sentence: str, new: str) -> bool:
    """Whether the FAQ answer ``part`` with ``new`` for ``sentence`` still holds what its question
    asks of it: "What did Mario Kreft say?" is not answered by a cut that drops his name. Only an
    FAQ answer is judged here: a section's question is asked again of its answer as it ships
    (``ask_of_answers``)."""
    if not (part.startswith("faq[") and part.endswith(".answer")):
        return True
    question = draft.get(part.replace(".answer", ".question"))
    return answers(question, [draft.get(part).replace(sentence, new)], [sentence])


def _questions(draft: EditableArticle) -> list[tuple[str, str]]:
    """The section questions, then the FAQ questions, as (path, question)."""
    return [(path, text) for path, text in draft.parts("all")
            if path.endswith(".question") and path.startswith(("sections[", "faq["))]


def fix_questions(draft: EditableArticle, grounded: Grounded | None = None) -> None:
    """Keyphrase density and subheadings: a question may give way to another that its answer's
    first sentence answers and that names the keyphrase (or, where it is named too often, does
    not), and a stock question may drop its topic ("What is the latest on bank shares?"
    becomes "What is the latest?"). A check moves only when enough questions change (Yoast wants
    the keyphrase in 30-75% of subheadings, and a density falls one mention at a time), so the
    changes are tried in runs (``_question_runs``); the run that raises the SEO score most is
    kept, where readability does not fall. With ``grounded``, the density comes down by pronouns
    too (``refer_to_keyphrase``): in each run that leaves it over its limit, and in one more run
    that changes no question."""
    ask_of_answers(draft)
    _keyphrase_questions(draft, grounded)
    _said_first(draft)


def _keyphrase_questions(draft: EditableArticle, grounded: Grounded | None) -> None:
    current = both(draft.article())
    if all(passes(r.seo, a) for r in current for a in _QUESTION_CHECKS):
        return  # the only checks a question moves already pass: spare the audits
    runs = _question_runs(draft)
    if grounded is not None:
        runs.insert(0, [])  # the questions as they are, the density brought down by pronouns alone
    best: tuple[Data, Audits, list[str]] | None = None
    best_seo = seo_of(current)
    for run in runs:
        before = draft.snapshot()
        for part, question, new in run:
            draft.replace_sentence(part, question, new)
        trial, referred = both(draft.article()), 0
        if grounded is not None and too_dense(trial):
            trial, referred = refer_to_keyphrase(draft, grounded, trial)
        if seo_of(trial) > best_seo and readability_of(trial) >= readability_of(current):
            best = (draft.snapshot(), trial, ["question"] * bool(run) + ["pronoun"] * bool(referred))
            best_seo = seo_of(trial)
        draft.restore(before)
    if best:
        draft.restore(best[0])
        draft.changes += best[2]


def _said_first(draft: EditableArticle) -> None:
    """"What else did X say?" where no question before it asks X any more (a keyphrase question
    took the first one's place) becomes "What did X say?"."""
    seen: list[str] = []
    for part, question in _questions(draft):
        m = _SAID_MORE.match(question)
        if m and not any(same_speaker(m["who"], who) for who in seen):
            first = SAID_FIRST.format(speaker=m["who"])
            if first not in {q for _, q in _questions(draft)} and draft.replace_sentence(part, question, first):
                question = first
        if who := asked_speaker(question) or (m["who"] if m else None):
            seen.append(who)


def _question_runs(draft: EditableArticle) -> list[list[Edit]]:
    """The runs of question edits to try: the keyphrase named in the first k questions, then
    dropped from the last k, for each k. A question names it only in a question its own answer's
    first sentence answers (``plan.questions_of``), never by putting it into a stock template; a
    stock question that ends on the topic may drop it ("What is the latest on X?" -> "What is the
    latest?"), or give way to a question asked of its answer."""
    keyphrase = draft.data["keyphrase"]
    names = whole_phrase(keyphrase, re.IGNORECASE)
    questions = _questions(draft)
    asked = {q for _, q in questions}
    named: list[Edit] = []
    stocked: list[Edit] = []  # the last resort, after every question asked of an answer
    dropped: list[Edit] = []
    topic = topic_phrase(keyphrase, [f["text"] for f in draft.data.get("facts", [])])
    for part, q in questions:
        forms = _asked_of_answer(draft, part, asked - {q})
        if not names.search(q):
            new = next((f for f in forms if names.search(f)), None) or _named_stock(draft, part, q, topic, asked)
            if new:
                (named if new in forms else stocked).append((part, q, new))
                asked.add(new)
            continue
        m = _TOPIC_TAIL.match(q) if is_stock(q) else None
        plain = f"{m['head']}?" if m else next((f for f in forms if not names.search(f)), None)
        if plain and plain not in asked:
            dropped.append((part, q, plain))
    # FAQ questions lose the keyphrase before section questions.
    dropped.reverse()
    # Stock questions in place of stock questions first: a question asked of its answer gives way
    # to one only where those are too few. Then those whose answer holds what they ask for (a
    # figure, a coming event) before the opening's and "what else", which ask for nothing.
    named += sorted(stocked, key=lambda edit: (not is_stock(edit[1]), need_of(edit[2]) is None))
    return [edits[:k] for edits in (named, dropped) for k in range(1, len(edits) + 1)]


def _named_stock(draft: EditableArticle, part: str, question: str, topic: str, asked: set[str]) -> str | None:
    """A stock question naming the topic that the answer's first sentence answers
    (``plan.answering``), for a heading no question asked of its answer can name it in: an FAQ
    pair's own stock question with its topic, else the key figures, what happens next or the
    reaction where the answer opens on a figure, a coming event or a reaction; a section's last
    resort is the opening's question or "what else". Who said what "about" the topic would credit
    the topic with what others said."""
    return _stock_for(draft, part, question, topic, asked) if topic else None


def _stock_for(draft: EditableArticle, part: str, question: str, topic: str, asked: set[str]) -> str | None:
    first = _answer_sentences(draft, part)[:1]
    own = with_topic(question, topic) if topic and is_stock(question) else None
    own = own if own and need_of(own) not in ("speaker", "reaction") else None
    # An FAQ pair may take its kind's FAQ question too, where a section took the other.
    facets = [f for f in FACETS if f.name in ("figures", "next", "reaction")]
    kinds = [stock_question(f.section_question, topic) for f in facets]
    kinds += [q for f in facets if (q := with_topic(f.faq_question, topic))] if part.startswith("faq") else []
    # "The key figures on Davies" over Bresnan's 68 would give one player's figures to another.
    keyphrase = draft.data["keyphrase"]
    person = bool(first) and is_person(keyphrase, [f["text"] for f in draft.data.get("facts", [])])
    someone_else = person and tells_of_someone_else(first[0], keyphrase)
    # Nor "What happens next for the Northern Irishman?" over Westwood's next week: what comes
    # next for a topic the sentence names neither by name nor by a pronoun ("This will allow
    # ...") may be another's.
    ahead = {stock_question(f.section_question, topic) for f in facets if f.name == "next"}
    ahead |= {q for f in facets if f.name == "next" and (q := with_topic(f.faq_question, topic))}
    elsewhere = bool(first) and not names_or_last_word(first[0], keyphrase) and not opens_on_pointer(first[0])
    found = [q for q in (own, *kinds) if q and q not in asked and answers(q, first) and not someone_else
             and not (elsewhere and q in ahead)]
    if found or part.startswith("faq"):
        return found[0] if found else None
    opening = OPENING_QUESTIONS[0] if is_name(keyphrase) else OPENING_QUESTIONS[1]
    new = stock_question(opening if part == "sections[0].question" else CONTEXT.section_question, topic)
    return new if new not in asked else None


def ask_of_answers(draft: EditableArticle) -> None:
    """A question its answer as written does not answer (a "When ...?" over a section's answer
    cut of its date) gives way to one the answer's first sentence answers, else to a stock
    question it answers, else to "what else": the writer's cuts come after the planner's
    questions, so the check is made again on the words that ship."""
    questions = _questions(draft)
    asked = {q for _, q in questions}
    topic = topic_phrase(draft.data["keyphrase"], [f["text"] for f in draft.data.get("facts", [])])
    for part, question in questions:
        if answers(question, _answer_sentences(draft, part)):
            continue
        forms = _asked_of_answer(draft, part, asked - {question})
        new = forms[0] if forms else _stock_for(draft, part, question, topic, asked)
        if new is None and CONTEXT.faq_question not in asked:
            new = CONTEXT.faq_question
        if new is not None and draft.replace_sentence(part, question, new):
            asked.add(new)
            draft.changes.append("question")


def _asked_of_answer(draft: EditableArticle, part: str, asked: set[str]) -> list[str]:
    """The questions the first sentence of the question's answer answers, less those that name a
    speaker the rest of the answer does not quote (``plan.heads.fits``: "What did X say?" over
    facts X did not state credits them to X) and those the answer does not answer ("When ...?"
    over an answer cut of its date)."""
    sentences = _answer_sentences(draft, part)
    forms = questions_of(sentences[0], draft.data["keyphrase"]) if sentences else ()
    return [f for f in forms if fits(f, sentences, asked, once=part.startswith("sections"))]


def _answer_sentences(draft: EditableArticle, part: str) -> list[str]:
    """The sentences of the answer to the question at ``part``."""
    answer = draft.data
    for key in part.removesuffix(".question").replace("]", "").split("."):
        name, _, index = key.partition("[")
        answer = answer[name][int(index)] if index else answer[name]
    return sentences_of(answer["answer"])


def _referrals(draft: EditableArticle) -> list[Edit]:
    """(part, sentence, rewrite) for each mention of the keyphrase that may become a pronoun (see
    ``refer``), then each that may take its short form (``names``, where the full form stands
    earlier in the block or in its question): a pronoun in a paragraph, after a sentence with the
    keyphrase as its subject or owner; or opening an answer whose question names it (an answer is
    read with its question, in FAQPage data too). Never in a summary point or a takeaway, which
    each stand alone. Body paragraphs come first, then the conclusion, FAQ and section answers:
    the news's own telling keeps its names longest."""
    keyphrase = draft.data["keyphrase"]
    facts = [f["text"] for f in draft.data.get("facts", [])]
    pronoun = pronoun_for(keyphrase, facts)
    short = short_form(keyphrase, facts)
    named = whole_phrase(keyphrase, re.IGNORECASE)
    # The conclusion and the story's later paragraphs are read after the summary: where it gives
    # the full form, they may use the short one from their first sentence (an FAQ answer stands
    # alone, and the story's first paragraph opens the story, so each keeps its own full form).
    told = bool(named.search(" ".join(draft.data.get("summary", []))))
    out, later = [], []
    for part, text, question in _answer_blocks(draft):
        sentences = sentences_of(text)
        for k, sentence in enumerate(sentences):
            # The sentence before names it as its subject, or opens the answer to a question naming
            # it with the pronoun already ("What ... Starbucks?" "It is ... It stands ...").
            before = (names_as_subject(sentences[k - 1], keyphrase)
                      or bool(k == 1 and pronoun and named.search(question)
                              and sentences[0].startswith(pronoun.subject.capitalize() + " "))
                      if k else bool(named.search(question)))
            if pronoun and before and (new := refer_back(sentence, keyphrase, pronoun)) and draft.allows(new):
                out.append((part, sentence, new))
            given = (told and part not in ("body[0]",) and not part.startswith(("faq", "sections"))
                     or bool(named.search(" ".join([question, *sentences[:k]]))))
            if short and given and (new := shortened(sentence, keyphrase, short)) and draft.allows(new):
                later.append((part, sentence, new))
    return out + later  # a pronoun first, as before; where none serves, the short form


def _answer_blocks(draft: EditableArticle) -> list[tuple[str, str, str]]:
    """(part, text, the question it answers or "") for the body, conclusion, FAQ and sections."""
    d = draft.data
    blocks: list[tuple[str, str, str]] = [(f"body[{i}]", p, "") for i, p in enumerate(d["body"])]
    blocks.append(("conclusion", d["conclusion"], ""))
    blocks += [(f"faq[{i}].answer", q["answer"], q["question"]) for i, q in enumerate(d["faq"])]
    blocks += [(f"sections[{i}].answer", s["answer"], s["question"]) for i, s in enumerate(d["sections"])]
    return blocks


def refer_to_keyphrase(draft: EditableArticle, grounded: Grounded, current: Audits) -> tuple[Audits, int]:
    """While the keyphrase is over its density limit, put one more repeated mention as a pronoun
    (``_referrals``, in order; each new sentence where the verifier passes it); the audits after and
    how many mentions became pronouns."""
    referred = 0
    for part, sentence, new in _referrals(draft):
        if not too_dense(current):
            break
        if sentence not in draft.get(part) or not grounded([new]) or not draft.allows(new):
            continue  # (a sentence already given its pronoun keeps it)
        draft.replace_sentence(part, sentence, new)
        current, referred = both(draft.article()), referred + 1
    return current, referred
