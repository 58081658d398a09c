"""Sentence compression by deletion only.

Headlines, meta descriptions and takeaways must be shorter than the source sentences they restate.
Every function here only *removes* words (trailing clauses, titles before a name, a possessive
lead-in), so the result can never hold a figure, name or quote that its sentence lacks.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..lexicon import REPORTING, alternation, forms
from ..nlp import spacy_pipeline
from ..text import STOPWORDS, ensure_period, open_quote
from .headline import attributed_headline, news_headline, possessive_end, trimmed
from .prune import without_subject_description
from .whole import cut_reason, cuts_off_a_head, drops_reason, ends_on_bare_verb, fragment_reason, inside_quote

_WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan\\.|Feb\\.|Mar\\.|Apr\\.|Jun\\.|Jul\\.|Aug\\.|Sep\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\."
)

# Where a trailing clause may be cut off without changing what the kept part says.
_CUT_POINTS = re.compile(
    r",\s|\s[—–]\s|;\s|:\s"
    r"|\s(?=(?:amid|as|after|while|with|following|despite|because|since|ending|marking|signaling|"
    r"signalling|emphasizing|emphasising|highlighting|saying|according|including|"
    r"before|until|to\s+(?:boost|help|support|avoid|reduce|address|ensure|end|meet))\b)"
    rf"|\s(?=(?:on|last|this|next)\s+(?:{_WEEKDAYS})\b)"
    rf"|\s(?=(?:on|in)\s+(?:{_MONTHS})\b)"
    # After a year that closes its clause, "to" + verb says what for: "set up in 2002 to detain".
    r"|(?:(?<=\bin \d{4})|(?<=\bsince \d{4}))\s(?=to\s+[a-z]+\b)"
    # A second predicate of the same subject: "X is a private equity firm and is run by Y".
    r"|\s(?=and\s+(?:is|are|was|were|has|have|had)\s)"
)

_TITLES = (
    "Prime Minister|Deputy Prime Minister|President|Vice President|Vice-President|Chancellor|"
    "Foreign Minister|Finance Minister|Defence Minister|Defense Minister|Minister|Secretary of State|"
    "Secretary|Mayor|Governor|Senator|Sen\\.|Rep\\.|Representative|Chief Executive|CEO|Chairman|"
    "Chairwoman|Chair|Director|Spokesperson|Spokesman|Spokeswoman|Coach|Manager|Judge|Justice|"
    "General|Gen\\.|King|Queen|Prince|Princess|Pope|Dr\\.|Professor|Prof\\."
)
# "Japan's new Prime Minister Sanae Takaichi" -> "Sanae Takaichi"; only before a capitalised name.
_TITLE_BEFORE_NAME = re.compile(
    r"(?:\b(?:[A-Z][\w.-]*(?:’s|'s)|U\.S\.|UK|U\.K\.|EU)\s+)?(?:(?:new|former|acting|incoming|outgoing)\s+)?"
    rf"\b(?:{_TITLES})\s+(?=[A-Z][a-z]+\s+[A-Z][a-z]+)"
)

# Words a cut must not end on. "said" may end a sentence ("..., Netflix said"), so it stays.
# Not a pronoun that the verb or preposition takes ("officials deny [this]"): it says what they deny.
_DANGLING = (STOPWORDS - forms({"say"}) - set("it them him her us me you this these those".split())) | {"that", "than"}
# Verbs that need what follows them: a cut right after one is refused, not tidied.
_NEEDS_COMPLEMENT = frozenset("came come comes went became remain remains remained".split())
# Phrases that are only whole with the preposition after them: "were arrested in connection" is
# "in connection with the protest" cut short.
_NEEDS_PREPOSITION = re.compile(
    r"\b(?:in connection|in line|in front|in accordance|in response|in exchange|in contact|in charge|"
    r"on behalf|as part|together|along|compared|according|due|prior|ahead|instead)$",
    re.I,
)


def _tidy(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip().rstrip(".,;:—–- ")
    words = text.split(" ")
    while len(words) > 1 and words[-1].lower().strip(",;:") in _DANGLING:
        words.pop()
    if words[-1].lower().strip(",;:") in _NEEDS_COMPLEMENT:
        return ""
    text = " ".join(words).rstrip(".,;:—–- ")
    if _NEEDS_PREPOSITION.search(text):
        return ""
    # An unbalanced quote or bracket means the cut fell inside one: such a cut is not safe.
    if open_quote(text) or text.count("“") != text.count("”") or text.count("(") != text.count(")"):
        return ""
    return text


_PARENTHESIS = re.compile(r"\s*\([^()]{1,80}\)")
# A non-restrictive clause or apposition between commas: ", who has ruled since 1989," etc.
# The aside ends where the sentence goes on with its verb; a comma before "a"/"the" opens the
# aside's own appositive ("..., who impersonated an executive to Goldman Sachs, a potential investor").
_APPOSITION = re.compile(r",\s(?:who|which|whose|now|also|the|a|an)\b[^,;:\"“”]{1,90},(?=\s(?!(?:a|an|the)\s)[a-z])")
# A relative clause closed by a dashed aside rather than a comma: ", who played D.J. Tanner in the
# original series -- which aired from 1987 to 1995 --".
_DASHED_RELATIVE = re.compile(
    r",\s(?:who|which)\b[^,;:\"“”]{1,90}?\s(?:--|—|–)\s[^,;:\"“”—–]{1,60}?\s(?:--|—|–)(?=\s[a-z])")
# A closing description of the speaker named after "said": "..., said Francois Rancy[, head of the
# ITU's Radiocommunication Bureau]." The speaker stays; what they are is a detail. Only verbs a
# speaker follows: after "told" comes whom.
_SPEAKER_DESCRIPTION = re.compile(
    rf"(\b{alternation(forms({'say', 'add'}, base=False))}\s(?:[A-Z][\w.'’-]*\s){{0,3}}[A-Z][\w'’-]+),\s"
    r"(?!\w+ing\b|\w+ed\b|who\b|which\b|whose\b)[^,;:\"“”()]{3,90}?(?=\.?$)"
)
# The holder's name between commas after an office that opens the sentence as its speaker: "The
# chair of Care Forum Wales[, Mario Kreft,] said ...". The office stays, so the attribution does.
_HOLDER_NAME = re.compile(
    rf"^((?:The|A|An)\s(?:[\w'’-]+\s){{0,2}}(?i:{_TITLES})\b[^,;:\"“”()]{{0,60}}),\s"
    rf"(?:[A-Z][\w'’.-]+\s){{1,2}}[A-Z][\w'’-]+,(?=\s{alternation(forms({'say', 'add', 'tell'}, base=False))}\b)"
)
# A connective that ties the sentence to one before it; alone, the sentence reads better without.
_CONNECTIVE = re.compile(r"^(?:But|And|However|Separately|Meanwhile|Also|Still|Yet),?\s+(?=\w)")
# The same link set off by commas after the subject ("Westwood[, meanwhile,] carded ..."): a
# condensed form is read alone, where it points back to nothing.
_INNER_CONNECTIVE = re.compile(r",\s(?:however|meanwhile|though|also|too|in turn|separately),(?=\s)")


def opens_with_connective(sentence: str) -> bool:
    """Whether ``sentence`` opens with a word that links it to the one before ("But", "Also"), or
    sets one off after its subject ("Westwood, meanwhile, carded ...")."""
    return bool(_CONNECTIVE.match(sentence.strip()) or _INNER_CONNECTIVE.search(sentence))


def _outside_quotes(pattern: re.Pattern[str], keep: str, text: str) -> str:
    """``pattern.sub(keep, text)`` save inside a quotation: a quote is never shortened."""
    return pattern.sub(lambda m: m.group(0) if inside_quote(text, m.start()) else m.expand(keep), text)


def _without_titles(text: str) -> str:
    """``text`` without the titles before names, save inside a quotation and save a title that
    goes on a capitalised word before it ("Home Secretary", "The Prime Minister"): the title is
    the whole run, and a part of it left behind misnames the person."""
    def sub(m: re.Match[str]) -> str:
        runs_on = re.search(r"[A-Z][\w.-]*\s$", text[: m.start()])
        return m.group(0) if inside_quote(text, m.start()) or runs_on else ""

    return _TITLE_BEFORE_NAME.sub(sub, text)


def variants(sentence: str) -> list[str]:
    """The sentence, then versions with titles before names, parentheses, asides, a closing
    description of the speaker and a participle phrase on the subject removed (never inside a
    quotation)."""
    base = sentence.strip()
    out = [base]
    removers: list[Callable[[str], str]] = [
        lambda t: _outside_quotes(_CONNECTIVE, "", t),
        lambda t: _outside_quotes(_INNER_CONNECTIVE, "", t),
        _without_titles,
        lambda t: _outside_quotes(_PARENTHESIS, "", t),
        lambda t: _outside_quotes(_APPOSITION, "", t),
        lambda t: _outside_quotes(_DASHED_RELATIVE, "", t),
        lambda t: _outside_quotes(_SPEAKER_DESCRIPTION, r"\1", t),
        lambda t: _HOLDER_NAME.sub(r"\1", t),
    ]
    for remove in removers:
        for text in list(out):
            shorter = remove(text).strip()  # whole only: what reads as an aside may be a clause
            if shorter and shorter != text and shorter not in out and not fragment_reason(ensure_period(shorter)):
                out.append(shorter[:1].upper() + shorter[1:])
    for text in list(out):
        without = without_subject_description(text)
        if without and without not in out:
            out.append(without)
    return out


# What may follow a comma for the cut before it to leave a whole clause behind.
_CLAUSE_AFTER_COMMA = re.compile(
    r"(?:\w+ing|\w+ed\s+by|which|who|while|but|as|after|before|with|according|amid|despite|although|though|"
    r"whereas|because|since|ending|marking|sending|leaving|making|taking|near)\b"
)


_VERB_AFTER_ASIDE = re.compile(
    r",\s(?:had|has|have|was|were|is|are|will|would|could|can|may|might|did|does|said|says)\b"
)


_DATE_PHRASE = re.compile(
    rf"\s(?:on|last|this|next|in)\s+(?:{_WEEKDAYS}|{_MONTHS})(?:\s+\d{{1,2}})?(?:,?\s+\d{{4}})?"
    r"(?:\s+(?:morning|afternoon|evening|night))?"
)
_AFTER_DATE = re.compile(
    r"\s*$|[,.;:]|\s+(?:and|after|before|to|for|at|in|as|with|when|while|but|amid|following|despite|"
    r"because|since|ending|marking|saying|according)\b"
)


# The first half of "as well as", "as soon as", "as much as", "such as": a cut before the "as"
# that completes it leaves "... and wire fraud, as well."
_COMPARISON_BEFORE = re.compile(r"(?:\bas\s+\w+|\bsuch)$")


_OPENS_SUBORDINATE = re.compile(
    r"(?:When|If|While|Although|Though|As|After|Before|Because|Since|Unless|Until|Once|Whether|Where)\b"
)


def _date_cut_is_safe(sentence: str, at: int) -> bool:
    """Cutting before "in September" is safe when the date ends its clause ("starts in March
    and ..."), not when the clause goes on ("a campaign launched in September hit its target")."""
    m = _DATE_PHRASE.match(sentence, at)
    return m is None or _AFTER_DATE.match(sentence, m.end()) is not None


# A sentence that ends by saying who says so: any cut would drop that.
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s(?:[\w.'’&-]+\s){{0,5}}{alternation(forms(REPORTING, base=False))}\b[^,]*$"
)


def prefixes(sentence: str, min_words: int = 4, *, whole: bool = True, condensed: bool = False) -> list[str]:
    """The sentence and every prefix ending at a clause boundary, longest first; only the sentence
    where it ends with its attribution ("..., the Met Police confirmed to MyLondon"). With
    ``whole`` (a sentence, not a headline) only cuts that ``cut_reason`` passes, else only cuts
    that ``drops_reason`` passes for a title; ``condensed``: see ``drops_reason``."""
    base = _tidy(sentence)
    found = {base} if base else set()
    if _TRAILING_ATTRIBUTION.search(sentence.strip().rstrip(".")):
        return sorted(found)
    for m in _CUT_POINTS.finditer(sentence):
        if not _date_cut_is_safe(sentence, m.start()):
            continue
        if _COMPARISON_BEFORE.search(sentence, 0, m.start()) and sentence.startswith("as", m.end()):
            continue  # the second "as" of "as well as", "as soon as": the phrase needs both
        if sentence.startswith("and", m.end()) and _OPENS_SUBORDINATE.match(sentence):
            continue  # "When the firm grew and was sold, ...": the first predicate is not the main one
        if m.group(0).startswith(",") and (
            not _CLAUSE_AFTER_COMMA.match(sentence, m.end()) or _VERB_AFTER_ASIDE.search(sentence, m.end())
        ):
            # A comma inside a list, or opening an aside whose sentence goes on to its verb
            # ("the records, dating from 1841, had been restored"): the kept part has no verb.
            continue
        candidate = _tidy(sentence[: m.start()])
        if candidate.count(",") % 2 == 1 and _VERB_AFTER_ASIDE.search(sentence, m.end()):
            # A cut inside an aside that the sentence closes before its verb ("Nursultan
            # Nazarbayev, a former steel worker who has ruled the nation since 1989, has won"):
            # the kept part would have no verb.
            continue
        # A comma right after a short subject ("Mayor Ana Ruiz, 45, said") leaves no verb behind.
        needed = max(min_words, 6) if m.group(0).startswith(",") else min_words
        if len(candidate.split()) >= needed and (
                cut_reason(sentence, candidate, condensed=condensed) if whole
                else drops_reason(sentence, candidate, title=True)) is None:
            found.add(candidate)
    return sorted(found, key=lambda c: (-len(c), c))  # a total order: set order varies by process


# Prepositions that open an adjunct (where, when, with what), which a sentence can lose and still
# say a true thing; not "to", "of" or "by", which mostly open what the verb or noun needs.
_CLOSING_PHRASE = re.compile(r"\s(?=(?:at|in|on|for|with|from|over|under|into|across|near|during|amid)\s)")
# Words that limit what the rest of a sentence says: a cut may not drop them.
_LIMITING = re.compile(r"\b(?:if|unless|only|not|no|never|except|without|until|nor)\b", re.I)


def phrase_cuts(sentence: str, *, condensed: bool = False) -> list[str]:
    """The sentence (and its ``variants``) cut before a closing prepositional phrase, without final
    punctuation; none where the sentence ends with its attribution, and no cut that drops a word
    limiting the claim ("... could face back taxes [if found illegal]")."""
    if _TRAILING_ATTRIBUTION.search(sentence.strip().rstrip(".")):
        return []
    found: list[str] = []
    for variant in variants(sentence):
        for m in _CLOSING_PHRASE.finditer(variant):
            candidate = _tidy(variant[: m.start()])
            if (candidate and not _LIMITING.search(variant, m.start()) and candidate not in found
                    and cut_reason(variant, candidate, condensed=condensed) is None):
                found.append(candidate)
    return found


def shorten(sentence: str, limit: int, min_words: int = 4, *, whole: bool = True) -> str | None:
    """The fullest deletion-only version of ``sentence`` within ``limit`` characters, without
    final punctuation, or None when no clause boundary gives one (``whole``: see ``prefixes``)."""
    best: str | None = None
    for variant in variants(sentence):
        for candidate in prefixes(variant, min_words, whole=whole):
            if len(candidate) <= limit:
                if best is None or len(candidate) > len(best):
                    best = candidate
                break
    return best


def truncate_words(sentence: str, limit: int, *, title: bool = False) -> str:
    """Last resort: cut at a word boundary and drop dangling function words; never inside a quote
    nor after a modifier whose noun is cut off ("an increased [duty]"), nor for a ``title`` on a
    verb whose phrases are cut off ("have not lost [in nine matches]"), where a shorter cut is not."""
    text = _tidy(sentence) or sentence.strip()
    if len(text) <= limit:
        return text
    ends = [m.start() for m in re.finditer(r"\s", text[: limit + 1])]
    cuts = [c for c in (_tidy(text[:end]) for end in reversed(ends)) if c]
    ends_badly = _dangling_title if title else cuts_off_a_head
    return next((c for c in cuts if not ends_badly(text, c)), cuts[0] if cuts else text[:limit])


def _dangling_title(sentence: str, cut: str) -> bool:
    """Whether a title ``cut`` of ``sentence`` ends on a possessive, on a verb cut off from its
    phrases, or on a modifier cut off from its head."""
    return possessive_end(cut) or ends_on_bare_verb(sentence, cut) or cuts_off_a_head(sentence, cut)


_PREPOSITION = re.compile(r"\s(?=(?:at|in|on|for|to|with|from|by|of|over|under|into|across)\s)")


def _orphans_a_subject(sentence: str) -> Callable[[int], bool]:
    """For ``sentence``: whether a cut at a character offset keeps a subject and drops its verb
    ("Josh Earnest said the closure of the Cuban detention camp | is in the national interest"
    would have Earnest say a noun phrase). Never, without spaCy."""


    nlp = spacy_pipeline()
    if nlp is None:
        return lambda end: False
    subjects = [(t.idx, t.head.idx) for t in nlp(sentence) if t.dep_ in ("nsubj", "nsubjpass", "csubj", "expl")]
    return lambda end: any(s < end <= head for s, head in subjects)


def cut_before_phrase(sentence: str, limit: int, *, orphans_allowed: bool = False, checked: bool = True) -> str | None:
    """The longest cut of ``sentence`` before a preposition (so a whole phrase goes) within
    ``limit`` and at least 60% of it, that keeps the verb of every subject it keeps (unless
    ``orphans_allowed``) and (if ``checked``) drops only what a title may (``drops_reason``); or None."""
    best = ""
    for variant in variants(sentence):
        orphans: Callable[[int], bool] | None = None
        for m in _PREPOSITION.finditer(variant):
            candidate = _tidy(variant[: m.start()])
            # Too short a cut ("Josh Earnest said the closure") loses the news; truncation keeps more.
            if 0.6 * limit <= len(candidate) <= limit and len(candidate) > len(best):
                if orphans is None:  # parsed only when a cut is in range
                    orphans = (lambda end: False) if orphans_allowed else _orphans_a_subject(variant)
                if not orphans(len(candidate)) and (
                        not checked or drops_reason(variant, candidate, title=True) is None):
                    best = candidate
    return best or None


def phrase_cut(sentence: str, limit: int) -> str | None:
    """``cut_before_phrase``: one that keeps each kept subject's verb first, else one that may end
    before the main verb (a title that names its subject claims nothing of it)."""
    return cut_before_phrase(sentence, limit) or cut_before_phrase(sentence, limit, orphans_allowed=True)


def headline(sentence: str, limit: int = 70) -> str:
    """A whole clause that tells the news (``headline.news_headline``); only where none fits, the
    fullest clause-bounded shortening within ``limit``, the sentence cut before a preposition (a
    whole phrase, ``phrase_cut``), then at a word; each drops only what a title may
    (``drops_reason``). Only where none fits, a cut before a phrase or at a word that keeps within
    ``limit`` (the page's title width is a hard limit)."""
    news = news_headline([sentence], limit)
    if news:
        return news[0]
    # Nothing whole fits: a title that names what it can, the lead below it telling the claim.
    cuts: list[Callable[[str, int], str | None]] = [lambda s, n: shorten(s, n, whole=False), phrase_cut, _word_cut]
    found = next((c for cut in cuts if (c := cut(sentence, limit)) and not possessive_end(c)
                  and not ends_on_bare_verb(sentence, c)), None)
    if found:
        return found
    # A report of what someone said: the speaker and the clause they said ("The council: Fares will rise").
    reported = attributed_headline(sentence, limit)
    if reported:
        return reported
    # No deletion that keeps the claim fits: the title names what it can within the limit,
    # unchecked, and the lead below it tells the whole claim.
    last = [cut_before_phrase(sentence, limit, checked=False),
            cut_before_phrase(sentence, limit, orphans_allowed=True, checked=False)]
    fitting = (c for c in last if c and not _dangling_title(sentence, c))
    return trimmed(next(fitting, None) or truncate_words(sentence, limit, title=True))


def _word_cut(sentence: str, limit: int) -> str | None:
    """The longest cut of ``sentence`` at a word boundary within ``limit`` and at least a third of
    it (a subject alone may do: it names the news) that drops only what a title may
    (``drops_reason``)."""
    text = sentence.strip()
    ends = [m.start() for m in re.finditer(r"\s", text) if limit // 3 <= m.start() <= limit]
    for end in reversed(ends):
        candidate = _tidy(text[:end])
        if candidate and len(candidate) >= limit // 3 and drops_reason(text, candidate, title=True) is None \
                and not ends_on_bare_verb(text, candidate):
            return candidate
    return None


def main_clause(sentence: str, max_chars: int = 220) -> str:
    """The sentence without trailing participial or subordinate clauses when it is long."""
    if len(sentence) <= max_chars:
        return sentence.strip()
    short = shorten(sentence, max_chars, min_words=6)
    return ensure_period(short) if short else sentence.strip()
