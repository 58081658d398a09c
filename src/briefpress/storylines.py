"""Lines of a page that are not the story: related-story headlines, "Read more", wire teasers,
photo captions and credits.

A saved news page carries them between the story's sentences; told as facts they read as news
("Patient satisfaction : a chiropractor in iowa ..." is a caption). ``not_story`` says why a line
is one of them; the planner drops such facts before it plans, but for a live text's result, which
``as_told`` gives as a sentence. Ingest keeps them: the audit weighs
a claim against all a source says, and a caption is evidence even where it is not story.
"""

from __future__ import annotations

import re

from .lexicon import QUOTING, alternation, forms
from .nlp import spacy_pipeline

_CHROME = re.compile(
    r"^\s*(?:read more|read next|more from|related(?: stories| articles)?\s*[:|]|see also|click here|"
    r"scroll down|watch (?:the )?video|video\s*[:|]|photos?\s*[:|]|pictured\s*[:|]|image\s*[:|]|"
    r"(?:photo|image|picture) (?:credit|copyright)|copyright\s|©|follow us|sign up|share this|"
    r"advertisement\b|getty images|ap photo|reuters/|story continues)",
    re.I,
)
# A player's notice a page run into its text, with no full stop of its own ("... 12 Grand Slams.
# Media playback is not supported on this device Ireland are bidding ...").
_INLINE_CHROME = re.compile(
    r"[ \t]*\bMedia playback is (?:not supported|unsupported) on (?:this|your) device\b\.?", re.I)
# Wire teasers: "7 things you didn't know about ...", "10 ways to ...", "Everything you need to know".
_TEASER = re.compile(
    r"^\s*(?:\d+|everything|what)\s.*\b(?:things|ways|reasons|facts|you didn[’']t know|you need to know|"
    r"you won[’']t believe)\b",
    re.I,
)
# A caption's label: a few words, a spaced colon, then the picture's description ("Patient
# satisfaction : a chiropractor in iowa ..."). Story sentences put a colon right after a word.
_CAPTION = re.compile(r"^\s*([\w'’-]+(?:\s+[\w'’-]+){0,5})\s+:\s+[^\s\"“'‘]")
# A tabloid's caption run into the text: one common word and a colon before the picture's
# description ("Probe: Starbucks ran its European division ..."); a speaker's name before a colon
# is a transcript's line, and stays.
_ONE_WORD_LABEL = re.compile(r"^\s*([A-Z][a-z]+):\s+[\"“‘A-Z]")
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC"})
# A wire picture's caption opens with "FILE" in capitals ("FILE - Carlos Watson participates ...").
_FILE_PHOTO = re.compile(r"^\s*FILE(?: PHOTO)?\s*[-–—:]?\s+[A-Z]")
# A label that quotes someone is a sentence, not a caption; an inscription "reads" its words.
_SPEECH = re.compile(rf"\b{alternation(forms(QUOTING | {'read'}, base=False))}\b", re.I)
# A credit at the end of a line: "(Photo: AP)", "Photo by Jane Doe", "| Getty Images".
_CREDIT = re.compile(r"(?:\((?:photo|image|picture|credit)s?\s*:[^)]*\)|\((?:file )?(?:photo|picture|image)\)"
                     r"|\bphoto(?:graph)? by\b|\|\s*getty\b)\s*$", re.I)


# A live text's lines, which a football page runs on after the match report ("Match report supplied
# by the Press Association. Match ends, Gateshead 1, Guiseley 1. Substitution, Guiseley. Goal! ..."):
# the match's clock and log, not sentences of its story.
_LIVE_TEXT = re.compile(
    r"^\s*(?:(?:match|first half|second half|extra time|half time|full time)(?:\s+(?:begins|ends)\b|[,.!]|\s*$)|"
    r"substitution,|goal!|attempt (?:missed|saved|blocked)\b|foul by\b|corner,|offside,|"
    r"delay (?:in|over)\b|hand ball by\b|penalty conceded by\b|dangerous play by\b|"
    r"lineups are announced|match report supplied by\b)|\bis shown the (?:yellow|red) card\b",
    re.I,
)
# A live text's substitution: one name replaces another, and nothing more ("Luke Hannant replaces Gus Mafuta.").
_LIVE_SUBSTITUTION = re.compile(r"^\s*(?:[A-Z][\w'’.-]*\s+){1,3}replaces(?:\s+[A-Z][\w'’.-]*){1,3}\.?\s*$")
# The live text's final whistle, the result its match report may never give ("Match ends,
# Gateshead 1, Guiseley 1."): the one live-text line told, as a sentence.
_FINAL_SCORE = re.compile(r"^\s*Match ends,\s+(?P<home>[^,\d]+?\s\d+),\s+(?P<away>[^,\d]+?\s\d+)\.?\s*$", re.I)
# A teaser's own words, whatever its length: "... you didn't know about ...".
_TEASER_PHRASE = re.compile(r"\b(?:you didn[’']t know|you need to know|you won[’']t believe)\b", re.I)
_CAPITALISED = re.compile(r"[A-Z][\w'’-]*")


def _headline_line(line: str) -> bool:
    """A related story's headline: four words or more, no closing punctuation, and most of its
    longer words capitalised ("Iowa Chiropractor Accused Of Exorcisms Surrenders License")."""
    text = line.strip()
    long_words = [w for w in text.split() if len(w) >= 4]
    if len(text.split()) < 4 or text.endswith((".", "!", "?", '"', "”", "'", "’")) or not long_words:
        return False
    return sum(bool(_CAPITALISED.fullmatch(w)) for w in long_words) >= 0.7 * len(long_words)


def not_story(line: str) -> str | None:
    """Why ``line`` is not a sentence of the story (a caption, credit, teaser, a related story's
    headline or page chrome), or None when it may be one."""
    if _CHROME.search(line):
        return "page chrome"
    if _LIVE_TEXT.search(line) or _LIVE_SUBSTITUTION.match(line):
        return "live text"
    if _TEASER_PHRASE.search(line) or (
            _TEASER.search(line) and (len(line.split()) <= 15 or not line.rstrip().endswith((".", "!")))):
        return "teaser"
    if _headline_line(line):
        return "related headline"
    caption = _CAPTION.search(line)
    if caption and not _SPEECH.search(caption.group(1)) or _FILE_PHOTO.match(line) or _labelled(line):
        return "caption"
    if _CREDIT.search(line):
        return "credit"
    return None


def _labelled(line: str) -> bool:
    """A one-word caption label: a common word, by spaCy's tags, not a name."""
    if not _ONE_WORD_LABEL.match(line):
        return False
    nlp = spacy_pipeline()
    if nlp is None:
        return False
    label = next(t for t in nlp(line.strip()[:80]) if not t.is_space)
    return label.tag_ not in ("NNP", "NNPS") and label.ent_type_ not in _NAMED


_RESULT_TOLD = "The match ended "


def as_told(line: str) -> str | None:
    """``line`` as the story tells it: itself where it is a story line, a live text's closing
    line as a sentence ("The match ended Gateshead 1, Guiseley 1."), else None."""
    found = _FINAL_SCORE.match(line)
    if found is not None:
        return f"{_RESULT_TOLD}{found['home']}, {found['away']}."
    return line if is_story_line(line) else None


def is_result(text: str) -> bool:
    """Whether ``text`` is a match's result as ``as_told`` tells it."""
    return text.startswith(_RESULT_TOLD)


def without_inline_chrome(text: str) -> str:
    """``text`` without the page notices run into its sentences (``_INLINE_CHROME``)."""
    return _INLINE_CHROME.sub("", text)


def is_story_line(line: str) -> bool:
    return not_story(line) is None
