"""The article package's sizes and stock phrases: one home for what ``docs/format.md`` fixes.

Every stage that writes or fixes a part reads its size from here, so the writer, the verifier's
repair and the seo stage can never disagree on where a part ends. Thresholds that belong to an
SEO or readability check (Yoast's own bounds) live with that check in ``briefpress.seo``.
"""

from __future__ import annotations

HEADLINE_MAX = 70  # characters
META_MIN, META_MAX = 120, 156  # characters
SUMMARY_POINTS_MIN, SUMMARY_POINTS_MAX = 2, 4  # key points after the lead
SECTIONS_MIN, SECTIONS_MAX = 2, 4
# Sizes are maxima: a part is as long as its facts make it, so a thin brief is never padded.
SECTION_MAX_WORDS = 200
FAQ_MIN, FAQ_MAX = 2, 5  # question/answer pairs
FAQ_MAX_WORDS, FAQ_MAX_SENTENCES = 60, 2
TAKEAWAYS_MIN, TAKEAWAYS_MAX = 3, 5
TAKEAWAY_MAX_WORDS = 25
CONCLUSION_MAX_WORDS = 80
BODY_MAX = 8  # paragraphs
PARAGRAPH_MAX = 150  # words
PARAGRAPH_SENTENCES = 3  # a body paragraph's most sentences (FORMAT.md: 1-3 a paragraph)

# The only words briefpress itself adds to an article (headings, question frames, labels, the
# meta description's reader benefit, the seo stage's additive connectives). Tests check that
# nothing else appears that the sources lack.
TEMPLATE_WORDS = frozenset(
    """frequently asked questions key takeaways conclusion what happened with the was reaction to
    who is involved in when did it happen happens next for what are numbers behind why does matter
    else known about say said figures statement reaction context detail details main news what's
    here latest on and read facts how of key full story at glance background next steps others
    react is this story so far we know how did others react more where does stand also addition
    additionally furthermore overall short finally do there why much many""".split()
)

FAQ_HEADING = "Frequently Asked Questions"
TAKEAWAYS_HEADING = "Key Takeaways"
CONCLUSION_HEADING = "Conclusion"
STORY_HEADING = "The Full Story"  # above the body paragraphs in the Markdown and HTML renderings

# The connectives the seo stage may open a sentence with. Additive only: each says no more than
# "and". Contrast ("however"), cause ("so", "because") and time ("meanwhile", "then") would each
# be a claim about how two facts relate.
CONNECTIVES = ("Also,", "In addition,", "Additionally,", "Furthermore,")
# The conclusion restates the news: its first sentence may open by saying so.
CONCLUDING = "In short,"
CONCLUDING_SHORT = "Overall,"  # where "In short," would take the sentence over 20 words
CLOSING = "Finally,"  # a conclusion that does not restate the news (what comes next, a result)

# Reader benefits: sentences that make no claim. The extractive writer uses none (a meta
# description states the main fact); a model-written one, built from one or two whole sentences,
# may take a short one where the facts fall short of the size. Each is a whole sentence: "Read
# the full story." has no subject, and an editor reads it as a fragment.
META_BENEFITS_SHORT = ("Here is what we know.", "Here is the full story.")
META_KEYPHRASE_POINTER = "Here is what we know about {keyphrase}."
META_POINTERS = ("Here is the full story.", "Here is what we know so far.", "Here is the full story of what happened.")
# Takeaway labels beside the facets' own: the lead's, then those of the points that add no new facet.
TAKEAWAY_LEAD_LABEL = "Main news"
TAKEAWAY_DETAILS_LABEL = "Details"
TAKEAWAY_BACKGROUND_LABEL = "Background"
# The last resort of ``plan.labels`` where a fact gives no label of its own words, in the order
# bullets take them (no two bullets share a label).
TAKEAWAY_STOCK_LABELS = (TAKEAWAY_DETAILS_LABEL, TAKEAWAY_BACKGROUND_LABEL, "Context")

# The planner's questions. ``{topic}`` is the keyphrase as a noun phrase. They are in the active
# voice: Yoast counts a heading as a sentence, and "What was said?" as a passive one.
OPENING_QUESTIONS = ("What is the latest on {topic}?", "What happened with {topic}?")  # for a name, a topic
OPENING_LABEL = "What happened"
MAIN_NEWS_QUESTION, MAIN_NEWS_LABEL = "What is the main news about {topic}?", "Main news"
# A speaker asked about before, saying more: named, where "Who said what?" would name no one.
SAID_MORE, SAID_FIRST = "What else did {speaker} say?", "What did {speaker} say?"
WHEN_QUESTION, WHEN_LABEL = "When did it happen?", "When"
# With the keyphrase as its subject where it names one: "it" would point to nothing read before.
WHEN_TOPIC_QUESTION = "When did {topic} make the news?"
# Per kind of fact (``plan.questions.FACETS``): its label, its section question, its FAQ question.
FACET_QUESTIONS: dict[str, tuple[str, str, str]] = {
    "reaction": ("Reaction", "What was the reaction to {topic}?", "How did others react?"),
    "figures": ("Numbers", "What are the key figures on {topic}?", "What are the key figures?"),
    "next": ("Next steps", "What happens next for {topic}?", "What happens next?"),
    "statement": ("Statement", "Who said what about {topic}?", "Who said what?"),
    "context": ("Details", "What else is there to know about {topic}?", "What else is there to know?"),
}
