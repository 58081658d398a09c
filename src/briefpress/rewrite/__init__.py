"""Sentence rewriting by deletion and reordering, below the stages that use it.

``compress`` cuts a sentence to a size or a headline, ``split`` splits it where it joins whole
clauses, ``active`` puts a passive clause that names its doer in the active voice, ``refer`` turns a
repeated name into the pronoun the sources use, ``prune`` drops parenthetical phrases. None adds a
word the sentence did not have (save a pronoun the sources use); the caller checks the result
against the sources.

``whole`` judges the results: ``fragment_reason`` (a whole sentence), ``cut_reason`` and
``drops_reason`` (a cut drops adjuncts only: never the main verb, a complement, a negation, a
figure or date, an attribution, a contrast or a quote) and ``holds_quote`` (a sentence never cut
inside its quote nor split). ``refer.orphan_reason`` says when a sentence's "he" or "the
institute" has nothing before it to refer to.
"""
