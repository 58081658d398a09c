"""Names: people, organisations, places and products, found by spaCy's NER and by capitalised runs.

A name is grounded when the sources hold it, allowing for aliases: a surname for a full name,
"U.S." for "United States", "PM" for "Prime Minister", an acronym for the words it stands for,
"Japanese" for "Japan". Matching ignores case, so title-case headlines match sentence-case sources.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from .places import implied

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW"})

_ALIASES: dict[str, str] = {
    "us": "united states", "usa": "united states", "america": "united states",
    "united states of america": "united states",
    "uk": "united kingdom", "britain": "united kingdom", "great britain": "united kingdom",
    "pm": "prime minister", "eu": "european union", "un": "united nations", "uae": "united arab emirates",
    "nyc": "new york city", "ny": "new york", "dc": "washington", "prc": "china", "fed": "federal reserve",
    "gop": "republican party", "republicans": "republican party", "democrats": "democratic party",
    "nhs": "national health service", "who": "world health organization", "imf": "international monetary fund",
    "nato": "north atlantic treaty organization", "u.n.": "united nations",
}
_DEMONYMS = {
    "american": "united states", "americans": "united states", "british": "united kingdom", "briton": "united kingdom",
    "french": "france", "dutch": "netherlands", "swiss": "switzerland", "chinese": "china", "japanese": "japan",
    "german": "germany", "spanish": "spain", "irish": "ireland", "welsh": "wales", "scottish": "scotland",
    "english": "england", "greek": "greece", "turkish": "turkey", "polish": "poland", "danish": "denmark",
    "swedish": "sweden", "finnish": "finland", "norwegian": "norway", "filipino": "philippines", "thai": "thailand",
    "israeli": "israel", "iraqi": "iraq", "iranian": "iran", "pakistani": "pakistan", "saudi": "saudi arabia",
}
_TITLES = frozenset(
    """mr mrs ms miss dr prof professor sir dame lord lady president vice prime minister mayor governor gov
    senator sen representative rep secretary chancellor chief executive ceo chairman chair chairwoman judge
    justice general gen colonel col captain capt officer inspector detective sgt sergeant pope king queen
    prince princess saint st the former""".split()
)
_COMMON_CAPS = frozenset(
    """i a an the this that these those it its he she they we you his her their our in on at for of to and or
    but if as by with from after before when while however meanwhile also then there here what who why how
    where which today yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january
    february march april may june july august september october november december key takeaways conclusion
    frequently asked questions faq main news details background statement reaction numbers next steps
    read more update updated breaking latest figures context""".split()
)
_CAP_RUN = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'.&-]*|[A-Z]\.)(?:\s+(?:of|de|del|da|van|von|der|la|le|al|bin|and|&)\s+[A-Z][\w’'.&-]*"
    r"|\s+[A-Z][\w’'.&-]*)*"
)


@dataclass(frozen=True)
class Name:
    text: str
    start: int
    end: int
    label: str  # a spaCy label, or "CAP" for a capitalised run


def normalize(name: str) -> str:
    n = name.lower().replace("’", "'")
    n = re.sub(r"'s\b", "", n)
    n = re.sub(r"(?<=\b[a-z])\.", "", n)  # u.s. -> us
    n = re.sub(r"[^a-z0-9&]+", " ", n).strip()
    n = re.sub(r"^the ", "", n)
    return n


_ALIAS_WORD = [(re.compile(rf"\b{re.escape(k)}\b"), v) for k, v in _ALIASES.items()]
_ALIAS_PHRASE = [(re.compile(rf"\b{re.escape(v)}\b"), k) for k, v in _ALIASES.items()]


_GROUPS: dict[str, set[str]] = {}
for _k, _v in (*_ALIASES.items(), *_DEMONYMS.items()):
    _GROUPS.setdefault(_v, {_v}).add(_k)


def variants(name: str) -> set[str]:
    n = normalize(name)
    out = {n}
    for group in _GROUPS.values():
        if n in group:
            out |= {v for v in group if v not in _DEMONYMS}
    for pattern, value in _ALIAS_WORD:  # "U.S. officials" holds the alias as a word
        if pattern.search(n):
            out.add(pattern.sub(value, n))
    for pattern, key in _ALIAS_PHRASE:
        if pattern.search(n):
            out.add(pattern.sub(key, n))
    return {v for v in out if v}


def _title_case(text: str) -> bool:
    """A headline in Title Case: its capitals say nothing about names."""
    ws = [w for w in re.findall(r"[A-Za-z][\w’'-]*", text)
          if len(w) >= 4 and w.lower() not in ("with", "from", "into", "over", "that", "this")]
    return len(ws) >= 3 and sum(1 for w in ws if w[0].isupper()) >= 0.85 * len(ws)


def extract(text: str, doc: Any | None = None) -> list[Name]:
    """Names in ``text`` (offsets into it), from the spaCy ``doc`` of the same text when given."""
    names: list[Name] = []
    spans: list[tuple[int, int]] = []
    if doc is not None:
        for ent in doc.ents:
            if ent.label_ in NAME_LABELS:
                t = ent.text.strip()
                if t.lower() in _COMMON_CAPS:
                    continue
                names.append(Name(t, ent.start_char, ent.start_char + len(t), ent.label_))
                spans.append((ent.start_char, ent.end_char))
    if not _title_case(text):
        for m in _CAP_RUN.finditer(text):
            start, end = m.start(), m.end()
            run = m.group(0).rstrip(".'’-")
            end = start + len(run)
            words = run.split()
            while words and words[0].lower() in _COMMON_CAPS:
                start = text.index(words[1], start) if len(words) > 1 else end
                words = words[1:]
            if not words:
                continue
            run = text[start:end]
            at_sentence_start = not text[:start].strip() or text[:start].rstrip()[-1:] in ".!?:\"“‘(—–-"
            if len(words) == 1 and (at_sentence_start or len(run) < 2):
                continue
            overlapping = [(s, e) for s, e in spans if not (e <= start or s >= end)]
            if overlapping:
                # Keep the longer of the two readings: spaCy may tag only "Media" in "UFO Media".
                inside = all(start <= s and e <= end for s, e in overlapping)
                if inside and (end - start) > max(e - s for s, e in overlapping):
                    names = [n for n in names if (n.start, n.end) not in overlapping]
                    spans = [sp for sp in spans if sp not in overlapping]
                else:
                    continue
            names.append(Name(run, start, end, "CAP"))
            spans.append((start, end))
    names.sort(key=lambda n: n.start)
    return names


class NameIndex:
    """The sources' text, normalised once, for name look-ups."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self.normal = [f" {normalize(t)} " for t in texts]
        self.blob = " ".join(self.normal)
        self._initials = self._acronyms(texts)
        self._cache: dict[str, bool] = {}
        self._places: set[str] | None = None

    @property
    def places(self) -> set[str]:
        """The countries and nations the sources' cities and states lie in (read on first need)."""
        if self._places is None:
            self._places = implied(self.texts)
        return self._places

    @staticmethod
    def _acronyms(texts: list[str]) -> set[str]:
        found: set[str] = set()
        for t in texts:
            for m in re.finditer(r"(?:[A-Z][\w’'-]*(?:\s+(?:of|and|for|the|&|on)\s+|\s+)?){2,}", t):
                caps = [w for w in m.group(0).split() if w[:1].isupper()]
                for i in range(len(caps)):
                    for j in range(i + 2, len(caps) + 1):
                        found.add("".join(w[0] for w in caps[i:j]).lower())
        return found

    def contains(self, name: str) -> bool:
        key = normalize(name)
        if key in self._cache:
            return self._cache[key]
        result = self._contains(name)
        self._cache[key] = result
        return result

    def _contains(self, name: str) -> bool:
        if any(f" {v} " in self.blob for v in variants(name)):
            return True
        key = normalize(name)
        words = [w for w in key.split() if w not in _TITLES]
        if not words:
            return True  # a bare title ("the Prime Minister") names no one new
        return (self._joined(name) or self._in_one_sentence(words) or self._acronym(name, key, words)
                or self._demonym(words) or self._lowercase_core(name, words) or self._place(name, key, words))

    def _joined(self, name: str) -> bool:
        """Two names joined by "and" in one capitalised run: "Manchester United and Juventus"."""
        parts = re.split(r"\s+(?:and|&)\s+", name)
        return len(parts) > 1 and all(p.strip() and self.contains(p) for p in parts)

    def _in_one_sentence(self, words: list[str]) -> bool:
        """Every word of the name in one source sentence: "Ana Ruiz" for "Ruiz ... Ana"."""
        return any(all(f" {w} " in text for w in words) for text in self.normal)

    def _acronym(self, name: str, key: str, words: list[str]) -> bool:
        """An acronym of the sources' words ("ACCC"), or the words of a source acronym."""
        compact = key.replace(" ", "")
        if name.isupper() and 2 <= len(compact) <= 7 and compact in self._initials:
            return True
        initials = "".join(w[0] for w in words if w not in ("of", "and", "for", "the", "on"))
        return len(initials) >= 2 and f" {initials} " in self.blob

    def _demonym(self, words: list[str]) -> bool:
        """A demonym or possessive form of a source place: "Japanese" / "Japan"."""
        return len(words) == 1 and len(words[0]) >= 5 and bool(re.search(rf" {re.escape(words[0][:5])}\w* ", self.blob))

    def _lowercase_core(self, name: str, words: list[str]) -> bool:
        """In lower-case text the name's edges are the tagger's guess ("stun eric harris", "manchester
        united host"): a name of two or more words that the sources hold, inside it, is the name,
        where the words cut off are the sources' words too (the statement check judges those)."""
        if name != name.lower() or len(words) < 3:
            return False
        for size in range(len(words) - 1, 1, -1):
            for at in range(len(words) - size + 1):
                core, rest = words[at : at + size], words[:at] + words[at + size :]
                if f" {' '.join(core)} " in self.blob and all(f" {w} " in self.blob for w in rest):
                    return True
        return False

    def _place(self, name: str, key: str, words: list[str]) -> bool:
        """A country or nation where the sources name a city or state in it: "U.K." for "London"."""
        if self.places and (variants(name) | {key}) & self.places:
            return True
        # "Australian" for "Sydney"; not "United" for "London" (united kingdom)
        return len(words) == 1 and len(words[0]) >= 5 \
            and any(" " not in p and p.startswith(words[0][:5]) for p in self.places)
