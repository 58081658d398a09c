"""Text helpers shared by the stages: sentence splitting with offsets, words, slugs."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from .limits import MAX_PARAGRAPH_CHARS, MAX_SENTENCE_CHARS


@dataclass(frozen=True)
class Span:
    text: str
    start: int
    end: int


@lru_cache(maxsize=1)
def _segmenter():  # type: ignore[no-untyped-def]
    import pysbd  # imported lazily: it compiles many regexes

    return pysbd.Segmenter(language="en", clean=False, char_span=True)


_SPACE_RUN = re.compile(r"\s+")


def split_sentences(text: str, offset: int = 0) -> list[Span]:
    """Split prose into sentences with character offsets into ``text`` (plus ``offset``).

    pysbd keeps abbreviations such as "U.S.", "Jan. 5" and "Mr." inside their sentence. Each
    paragraph is split on its own so a sentence never runs across a blank line.
    """
    spans = _split(text)
    if offset:
        return [Span(s.text, s.start + offset, s.end + offset) for s in spans]
    return list(spans)


# pysbd's time grows faster than the length of what it splits, so a paragraph longer than this is
# cut into pieces first, each ending where a sentence plainly ends outside a quote; a news
# paragraph is far shorter, so only pasted walls of text are cut.
CHUNK_CHARS = MAX_PARAGRAPH_CHARS
# A plain sentence end: a lower-case word of three letters or more (not "Mr." or "U.S."), its
# full stop, space, and a capital letter or opening quote.
_PLAIN_END = re.compile(r"(?<=[a-z]{3}[.!?])\s+(?=[A-Z\"“‘'])")


def _chunks(paragraph: str) -> list[tuple[int, str]]:
    """``paragraph`` as (offset, piece) pieces of at most about ``CHUNK_CHARS`` characters: cut at
    the last plain sentence end in each window, else at the last space, else anywhere."""
    pieces: list[tuple[int, str]] = []
    at = 0
    while len(paragraph) - at > CHUNK_CHARS:
        window = paragraph[at : at + CHUNK_CHARS]
        ends = [m.end() for m in _PLAIN_END.finditer(window) if _outside_quotes(window[: m.start()])]
        cut = ends[-1] if ends else window.rfind(" ") + 1
        cut = cut if cut > CHUNK_CHARS // 4 else CHUNK_CHARS
        pieces.append((at, paragraph[at : at + cut]))
        at += cut
    pieces.append((at, paragraph[at:]))
    return pieces


def _outside_quotes(text: str) -> bool:
    return text.count('"') % 2 == 0 and text.count("“") <= text.count("”")


@lru_cache(maxsize=4096)
def _split(text: str) -> tuple[Span, ...]:
    # pysbd is the slowest step of writing and auditing, and the stages split the same parts
    # again and again (verify, then each SEO check): split each distinct text once.
    spans: list[Span] = []
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if not para.group(0).strip():
            continue
        for offset, chunk in _chunks(para.group(0)):
            _split_chunk(chunk, para.start() + offset, text, spans)
    return tuple(spans)


def _split_chunk(chunk: str, base: int, text: str, spans: list[Span]) -> None:
    """Append the sentences of ``chunk``, which starts at ``base`` in ``text``, to ``spans``."""
    if not chunk.strip():
        return
    pieces: list[Span] = []
    queue = _segments(chunk, base)
    while queue:
        stripped, start = queue.pop(0)
        end = start + len(stripped)
        into = pieces if pieces else spans
        if _CLOSING_LEFT.match(stripped) and into and into[-1].end == start:
            # pysbd left a quotation's closing mark to the next sentence ('great." But how'), and
            # read what follows as quoted: the mark ends the sentence it touches, the rest is split again.
            prev = into[-1]
            into[-1] = Span(text[prev.start : start + 1], prev.start, start + 1)
            rest = stripped[1:].lstrip()
            queue[:0] = _segments(rest, end - len(rest))
            continue
        if any(ch.isalpha() for ch in stripped):
            pieces.append(Span(stripped, start, end))
        elif into:  # a stray fragment such as a lone quote mark belongs to the previous one
            prev = into[-1]
            into[-1] = Span(text[prev.start : end], prev.start, end)
    for span in _rejoined(pieces, text):
        spans.extend(_cut_long(span))


def _segments(chunk: str, base: int) -> list[tuple[str, int]]:
    """pysbd's sentences of ``chunk``, stripped, each with where it starts in the text."""
    out: list[tuple[str, int]] = []
    pos = 0
    for seg in _segmenter().segment(chunk):
        stripped = seg.sent.strip()
        # pysbd's offsets can drift on repeated text; locate the sentence ourselves.
        found = chunk.find(stripped, pos)
        if found >= 0 and stripped:
            out.append((stripped, base + found))
            pos = found + len(stripped)
    return out


# A quotation mark that stands before a space: one that closes the sentence before it.
_CLOSING_LEFT = re.compile(r"[\"”]\s")
# A domain name's ending, which pysbd takes for a new sentence ("healthgrades. Com, those ...").
_DOMAIN_END = re.compile(r"(?:com|org|net|gov|edu|co|uk|io|info|biz)\b(?![-'’])(?!\s+[a-z])", re.I)
_WORD_DOT = re.compile(r"[A-Za-z0-9]\s?\.$")
# A single quote that opens a quotation (not an apostrophe: "he 's", "rock 'n'"), and one that closes it.
_SINGLE_MARK = re.compile(r"[‘’`']")
_OPENS_AFTER = re.compile(r"(?:^|[\s:(])$")
_OPENS_BEFORE = re.compile(r"\s?(?!(?:s|t|re|ll|ve|d|m|n)\b)[A-Za-z]")
_CLOSES_AFTER = re.compile(r"[\w.!?,]\s?$")
_CLOSES_BEFORE = re.compile(r"[\s)]|$")
QUOTE_REACH = 6  # sentences a quotation may run over before its opening mark is taken for a stray one


def _single_quote_open(text: str) -> bool:
    open_ = False
    for m in _SINGLE_MARK.finditer(text):
        before, at = text[max(0, m.start() - 2) : m.start()], m.end()
        if m.start() < 2:
            before = "\n" + before  # the start of the text counts as a space
        if open_ and _CLOSES_AFTER.search(before) and _CLOSES_BEFORE.match(text, at):
            open_ = False
        elif not open_ and _OPENS_AFTER.search(before[-1:]) and _OPENS_BEFORE.match(text, at):
            open_ = True
    return open_


def double_quote_open(text: str, open_: bool = False) -> bool:
    """Whether straight double marks leave a quotation open (``open_``: whether one was open
    before ``text``), each mark read by what stands on either side rather than counted: a mark
    after a space that opens words while a quotation is open reopens it (a quote over several
    paragraphs opens each again and closes only the last: 'together. "Davies and ...'), and a
    closing mark with none open is no quotation (5'10")."""
    for m in re.finditer('"', text):
        before, after = text[m.start() - 1 : m.start()], text[m.end() : m.end() + 1]
        opens = (not before or before.isspace() or before in "([:—–-") and after != "" and not after.isspace()
        closes = (before != "" and not before.isspace()) and (not after or after.isspace() or after in ".,;:!?)—–-")
        if opens:
            open_ = True
        elif closes:
            open_ = False
        else:
            open_ = not open_
    return open_


def open_quote(text: str) -> bool:
    """Whether ``text`` leaves a quotation open: a double mark (``double_quote_open``), a curly
    one, or a single one (‘...’ or '...') told from an apostrophe by what stands on either side."""
    return double_quote_open(text) or text.count("“") > text.count("”") or _single_quote_open(text)


def _rejoined(spans: list[Span], text: str) -> list[Span]:
    """``spans`` with the pieces pysbd cut wrongly put back together: a domain name's ending
    ("healthgrades. Com, ..."), and a quotation of several sentences (an inscription) that closes
    within ``QUOTE_REACH`` sentences: a quote is one speaker's words and stays in one sentence."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        cur = spans[i]
        i += 1
        while i < len(spans) and _WORD_DOT.search(cur.text) and _DOMAIN_END.match(spans[i].text):
            cur = Span(text[cur.start : spans[i].end], cur.start, spans[i].end)
            i += 1
        if open_quote(cur.text):
            ends = [k for k in range(i, min(len(spans), i + QUOTE_REACH))
                    if not open_quote(text[cur.start : spans[k].end])]
            if ends:
                cur = Span(text[cur.start : spans[ends[0]].end], cur.start, spans[ends[0]].end)
                i = ends[0] + 1
        out.append(cur)
    return out


def _cut_long(span: Span) -> list[Span]:
    """``span`` in pieces of at most ``MAX_SENTENCE_CHARS``, cut at the last space of each: a
    "sentence" that long is a list or table without full stops, and every later stage costs more
    than linearly in a sentence's length."""
    pieces = []
    text, start = span.text, span.start
    while len(text) > MAX_SENTENCE_CHARS:
        cut = text.rfind(" ", MAX_SENTENCE_CHARS // 2, MAX_SENTENCE_CHARS + 1)
        cut = cut if cut > 0 else MAX_SENTENCE_CHARS
        head = text[:cut].rstrip()
        pieces.append(Span(head, start, start + len(head)))
        rest = text[cut:]
        start += cut + len(rest) - len(rest.lstrip())
        text = rest.lstrip()
    if text:
        pieces.append(Span(text, start, start + len(text)))
    return pieces


def normalize_space(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip()


_WORD = re.compile(r"[\w][\w'’.-]*[\w]|[\w]", re.UNICODE)


def words(text: str) -> list[str]:
    """Word tokens, keeping inner apostrophes, dots and hyphens ("U.S.", "Japan-U.S.")."""
    return _WORD.findall(text)


STOPWORDS = frozenset(
    """a an the and or but if of to in on at by for with from as into onto over under about after
    before between during through against among amid is are was were be been being am do does did
    has have had having will would shall should can could may might must it its it's this that these
    those there here their they them he him his she her hers we us our you your i me my mine who whom
    whose which what when where why how not no nor so than too very just also up down out off again
    further then once all any both each few more most other some such only own same s t don now new
    said says say while said, per via up""".split()
)


def whole_phrase(phrase: str, flags: int = 0) -> re.Pattern[str]:
    """``phrase`` as whole words: not inside a longer or hyphenated word ("Sussex" is not in
    "Sussex-based")."""
    return re.compile(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", flags)


def content_words(text: str) -> list[str]:
    return [w for w in words(text) if w.lower() not in STOPWORDS and any(c.isalpha() for c in w)]


def slugify(text: str, max_length: int = 60) -> str:
    """ASCII, lower case, hyphen-separated, cut at a word boundary."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = ascii_text.lower().replace("'", "").replace(".", "")
    parts = [p for p in re.split(r"[^a-z0-9]+", ascii_text) if p]
    slug = ""
    for part in parts:
        candidate = f"{slug}-{part}" if slug else part
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "article"


def ensure_period(sentence: str) -> str:
    sentence = sentence.rstrip()
    if not sentence:
        return sentence
    if sentence[-1] in ".!?":
        return sentence
    if sentence[-1] in "\"'”’" and len(sentence) > 1 and sentence[-2] in ".!?,":
        return sentence
    return sentence.rstrip(",;:—–-").rstrip() + "."


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
