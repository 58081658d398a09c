"""Headlines that tell the news as a whole clause within a title's 70 characters.

A lead rarely fits whole. Its whole forms come from deletion only: adjuncts cut as every part of
the article cuts a sentence (``whole_form``), a headline's own deletions (``headline_cuts``: a
date, a report's manner, articles, the clause an entailing verb's complement states), and for a
lead that reports speech, "Speaker: what they said" (a report cut before its clause, "The mayor
said the closure of the bridge", says nothing). A title never opens on a pronoun or "This":
its reader has seen nothing it could point to.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import combinations
from typing import Any

from ..lexicon import REPORTING, forms
from ..nlp import spacy_pipeline
from .whole import drops_reason, fragment_reason, inside_quote

# Verbs that report speech, in the forms a lead uses: their clausal complement is what was said.
_REPORTING = forms(REPORTING, base=False)


def attributed_headline(sentence: str, limit: int, title: bool = False) -> str | None:
    """"Speaker: clause" within ``limit`` characters for a lead whose main verb reports speech, the
    speaker named as fully as fits (with a title, then the name alone); None where the lead is
    no such report, its clause is not whole, or nothing fits. With ``title``, the clause may also
    be cut at a word as a title may (``drops_reason``), so long as it stays a whole clause."""
    report = _report(sentence)
    if report is None:
        return None
    doc, subject, clause = report
    from .compress import prefixes  # compress's title cut falls back on this module

    # The clause whole, else its whole cuts that drop adjuncts only (``compress.prefixes``), as
    # every part of the article tells a reported clause.
    whole = _clause_text(clause)
    forms = [f.rstrip(".") for f in [whole, *prefixes(whole + ".")]]
    forms += _title_cuts(whole) if title else []
    said = [f[:1].upper() + f[1:] for f in dict.fromkeys(forms) if f and fragment_reason(f + ".") is None
            and f.count('"') % 2 == 0 and not opens_on_pointer(f)]
    fitting = (f"{speaker}: {form}" for speaker in _speakers(doc, subject) for form in said)
    return next((h for h in fitting if len(h) <= limit), None)


def _report(sentence: str) -> tuple[Any, list[Any], Any] | None:
    """The parse, speaker and reported clause of a sentence whose main verb reports speech
    ("Josh Earnest said [the closure ... was ...]"); None for any other sentence."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence.strip())
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lower_ not in _REPORTING:
        return None
    subject = [t for t in root.children if t.dep_ == "nsubj" and t.i < root.i]
    clause = next((t for t in root.children if t.dep_ == "ccomp" and t.i > root.i), None)
    return (doc, subject, clause) if subject and clause is not None else None


def _title_cuts(clause: str) -> list[str]:
    """The clause cut at each word, longest first, where the cut drops only what a title may (never
    a kept verb's object or complement, a negation or a figure) and keeps a whole clause."""
    from .compress import _tidy

    ends = [m.start() for m in re.finditer(r"\s", clause)][::-1]
    cuts = (c for c in dict.fromkeys(_tidy(clause[:end]) for end in ends) if len(c.split()) >= 3)
    return [c for c in cuts if drops_reason(clause + ".", c, title=True) is None and fragment_reason(c + ".") is None]


def _clause_text(clause: Any) -> str:
    """The reported clause without its "that" and closing punctuation."""
    text = "".join(t.text_with_ws for t in clause.subtree).strip()
    return re.sub(r"^that\s+", "", text).rstrip(" .,;")


def _speakers(doc: Any, subject: list[Any]) -> list[str]:
    """The speaker as the lead names them, then the person's or body's name without a title."""
    start, end = min(t.left_edge.i for t in subject), max(t.right_edge.i for t in subject) + 1
    names = [e.text for e in doc.ents if e.label_ in ("PERSON", "ORG") and start <= e.start and e.end == end]
    return list(dict.fromkeys([doc[start:end].text, *names]))


def news_headline(sentences: Sequence[str], limit: int, subject: str = "") -> tuple[str, int] | None:
    """A headline that tells the news as a whole clause within ``limit`` characters, and which of
    ``sentences`` (the lead, then the key points) it tells: the lead's fullest whole form, else
    "Speaker: what they said" of the lead, else the first key point's fullest whole form that
    reads alone and names ``subject`` (the story's keyphrase: a point about something else is
    not the news), else the lead's speaker and what they said cut as a title may, naming
    ``subject`` (the planner drew it from the lead's title cut). None where none has one."""
    if not sentences:
        return None
    lead = whole_form(sentences[0], limit, alone=True) or attributed_headline(sentences[0], limit)
    if lead and not pronoun_subject(lead):
        return lead, 0
    for i, point in enumerate(sentences[1:], 1):
        form = whole_form(point, limit) if subject and subject.lower() in point.lower() else None
        if form and subject.lower() in form.lower():
            return form, i
    reported = attributed_headline(sentences[0], limit, title=True) if subject else None
    if reported and subject.lower() in reported.lower():
        return reported, 0
    # The lead's first predicate, where it joins two with "and": true whenever the lead is.
    first = first_predicate(sentences[0])
    form = whole_form(first, limit, alone=True) if first else None
    if form and subject.lower() in form.lower() and not pronoun_subject(form):
        return form, 0
    topic = topic_headline(sentences[0], limit)
    if topic and subject.lower() in topic.lower():
        return topic, 0
    if lead is None:
        return None
    # The lead's form says "they" of someone the title's reader has not met: a key point that
    # names its own subject tells the story better, else the lead's form after all.
    for i, point in enumerate(sentences[1:], 1):
        form = whole_form(point, limit)
        if form and not pronoun_subject(form):
            return form, i
    return lead, 0


def pronoun_subject(title: str) -> bool:
    """Whether the main verb of ``title`` has a pronoun for its subject ("After a slow start, they
    posted 255-7"): a title's reader has met no one it could stand for."""
    nlp = spacy_pipeline()
    if nlp is None:
        return False
    doc = nlp(title.split(": ", 1)[-1])
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")] if root is not None else []
    return any(s.pos_ == "PRON" and s.lower_ in _POINTERS for s in subjects)


def topic_headline(sentence: str, limit: int) -> str | None:
    """"Speaker on what they spoke of" within ``limit`` for a lead that reports speech where neither
    the report nor "Speaker: clause" fits whole ("Josh Earnest on the closure of the Cuban detention
    camp"): a title that names who spoke and of what, where a report cut before its clause would
    say the speaker said a noun phrase. None where the clause's subject is a pronoun or none fits."""
    report = _report(sentence)
    if report is None:
        return None
    doc, subject, clause = report
    spoken_of = next((t for t in clause.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if spoken_of is None or spoken_of.pos_ == "PRON":
        return None
    topic = "".join(t.text_with_ws for t in spoken_of.subtree).strip()
    if len(topic.split()) < 2 or topic.count('"') % 2 or opens_on_pointer(topic):
        return None
    fitting = (f"{speaker} on {topic}" for speaker in _speakers(doc, subject))
    return next((h for h in fitting if len(h) <= limit), None)


def first_predicate(sentence: str) -> str | None:
    """``sentence`` up to the "and" that joins a second predicate to its main verb ("The council met
    on Tuesday[, and said ...]"), None where it joins none. Never before "but": a contrast kept
    half would say something else ("would co-operate [but believed ...]")."""
    nlp = spacy_pipeline()
    if nlp is None:
        return None
    doc = nlp(sentence.strip())
    # The verb's root: the parse may split off a headline-like opening as a root of its own
    # ("Pro-Kremlin party | A Just Russia put forward ...").
    root = next((t for t in doc if t.dep_ == "ROOT" and t.pos_ in ("VERB", "AUX")), None)
    if root is None or not any(c.dep_ == "conj" and c.pos_ in ("VERB", "AUX") and c.i > root.i for c in root.children):
        return None
    cc = next((c for c in root.children if c.dep_ == "cc" and c.i > root.i), None)
    if cc is None or cc.lower_ != "and" or inside_quote(doc.text, cc.idx):
        return None
    return doc.text[:cc.idx].rstrip(" ,;") + "."


def whole_form(sentence: str, limit: int, alone: bool = False) -> str | None:
    """The fullest deletion-only form of ``sentence`` within ``limit`` characters, without final
    punctuation, that is a whole sentence, drops adjuncts only (``_longest_cut``: never the verb's
    object, a clause a kept word needs, a negation, a figure of what it keeps) and, unless the
    sentence reads ``alone`` as it stands (a lead: it opens the story), names what it speaks of
    (no "It" or "The show" whose antecedent a reader of the title has not seen)."""
    from .refer import orphan_reason
    from .split import split_clauses

    # Prefixes only: a verb phrase said of a subject it shares (``split.verb_phrases``) rests on
    # a parse that may give it the wrong one ("Ruiz said construction starts and should finish").
    forms = [f for f in (_longest_cut(v, limit) for v in _variants(sentence)) if f]
    pieces = split_clauses(sentence)
    if pieces and drops_reason(sentence, pieces[0], condensed=True) is None:
        forms.append(pieces[0].rstrip("."))
    forms += headline_cuts(sentence, articles=False)
    bare = set(headline_cuts(sentence)) - set(forms)  # forms without their articles: headlinese
    forms += list(bare)
    fitting = [f for f in forms if len(f) <= limit and f.count('"') % 2 == 0 and not opens_on_pointer(f)
               and not possessive_end(f)]
    whole = [f for f in fitting if fragment_reason(f + ".") is None
             and (alone or orphan_reason(f + ".", []) is None)]
    # A title stands alone: "But" or "Also" ties it to a sentence the reader has not read. Of the
    # rest, one that keeps its articles (headlinese only where no such form fits), then the fullest.
    return max(whole, key=lambda f: (not _opens_with_connective(f), f not in bare, len(f)), default=None)


def _variants(sentence: str) -> list[str]:
    from .compress import variants  # compress's title cut falls back on this module

    return variants(sentence)


def _opens_with_connective(sentence: str) -> bool:
    from .compress import opens_with_connective as opens

    return opens(sentence)


def _longest_cut(sentence: str, limit: int) -> str | None:
    """The longest cut of ``sentence`` at a word boundary within ``limit`` (the sentence itself
    included) that is whole and drops what both a condensed form and a title may: a date (the
    sentence under the headline tells when), never a kept word's head or argument (a condensed
    form's rule) nor a figure outside a dropped clause (a title's)."""
    from .compress import _tidy

    text = sentence.strip()
    ends = [len(text)] + [m.start() for m in reversed(list(re.finditer(r"\s", text)))]
    for end in ends:
        candidate = _tidy(text[:end])
        if not candidate or len(candidate) > limit:
            continue
        if len(candidate.split()) < 3:
            return None
        if (fragment_reason(candidate + ".") is None and drops_reason(text, candidate, condensed=True) is None
                and drops_reason(text, candidate, title=True) is None):
            return candidate
    return None


# Verbs whose complement clause happened whenever the verb's own claim is true: goals that
# "helped the club go top" put the club top, so "the club go top" is told by the sentence. "allow", "let",
# "want" and "expect" are left out: what was allowed or wanted may not have happened.
_ENTAILING = forms({"help", "make", "force", "cause"})
_ARTICLES = frozenset({"a", "an", "the"})
_TIME_UNITS = frozenset("year years month months week weeks day days hour hours decade decades".split())
# A title never opens on a word whose antecedent its reader has not seen.
_POSSESSIVE_END = re.compile(r"['’]s?$")
_POINTERS = frozenset("this that these those it its they them their he she his her we i you".split())


def possessive_end(text: str) -> bool:
    """Whether a cut ends on a possessive, having lost the noun it owns ("after the council's")."""
    return bool(_POSSESSIVE_END.search(text.rstrip(" .")))


def trimmed(text: str) -> str:
    """``text`` without the words that end it on a possessive."""
    while possessive_end(text) and " " in text:
        text = text.rsplit(" ", 1)[0].rstrip(" ,;:")
    return text


def opens_on_pointer(text: str) -> bool:
    """Whether ``text`` (or the clause after a "Speaker:") opens on a pronoun or "This"."""
    words = re.findall(r"[A-Za-z']+", text.split(": ", 1)[-1])
    return bool(words) and words[0].lower() in _POINTERS


def headline_cuts(sentence: str, title: bool = True, articles: bool | None = None) -> list[str]:
    """Headline-style deletions of ``sentence``, fullest first: the complement of an entailing
    verb raised to stand alone (``_ENTAILING``), a date or a reporting verb's manner ("in a
    statement"), a reporting verb's "that", and for a ``title`` the articles (a title's style, not
    a sentence's; ``articles`` says otherwise where given); outside a title, a date stays where
    its clause holds a figure ("40 shops were left [at the start of the year]": the figure
    was true then). Each keeps every other word in its order and never touches a quotation; the
    caller checks that the result is whole."""
    nlp = spacy_pipeline()
    if nlp is None or not sentence.strip():
        return []
    doc = nlp(sentence.strip())
    quoted = {t.i for t in doc if inside_quote(doc.text, t.idx)}
    bare = title if articles is None else articles
    dets = {t.i for t in doc if t.dep_ == "det" and t.lower_ in _ARTICLES} - quoted if bare else set()
    optional = [span for span in _optional(doc, title) if not span & quoted][:4]
    out: list[str] = []
    for base in [set(), _raised(doc)]:
        if base is None:
            continue
        for k in range(len(optional) + 1):
            for combo in combinations(optional, k):
                removed = base.union(*combo)
                out += [_rebuild(doc, removed), _rebuild(doc, removed | dets)]
    return [c for c in dict.fromkeys(out) if c and c != sentence.strip().rstrip(".")]


def _raised(doc: Any) -> set[int] | None:
    """What to remove to leave the complement clause of an entailing main verb with its own subject
    ("[Goals by X helped] the club go top ..."); None where the main verb entails no such clause, is
    negated or modal, or its complement is an infinitive with "to"."""
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.lower_ not in _ENTAILING or root.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_ in ("neg", "aux", "auxpass") for c in root.children):
        return None
    comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.tag_ == "VB"), None)
    if comp is None or any(c.dep_ == "aux" for c in comp.children):
        return None
    if not any(c.dep_ == "nsubj" for c in comp.children):
        return None
    kept = {t.i for t in comp.subtree}
    return {t.i for t in doc if t.i not in kept and not (t.is_punct and t.i == len(doc) - 1)}


def _optional(doc: Any, title: bool) -> list[set[int]]:
    """The spans a title may drop: a phrase that is all date or time, a reporting verb's manner
    phrase ("said [in a statement]") and the "that" of the clause it reports."""
    spans: list[set[int]] = []
    for t in doc:
        sub = list(t.subtree)
        rest = [s for s in sub if s.i != t.i and not s.is_punct]
        if t.head.ent_type_ in ("DATE", "TIME"):
            continue  # a piece of a date ("the first week [of May]"): the date goes whole or not at all
        if t.dep_ in ("prep", "npadvmod") and (rest if t.dep_ == "prep" else sub) and all(
                s.ent_type_ in ("DATE", "TIME") for s in (rest if t.dep_ == "prep" else sub)):
            if (title or not _times_a_figure(t)) and not _span_of_time(sub):
                spans.append(_with_comma(doc, {s.i for s in sub}))
        elif t.dep_ == "prep" and t.head.dep_ == "ROOT" and t.head.lower_ in _REPORTING and t.lower_ in ("in", "at"):
            spans.append({s.i for s in sub})
        elif t.dep_ == "mark" and t.lower_ == "that" and t.head.dep_ == "ccomp" and t.head.head.lower_ in _REPORTING:
            spans.append({t.i})
    return spans


def _span_of_time(tokens: list[Any]) -> bool:
    """Whether a date phrase counts time ("for at least 10 years", "two days after"): a figure."""
    return any(t.like_num and t.head.lower_ in _TIME_UNITS for t in tokens)  # "10 [years]", not "of 2023"


def _times_a_figure(date: Any) -> bool:
    """Whether the clause a date phrase hangs on holds a figure outside the date."""
    clause = date.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    inside = {s.i for s in date.subtree}
    return any(s.like_num and s.i not in inside for s in clause.subtree)


def _with_comma(doc: Any, span: set[int]) -> set[int]:
    """An opening phrase with the comma that closes it ("In the first week of May, ", "and [at
    the start of the year], 40 shops")."""
    start, end = min(span), max(span) + 1
    if end < len(doc) and doc[end].text == "," and (start == 0 or doc[start - 1].dep_ == "cc"):
        return span | {end}
    return span


def _rebuild(doc: Any, removed: set[int]) -> str:
    """The sentence without the ``removed`` tokens and its closing punctuation, first letter capital."""
    text = "".join(t.text_with_ws for t in doc if t.i not in removed).strip().rstrip(" .,;")
    text = re.sub(r"\s+([,;:])", r"\1", re.sub(r"\s{2,}", " ", text))
    return text[:1].upper() + text[1:]
