"""Sentence rewriting by deletion and reordering, below the stages that use it.

``compress`` cuts a sentence to a size or a headline, ``split`` splits it where it joins whole
clauses, ``active`` puts a passive clause that names its doer in the active voice, ``refer`` turns a
repeated name into the pronoun the sources use, ``prune`` drops parenthetical phrases. None adds a
word the sentence did not have (save a pronoun the sources use); the caller checks the result
against the sources.
"""
