"""The ``seo`` stage of ``write``: fix only what fails a check, within the grounding rules.

Nothing here writes a new claim. Every change is one of: choosing the keyphrase (metadata,
only when the caller gave none), deleting words at a clause boundary or before a closing phrase
(``compress``; in a part already under its FORMAT.md size too, while one part keeps the sentence
whole), splitting a sentence where it joins two whole clauses, or before a closing relative
clause that then names what it is about (``split``), putting a passive clause that names its
doer in the active voice (``active``), opening a sentence with an additive connective, moving or
re-selecting existing source sentences, splitting a paragraph in two, dropping trailing
sentences, dropping the topic from a question or naming the keyphrase there instead, or
referring back to a repeated keyphrase with the pronoun the sources use for it (``refer``). A split
or active rewrite is made only where the verifier passes each new sentence on its own; when the
verifier is installed the whole changed article is checked again, and if it holds more failed
sentences than before, the stage tries once more without writing those sentences, and failing
that ships the article as it came.
"""

from __future__ import annotations

import copy
import functools
import re
from collections.abc import Callable
from typing import Any

from .. import jsonld
from ..rewrite.compress import phrase_cuts, prefixes, variants
from ..models import Article, Evidence, Fact, Run
from ..plan import topic_phrase, with_topic
from ..rewrite.refer import names_as_subject, pronoun_for, refer_back
from ..rewrite.active import to_active
from ..rewrite.split import split_clauses, split_relative
from ..text import STOPWORDS, ensure_period, split_sentences, whole_phrase
from . import analyze
from .forms import build_topic, occurrences
from .pixels import title_width
from .readability_checks import has_transition, is_participle, is_passive
from .result import SeoResult
from .seo_checks import TITLE_MAX_PX
from .tokens import length_words, tokens

META_MIN, META_MAX = 121, 156
PARAGRAPH_MAX = 150
BODY_MAX = 8  # paragraphs (FORMAT.md)
LONG_SENTENCE, LONG_SHARE = 20, 25.0
PASSIVE_SHARE = 10.0
SHORTEST_KEPT = 6  # words: a shorter cut rarely keeps a verb and its object

# Whether the verifier passes each of some new sentences on its own.
Grounded = Callable[[list[str]], bool]

_FIELDS_WITH_PROSE = ("summary", "sections", "faq", "takeaways", "conclusion", "body")


class _Draft:
    """The article as editable JSON plus its evidence map, kept in step. ``banned`` holds
    sentences the verifier failed in an earlier try: no change may write them again."""

    def __init__(self, article: Article, banned: frozenset[str] = frozenset()) -> None:
        self.data: dict[str, Any] = article.to_json_dict()
        self.changes: list[str] = []
        self.banned = banned

    def allows(self, *sentences: str) -> bool:
        return not any(s.strip() in self.banned for s in sentences)

    def article(self) -> Article:
        return Article.model_validate(self.data)

    def evidence_for(self, part: str, sentence: str) -> dict[str, Any] | None:
        return next((e for e in self.data["evidence"] if e["part"] == part and e["sentence"].strip() == sentence.strip()), None)

    def parts(self) -> list[tuple[str, str]]:
        d = self.data
        out = [(f"summary[{i}]", s) for i, s in enumerate(d["summary"])]
        out += [(f"sections[{i}].answer", s["answer"]) for i, s in enumerate(d["sections"])]
        out += [(f"faq[{i}].answer", s["answer"]) for i, s in enumerate(d["faq"])]
        out += [(f"takeaways[{i}].text", t["text"]) for i, t in enumerate(d["takeaways"])]
        out.append(("conclusion", d["conclusion"]))
        out += [(f"body[{i}]", p) for i, p in enumerate(d["body"])]
        return out

    def get(self, part: str) -> str:
        m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", part)
        assert m
        value: Any = self.data[m[1]]
        if m[2] is not None:
            value = value[int(m[2])]
        return value[m[3]] if m[3] else value

    def set(self, part: str, text: str) -> None:
        m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", part)
        assert m
        if m[2] is None:
            self.data[m[1]] = text
        elif m[3]:
            self.data[m[1]][int(m[2])][m[3]] = text
        else:
            self.data[m[1]][int(m[2])] = text

    def replace_sentence(self, part: str, old: str, new: str) -> bool:
        """Write ``new`` for ``old`` in ``part``; False (and nothing written) where it is banned."""
        if not self.allows(new):
            return False
        self.set(part, self.get(part).replace(old, new, 1))
        e = self.evidence_for(part, old)
        if e is not None:
            e["sentence"] = new
        return True


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


# Prepositions that open an adjunct (where, when, with what), which a sentence can lose and still
# say a true thing; not "to", "of" or "by", which mostly open what the verb or noun needs.
def _cut_to_words(sentence: str, max_words: int) -> str | None:
    """The fullest deletion of ``sentence`` with at most ``max_words`` words: at a clause boundary,
    or before a closing prepositional phrase where at least half of the sentence stays ("...
    decided to set aside a frequency for the tracking of planes [at the conference ...]")."""
    best: str | None = None
    for variant in variants(sentence):
        for candidate in prefixes(variant, SHORTEST_KEPT):
            n = len(length_words(candidate))
            if SHORTEST_KEPT <= n <= max_words and candidate.rstrip(".") != sentence.rstrip("."):
                if best is None or len(candidate) > len(best):
                    best = candidate
                break
    words = len(length_words(sentence))
    for candidate in phrase_cuts(sentence):
        if is_participle(candidate.split()[-1].lower()):
            continue  # "the decision was taken [at a UN conference]": the verb needs its phrase
        n = len(length_words(candidate))
        if max(SHORTEST_KEPT, words / 2) <= n <= max_words and (best is None or len(candidate) > len(best)):
            best = candidate
    return ensure_period(best) if best else None


def keyphrase_options(article: Article, *, topics: bool = False) -> list[Article]:
    """The article with each candidate keyphrase (names from the tags and the headline, and with
    ``topics`` the headline's lower-case topics), the slug following the keyphrase as the planner
    builds it and the tags and URL with it."""
    from ..plan import make_slug

    out = []
    candidates = _keyphrase_candidates(article)
    if topics and not _names_headline_and_lead(article, [article.keyphrase, *candidates]):
        candidates += [t for t in _headline_topics(article) if t.lower() not in {c.lower() for c in candidates}]
    for candidate in candidates:
        slug = make_slug(article.headline, candidate)
        tags = [candidate] + [t for t in article.tags if t.lower() != candidate.lower()]
        url = article.url.replace(f"/{article.slug}/", f"/{slug}/") if article.url else None
        out.append(article.model_copy(update={"keyphrase": candidate, "slug": slug, "tags": tags, "url": url}))
    return out


def choose_keyphrase(article: Article, score: Callable[[Article], int]) -> Article:
    """The candidate keyphrase (the planner's, then ``keyphrase_options``) that gives the best SEO
    score. The questions keep the planner's topic here: ``fix_questions`` names the keyphrase
    there where that pays."""
    best, best_score = article, score(article)
    for trial in keyphrase_options(article):
        s = score(trial)
        if s > best_score:
            best, best_score = trial, s
    return best


_POSSESSIVE = re.compile(r"['’]s$")


def _keyphrase_candidates(article: Article) -> list[str]:
    """The names the article is tagged with and the runs of capitalised words in its headline
    (a news headline names who the story is about), without a possessive ending or a
    sentence-initial common word ("Co-star John Stamos" offers "John Stamos")."""
    text = " ".join([*article.summary, *article.body]).lower()
    out = [t for t in article.tags if t]
    words = [w.strip(",.;:'\"’") for w in article.headline.split()]
    runs: list[list[str]] = []
    in_run = False  # whether the previous word ended the last run
    for w in words:
        if w[:1].isupper() or (w[:1].isdigit() and in_run):  # "Ligue 1" is one name
            if in_run:
                runs[-1].append(w)
            else:
                runs.append([w])
            in_run = True
        else:
            in_run = False
    for run in runs:
        if run and run[0] == words[0] and whole_phrase(run[0].lower()).search(text):
            run = run[1:]  # written in lower case elsewhere: a common word that opens the headline
        if 1 <= len(run) <= 4:
            out.append(" ".join(run))
    cleaned = [_POSSESSIVE.sub("", c).strip() for c in out]
    cleaned = [c for c in cleaned if c[:1].isalpha()]  # "80,000" is a figure, not a topic
    seen = {article.keyphrase.lower()}
    return [c for c in cleaned if len(c) > 1 and not (c.lower() in seen or seen.add(c.lower()))]  # type: ignore[func-returns-value]


_NOT_TOPICS = frozenset({"DATE", "TIME", "ORDINAL", "CARDINAL", "PERCENT", "MONEY", "QUANTITY"})


def _names_headline_and_lead(article: Article, names: list[str]) -> bool:
    """Whether one of ``names`` is in both the headline and the lead (the first summary point),
    the two places a keyphrase must be."""
    lead = article.summary[0] if article.summary else ""
    return any(whole_phrase(n, re.I).search(article.headline) and whole_phrase(n, re.I).search(lead)
               for n in names if n)


def _headline_topics(article: Article) -> list[str]:
    """Runs of two or three lower-case words in the headline that end on a noun and hold no verb
    or date (spaCy's tags and entities: "fourth quarter" is when, not what), open and close on a
    content word, and recur in the summary and body ("works of art", "radio spectrum"): the topic
    of a story whose headline and lead name no one in common."""
    from ..nlp import spacy_pipeline

    nlp = spacy_pipeline()
    if nlp is None:
        return []
    text = " ".join([*article.summary, *article.body]).lower()
    out: list[str] = []
    for segment in re.split(r"[,;:()\"“”]", article.headline):
        doc = nlp(segment.strip())
        for n in (3, 2):
            for i in range(len(doc) - n + 1):
                span = doc[i : i + n]
                words = [t.text for t in span]
                if (not all(re.fullmatch(r"[a-z][a-z-]*", w) for w in words)
                        or words[0] in STOPWORDS or words[-1] in STOPWORDS
                        or sum(w in STOPWORDS for w in words) > 1
                        or span[-1].tag_ not in ("NN", "NNS") or any(t.tag_.startswith("VB") for t in span)
                        or any(t.ent_type_ in _NOT_TOPICS for t in span)):
                    continue
                phrase = " ".join(words)
                if len(whole_phrase(phrase).findall(text)) >= 2 and phrase not in out:
                    out.append(phrase)
    return out


def fix_title_width(draft: _Draft) -> None:
    """A headline wider than 600 px (Arial 18px) is cut at a clause boundary until it fits."""
    from ..rewrite.compress import headline as cut_headline

    old = draft.data["headline"]
    if title_width(old) <= TITLE_MAX_PX:
        return
    limit = len(old) - 1
    while limit > 30:
        new = cut_headline(old, limit)
        if title_width(new) <= TITLE_MAX_PX and len(tokens(new)) >= 4 and draft.allows(new):
            draft.data["headline"] = new
            for e in draft.data["evidence"]:
                if e["part"] == "headline":
                    e["sentence"] = new
            draft.changes.append("headline")
            return
        limit -= 5


def fix_meta_description(draft: _Draft, facts: list[Fact]) -> None:
    """Too long: delete at a clause boundary. Too short or without the keyphrase: re-select a
    source sentence (or add one to it) so it holds the keyphrase within 121-156 characters."""
    d = draft.data
    topic = build_topic(d["keyphrase"])
    meta = d["meta_description"].strip()

    def has_kp(text: str) -> bool:
        return d["keyphrase"].lower() in text.lower() and any(occurrences(topic, s) for s in _sentences(text))

    def fits(text: str) -> bool:
        return META_MIN <= len(text) <= META_MAX

    if fits(meta) and has_kp(meta):
        return
    current = [(e["sentence"], e["facts"]) for e in d["evidence"] if e["part"] == "meta_description"]
    Choice = list[tuple[str, list[str]]]  # (sentence, fact ids) in order
    candidates: list[Choice] = []
    if len(meta) > META_MAX and len(current) == 1:
        for variant in variants(meta):
            candidates += [[(ensure_period(cut), current[0][1])] for cut in prefixes(variant, SHORTEST_KEPT)]
    ordered = sorted(facts, key=lambda f: (f.role not in ("lead", "title"), not f.id.startswith("S1.")))
    for fact in ordered:
        for variant in variants(fact.text):
            for cut in dict.fromkeys([variant.strip(), *prefixes(variant, SHORTEST_KEPT)]):
                sentence = ensure_period(cut)
                candidates.append([(sentence, [fact.id])])
                if len(meta) < META_MIN and current and sentence not in meta:
                    candidates.append([*current, (sentence, [fact.id])])

    # A sentence with the keyphrase, then a clause of another fact to fill the room.
    keyed = [f for f in ordered if has_kp(ensure_period(f.text)) and len(f.text) < META_MIN]
    for first in keyed[:2]:
        for other in ordered:
            if other.id == first.id:
                continue
            for cut in dict.fromkeys([other.text.strip(), *prefixes(other.text, SHORTEST_KEPT)]):
                candidates.append([(ensure_period(first.text), [first.id]), (ensure_period(cut), [other.id])])

    def text_of(choice: Choice) -> str:
        return " ".join(s for s, _ in choice)

    candidates = [c for c in candidates if draft.allows(*(sentence for sentence, _ in c))]
    good = [c for c in candidates if fits(text_of(c)) and has_kp(text_of(c))]
    if not good and not fits(meta):
        good = [c for c in candidates if fits(text_of(c))]
    if not good:
        return
    choice = good[0]
    d["meta_description"] = text_of(choice)
    d["evidence"] = [e for e in d["evidence"] if e["part"] != "meta_description"]
    d["evidence"] += [Evidence(part="meta_description", sentence=s, facts=ids).model_dump() for s, ids in choice]
    draft.changes.append("meta_description")


def fix_long_paragraphs(draft: _Draft) -> None:
    """Body paragraphs over 150 words split in two at a sentence boundary; other parts over 150
    words lose trailing sentences."""
    d = draft.data
    i = 0
    while i < len(d["body"]):
        sentences = _sentences(d["body"][i])
        if len(length_words(d["body"][i])) > PARAGRAPH_MAX and len(sentences) > 1 and len(d["body"]) < BODY_MAX:
            total, cut = 0, 1
            half = len(length_words(d["body"][i])) / 2
            for j, s in enumerate(sentences[:-1], start=1):
                total += len(length_words(s))
                cut = j
                if total >= half:
                    break
            first, second = " ".join(sentences[:cut]), " ".join(sentences[cut:])
            d["body"][i : i + 1] = [first, second]
            for e in d["evidence"]:
                m = re.fullmatch(r"body\[(\d+)\]", e["part"])
                if m and int(m[1]) > i:
                    e["part"] = f"body[{int(m[1]) + 1}]"
                elif m and int(m[1]) == i and e["sentence"] in second:
                    e["part"] = f"body[{i + 1}]"
            draft.changes.append("paragraph")
            continue
        i += 1
    for part, text in draft.parts():
        if part.startswith("body["):
            continue
        sentences = _sentences(text)
        while len(sentences) > 1 and len(length_words(" ".join(sentences))) > PARAGRAPH_MAX:
            dropped = sentences.pop()
            d["evidence"] = [e for e in d["evidence"] if not (e["part"] == part and e["sentence"].strip() == dropped.strip())]
            draft.changes.append("paragraph")
        draft.set(part, " ".join(sentences))


# A question that ends on the planner's topic: "What is the latest on Chinese shares?"
_TOPIC_TAIL = re.compile(r"^(?P<head>.+?)\s+(?P<prep>about|on|to|for|with)\s+(?P<topic>[^?]+)\?$")


def _questions(draft: _Draft) -> list[tuple[str, str]]:
    d = draft.data
    return ([(f"sections[{i}].question", s["question"]) for i, s in enumerate(d["sections"])]
            + [(f"faq[{i}].question", q["question"]) for i, q in enumerate(d["faq"])])


_QUESTION_CHECKS = ("subheadingsKeyword", "keyphraseDensity")


def _passes(report: Any, assessment_id: str) -> bool:
    a = report.get(assessment_id)
    return a is None or a.score == 9


def fix_questions(draft: _Draft, grounded: Grounded | None = None) -> None:
    """Keyphrase density and subheadings: questions that end on the planner's topic may drop it
    ("What is the latest on Chinese shares?" becomes "What is the latest?") or name the chosen
    keyphrase instead, and the planner's questions without a topic may name it. A check moves only when enough questions change (Yoast wants the keyphrase
    in 30-75% of subheadings, and a density falls one mention at a time), so the changes are tried
    in runs: the keyphrase named in the first k topic questions, or the topic dropped from the
    last k (FAQ questions before section questions), for each k; the run that raises the SEO score
    most is kept, where readability does not fall. A question makes no claim, so no fact is
    touched. With ``grounded``, the density comes down by pronouns too (``refer_to_keyphrase``):
    in each run that leaves it over its limit, and in one more run that changes no question."""
    current = _both(draft.article())
    if all(_passes(r.seo, a) for r in current for a in _QUESTION_CHECKS):
        return  # the only checks a question moves already pass: spare the audits
    keyphrase = draft.data["keyphrase"]
    topic = topic_phrase(keyphrase)  # "the works of art": a common noun reads with its article
    questions = _questions(draft)
    tails = [(part, q, m) for part, q in questions if (m := _TOPIC_TAIL.match(q))]
    asked = {q for _, q in questions}
    named = []
    for part, q in questions:
        m = _TOPIC_TAIL.match(q)
        if m is None:
            new = with_topic(q, topic)  # "What was the reaction?" -> "... to Chinese shares?"
        else:
            new = f"{m['head']} {m['prep']} {topic}?" if m["topic"].lower() not in (keyphrase.lower(), topic.lower()) else None
        if new and new not in asked:
            named.append((part, q, new))
    # Never two subheadings alike: "Who said what about X?" loses its topic only where no FAQ
    # question already reads "Who said what?".
    dropped = [(part, q, f"{m['head']}?") for part, q, m in reversed(tails) if f"{m['head']}?" not in asked]
    runs = [edits[:k] for edits in (named, dropped) for k in range(1, len(edits) + 1)]
    if grounded is not None:
        runs.insert(0, [])  # the questions as they are, the density brought down by pronouns alone
    start = copy.deepcopy(draft.data)
    best: tuple[dict[str, Any], tuple[SeoResult, SeoResult], list[str]] | None = None
    for run in runs:
        draft.data = copy.deepcopy(start)
        for part, question, new in run:
            draft.replace_sentence(part, question, new)
        trial, referred = _both(draft.article()), 0
        if grounded is not None and _too_dense(trial):
            trial, referred = refer_to_keyphrase(draft, grounded, trial)
        if _score(*trial) > _score(*(best[1] if best else current)) and _readability(*trial) >= _readability(*current):
            best = (copy.deepcopy(draft.data), trial, ["question"] * bool(run) + ["pronoun"] * bool(referred))
    draft.data = best[0] if best else start
    if best:
        draft.changes += best[2]


def _too_dense(result: tuple[SeoResult, SeoResult]) -> bool:
    """Whether either analysis finds the keyphrase over its density limit."""
    return any((a := r.seo.get("keyphraseDensity")) is not None and a.score < 0 for r in result)


def _referrals(draft: _Draft) -> list[tuple[str, str, str]]:
    """(part, sentence, rewrite) for each mention of the keyphrase that may become a pronoun (see
    ``refer``): in a paragraph, after a sentence with the keyphrase as its subject or owner; or
    opening an answer whose question names it (an answer is read with its question, in FAQPage
    data too). Never in a summary point or a takeaway, which each stand alone. Body paragraphs
    come first, then the conclusion, FAQ and section answers: the news's own telling keeps its
    names longest."""
    keyphrase = draft.data["keyphrase"]
    pronoun = pronoun_for(keyphrase, [f["text"] for f in draft.data.get("facts", [])])
    if pronoun is None:
        return []
    d = draft.data
    named = whole_phrase(keyphrase, re.IGNORECASE)
    blocks: list[tuple[str, str, str]] = [(f"body[{i}]", p, "") for i, p in enumerate(d["body"])]
    blocks.append(("conclusion", d["conclusion"], ""))
    blocks += [(f"faq[{i}].answer", q["answer"], q["question"]) for i, q in enumerate(d["faq"])]
    blocks += [(f"sections[{i}].answer", s["answer"], s["question"]) for i, s in enumerate(d["sections"])]
    out = []
    for part, text, question in blocks:
        sentences = _sentences(text)
        for k, sentence in enumerate(sentences):
            before = names_as_subject(sentences[k - 1], keyphrase) if k else bool(named.search(question))
            if before and (new := refer_back(sentence, keyphrase, pronoun)) and draft.allows(new):
                out.append((part, sentence, new))
    return out


def refer_to_keyphrase(draft: _Draft, grounded: Grounded,
                       current: tuple[SeoResult, SeoResult]) -> tuple[tuple[SeoResult, SeoResult], int]:
    """While the keyphrase is over its density limit, put one more repeated mention as a pronoun
    (``_referrals``, in order; each new sentence where the verifier passes it, and no part taken
    under a FORMAT.md size it met); the audits after and how many mentions became pronouns."""
    referred = 0
    for part, sentence, new in _referrals(draft):
        if not _too_dense(current):
            break
        saved = copy.deepcopy(draft.data)
        if not grounded([new]) or not draft.replace_sentence(part, sentence, new):
            continue
        if not _floors_kept(saved, draft.data, may_shrink_under=True):
            draft.data = saved  # "They" for "Chinese shares" may take an answer under its least size
            continue
        current, referred = _both(draft.article()), referred + 1
    return current, referred


def fix_takeaways(draft: _Draft) -> None:
    """A takeaway holds one point in one sentence: where "Label: sentence" runs over 20 words, the
    sentence becomes its fullest clause-bounded deletion that fits (the whole sentence stays in the
    body), kept only where neither score falls."""
    current = _both(draft.article())
    if all(_passes(r.readability, "textSentenceLength") for r in current):
        return
    for i in range(len(draft.data["takeaways"])):
        takeaway = draft.data["takeaways"][i]
        label = len(length_words(takeaway["label"]))
        if len(length_words(takeaway["text"])) + label <= LONG_SENTENCE:
            continue
        short = _cut_to_words(takeaway["text"], LONG_SENTENCE - label)
        if not short:
            continue
        saved = copy.deepcopy(draft.data)
        if not draft.replace_sentence(f"takeaways[{i}].text", takeaway["text"], short):
            continue
        after = _both(draft.article())
        if _score(*after) < _score(*current) or _readability(*after) < _readability(*current):
            draft.data = saved
        else:
            current = after
            draft.changes.append("takeaway")


def _score(result_free: SeoResult, result_forms: SeoResult) -> int:
    return min(result_free.seo.score, result_forms.seo.score)


def _readability(result_free: SeoResult, result_forms: SeoResult) -> int:
    return min(result_free.readability.score, result_forms.readability.score)


def _both(article: Article) -> tuple[SeoResult, SeoResult]:
    """Free and Premium matching: a fix must hold under both (the free one caps keyphrase
    density at 3%, the Premium one finds more keyphrase forms)."""
    return analyze(article, word_forms=False), analyze(article)


def _cut_active(sentence: str) -> str | None:
    """The fullest clause-bounded deletion of ``sentence`` that holds no passive clause (a
    trailing "..., which was approved by ..." goes; a passive main clause cannot)."""
    best: str | None = None
    for variant in variants(sentence):
        for candidate in prefixes(variant, SHORTEST_KEPT):
            if (len(length_words(candidate)) >= SHORTEST_KEPT and candidate.rstrip(".") != sentence.rstrip(".")
                    and not is_passive(candidate)):
                if best is None or len(candidate) > len(best):
                    best = candidate
                break
    return ensure_period(best) if best else None


def _active_cut(sentence: str, grounded: Grounded) -> str | None:
    """A passive ``sentence`` cut before a closing phrase that kept it from the active voice (a
    pronoun there: "... probed by the European Commission [over the methods it used ...]") and
    then put in the active voice; the fullest such cut whose rewrite ``grounded`` passes."""
    for cut in sorted(phrase_cuts(sentence), key=len, reverse=True):
        if len(length_words(cut)) < SHORTEST_KEPT:
            continue
        active = to_active(ensure_period(cut))
        if active and grounded([active]):
            return active
    return None


def _apply_cut(draft: _Draft, sentence: str, short: str, *, keep_whole: bool = False) -> bool:
    """Cut ``sentence`` to ``short`` in every part where the part keeps its FORMAT.md size (the
    summary opens with the lead exactly as written); whether any part changed. Parts already under
    their size (a thin brief's answers are) are cut too, save one that keeps the sentence whole, so
    the article loses no word of it: the lead, else the body (the full story), else the first.
    With ``keep_whole`` some part keeps it whole in any case (``short`` drops more than a detail):
    where every part took the cut, the body (the full story), else the first that held it."""
    holders = [p for p, text in draft.parts() if sentence in text] if keep_whole else []
    changed = _cut_parts(draft, sentence, short)
    if holders and changed and not any(sentence in text for _, text in draft.parts()):
        keeper = next((p for p in holders if p.startswith("body[")), holders[0])
        draft.replace_sentence(keeper, short, sentence)
    return changed


def _cut_parts(draft: _Draft, sentence: str, short: str) -> bool:
    if not draft.allows(short):
        return False
    changed = False
    thin = []
    start = copy.deepcopy(draft.data)
    holders = [p for p, text in draft.parts() if sentence in text and p != "summary[0]"]
    for p in holders:
        before = copy.deepcopy(draft.data)
        draft.replace_sentence(p, sentence, short)
        if _sizes_kept(before, draft.data):
            changed = True
            continue
        draft.data = before
        if _under_size(before, p):
            thin.append(p)
    if not thin:
        return changed
    if sentence in draft.get("summary[0]"):
        keeper = "summary[0]"
    else:
        keeper = next((p for p in holders if p.startswith("body[")), thin[0])
        if keeper not in thin:
            draft.replace_sentence(keeper, short, sentence)
    for p in thin:
        if p != keeper:
            before = copy.deepcopy(draft.data)
            draft.replace_sentence(p, sentence, short)
            if _no_faq_copies(start, draft.data):  # an answer the same as a section's before may stay so
                changed = True
            else:
                draft.data = before
    return changed


def _apply_rewrite(draft: _Draft, sentence: str, new: str) -> bool:
    """Write ``new``, the same claim in other words (the active voice), for ``sentence`` wherever it
    stands save the lead, and where the part keeps its size or was under it already (no fact is
    lost, and a thin brief's answers are short whatever the voice)."""
    changed = False
    for p, text in draft.parts():
        if sentence not in text or p == "summary[0]":
            continue
        before = copy.deepcopy(draft.data)
        if not draft.replace_sentence(p, sentence, new):
            continue
        # The same sentence becomes the same rewrite everywhere: no FAQ answer becomes a new copy.
        if _floors_kept(before, draft.data) or _under_size(before, p):
            changed = True
        else:
            draft.data = before
    return changed


def _apply_split(draft: _Draft, sentence: str, pieces: list[str]) -> bool:
    """Write ``sentence`` as ``pieces`` wherever it stands, save where a part must stay one sentence
    (the lead, a takeaway); each piece keeps the sentence's evidence."""
    if not draft.allows(*pieces):
        return False
    changed = False
    for p, text in draft.parts():
        if sentence not in text or p == "summary[0]" or p.startswith("takeaways["):
            continue
        e = draft.evidence_for(p, sentence)
        draft.set(p, text.replace(sentence, " ".join(pieces), 1))
        if e is not None:
            at = draft.data["evidence"].index(e)
            draft.data["evidence"][at : at + 1] = [{**copy.deepcopy(e), "sentence": piece} for piece in pieces]
        changed = True
    return changed




def _always(_: list[str]) -> bool:
    return True


def fix_sentences(draft: _Draft, grounded: Grounded = _always) -> None:
    """While more than 25% of sentences run over 20 words, split the longest where it joins two
    whole clauses or before a closing relative clause (``split``), or else cut it at a clause
    boundary; while more than 10% are passive, put the longest passive sentence that names its
    doer in the active voice (``active``), or that would name it once a closing phrase is cut
    (one part keeps the whole sentence), or else cut a passive trailing clause where there is
    one. A split or rewrite is made only where ``grounded`` passes the new sentences; a change
    that lowers either score under either matching is undone. Where a change leaves the text
    short enough that the keyphrase goes over its density limit, repeated mentions may become
    pronouns (``refer_to_keyphrase``) before it is judged."""
    tried: set[tuple[str, str]] = set()
    current = _both(draft.article())
    while True:
        kinds = []
        if _long_share(current[1]) > LONG_SHARE:
            kinds.append("long")
        if _passive_share(current[1]) > PASSIVE_SHARE:
            kinds.append("passive")
        candidates = []
        for part, text in draft.parts():
            if part == "summary[0]":
                continue
            for s in _sentences(text):
                n = len(length_words(s))
                if "long" in kinds and n > LONG_SENTENCE and ("long", s) not in tried:
                    candidates.append((n, "long", s))
                if "passive" in kinds and is_passive(s) and ("passive", s) not in tried:
                    candidates.append((n, "passive", s))
        if not candidates:
            return
        _, kind, sentence = max(candidates)
        tried.add((kind, sentence))
        saved = copy.deepcopy(draft.data)
        pieces = (split_clauses(sentence) or split_relative(sentence)) if kind == "long" else None
        active = to_active(sentence) if kind == "passive" else None
        if pieces and grounded(pieces):
            if not _apply_split(draft, sentence, pieces):
                continue
        elif active and grounded([active]):
            if not _apply_rewrite(draft, sentence, active):
                continue
        elif kind == "passive" and (shorter := _active_cut(sentence, grounded)):
            if not _apply_cut(draft, sentence, shorter, keep_whole=True):
                continue
        else:
            short = _cut_to_words(sentence, LONG_SENTENCE) if kind == "long" else _cut_active(sentence)
            if not short or not _apply_cut(draft, sentence, short):
                continue
        trial, referred = _both(draft.article()), 0
        if _too_dense(trial) and not _too_dense(current):
            # A shorter text allows fewer mentions: a repeated one may become a pronoun.
            trial, referred = refer_to_keyphrase(draft, grounded, trial)
        if _score(*trial) < _score(*current) or _readability(*trial) < _readability(*current):
            draft.data = saved
            continue
        current = trial
        draft.changes += ["sentence"] + ["pronoun"] * bool(referred)


# Additive connectives only: each says no more than "and". Contrast ("however"), cause ("so",
# "because") and time ("meanwhile", "then") would each be a claim about how two facts relate.
CONNECTIVES = ("Also,", "In addition,", "Additionally,", "Furthermore,")
# The conclusion restates the news: its first sentence may open by saying so.
CONCLUDING = "In short,"
CONCLUDING_SHORT = "Overall,"  # where "In short," would take the sentence over 20 words
TRANSITION_SHARE = 30.0
# First words that lose their capital after a connective. Any other capitalised first word loses it
# where the article writes it in lower case or spaCy tags it a common noun, and keeps it where it is
# a name (written capitalised inside the article too); otherwise the sentence is skipped.
_LOWERCASE_FIRST = frozenset(
    "a an the this that these those it its he she they his her their there here in on at by for from "
    "with as some many most several both each every one two three four five six seven eight nine ten "
    "around about nearly almost more less over under just only officials police".split()
)


# Titles written before a name keep their capital: "Also, Mr Earnest said ...".
_HONORIFICS = frozenset("Mr Mr. Mrs Mrs. Ms Ms. Dr Dr. Sir Dame Lord Lady Prof Prof. Professor".split())


def _not_a_dictionary_word(word: str) -> bool:
    """Whether ``word`` is in no English lexicon form (lemminflect's), as a name like "Yucaipa" is
    not; False where lemminflect is not installed (the word is then skipped, never lowered)."""
    try:
        from lemminflect import getAllLemmas
    except ImportError:
        return False
    return word.isalpha() and not getAllLemmas(word.lower())


def _common_noun_opens(sentence: str) -> bool:
    """Whether ``sentence`` opens with a common noun ("Photos and videos ... showed"), not a name
    ("Bush spoke", "Brooks said"), as spaCy tags it; False without spaCy (the word is then
    skipped, never lowered)."""
    from ..nlp import spacy_pipeline

    nlp = spacy_pipeline()
    if nlp is None:
        return False
    first = nlp(sentence)[0]
    return first.tag_ in ("NN", "NNS") and not first.ent_type_


def without_connective(sentence: str) -> str:
    """``sentence`` as it was before ``fix_transitions`` opened it with a connective."""
    for connective in (*CONNECTIVES, CONCLUDING, CONCLUDING_SHORT):
        if sentence.startswith(connective + " "):
            rest = sentence[len(connective) + 1 :]
            return rest[:1].upper() + rest[1:]
    return sentence


def _with_connective(sentence: str, connective: str, words: tuple[set[str], set[str]]) -> str | None:
    """``sentence`` opened by ``connective``, or None where its first word's case is unclear or it
    opens with a quotation (a quote must stay as the speaker's words)."""
    names, lower = words
    first, _, rest = sentence.partition(" ")
    if not rest or not first[:1].isalpha() or has_transition(sentence):
        return None
    bare = _POSSESSIVE.sub("", first.strip(",.;:'\"’()"))  # "Moderna," and "Moderna's" are "Moderna"
    if first.lower() in _LOWERCASE_FIRST or (bare not in names and (bare.lower() in lower or _common_noun_opens(sentence))):
        first = first.lower()
    elif bare not in names and not (bare.isupper() and len(bare) > 1) and not (
            first in _HONORIFICS and rest[:1].isupper()) and not _not_a_dictionary_word(bare):
        return None
    return f"{connective} {first} {rest}"


def _words_by_case(draft: _Draft) -> tuple[set[str], set[str]]:
    """Words the article or its sources write capitalised other than at a sentence start, and the
    words of its tags (names), and words they write in lower case."""
    names: set[str] = set()
    lower: set[str] = set()
    texts = [text for _, text in draft.parts()] + [f["text"] for f in draft.data.get("facts", [])]
    for text in texts:
        for s in _sentences(text):
            for w in s.split()[1:]:
                w = _POSSESSIVE.sub("", w.strip(",.;:'\"’()"))
                (names if w[:1].isupper() else lower).add(w)
    for tag in draft.data.get("tags", []):
        names.update(w for w in tag.split() if w[:1].isupper())
    return names, lower


def _transition_share(result: SeoResult) -> float:
    a = result.readability.get("textTransitionWords")
    if a is None or a.score == 9:
        return 100.0  # enough, or a text too short to need them
    return _share(result, "textTransitionWords")


def _newly_long(sentence: str) -> bool:
    """Whether a connective (up to two words) may take ``sentence`` over 20 words."""
    return len(length_words(sentence)) <= LONG_SENTENCE < len(length_words(sentence)) + 2


def concluding(sentence: str) -> str:
    """The connective that opens the conclusion: the one-word one where two words would take the
    sentence over 20."""
    return CONCLUDING_SHORT if _newly_long(sentence) else CONCLUDING


def fix_transitions(draft: _Draft) -> None:
    """While fewer than 30% of sentences hold a transition word, open one more sentence that
    continues the story with an additive connective, the connectives taken in turn, or the
    conclusion's first sentence with ``concluding``. Candidates: not the first sentence of a part
    (save the conclusion's, and body paragraphs after the first, which continue the story; and,
    after every other candidate, the answers of sections after the first, which are read in
    order, where an FAQ answer stands alone), never a summary point or a takeaway. Order: sentences that stay within 20 words, then those already
    over it (the share of long sentences stays as it was), then those a connective takes over it;
    within each, second sentences of a paragraph before third ones (so connectives spread out),
    body before section answers, conclusion and FAQ. The changes are judged together: they are
    kept only when the readability score ends higher (a connective costs the prose a little; it
    is paid only for a better score), and never at a lower SEO score."""
    words = _words_by_case(draft)
    start = copy.deepcopy(draft.data)
    first = _both(draft.article())
    current = first
    turn = 0
    tried: set[tuple[str, str]] = set()
    order = {"body": 0, "sections": 1, "conclusion": 2, "faq": 3}
    while _transition_share(current[0]) < TRANSITION_SHARE:
        ranked = sorted(
            (i == 0 and part.startswith("sections["), _newly_long(s), len(length_words(s)) > LONG_SENTENCE, i,
             order[part.split("[")[0]], n, part, s)
            for n, (part, text) in enumerate(draft.parts()) if part.split("[")[0] in order
            for i, s in enumerate(_sentences(text))
            if (i > 0 or part == "conclusion" or (part.startswith("body[") and part != "body[0]")
                or (part.startswith("sections[") and part != "sections[0].answer"))
            and (part, s) not in tried
        )
        if not ranked:
            break
        part, sentence = ranked[0][-2], ranked[0][-1]
        tried.add((part, sentence))
        opens_conclusion = part == "conclusion" and draft.get(part).startswith(sentence)
        connective = concluding(sentence) if opens_conclusion else CONNECTIVES[turn % len(CONNECTIVES)]
        new = _with_connective(sentence, connective, words)
        if new is not None and _newly_long(sentence) and len(length_words(new)) > LONG_SENTENCE:
            # Rather than make a sentence long, open its cut to fit (here only: the other parts
            # keep it whole): "... paint sacs [on Bayswater Road]".
            short = _cut_to_words(sentence, LONG_SENTENCE - len(connective.split()))
            new = _with_connective(short, connective, words) if short else new
        if new is None:
            continue
        saved = copy.deepcopy(draft.data)
        if not draft.replace_sentence(part, sentence, new):
            continue
        trial = _both(draft.article())
        if _score(*trial) < _score(*current):
            draft.data = saved
            continue
        tried.add((part, new))
        turn += 1
        current = trial
    if turn and _readability(*current) > _readability(*first):
        draft.changes.append("transition")
    else:
        draft.data = start


def _words(text: str) -> int:
    return len(text.split())


# FORMAT.md's least words per part, where it sets one.
_LEAST_WORDS = {"sections": 60, "faq": 30, "conclusion": 50}


def _under_size(data: dict[str, Any], part: str) -> bool:
    """Whether ``part`` of ``data`` is already under FORMAT.md's least size for it."""
    m = re.fullmatch(r"(\w+)(?:\[(\d+)\])?(?:\.\w+)?", part)
    assert m
    least = _LEAST_WORDS.get(m[1])
    if least is None:
        return False
    text = data[m[1]] if m[2] is None else data[m[1]][int(m[2])]["answer"]
    return _words(text) < least


def _no_faq_copies(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """No FAQ answer became the same as a section answer."""
    answers = {s["answer"] for s in after["sections"]}
    was = {s["answer"] for s in before["sections"]}
    return all(q["answer"] not in answers or q_old["answer"] in was for q, q_old in zip(after["faq"], before["faq"]))


def _sizes_kept(before: dict[str, Any], after: dict[str, Any]) -> bool:
    """FORMAT.md's sizes still hold where they held: conclusion 50-120 words, FAQ answers 30-90,
    section answers 60-200, and no FAQ answer the same as a section answer."""
    return _floors_kept(before, after) and _no_faq_copies(before, after)


def _floors_kept(before: dict[str, Any], after: dict[str, Any], *, may_shrink_under: bool = False) -> bool:
    """No part fell under FORMAT.md's least size for it where it met it, and none already under
    it lost words (unless ``may_shrink_under``: a pronoun for a name loses a word, not a fact)."""
    def floor(old: str, new: str, low: int) -> bool:
        return _words(new) >= low or _words(new) >= _words(old) or (may_shrink_under and _words(old) < low)

    if not floor(before["conclusion"], after["conclusion"], _LEAST_WORDS["conclusion"]):
        return False
    for old, new in zip(before["faq"], after["faq"]):
        if not floor(old["answer"], new["answer"], _LEAST_WORDS["faq"]):
            return False
    for old, new in zip(before["sections"], after["sections"]):
        if not floor(old["answer"], new["answer"], _LEAST_WORDS["sections"]):
            return False
    return True


def _share(result: SeoResult, assessment_id: str) -> float:
    """The first percentage in a readability message (passive voice, long sentences, transition
    words)."""
    a = result.readability.get(assessment_id)
    if a is None:
        return 0.0
    m = re.search(r"([\d.]+)%", a.message)
    return float(m.group(1)) if m else 0.0


def _passive_share(result: SeoResult) -> float:
    return _share(result, "passiveVoice")


def _long_share(result: SeoResult) -> float:
    return _share(result, "textSentenceLength")


def _grounding_report(article: Article, facts: list[Fact]) -> Any:
    """The verifier's report on ``article``, or None when the verifier is not installed."""
    try:
        from ..verify.stage import report_for
    except ImportError:  # the verifier's models are not installed
        return None
    return report_for(article, facts)


_FAILED = ("unsupported", "contradicted")


def _grounded_by(facts: list[Fact]) -> Grounded:
    """Whether the verifier supports each of some new sentences on its own; without the verifier
    installed, no new sentence is judged grounded. Answers are kept: the stage asks again about
    the same sentence as it tries each keyphrase and run of questions."""
    @functools.lru_cache(maxsize=1024)
    def judged(sentences: tuple[str, ...]) -> bool:
        try:
            from ..verify import check_sentences
        except ImportError:
            return False
        return all(v.verdict == "supported" for v in check_sentences(list(sentences), facts))

    def grounded(sentences: list[str]) -> bool:
        return judged(tuple(sentences))
    return grounded


SEO_GOOD = 80  # Yoast's score from which the SEO traffic light is green


def _keyphrase_parts(article: Article, facts: list[Fact], banned: frozenset[str]) -> _Draft:
    """A draft of ``article`` with the headline width, the meta description and the questions fixed
    for its keyphrase."""
    draft = _Draft(article, banned)
    fix_title_width(draft)
    saved, score = copy.deepcopy(draft.data), _score(*_both(article))
    fix_meta_description(draft, facts)
    if _score(*_both(draft.article())) < score:
        draft.data = saved
    grounded = _grounded_by(facts)
    fix_questions(draft, grounded)
    return draft


def improve(article: Article, facts: list[Fact], *, keyphrase_given: bool,
            banned: frozenset[str] = frozenset()) -> tuple[Article, list[str]]:
    """The article with what fails a check fixed (see the module doc), and what was changed; no
    change writes a sentence in ``banned``."""
    changes: list[str] = []
    chosen = article if keyphrase_given else choose_keyphrase(article, lambda a: _score(*_both(a)))
    draft = _keyphrase_parts(chosen, facts, banned)
    best = _score(*_both(draft.article()))
    if chosen.keyphrase != article.keyphrase:
        # The planner's keyphrase is what the brief is most about: where its parts, fixed for it,
        # score as well as the other's (pronouns may bring its density down), it stays.
        planner = _keyphrase_parts(article, facts, banned)
        if (score := _score(*_both(planner.article()))) >= best:
            draft, best = planner, score
    if not keyphrase_given and best < SEO_GOOD:
        # The parts that name the keyphrase (meta description, questions) are fixed for it, so a
        # keyphrase that scored lower as the planner left them may score higher once they are:
        # tried only where the first choice falls short, as each try costs some audits. Here the
        # headline's lower-case topics are candidates too, where no name is in both the headline
        # and the lead (the Wedgwood lead names no one).
        tried = {chosen.keyphrase, article.keyphrase}  # both already fixed and scored above
        for option in [article, *keyphrase_options(article, topics=True)]:
            if option.keyphrase in tried:
                continue
            trial = _keyphrase_parts(option, facts, banned)
            score = _score(*_both(trial.article()))
            if score > best:
                draft, best = trial, score
    if draft.data["keyphrase"] != article.keyphrase:
        changes.append("keyphrase")
    fix_long_paragraphs(draft)
    fix_takeaways(draft)
    fix_sentences(draft, _grounded_by(facts))
    fix_transitions(draft)
    changes += draft.changes
    return draft.article(), changes


def seo_run(run: Run, progress: Any = None) -> Run:
    """The stage: improve, check grounding again, attach the final scores."""
    assert run.article is not None
    before = run.article
    keyphrase_given = bool(run.options.keyphrase)
    after, changes = improve(before, run.facts, keyphrase_given=keyphrase_given)
    grounding = before.grounding
    if changes and any(c != "keyphrase" for c in changes) and before.grounding is not None:
        failed_before = sum(1 for v in before.grounding.get("sentences", []) if v.get("verdict") in _FAILED)
        report = _grounding_report(after, run.facts)
        if report is not None and len(report.failed) > failed_before:
            # A fix cost grounding: try once more without writing the sentences that failed, so
            # the other fixes stay; if that still costs grounding, ship the verified article.
            banned = frozenset(v.text.strip() for v in report.failed)
            after, changes = improve(before, run.facts, keyphrase_given=keyphrase_given, banned=banned)
            report = _grounding_report(after, run.facts)
            if report is not None and len(report.failed) > failed_before:
                after, changes, report = before, [], None
        if report is not None:
            grounding = report.to_json_dict()
    result = analyze(after)
    after = after.model_copy(update={
        "seo": result.seo.to_dict(),
        "readability": result.readability.to_dict(),
        "grounding": grounding,
    })
    after = after.model_copy(update={"jsonld": jsonld.build(after)})
    if progress:
        progress("seo", {"seo": result.seo.score, "readability": result.readability.score, "changes": sorted(set(changes))})
    run.article = after
    return run
