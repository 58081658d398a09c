"""Improve an article for its SEO and readability checks: settle the keyphrase and the parts that
name it, then run each fixer in ``FIXERS`` in turn, the way ``SEO_CHECKS`` runs each check."""

from __future__ import annotations

from collections.abc import Callable

from ...edit import EditableArticle
from ...models import Article, Fact
from .copies import fix_copies
from .judge import SEO_GOOD, Grounded, both, seo_of
from .keyphrase import choose_keyphrase, keyphrase_options
from .meta import fix_meta_description, fix_title_width
from .pairs import drop_retold_pairs
from .questions import fix_questions
from .sentences import fix_sentences, fix_takeaways
from .sizes import fix_long_paragraphs
from .transitions import fix_transitions

# A fixer mends one concern in place, writing a new sentence only where the grounding check
# passes it, and logs what it changed on ``draft.changes``.
Fixer = Callable[[EditableArticle, Grounded], None]

# Once the keyphrase is settled, in this order: paragraphs under 150 words first (the later
# fixers judge the article as it will read), transitions after the fixes that split or cut the
# sentences they count, copies after the cuts, splits and connectives (each copy's fix tries the
# connectives again), and a retold FAQ pair dropped last (it tries the connectives again).
FIXERS: tuple[Fixer, ...] = (fix_long_paragraphs, fix_takeaways, fix_sentences, fix_transitions, fix_copies,
                             drop_retold_pairs)


def keyphrase_parts(article: Article, facts: list[Fact], grounded: Grounded,
                    banned: frozenset[str] = frozenset()) -> EditableArticle:
    """A draft of ``article`` with the headline width, the meta description and the questions fixed
    for its keyphrase; a meta description that lowers the SEO score is undone."""
    draft = EditableArticle(article, banned)
    fix_title_width(draft)
    score = seo_of(both(article))
    draft.attempt(lambda: fix_meta_description(draft, facts), lambda _: seo_of(both(draft.article())) >= score)
    fix_questions(draft, grounded)
    return draft


def _settled(article: Article, facts: list[Fact], grounded: Grounded, *, keyphrase_given: bool,
             banned: frozenset[str]) -> EditableArticle:
    """The draft whose keyphrase (with the parts fixed for it) scores best: the caller's, else the
    best of the candidates."""
    chosen = article if keyphrase_given else choose_keyphrase(article, lambda a: seo_of(both(a)))
    draft = keyphrase_parts(chosen, facts, grounded, banned)
    best = seo_of(both(draft.article()))
    if chosen.keyphrase != article.keyphrase:
        # The planner's keyphrase is what the brief is most about: where its parts, fixed for it,
        # score as well as the other's (pronouns may bring its density down), it stays.
        planner = keyphrase_parts(article, facts, grounded, banned)
        if (score := seo_of(both(planner.article()))) >= best:
            draft, best = planner, score
    if not keyphrase_given and best < SEO_GOOD:
        # The parts that name the keyphrase (meta description, questions) are fixed for it, so a
        # keyphrase that scored lower as the planner left them may score higher once they are:
        # tried only where the first choice falls short, as each try costs some audits. Here the
        # headline's lower-case topics are candidates too, where no name is in both the headline
        # and the lead.
        tried = {chosen.keyphrase, article.keyphrase}  # both already fixed and scored above
        for option in [article, *keyphrase_options(article, topics=True)]:
            if option.keyphrase in tried:
                continue
            trial = keyphrase_parts(option, facts, grounded, banned)
            score = seo_of(both(trial.article()))
            if score > best:
                draft, best = trial, score
    return draft


def improve(article: Article, facts: list[Fact], grounded: Grounded, *, keyphrase_given: bool,
            banned: frozenset[str] = frozenset()) -> tuple[Article, list[str]]:
    """The article with what fails a check fixed (see ``briefpress.seo.fix``), and what was
    changed; a new sentence is written only where ``grounded`` passes it, and none in ``banned``."""
    draft = _settled(article, facts, grounded, keyphrase_given=keyphrase_given, banned=banned)
    changes = ["keyphrase"] if draft.data["keyphrase"] != article.keyphrase else []
    for fixer in FIXERS:
        fixer(draft, grounded)
    return draft.article(), changes + draft.changes
