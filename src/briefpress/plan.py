"""Plan: from the facts to an outline every engine writes to.

The outline fixes the lead, the key points, the focus keyphrase, and which facts answer which
question. Questions come from a small set of templates whose only variable part is the topic, a
phrase taken from the facts, so a question never names anything the sources do not.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .models import Fact
from .rewrite import compress
from .spec import SECTION_MAX_WORDS, SECTION_MIN_WORDS, TEMPLATE_WORDS
from .text import STOPWORDS, slugify, whole_phrase, words


def _words(fact: Fact) -> int:
    return len(fact.text.split())


@dataclass(frozen=True)
class Facet:
    """One kind of question a fact can answer, recognised by cue words."""

    name: str
    label: str
    section_question: str  # {topic} is filled in
    faq_question: str
    cues: re.Pattern[str]


# The questions are in the active voice: Yoast counts a heading as a sentence, and "What was said?"
# as a passive one.
# Order matters: a fact goes to the first facet whose cues it holds. Reaction comes before figures
# because "shares rose 5%" is a market reaction that happens to hold a number.
FACETS: tuple[Facet, ...] = (
    Facet(
        "reaction",
        "Reaction",
        "What was the reaction to {topic}?",
        "How did others react?",
        # Shares and stocks are the market's reaction wherever the brief names them (a crash, the
        # arrests that answer it); an investor is one when investors act, not "a potential
        # investor"; people protesting react, the protest that is the news does not ("The protest
        # comes on the eve ...").
        re.compile(
            r"\b(?:react\w*|markets? (?:rose|fell|rallied|slumped)|shares|stocks?|investors (?:\w+ed)|"
            r"investor (?:confidence|sentiment)|critics?|opposed|opposition|protested|protest(?:ers|ors)|"
            r"welcomed|criticis\w*|criticiz\w*|praised|condemned|backlash|congratulated)\b",
            re.I,
        ),
    ),
    Facet(
        "figures",
        "Numbers",
        "What are the key figures on {topic}?",
        "What are the key figures?",
        re.compile(r"\d|\b(?:percent|per cent|million|billion|trillion|half|double|tripled?)\b", re.I),
    ),
    Facet(
        "next",
        "Next steps",
        "What happens next for {topic}?",
        "What happens next?",
        re.compile(
            r"\b(?:will|plans?|planned|expected to|expects to|starts?|scheduled|next|upcoming|deadline|"
            r"by (?:the end|early|late|mid)|within)\b",
            re.I,
        ),
    ),
    Facet(
        "statement",
        "Statement",
        "Who said what about {topic}?",
        "Who said what?",
        re.compile(
            r"\b(?:said|says|told|stated|announced|conveyed|expressed|reaffirmed|emphasi[sz]ed|"
            r"stressed|pledged|vowed|warned|argued|noted|added)\b|[\"“]",
            re.I,
        ),
    ),
)
_CONTEXT = Facet(
    "context", "Details", "What else is there to know about {topic}?", "What else is there to know?", re.compile(r"$^")
)

_TIME = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
    r"June|July|August|September|October|November|December|yesterday|today|tonight|(?:19|20)\d\d)\b"
)


@dataclass
class Part:
    """One question and the facts that answer it, most direct first."""

    question: str
    facts: list[Fact]
    label: str = "Details"


@dataclass
class Outline:
    lead: Fact
    points: list[Fact]
    keyphrase: str
    topic: str
    sections: list[Part] = field(default_factory=list)
    faq: list[Part] = field(default_factory=list)
    body: list[Fact] = field(default_factory=list)
    title: Fact | None = None  # the brief's own headline, when it has one

    @property
    def keyphrase_is_name(self) -> bool:
        return is_name(self.keyphrase)


def _stem(word: str) -> str:
    w = word.lower().strip(".’'")
    for suffix in ("’s", "'s"):
        if w.endswith(suffix):
            w = w[: -len(suffix)]
    return w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss") else w


# Capitalised words that open a name run but are not part of the name ("Co-star John Stamos").
_NOT_NAME = frozenset(
    """inc inc. ltd ltd. plc co. corp corp. co-star substitute administrator administrators developers
    developer mr mrs ms dr prof sir dame lord lady st""".split()
)
_TITLE_WORDS = frozenset(
    w.lower() for w in re.sub(r"\\\.|[()?:|]", " ", compress._TITLES).split() if w
) | {"pcc", "mp", "mep", "leader", "chief", "head", "boss", "officer"}
_DEMONYM = re.compile(r"(?:ese|ian|ish|an|ch|i)$")
_TOKEN = re.compile(r"[\w][\w'’.-]*[\w]|[\w]|[,;:()\"“”—–&]")


def is_title(fact: Fact) -> bool:
    """A short line with no end punctuation: a heading, not a sentence."""
    text = fact.text.strip()
    return not re.search(r"[.!?][\"”’')\]]*$", text) and len(text.split()) <= 14


def is_name(phrase: str) -> bool:
    return phrase[:1].isupper()


def _name_runs(sentence: str) -> list[tuple[list[str], str | None]]:
    """Runs of capitalised words (with "of" inside), each with the lower-case word that follows it."""
    tokens = _TOKEN.findall(sentence)
    runs: list[tuple[list[str], str | None]] = []
    run: list[str] = []
    for i, tok in enumerate(tokens + ["."]):
        clean = re.sub(r"(?:’s|'s)$", "", tok)
        cap = clean[:1].isupper() and clean.lower() not in STOPWORDS and not _TIME.fullmatch(clean)
        joins = clean in ("of", "&") and run and i + 1 < len(tokens) and tokens[i + 1][:1].isupper()
        if (cap and clean.lower() not in _NOT_NAME) or joins:
            run.append(clean)
            if clean != tok:  # a possessive ends the name
                runs.append((run, None))
                run = []
            continue
        if run:
            nxt = tok if tok[:1].islower() and tok.lower() not in STOPWORDS else None
            titles = [i for i, w in enumerate(run[:-1]) if w.lower() in _TITLE_WORDS]
            if titles:  # "Home Secretary Theresa May" -> "Theresa May"
                run = run[titles[-1] + 1 :]
            while run and run[0] in ("of", "&"):
                run = run[1:]
            while run and run[-1] in ("of", "&"):
                run = run[:-1]
            if run:
                runs.append((run, nxt))
        run = []
    return runs


def _mentions(phrase: str, text: str) -> bool:
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


def _lowercase_somewhere(word: str, texts: list[str]) -> bool:
    low = word.lower()
    return any(whole_phrase(low).search(t) for t in texts)


def choose_keyphrase(headline: str, facts: list[Fact], lead: Fact | None = None) -> str:
    """The name or topic the brief is most about: mentioned by the most facts, the lead counting
    double and the headline once more. Candidates are names (runs of capitalised words, titles and possessives left out; a
    nationality keeps the noun it qualifies, "Chinese shares"), then lower-case topics that at
    least two facts mention; a name wins a tie, and an earlier candidate a later one.
    """
    brief = [f for f in facts if f.id.startswith("S1.")] or facts
    if lead is None:
        lead = next((f for f in brief if f.role == "lead"), brief[0])
    texts = [f.text for f in brief]
    candidates: dict[str, float] = {}
    order: list[str] = []

    def offer(phrase: str, bonus: float, min_mentions: int = 1) -> None:
        if phrase in candidates or len(phrase) < 2:
            return
        mentions = sum(1 for t in texts if _mentions(phrase, t))
        if mentions < min_mentions:
            return
        in_lead = _mentions(phrase, lead.text)
        in_headline = phrase.lower() in headline.lower()  # the headline names its subject first
        candidates[phrase] = mentions + (1.0 if in_lead else 0.0) + (1.0 if in_headline else 0.0) + bonus
        order.append(phrase)

    for fact in [lead, *[f for f in brief if f is not lead]]:
        for run, following in _name_runs(fact.text):
            # A sentence's first word is capitalised anyway: when the facts also write it in lower
            # case ("Activists ..." / "... showed activists"), it is a common word, not a name.
            if _opens(fact.text, run[0]) and _lowercase_somewhere(run[0], texts):
                run = run[1:]
            if not run:
                continue
            phrase = " ".join(run[:4])
            if len(run) == 1 and following and _DEMONYM.search(run[0]) and run[0][-1].islower():
                phrase = f"{run[0]} {following}"
            short_acronym = len(run) == 1 and len(run[0]) <= 3
            offer(phrase, -1.0 if short_acronym else 0.5)
    for fact in brief:
        toks = _TOKEN.findall(fact.text)
        for i in range(len(toks) - 1):
            pair = toks[i : i + 2]
            if all(t.isalpha() and t.islower() and t not in STOPWORDS and len(t) > 2 for t in pair):
                offer(" ".join(pair), 0.0, min_mentions=2)
        for tok in toks:
            if tok.isalpha() and tok.islower() and len(tok) > 4 and tok not in STOPWORDS and not tok.endswith(("ed", "ly")):
                offer(tok, -1.5, min_mentions=2)
    if not candidates:
        return _fallback_keyphrase(headline)
    return max(order, key=lambda c: (candidates[c], -order.index(c)))


def name_tags(keyphrase: str, facts: list[Fact], limit: int = 6) -> list[str]:
    """The keyphrase, then the names the brief mentions most (whole names: no titles, possessive
    fragments or sentence-initial common words), none a part of another tag."""
    brief = [f for f in facts if f.id.startswith("S1.")] or facts
    texts = [f.text for f in brief]
    found: list[str] = []
    for fact in brief[:12]:
        for run, _ in _name_runs(fact.text):
            if _opens(fact.text, run[0]) and _lowercase_somewhere(run[0], texts):
                run = run[1:]
            # A lone capitalised word opening a sentence is as likely "However" as a name.
            single_ok = len(run) == 1 and len(run[0]) > 3 and run[0].replace("-", "").isalpha() and not _opens(fact.text, run[0])
            if len(run) >= 2 or single_ok:
                found.append(" ".join(run[:4]))
    ranked = sorted(dict.fromkeys(found), key=lambda n: -sum(1 for t in texts if _mentions(n, t)))
    tags = [keyphrase]
    for name in ranked:
        low = [t.lower() for t in tags]
        if len(tags) >= limit:
            break
        if any(name.lower() in t or t in name.lower() for t in low):
            continue
        tags.append(name)
    return tags


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


def topic_phrase(keyphrase: str) -> str:
    """The keyphrase as a noun phrase that reads inside a question."""
    return keyphrase if is_name(keyphrase) else f"the {keyphrase}"


OPENING_QUESTIONS = ("What is the latest on {topic}?", "What happened with {topic}?")
MAIN_NEWS_QUESTION = "What is the main news about {topic}?"
_TOPIC_TAIL = re.compile(r"\s+(?:about|on|to|for|with)\s+\{topic\}\?$")


def _topic_forms() -> dict[str, str]:
    """Each question the planner writes without a topic, and its form that names one."""
    templates = [*OPENING_QUESTIONS, MAIN_NEWS_QUESTION, *(f.section_question for f in (*FACETS, _CONTEXT))]
    forms = {_TOPIC_TAIL.sub("?", t): t for t in templates}
    # A FAQ question worded apart from its section's: it names the topic its own way.
    forms.update({f.faq_question: f.faq_question[:-1] + " to {topic}?" for f in FACETS
                  if f.faq_question not in forms and f.faq_question.endswith("react?")})
    return forms


def with_topic(question: str, topic: str) -> str | None:
    """A topic-less planner question naming ``topic`` ("What are the key figures?" -> "What are
    the key figures on X?"); None for any other question."""
    template = _topic_forms().get(question)
    return template.format(topic=topic) if template else None


def facet_of(fact: Fact) -> Facet:
    for facet in FACETS:
        if facet.cues.search(fact.text):
            return facet
    return _CONTEXT


def make_slug(headline: str, keyphrase: str, max_length: int = 50) -> str:
    """A short URL slug: the keyphrase, then the headline's content words, without stop words."""
    key = slugify(keyphrase, max_length)
    rest = [w for w in slugify(headline, 200).split("-") if w not in STOPWORDS and w not in key.split("-")]
    slug = key
    for word in rest:
        if len(slug) + 1 + len(word) > max_length:
            break
        slug = f"{slug}-{word}" if slug else word
    return slug or "article"


def build_outline(facts: list[Fact], keyphrase: str | None = None, max_body_paragraph_facts: int = 32) -> Outline:
    """Choose lead, points, keyphrase, and which facts answer which question."""
    brief = [f for f in facts if f.id.startswith("S1.") and f.role != "title"]
    title = next((f for f in facts if f.id.startswith("S1.") and f.role == "title"), None)
    # A first line without end punctuation ("# Harbour ferry service", a page's <h1>) is a title.
    if len(brief) > 1 and is_title(brief[0]):
        title, brief = brief[0], brief[1:]
    lead = next((f for f in brief if f.role == "lead"), brief[0] if brief else facts[0])
    rest = [f for f in brief if f is not lead]
    points = [f for f in rest if f.role == "point"] or rest[:4]
    points = points[:4]
    extra = _rank_related([f for f in facts if not f.id.startswith("S1.")], [lead, *points])

    kp = keyphrase.strip() if keyphrase else choose_keyphrase(compress.headline(lead.text), facts, lead)
    topic = topic_phrase(kp)
    outline = Outline(lead=lead, points=points, keyphrase=kp, topic=topic, title=title)

    # Sections: as many as the evidence fills at FORMAT.md's 60-200 words each (2-4). The lead
    # answers "what happened", followed by the brief's next points while that answer is short;
    # the other facts are grouped by the question their cues fit, the smallest groups merged.
    supporting = [f for f in rest if f not in points] + extra[:6]
    pool = points + supporting
    by_facet: dict[str, list[Fact]] = {}  # every fact, for the FAQ
    order: list[Facet] = []
    for fact in pool:
        facet = facet_of(fact)
        if facet.name not in by_facet:
            by_facet[facet.name] = []
            order.append(facet)
        by_facet[facet.name].append(fact)
    opening = (OPENING_QUESTIONS[0] if is_name(kp) else OPENING_QUESTIONS[1]).format(topic=topic)
    total = sum(_words(f) for f in [lead, *pool])
    wanted = max(2, min(4, total // SECTION_MIN_WORDS)) if pool else 1
    opening_facts = [lead]
    for fact in pool:
        if sum(_words(f) for f in opening_facts) >= SECTION_MIN_WORDS:
            break
        if len([f for f in pool if f not in opening_facts]) <= wanted - 1:
            break
        opening_facts.append(fact)
    outline.sections.append(Part(opening, opening_facts, label="What happened"))
    groups = [(facet, [f for f in by_facet[facet.name] if f not in opening_facts]) for facet in order]
    groups = [(facet, facts_) for facet, facts_ in groups if facts_]
    while len(groups) > max(1, wanted - 1):
        # Merge the smallest group into its neighbour; the bigger side names the question.
        i = min(range(len(groups)), key=lambda k: sum(_words(f) for f in groups[k][1]))
        j = i - 1 if i > 0 else 1
        (fa, a), (fb, b) = groups[min(i, j)], groups[max(i, j)]
        bigger = fa if sum(map(_words, a)) >= sum(map(_words, b)) else fb
        merged = a + b if bigger is fa else b + a
        groups[min(i, j)] = (bigger, merged)
        del groups[max(i, j)]
    for facet, facts_ in groups:
        kept: list[Fact] = []
        for fact in facts_:
            if kept and sum(map(_words, kept)) + _words(fact) > SECTION_MAX_WORDS:
                break
            kept.append(fact)
        outline.sections.append(Part(facet.section_question.format(topic=topic), kept, facet.label))

    # FAQ: questions that stand alone; each answer is complete without the article around it.
    outline.faq.append(Part(MAIN_NEWS_QUESTION.format(topic=topic), [lead], "Main news"))
    # "When?" gets its own answer only when the lead, the first FAQ answer, does not say when.
    timed = next((f for f in [lead, *points] if _TIME.search(f.text)), None)
    if timed is not None and timed is not lead:
        outline.faq.append(Part("When did it happen?", [timed], "When"))
    for facet in order:
        group = by_facet[facet.name]
        if len(outline.faq) < 5 and facet is not _CONTEXT:
            outline.faq.append(Part(facet.faq_question, group[:2], facet.label))
    others = [f for f in points + supporting if f is not lead]
    if len(outline.faq) < 2 and others:
        outline.faq.append(Part(_CONTEXT.faq_question, others[:2], "Details"))

    outline.body = [lead, *[f for f in rest], *extra][: max_body_paragraph_facts]
    return outline


def _rank_related(candidates: list[Fact], anchors: list[Fact]) -> list[Fact]:
    """Facts of further sources, most related to the brief first (shared content words)."""
    anchor_words = {_stem(w) for f in anchors for w in words(f.text) if w.lower() not in STOPWORDS}
    scored = []
    for i, fact in enumerate(candidates):
        fact_words = {_stem(w) for w in words(fact.text) if w.lower() not in STOPWORDS}
        overlap = len(fact_words & anchor_words) / (1 + len(fact_words)) ** 0.5
        if overlap > 0:
            scored.append((-overlap, i, fact))
    return [f for _, _, f in sorted(scored)]
