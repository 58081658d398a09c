"""Names in the facts: runs of capitalised words, the tags they give, and the keyphrase.

A name is a run of capitalised words with titles, possessives and sentence-initial common words
left out ("Home Secretary Theresa May's" gives "Theresa May"). ``name_keyphrase`` is the name or
topic the brief is most about (``keyphrase`` prefers a phrase of the headline to it); the tags
are the keyphrase and the names it mentions most.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..models import Fact
from ..nlp import in_dictionary
from ..rewrite import compress
from ..text import STOPWORDS, whole_phrase

# One word that says when: a weekday, a month, a relative day or a year.
TIME_WORD = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|yesterday|today|tonight|(?:19|20)\d\d)\b"
)

# Capitalised words that open a name run but are not part of the name ("Co-star John Stamos").
_NOT_NAME = frozenset(
    """inc inc. ltd ltd. plc co. corp corp. co-star substitute administrator administrators developers
    developer mr mrs ms dr prof sir dame lord lady st last next earlier later""".split()
)  # ... and the time words that open a sentence ("Last year the Scottish government ...")
_TITLE_WORDS = frozenset(
    w.lower() for w in re.sub(r"\\\.|[()?:|]", " ", compress._TITLES).split() if w
) | {"pcc", "mp", "mep", "leader", "chief", "head", "boss", "officer"}
_DEMONYM = re.compile(r"(?:ese|ian|ish|an|ch|i)$")
_TOKEN = re.compile(r"[\w][\w'’.-]*[\w]|[\w]|[,;:()\"“”—–&]")
_JOINERS = ("of", "&")

# A candidate keyphrase: the phrase, a bonus on its score, and the least facts that must mention it.
_Candidate = tuple[str, float, int]


def is_name(phrase: str) -> bool:
    return phrase[:1].isupper()


def brief_facts(facts: list[Fact]) -> list[Fact]:
    """The brief's own facts (source S1), or all of them when none is marked as the brief's."""
    return [f for f in facts if f.id.startswith("S1.")] or facts


def _continues_name(clean: str, run: list[str], tokens: list[str], i: int) -> bool:
    """The token (possessive removed) is a name word, or an "of"/"&" between two name words."""
    cap = clean[:1].isupper() and clean.lower() not in STOPWORDS and not TIME_WORD.fullmatch(clean)
    joins = clean in _JOINERS and bool(run) and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
    return (cap and clean.lower() not in _NOT_NAME) or joins


def _trimmed(run: list[str]) -> list[str]:
    """The run without a leading title ("Home Secretary Theresa May" -> "Theresa May") and
    without "of"/"&" at either end."""
    titles = [i for i, w in enumerate(run[:-1]) if w.lower() in _TITLE_WORDS]
    if titles:
        run = run[titles[-1] + 1 :]
    while run and run[0] in _JOINERS:
        run = run[1:]
    while run and run[-1] in _JOINERS:
        run = run[:-1]
    return run


def _name_runs(sentence: str) -> list[tuple[list[str], str | None]]:
    """Runs of capitalised words (with "of" inside), each with the lower-case word that follows it."""
    tokens = _TOKEN.findall(sentence)
    runs: list[tuple[list[str], str | None]] = []
    run: list[str] = []
    for i, tok in enumerate(tokens + ["."]):
        clean = re.sub(r"(?:’s|'s)$", "", tok)
        if _continues_name(clean, run, tokens, i):
            run.append(clean)
            if clean != tok:  # a possessive ends the name
                runs.append((run, None))
                run = []
            continue
        if run:
            nxt = tok if tok[:1].islower() and tok.lower() not in STOPWORDS else None
            run = _trimmed(run)
            if run:
                runs.append((run, nxt))
        run = []
    return runs


def name_runs(sentence: str) -> list[str]:
    """The names in ``sentence``, in order, each once: its runs of capitalised words, titles and
    time words left out ("Home Secretary Theresa May said on Monday" gives "Theresa May")."""
    found: list[str] = []
    for run, _ in _name_runs(sentence):
        name = " ".join(run)
        if name not in found:
            found.append(name)
    return found


def mentions(phrase: str, text: str) -> bool:
    """The text names the phrase; a person's surname alone counts ("Takaichi" for "Sanae
    Takaichi"), but not inside another name ("West Sussex" does not mention "East Sussex")."""
    if whole_phrase(phrase, re.I).search(text):
        return True
    parts = phrase.split()
    if len(parts) < 2 or not is_name(phrase):
        return False
    for m in whole_phrase(parts[-1]).finditer(text):
        before = text[: m.start()].split()[-1:] or [""]
        after = text[m.end() :].split()[:1] or [""]
        prev = before[0].rstrip(",.").lower()
        inside_other_name = (before[0][:1].isupper() and prev not in _NOT_NAME | _TITLE_WORDS
                             and prev != parts[-2].lower()) or after[0][:1].isupper()
        if not inside_other_name:
            return True
    return False


def _opens(sentence: str, word: str) -> bool:
    """The word opens the sentence (after any opening quote), so its capital says nothing."""
    return sentence.lstrip("\"“‘'( ").startswith(word)


class Lowercase:
    """Whether the texts write a word in lower case somewhere: one search per distinct word over
    the texts joined by line ends (no word runs across one), so a brief of many points starting
    alike is not a scan of every text per point."""

    def __init__(self, texts: list[str]) -> None:
        self.joined = "\n".join(texts)
        self.seen: dict[str, bool] = {}

    def __call__(self, word: str) -> bool:
        low = word.lower()
        if low not in self.seen:
            self.seen[low] = whole_phrase(low).search(self.joined) is not None
        return self.seen[low]


def _names_in(fact: Fact, lowercase: Lowercase) -> Iterator[tuple[list[str], str | None]]:
    """The fact's name runs. A sentence's first word is capitalised anyway: when the facts also
    write it in lower case ("Activists ..." / "... showed activists"), it is a common word, not a
    name, and leaves the run (which may then be empty)."""
    for run, following in _name_runs(fact.text):
        if _opens(fact.text, run[0]) and lowercase(run[0]):
            run = run[1:]
        yield run, following


def _name_candidates(lead: Fact, brief: list[Fact], lowercase: Lowercase) -> Iterator[_Candidate]:
    """The names, the lead's first; a nationality keeps the noun it qualifies ("Chinese shares").
    A lone capitalised word is no name where the facts write it in lower case too (the "People"
    of "Older People's Commissioner ... older people") or where it opens its sentence and is a
    word of the dictionary ("Little is beyond their reach")."""
    for fact in [lead, *[f for f in brief if f is not lead]]:
        for run, following in _names_in(fact, lowercase):
            if not run:
                continue
            phrase = " ".join(run[:4])
            if len(run) == 1 and following and _DEMONYM.search(run[0]) and run[0][-1].islower():
                phrase = f"{run[0]} {following}"
            elif len(run) == 1 and (lowercase(run[0]) or _opens(fact.text, run[0]) and in_dictionary(run[0])):
                continue
            short_acronym = len(run) == 1 and len(run[0]) <= 3
            yield phrase, -1.0 if short_acronym else 0.5, 1


def _topic_candidates(brief: list[Fact]) -> Iterator[_Candidate]:
    """Lower-case topics: pairs of content words, then single longer words, each in two facts."""
    for fact in brief:
        toks = _TOKEN.findall(fact.text)
        for i in range(len(toks) - 1):
            pair = toks[i : i + 2]
            if all(t.isalpha() and t.islower() and t not in STOPWORDS and len(t) > 2 for t in pair):
                yield " ".join(pair), 0.0, 2
        for tok in toks:
            plain = tok.isalpha() and tok.islower() and tok not in STOPWORDS
            if plain and len(tok) > 4 and not tok.endswith(("ed", "ly")):
                yield tok, -1.5, 2


def name_keyphrase(headline: str, facts: list[Fact], lead: Fact | None = None) -> str:
    """The name or topic the brief is most about: mentioned by the most facts, the lead counting
    double and the headline once more. Candidates are names (runs of capitalised words, titles
    and possessives left out), then lower-case topics that at least two facts mention; a name
    wins a tie, then a name of two words or more a given story mentions most, then an earlier
    candidate.
    """
    brief = brief_facts(facts)
    if lead is None:
        lead = next((f for f in brief if f.role == "lead"), brief[0])
    texts = [f.text for f in brief]
    scores: dict[str, float] = {}
    for phrase, bonus, least in (*_name_candidates(lead, brief, Lowercase(texts)), *_topic_candidates(brief)):
        if phrase in scores or len(phrase) < 2:
            continue
        count = sum(1 for t in texts if mentions(phrase, t))
        if count < least:
            continue
        in_lead = mentions(phrase, lead.text)
        in_headline = phrase.lower() in headline.lower()  # the headline names its subject first
        scores[phrase] = count + (1.0 if in_lead else 0.0) + (1.0 if in_headline else 0.0) + bonus
    if not scores:
        return _fallback_keyphrase(headline)
    order = list(scores)
    # A tie goes to the name of two words or more that a given story tells of most ("Ukrainian
    # Cyber Troops" over the "CCTV" the brief names once too; a lone word is as often a place,
    # "Russia" of "A Just Russia"), then to the earlier.
    story = [f.text for f in facts if f not in brief]

    def told_of(c: str) -> int:
        return sum(1 for t in story if mentions(c, t)) if " " in c else 0

    return max(order, key=lambda c: (scores[c], told_of(c), -order.index(c)))


def _fallback_keyphrase(headline: str) -> str:
    """The headline's longest run of plain words (no figures, no stop words), at most three."""
    best: list[str] = []
    run: list[str] = []
    for tok in headline.split() + ["."]:
        clean = tok.strip(",.;:!?\"“”()")
        if clean.isalpha() and clean.lower() not in STOPWORDS and clean == tok:
            run.append(clean)
            if len(run) > len(best):
                best = run[:3]
        else:
            if clean.isalpha() and clean.lower() not in STOPWORDS and not best:
                best = [clean]
            run = []
    return " ".join(best) or headline


def _is_tag(run: list[str], fact: Fact) -> bool:
    """A whole name: two words or more, or one longer word that does not open the sentence (a
    lone capitalised word opening a sentence is as likely "However" as a name)."""
    if len(run) >= 2:
        return True
    return len(run) == 1 and len(run[0]) > 3 and run[0].replace("-", "").isalpha() and not _opens(fact.text, run[0])


def _without_place(run: list[str], texts: str) -> list[str]:
    """The run less a first word that ends the phrase before it: "Commissioner for Wales Sarah
    Rochira" runs "Wales Sarah Rochira" together, and the story names Wales on its own too
    ("across Wales"). A run of two ("for Goldman Sachs") stays whole."""
    if len(run) < 3 or not re.search(rf"\b(?:for|of|in|from|at) {re.escape(' '.join(run))}\b", texts):
        return run
    alone = re.search(rf"\b{re.escape(run[0])}\b(?! {re.escape(run[1])})", texts)
    return run[1:] if alone else run


def name_tags(keyphrase: str, facts: list[Fact], limit: int = 6) -> list[str]:
    """The keyphrase, then the names the brief mentions most (whole names: no titles, possessive
    fragments or sentence-initial common words), none a part of another tag."""
    brief = brief_facts(facts)
    texts = [f.text for f in brief]
    lowercase = Lowercase(texts)
    # A lone word a source writes in lower case is a title, not a name ("Commissioner" of "the
    # commissioner will be reviewing").
    anywhere = Lowercase([f.text for f in facts])
    found = [" ".join(_without_place(run, anywhere.joined)[:4]) for fact in brief[:12]
             for run, _ in _names_in(fact, lowercase)
             if _is_tag(run, fact) and not (len(run) == 1 and anywhere(run[0]))]
    found = [_with_number(name, texts) for name in found]
    ranked = sorted(dict.fromkeys(found), key=lambda n: -sum(1 for t in texts if mentions(n, t)))
    tags = [keyphrase]
    for name in ranked:
        low = [t.lower() for t in tags]
        if len(tags) >= limit:
            break
        if any(name.lower() in t or t in name.lower() for t in low):
            continue
        tags.append(name)
    return tags


# A number that is no part of a name: a decimal, a score ("Gateshead 1-0", "Gateshead 1, Guiseley 1").
_NOT_SCORE = r"(?![.,]\d|\s*[-–]\s*\d|,\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*\s+\d)"


def _with_number(name: str, texts: list[str]) -> str:
    """``name`` with the number that follows it wherever the texts name it: "Ligue 1", "Channel
    4" are names with their number ("Ligue" alone names nothing anyone searches for)."""
    named = re.compile(rf"\b{re.escape(name)}\b(?: (\d{{1,2}})\b{_NOT_SCORE})?")
    after = {m.group(1) for t in texts for m in named.finditer(t)}
    return f"{name} {after.pop()}" if len(after) == 1 and None not in after else name


# Bodies an office is held at ("the chair of Care Forum Wales"), by spaCy's entity kinds.
_BODIES = frozenset({"ORG", "GPE", "NORP", "FAC"})


def office_holder(office: Any) -> Any | None:
    """The token of the person named between commas as the holder of ``office`` (a title's
    token): "The chair of Care Forum Wales, Mario Kreft, said" gives "Kreft", whether the parse
    hangs the name on the office or on the body it is of. Not a name hung on a person ("The
    lawyer for Mr Jones, Jane Doe,": the lawyer's name, or Mr Jones's? the parse cannot say)."""
    doc = office.doc
    bodies = [g for c in office.children if c.dep_ == "prep" for g in c.children
              if g.dep_ == "pobj" and g.ent_type_ in _BODIES]
    holders = [t for h in (office, *bodies) for t in h.children if t.dep_ == "appos" and t.ent_type_ == "PERSON"]
    if len(holders) != 1:
        return None
    words = list(holders[0].subtree)
    if words[0].i == 0 or doc[words[0].i - 1].text != "," or words[-1].i + 1 >= len(doc) \
            or doc[words[-1].i + 1].text != ",":
        return None
    return holders[0]
