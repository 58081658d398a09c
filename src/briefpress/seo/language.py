"""English word lists the assessments need, written for briefpress.

They follow the categories Yoast's English analysis uses (function words for keyphrase filtering,
transition words, passive-voice auxiliaries and participles, first-word exceptions); the
comparison tests against Yoast's own analysis show how closely they agree.
"""

from __future__ import annotations


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_NUMBERS = _set(
    """one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
    sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million billion first second third fourth fifth sixth seventh eighth ninth tenth once
    twice thrice half"""
)
_ARTICLES_DETERMINERS = _set(
    """a an the this that these those my your his her its our their whose which what whatever
    whichever some any each every either neither no another other others such all both few fewer many
    much more most less least several enough lot lots plenty own"""
)
_PRONOUNS = _set(
    """i me mine myself you yours yourself yourselves he him himself she hers herself it itself we us
    ours ourselves they them theirs themselves who whom whoever whomever one ones oneself someone
    somebody something anyone anybody anything everyone everybody everything nobody nothing none
    noone"""
)
_PREPOSITIONS = _set(
    """about above across after against along amid amidst among amongst around as at before behind
    below beneath beside besides between beyond but by concerning considering despite down during
    except excluding following for from in including inside into like near of off on onto opposite
    out outside over past per plus regarding round since than through throughout till to toward
    towards under underneath unlike until unto up upon versus via with within without"""
)
_CONJUNCTIONS = _set(
    """and or nor so yet because although though while whereas if unless whether when whenever
    where wherever why how then than"""
)
_VERBS = _set(
    """be am is are was were been being have has had having do does did done doing will would shall
    should can could may might must ought 'm 're 's 've 'd 'll get gets got gotten getting go goes went
    gone going make makes made making let lets seem seems seemed appear appears appeared"""
)
_ADVERBS = _set(
    """very really quite rather too also just only even still already again ever never always often
    sometimes usually here there now then today tomorrow yesterday soon later ago almost nearly
    about approximately maybe perhaps probably quite somewhat indeed instead not yes yeah well"""
)
_MISC = _set(
    """oh ah eh hey hi hello wow ugh oops ok okay etc sure sorry please top bottom"""
)
# Words that carry little topic on their own: time units, reporting verbs, light verbs,
# intensifiers, vague nouns and all-purpose adjectives. A keyphrase is matched on the rest.
_TIME = _set(
    """second seconds minute minutes hour hours day days week weeks month months year years today
    tonight tomorrow yesterday"""
)
_REPORTING = _set(
    """say says said saying ask asks asked asking state states stated explain explains explained
    think thinks thought claim claims claimed tell tells told talk talks talked"""
)
_LIGHT_VERBS = _set(
    """seem seems seemed let lets make makes made want wants wanted go goes went gone take takes
    took taken give gives gave given put puts use uses used become becomes became come comes came
    keep keeps kept remain remains remained stay stays stayed doing having coming becoming keeping
    remaining staying making taking giving putting using going wanting"""
)
_INTENSIFIERS = _set(
    """highly very really extremely absolutely completely totally utterly quite somewhat seriously
    fairly fully amazingly"""
)
_VAGUE = _set(
    """thing things way ways matter case cases piece pieces stuff times part parts kind kinds sort
    sorts"""
)
_GENERAL_ADJECTIVES = _set(
    """new newer newest old older oldest good better best bad worse worst big bigger biggest small
    smaller smallest great greater greatest high higher highest low lower lowest long longer longest
    short shorter shortest large larger largest little early earlier earliest late later latest
    easy easily hard fast quick quickly simple simply main previous next last different same
    certain whole"""
)

FUNCTION_WORDS: frozenset[str] = (
    _NUMBERS | _ARTICLES_DETERMINERS | _PRONOUNS | _PREPOSITIONS | _CONJUNCTIONS | _VERBS | _ADVERBS | _MISC
    | _TIME | _REPORTING | _LIGHT_VERBS | _INTENSIFIERS | _VAGUE | _GENERAL_ADJECTIVES
)

TRANSITION_WORDS: frozenset[str] = _set(
    """accordingly actually additionally afterward afterwards albeit also although altogether another
    anyhow anyway basically because before besides but certainly chiefly comparatively concurrently
    consequently contrarily conversely correspondingly despite during earlier emphatically equally
    especially eventually evidently explicitly finally firstly following formerly forthwith fourthly
    further furthermore generally hence henceforth however identically if including indeed initially
    instead last lastly later lest likewise markedly meanwhile moreover mostly namely nevertheless
    nonetheless nor notwithstanding obviously occasionally otherwise overall particularly presently
    previously rather regardless secondly shortly significantly similarly simultaneously since so soon
    specifically still straightaway subsequently suddenly surely surprisingly than then thereafter
    therefore thereupon thirdly though thus till undeniably undoubtedly unless unlike unquestionably
    until when whenever whereas whether while"""
)

MULTI_WORD_TRANSITIONS: tuple[str, ...] = (
    "above all", "after all", "after that", "all in all", "all of a sudden",
    "all things considered", "another key point", "as a matter of fact", "as a result",
    "as an illustration", "as can be seen", "as has been noted", "as long as", "as much as",
    "as shown above", "as soon as", "as well as", "at any rate", "at first", "at last", "at least",
    "at the same time", "at this point", "by all means", "by and large", "by the same token",
    "by the time", "compared to", "due to", "even if", "even so", "even though",
    "for example", "for instance", "for one thing", "for this reason", "from now on",
    "given that", "in addition", "in any case", "in any event", "in brief",
    "in case", "in conclusion", "in contrast", "in effect", "in fact", "in general", "in light of",
    "in other words", "in particular", "in short", "in spite of", "in summary", "in that case",
    "in the first place", "in the meantime", "in the same way", "in this case",
    "in view of", "not to mention",
    "now that", "of course", "on the contrary", "on the other hand", "on the whole", "once again",
    "only if", "owing to", "provided that", "seeing that", "so as to", "so far", "so that",
    "such as", "that is to say", "for now", "in the long run", "to be sure", "for the most part",
    "to this end", "with regard to", "in order to", "as a rule", "together with", "as opposed to",
    "in comparison", "first and foremost", "in essence", "given that", "granted that", "on condition that",
    "to the extent that", "with the result that", "in a word", "generally speaking", "thanks to",
    "from time to time", "sooner or later", "by the way", "to start with", "on the one hand",
    "as an example", "to illustrate", "in the meantime", "at the moment", "all of a sudden", "to begin with",
    "to clarify", "to conclude", "to summarize",
    "to sum up", "to that end", "to the end that", "with this in mind", "without a doubt",
)

TWO_PART_TRANSITIONS: tuple[tuple[str, str], ...] = (
    ("both", "and"), ("if", "then"), ("not only", "but also"), ("neither", "nor"), ("either", "or"),
    ("not", "but"), ("whether", "or"), ("no sooner", "than"),
)

FIRST_WORD_EXCEPTIONS: frozenset[str] = _set(
    "the a an one two three four five six seven eight nine ten this that these those"
)

PASSIVE_AUXILIARIES: frozenset[str] = _set(
    """am is are was were been get gets got gotten be she's he's it's i'm we're they're you're isn't
    weren't wasn't that's aren't getting being"""
)

# Clause breakers for passive detection: a clause runs from one breaker to the next.
CLAUSE_STOPWORDS: frozenset[str] = _set(
    """to which who whom that whose after although as because before if inasmuch lest once provided
    since than though till unless until when whenever where whereas wherever whether while why
    supposing how what won't do does and but or"""
)
# Multi-word subordinators that also start a new clause.
CLAUSE_STOP_PHRASES: tuple[str, ...] = (
    "even if", "even though", "in order that", "so that", "by the time", "no matter"
)

# Words that, right before an -ed word, show it is an adjective or noun ("is a bored ...", "the red").
NOT_DIRECTLY_BEFORE_PARTICIPLE: frozenset[str] = (
    _set("a an the this that these those my your his her its our their mine yours hers theirs ours")
    | _PREPOSITIONS
    | _set("first second third fourth fifth sixth seventh eighth ninth tenth last")
    | _set("all some many lot lots few several every enough little much more most plenty each no any")
    | _set("doing having coming becoming keeping remaining staying saying asking making taking giving")
)
# Words that, between the auxiliary and the participle, show the participle is not its verb
# ("is said to have ...", "was kept closed"): other auxiliaries, copulas, reporting and light verbs.
NOT_BETWEEN_AUX_AND_PARTICIPLE: frozenset[str] = (
    _set("""can cannot can't could couldn't could've dare dares dared do don't does doesn't did didn't
    may might must mustn't shall should shouldn't will won't would wouldn't has have had hasn't haven't
    hadn't""")
    | _REPORTING
    | _LIGHT_VERBS
)

IRREGULAR_PARTICIPLES: frozenset[str] = _set(
    """arisen awoken beaten become begun bent bet bid bidden bitten bled blown born borne bought bound
    bred broken brought built burnt burst cast caught chosen clung come cost crept cut dealt dived done
    drawn dreamt driven drunk dug dwelt eaten fallen fed felt fled flown flung forbidden forecast
    foregone foreseen foretold forgiven forgotten forsaken fought found frozen given gone ground grown
    hung heard hidden hit held hurt kept knelt knit known laid led leant leapt learnt left lent let lain
    lit lost made meant met mistaken misunderstood mown overcome overdone overtaken overthrown paid
    proven put quit read rid ridden rung risen run sawn said seen sought sold sent set sewn shaken
    shaven shed shone shod shot shown shrunk shut sung sunk sat slain slept slid slung slit smelt
    sown spoken sped spelt spent spilt spun spit split spoilt spread sprung stood stolen stuck stung
    stunk stridden struck strung striven sworn swept swollen swum swung taken taught torn told thought
    thrown thrust trodden understood undergone undertaken undone upheld upset woken worn woven wed wept
    wet won wound withdrawn withheld withstood wrung written"""
)

# Words ending in -ed that are not verb participles.
NON_VERBS_ENDING_ED: frozenset[str] = _set(
    """bed breed embed exceed feed greed heed hundred indeed infrared kindred naked need proceed red
    reed sacred seed shred sled speed steed succeed tweed weed wicked wretched rugged ragged crooked
    beloved aged dogged jagged legged scabbed zed ted fred ed ned"""
)
