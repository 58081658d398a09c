"""A past-tense main verb the small parser reads as an adjective after a name it takes for a plural
noun ("Wales qualified alongside Australia ...", "The 24-year-old finished fourth ..."): such a
sentence would pass for a fragment and its fact go untold."""

from __future__ import annotations

from typing import Any

from ..nlp import spacy_pipeline

# The tags of the words of a plain noun phrase before its verb: "The 24-year-old", "Wales".
_NOMINAL_TAGS = frozenset({"DT", "CD", "HYPH", "NN", "NNS", "NNP", "NNPS", "JJ", "POS"})


def _past_form(word: str) -> bool:
    """Whether ``word`` is the past tense of a verb (lemminflect's tables); False without them."""
    try:
        from lemminflect import getAllLemmas, getInflection  # optional, slow to import: only when asked
    except ImportError:
        return False
    lemmas = [lemma for lemma in getAllLemmas(word, upos="VERB").get("VERB", ()) if lemma]
    return any(word in getInflection(lemma, "VBD") for lemma in lemmas)


def as_clause(doc: Any) -> Any | None:
    """The sentence parsed again with its opening noun phrase as "They", where the word after that
    phrase is a past-tense verb the tagger read as an adjective; None where there is none. It is a
    clause where "They" then has a finite verb. Not an adjective before its own noun ("The
    qualified players"), nor one before "by"; a participle the tagger saw ("A chiropractor accused
    of ...") is a reduced relative, judged by the parse as it is."""
    for token in doc[1:8]:
        if token.tag_ != "JJ" or not token.lower_.endswith("ed"):
            if token.tag_ in _NOMINAL_TAGS:
                continue
            return None
        after = doc[token.i + 1] if token.i + 1 < len(doc) else None
        if after is None or after.lower_ == "by" or (token.head.i == after.i and after.pos_ in ("NOUN", "PROPN")):
            return None
        nlp = spacy_pipeline()
        if nlp is None or not _past_form(token.lower_) or doc[0].tag_ not in _NOMINAL_TAGS:
            return None
        return nlp("They " + doc[token.i :].text)
    return None
