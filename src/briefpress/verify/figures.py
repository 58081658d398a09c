"""Figures: numbers, percentages, money, dates, years, counts and ordinals, in digits or words.

Each figure is normalised to a value, a unit and a qualifier ("over", "up to", "about"), so
"five percent" matches "5%", "$550 billion" matches "550 billion dollars", and "over 4%" does not
match "up to 4%". A count also keeps the noun it counts, so "18 kilometres" is not "18 shops".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..nlp import stem

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_MAG = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "billion": 1e9, "bn": 1e9,
        "b": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12}
_ORDINAL_WORDS = {
    "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
    "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "twentieth": 20,
    "thirtieth": 30, "fiftieth": 50, "hundredth": 100,
}
_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7}
_CURRENCY_SIGNS = {"$": "USD", "us$": "USD", "usd": "USD", "€": "EUR", "eur": "EUR", "£": "GBP", "gbp": "GBP",
                   "¥": "JPY", "jpy": "JPY", "yen": "JPY", "c$": "CAD", "a$": "AUD"}
_CURRENCY_WORDS = {"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP",
                   "pounds": "GBP", "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "rupees": "INR", "won": "KRW"}
_UNIT_ALIASES = {"km": "kilometre", "kms": "kilometre", "kilometers": "kilometre", "kilometres": "kilometre",
                 "kilometer": "kilometre", "mi": "mile", "kg": "kilogram", "kgs": "kilogram", "lb": "pound",
                 "lbs": "pound", "yrs": "year", "hrs": "hour", "mins": "minute", "sq": "square", "ft": "foot",
                 "feet": "foot", "metres": "metre", "meters": "metre", "meter": "metre", "m2": "square"}
_QUALIFIERS = (
    (re.compile(r"(?:more than|over|above|at least|exceeding|upwards of|in excess of|greater than|beyond|"
                r"no fewer than|no less than)\s*$", re.I), ">"),
    (re.compile(r"(?:less than|fewer than|under|below|up to|at most|no more than|as many as|as much as|"
                r"not more than|a maximum of)\s*$", re.I), "<"),
    (re.compile(r"(?:about|around|nearly|almost|roughly|approximately|some|an estimated|close to|"
                r"approx\.?|circa|just over|just under)\s*$", re.I), "~"),
)
_NUMBER_WORD = "|".join(sorted([*_ONES, *_TENS, *_SCALES, "dozen"], key=len, reverse=True))
_FIGURE = re.compile(
    r"(?P<cur>(?:US\$|C\$|A\$|[$€£¥])\s?)?"
    r"(?:(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    rf"|(?P<words>\b(?:{_NUMBER_WORD})(?:(?:\s+|-)(?:and\s+)?(?:{_NUMBER_WORD}))*\b))"
    r"(?P<ord>st|nd|rd|th)?"
    r"(?:(?:\s|-)?(?P<mag>thousand|million|billion|trillion|mln|mn|bn|tn|trn|[mkb])\b)?"
    r"(?:\s?(?P<unit>%|per\s?cent\b|percent\b|percentage points?\b|pct\b|(?:US\s)?dollars?\b|euros?\b|"
    r"pounds sterling\b|yen\b|yuan\b|rupees\b))?",
    re.I,
)
_ORDINAL = re.compile(r"\b(?:" + "|".join(_ORDINAL_WORDS) + r")\b", re.I)
_MONTH = re.compile(
    r"\b(?P<month>January|February|March|April|May|June|July|August|September|October|November|December|"
    r"Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)(?:\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?\b)?",
)
_DAY_MONTH = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>January|February|March|April|May|"
                        r"June|July|August|September|October|November|December)\b")
_WEEKDAY = re.compile(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)s?\b")
_NEXT_WORD = re.compile(
    r"[\s-]*(?:of\s+(?:its\s+|their\s+|the\s+|his\s+|her\s+|our\s+|them\s+)?)?"
    r"(?:more\s+|new\s+|additional\s+|extra\s+|other\s+)?([A-Za-z][A-Za-z'’]*)"
)


@dataclass(frozen=True)
class Figure:
    text: str
    start: int
    end: int
    value: float
    unit: str  # "" (a count), "percent", "pp", "money:USD", "ordinal", "year", "date", "month", "weekday"
    qualifier: str = ""  # "", ">", "<", "~", or a bound and "~" ("<~": "up to about")
    noun: str = ""  # stem of the counted thing, for counts
    # What a sum or share is said to be, where the text binds it ("fourth quarter revenues were
    # $4.9bn"): the stems of up to three words, and those words as written.
    measure: tuple[str, ...] = ()
    measure_text: str = ""

    def describe(self) -> str:
        return self.text


def _words_value(text: str) -> float | None:
    total, current = 0.0, 0.0
    seen = False
    for word in re.split(r"[\s-]+", text.lower()):
        if word == "and" or not word:
            continue
        if word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "dozen":
            current = (current or 1) * 12
        elif word == "hundred":
            current = (current or 1) * 100
        elif word in _SCALES:
            total += (current or 1) * _SCALES[word]
            current = 0
        else:
            return None
        seen = True
    return total + current if seen else None


def _qualifier(text: str, start: int) -> str:
    """">", "<" or "~", or a bound with "~" after it where both stand ("up to around 30": "<~")."""
    before = text[max(0, start - 40) : start]
    approx = _QUALIFIERS[2][0].search(before)
    if approx and not approx.group(0).lower().startswith("just"):
        bound = next((mark for pattern, mark in _QUALIFIERS[:2] if pattern.search(before[: approx.start()])), "")
        return bound + "~"
    for pattern, mark in _QUALIFIERS:
        if pattern.search(before):
            return mark
    return ""


def _noun_after(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    if not m:
        return ""
    word = m.group(1).lower()
    word = _UNIT_ALIASES.get(word, word)
    if word in _MONTHS or word in ("and", "or", "to", "the", "a", "in", "on", "at", "by", "per", "percent", "from",
                                    "with", "for", "as", "is", "was", "were", "are", "of"):
        return ""
    return stem(word)


# "<measure> were|of|stood at ... <figure>": the words that bind a sum or share to what it measures.
_BINDING = re.compile(
    r"(?P<measure>(?:[A-Za-z0-9][\w'’-]*\s+){0,2}[A-Za-z][\w'’-]*)\s+"
    r"(?:of|was|were|is|are|totalled|totaled|totalling|reached|stood at|came to|came in at|amounted to)\s+"
    r"(?:(?:about|around|nearly|almost|roughly|some|just|over|more than|less than|an estimated)\s+)?$",
    re.I,
)
# Words that end a measure as one reads back from the figure: what comes before them is not part
# of what is measured ("Moderna's | fourth quarter revenues", "reporting | revenues").
_MEASURE_STOPS = re.compile(r"^(?:the|a|an|its|their|his|her|our|and|or|with|by|in|on|for|from|to|as|that|which|"
                            r"\w+ing|\w+ed|\w+'s|\w+’s)$", re.I)


def _measure(text: str, start: int) -> tuple[tuple[str, ...], str]:
    """What the sum or share starting at ``start`` is bound to, read back to a determiner,
    possessive or verb: ("fourth", "quarter", "revenu") for "fourth quarter revenues were $4.9bn"."""
    m = _BINDING.search(text[max(0, start - 90) : start])
    if m is None:
        return (), ""
    words: list[str] = []
    for word in reversed(m.group("measure").split()):
        if _MEASURE_STOPS.match(word):
            break
        words.insert(0, word)
    if not words or _MEASURE_STOPS.match(words[-1]):
        return (), ""
    return tuple(stem(w.lower()) for w in words), " ".join(words)


class _Found:
    """Figures found so far, and the spans they take: a later reading may not overlap an earlier one."""

    def __init__(self) -> None:
        self.figures: list[Figure] = []
        self.taken: list[tuple[int, int]] = []

    def free(self, a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in self.taken)

    def add(self, fig: Figure) -> None:
        self.figures.append(fig)
        self.taken.append((fig.start, fig.end))


_MAY_MONTH = re.compile(r"\b(?:in|since|until|by|of|from|last|next|early|late|mid|this)\s+$", re.I)


def _dates(text: str, found: _Found) -> None:
    for m in list(_DAY_MONTH.finditer(text)) + list(_MONTH.finditer(text)):
        if not found.free(m.start(), m.end()):
            continue
        month_word = m.group("month").lower().rstrip(".")
        if month_word == "may" and not m.group("day") and not _MAY_MONTH.search(text[: m.start()]):
            continue  # the verb "may"
        month = _MONTHS[month_word]
        if m.group("day"):
            value = month * 100 + int(m.group("day"))
            found.add(Figure(m.group(0), m.start(), m.end(), value, "date", _qualifier(text, m.start())))
        else:
            found.add(Figure(m.group(0), m.start(), m.end(), month, "month"))


def _number_value(text: str, m: re.Match[str]) -> float | None:
    """The value a number match stands for, or None where it is no figure (a code, a name, "one of")."""
    start = m.start()
    if m.group("num"):
        if start > 0 and (text[start - 1].isalpha() or text[start - 1] in "_/"):
            return None  # part of a code or name such as G7
        if start > 1 and text[start - 1] == "-" and text[start - 2].isalpha():
            return None  # F-35, COVID-19: a name, checked as one
        return float(m.group("num").replace(",", ""))
    words = m.group("words")
    if words.lower() in ("one",) and not (m.group("mag") or m.group("unit")):
        return None  # "one of", "no one": too often not a figure at all
    return _words_value(words)


def _marked_unit(m: re.Match[str]) -> str:
    """The unit the match itself marks: an ordinal ending, a percent, a currency sign or word."""
    raw_unit = (m.group("unit") or "").lower()
    cur = (m.group("cur") or "").strip().lower()
    if m.group("ord"):
        return "ordinal"
    if raw_unit.startswith("percentage"):
        return "pp"
    if raw_unit in ("%", "percent", "pct") or raw_unit.startswith("per"):
        return "percent"
    if cur:
        return "money:" + _CURRENCY_SIGNS.get(cur, "USD")
    if raw_unit:
        return "money:" + _CURRENCY_WORDS.get(raw_unit.split()[-1], "USD")
    return ""


def _number(text: str, m: re.Match[str]) -> Figure | None:
    value = _number_value(text, m)
    if value is None:
        return None
    start, end = m.start(), m.end()
    mag = (m.group("mag") or "").lower()
    if mag:
        if mag in ("m", "b", "k") and not (m.group("cur") or m.group("num")):
            end = m.end("words") if m.group("words") else end
            mag = ""
        else:
            value *= _MAG[mag]
    unit = _marked_unit(m)
    noun = ""
    if not unit:
        word = re.match(r"[\s-]*([A-Za-z]+)", text[end : end + 40])
        num = m.group("num") or ""
        if word and word.group(1).lower() in _CURRENCY_WORDS:
            unit = "money:" + _CURRENCY_WORDS[word.group(1).lower()]
            end += word.end()
        elif num and 1800 <= value <= 2100 and "." not in num and "," not in num and not mag:
            unit = "year"
        else:
            noun = _noun_after(text, end)
    measure, measure_text = _measure(text, start) if unit == "percent" or unit.startswith("money:") else ((), "")
    qualifier = _qualifier(text, start)
    return Figure(text[start:end].strip(), start, end, value, unit, qualifier, noun, measure, measure_text)


def extract(text: str) -> list[Figure]:
    """Every figure in ``text``, left to right, with offsets into ``text``."""
    found = _Found()
    _dates(text, found)
    for m in _WEEKDAY.finditer(text):
        if found.free(m.start(), m.end()):
            found.add(Figure(m.group(0), m.start(), m.end(), _WEEKDAYS[m.group(0).lower().rstrip("s")], "weekday"))
    for m in _ORDINAL.finditer(text):
        if found.free(m.start(), m.end()):
            found.add(Figure(m.group(0), m.start(), m.end(), _ORDINAL_WORDS[m.group(0).lower()], "ordinal"))
    for m in _FIGURE.finditer(text):
        if not (m.group("num") or m.group("words")) or not found.free(m.start(), m.end()):
            continue
        figure = _number(text, m)
        if figure is not None:
            found.add(figure)
    found.figures.sort(key=lambda f: f.start)
    return found.figures


def units_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    pair = {a, b}
    if pair == {"", "year"}:
        return True
    if "" in pair and any(u.startswith("money:") for u in pair):
        return True
    if pair == {"date", "month"}:
        return True
    return False


def same_value(article: Figure, source: Figure) -> bool:
    if {article.unit, source.unit} == {"date", "month"}:
        a = article.value if article.unit == "month" else article.value // 100
        b = source.value if source.unit == "month" else source.value // 100
        return article.unit == "month" and a == b  # "March" is in "March 5", not the other way round
    if article.value == source.value:
        return True
    if "~" in article.qualifier or "~" in source.qualifier:
        return abs(article.value - source.value) <= 0.1 * max(abs(article.value), abs(source.value))
    # A rounded figure in the article: "4.2 million" for 4,213,000.
    if article.value and source.value:
        text_digits = re.sub(r"\D", "", article.text.split(".")[-1]) if "." in article.text else ""
        places = len(text_digits)
        if places and article.value >= 1e3:
            scale = 10 ** (len(str(int(article.value))) - 2 - places + 1)
            return round(source.value / scale) * scale == article.value
    return False


def rival_binding(article: Figure, source: list[Figure]) -> Figure | None:
    """A figure of one source sentence that sentence binds to what ``article`` is bound to,
    where that sentence gives ``article``'s value too but binds it to nothing so named: the
    article has moved a figure to another measure ("fourth quarter revenues were $4.9bn" where the
    source gives "fourth quarter revenues of $5.1bn, nearly all of which - $4.9bn - came from
    sales of Spikevax"). None where the sentence binds the measure to the article's value too."""
    if not article.measure:
        return None
    holds_value = any(units_compatible(article.unit, g.unit) and same_value(article, g) for g in source)
    bound = [g for g in source if g.measure == article.measure and units_compatible(article.unit, g.unit)]
    if not holds_value or not bound or any(same_value(article, g) for g in bound):
        return None
    return bound[0]


_BOUND_WORDS = {">": "over ", "<": "up to ", "~": "about ", ">~": "over about ", "<~": "up to about "}


def bounded(figure: Figure) -> str:
    """The figure with its bound in words, for messages: "up to about 30"."""
    return _BOUND_WORDS.get(figure.qualifier, "") + figure.text


def qualifier_compatible(article: Figure, source: Figure) -> bool:
    """A bound the article adds must be the source's own bound: "over 4%" is not "4%" or "up to 4%"."""
    bound = article.qualifier.rstrip("~")
    if bound:
        return source.qualifier.rstrip("~") == bound
    return True
