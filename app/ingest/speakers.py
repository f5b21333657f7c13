"""Who said it: the speaker a sentence attributes its claim to, or None when the article
asserts it itself.

News copy attributes in a handful of forms, and these are the ones read here:

- "X said ...", "X told Reuters ...", "X argues that ...", "X wrote ...": the subject just
  before a reporting verb, back to the start of its clause (the sentence's start, a comma, a
  colon, a quote);
- '"...," X said.' and '"...," said X during a call.': the same after quoted speech, with the
  subject before or after the verb;
- "according to X", "X's spokesman said": the phrase after "according to"; when that is a
  document with its author ("according to figures from the central bank"), the author.

The speaker is the name as written ("Rosneft vice president Pavel Fedorov", "a Venezuelan
government source", "Critics", "he"); `resolve_speaker` then names the actor it is, when the
phrase ends on a mention of one ("...Pavel Fedorov") or is an organisation's spokesperson.

A subject must look like someone: a capitalised name, a pronoun, or a phrase holding a word for
people or bodies that speak ("analysts", "a government source", "the ministry"). Verbs that are
also nouns ("reports", "estimates", "claims", "notes", "forecasts") count only before "that"
(an acronym in parentheses may stand between the subject and its verb: "The International
Energy Agency (IEA) forecasts that"), and a passive
("is said to") or an adjective ("the said agreement", "than expected") is no attribution.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.ingest.actors import MentionDraft

__all__ = ["SpeakerDraft", "find_speaker", "resolve_speaker"]


@dataclass(frozen=True, slots=True)
class SpeakerDraft:
    start: int  # offsets into the text the sentence was found in
    end: int
    name: str


# Reporting verbs, lowercase only: "States" in "the United States" is not "states".
_VERBS = (
    r"said|says|say|told|tells|tell|argued|argues|argue|wrote|writes|write|believes|believe"
    r"|believed|warned|warns|warn|insisted|insists|insist|contended|contends|contend|explained"
    r"|stressed|asserted|testified|acknowledged|admitted|predicted|predicts|predict|expects"
    r"|tweeted|wrote|posted"
    r"|expect|expected|cautioned|cautions|caution|concluded|concludes|conclude"
)
# Also nouns ("bank notes", "government estimates") or verbs of other deeds ("China added 5 GW"):
# a reporting verb only before "that" or at the end of its clause (", Reuters reported.").
_VERBS_BEFORE_THAT = (
    r"noted|notes|note|stated|states|claimed|claims|claim|reported|reports|report|estimated"
    r"|estimates|estimate|added|adds|suggested|suggests|suggest|maintained|maintains|maintain"
    r"|announced|announces|observed|observes|emphasized|emphasised|emphasizes|emphasises"
    r"|forecasts|forecast|projects|projected|showed|shows"
)
# ", the Fed announced on Wednesday.", ", Reuters reported last week.", "..., the bank said in a
# statement.": a time or a channel may close the clause after the verb.
_CLOSING = (
    r"\s+(?:(?:on|last|this|earlier|late|early)\s+[\w-]+(?:\s+[\w-]+)?"
    r"|in\s+(?:a|an|its|their|his|her)\s+(?:[\w-]+\s+)?(?:statement|note|report|update|filing"
    r"|release|interview|letter|post))\s*[.;]?\s*$"
)
# "Lula called it a threat", "Putin described the pipeline as a project": a judgement reported.
_JUDGED = (
    r"(?:called|described)(?=\s+(?:it|the|a|an|this|that|them|his|her|their|its)\b"
    r"|\s+\w+(?:\s+\w+){0,5}\s+as\b)"
)
_VERB = re.compile(
    rf"\b(?:(?:{_VERBS})\b|{_JUDGED}|(?:{_VERBS_BEFORE_THAT})(?=,?\s+that\b|\s*[,;.]|\s*$|{_CLOSING}))"
)
_ACCORDING = re.compile(r"\b[Aa]ccording\s+to\s+")
# Where a subject stops, looking back from its verb.
_CLAUSE_MARKS = ",;:(\"“”‘'—–"
# A relative clause's attribution is the clause's, not the sentence's ("..., which critics say
# is a step back").
_RELATIVES = frozenset({"which", "who", "whom", "whose", "where"})
_CLAUSE_WORDS = frozenset({
    "that", "and", "but", "as", "while", "because", "although", "though", "since", "when",
    "which", "who", "whom", "where", "if", "so", "yet", "than", "or", "nor",
})  # fmt: skip
# Words that may stand between a subject and its verb ("Experts increasingly argue").
_BETWEEN = frozenset({
    "also", "have", "has", "had", "long", "often", "repeatedly", "recently", "publicly",
    "privately", "later", "previously", "once", "still", "already", "further", "too",
})  # fmt: skip
_PASSIVE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her"})
_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})
_SINGULAR_PRONOUNS = frozenset({"he", "she"})
# Words for those who speak: a subject holding one is someone.
_SPEAKERS = frozenset({
    "analyst", "analysts", "critic", "critics", "expert", "experts", "official", "officials",
    "observer", "observers", "economist", "economists", "diplomat", "diplomats", "source",
    "sources", "investor", "investors", "trader", "traders", "resident", "residents",
    "lawmaker", "lawmakers", "scholar", "scholars", "researcher", "researchers", "executive",
    "executives", "spokesman", "spokeswoman", "spokesperson", "minister", "ministry",
    "president", "ambassador", "government", "company", "statement", "report", "study",
    "people", "leader", "leaders", "opponents", "supporters", "banker", "bankers", "envoy",
    "adviser", "advisor", "advisers", "advisors", "commentators", "authorities", "agency",
    "bank", "fund", "spokespeople", "representative", "representatives", "witnesses",
    "lawyer", "lawyers", "attorney", "attorneys", "prosecutor", "prosecutors", "judge",
    "negotiator", "negotiators", "insider", "insiders", "activists", "historians", "senator",
    "senators", "governor", "mayor", "chief", "director", "chairman", "ceo", "founder",
    "politicians", "voters", "workers", "employees", "union", "police", "military",
    "regulator", "regulators", "watchdog", "commission", "committee", "council", "board",
    "department", "institute", "head", "heads",
})  # fmt: skip
_LOCATING = frozenset({"of", "in", "at", "from", "for", "with"})
# A phrase that starts with one is no subject.
_PREPOSITIONS = frozenset({
    "below", "above", "under", "over", "of", "in", "on", "at", "for", "from", "with", "by",
    "to", "into", "than", "about", "after", "before", "including", "excluding", "between",
})  # fmt: skip
_INSTITUTIONAL = frozenset({"of", "at", "from"})
_SPOKESPERSON = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople"})
# After the verb of '"...," said X', X stops at its first preposition or clause mark.
_AFTER_STOPS = frozenset({
    "during", "on", "in", "at", "after", "before", "last", "this", "when", "while", "who",
    "which", "that", "adding", "noting", "to", "from", "with", "as", "by", "for",
})  # fmt: skip
_MAX_WORDS = 12
# What is cited "according to" when its author follows: "according to figures from the bank".
_DOCUMENTS = frozenset({
    "report", "reports", "release", "statement", "statements", "data", "figures", "estimate",
    "estimates", "survey", "poll", "study", "analysis", "calculations", "statistics", "claims",
    "projections", "forecast", "forecasts", "research", "note",
})  # fmt: skip
_COMPILED = frozenset({"compiled", "published", "released", "issued", "gathered"})
_BY_AUTHOR = re.compile(r"\s+(?:by|from)\s")
# A name that goes on past a preposition: "Council on Foreign Relations", "Centre for Energy";
# not a time after it ("the Central Bank on Tuesday"), nor a place ("Reuters in London").
_NAME_GOES_ON = re.compile(
    r"\s+(?:on|for|of)\s+(?:the\s+)?(?!(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b"
    r"|(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b)"
    r"[A-Z][\w.&'’-]*(?:\s+(?:and\s+|&\s+)?[A-Z][\w.&'’-]*)*"
)
_ACRONYM_BEFORE = re.compile(r"(?<=\w)\s*\([A-Z][A-Za-z&-]{1,9}\)\s*$")
_WORD = re.compile(r"[\w'’.&-]+")


def _is_someone(words: list[str]) -> bool:
    if not words or len(words) > _MAX_WORDS:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if words[0].lower() in _PRONOUNS or words[-1].lower() in _CLAUSE_WORDS:
        return False
    if words[0] in _PREPOSITIONS:  # "—below the average of analyst forecasts."
        return False
    folded = [w.lower().rstrip("'’s") if w.endswith(("'s", "’s")) else w.lower() for w in words]
    if any(w in _SPEAKERS for w in folded):
        return True
    named = [w for w in words if w.lower() not in _DETERMINERS]
    return bool(named) and named[-1][0].isupper()


def _is_name(phrase: str) -> bool:
    """Whether every word of `phrase` is capitalised ("Simon Zerpa", "R. Evan Ellis")."""
    words = _words(phrase)
    return bool(words) and all(w[0].isupper() for w in words)


def _subject_before(sentence: str, verb_start: int) -> tuple[int, int] | None:
    """The span of the subject ending just before `verb_start`, back to its clause's start."""
    # "The International Energy Agency (IEA) forecasts that": the acronym is no clause mark.
    if acronym := _ACRONYM_BEFORE.search(sentence, 0, verb_start):
        verb_start = acronym.start()
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence, 0, verb_start)]
    # Skip adverbs and auxiliaries between the subject and its verb.
    while words:
        word = sentence[words[-1][0] : words[-1][1]]
        if word in _PASSIVE or word in _DETERMINERS:
            return None  # "is said to", "the said agreement"
        if word in _BETWEEN or (word.endswith("ly") and word.islower()):
            words.pop()
            continue
        break
    if not words:
        return None
    end = words[-1][1]
    begin = len(words)
    while begin > 0:
        start, stop = words[begin - 1]
        word = sentence[start:stop]
        gap = sentence[stop : words[begin][0]] if begin < len(words) else sentence[stop:end]
        if any(c in _CLAUSE_MARKS for c in gap):
            break
        if word.lower() in _CLAUSE_WORDS:
            if word.lower() in _RELATIVES:
                return None
            break
        begin -= 1
    if begin == len(words):
        return None
    first = words[begin][0]
    # "two market sources and a government source said": both speak, when the words before
    # "and" name someone too ("Prices rose and analysts said" is the analysts alone).
    if begin > 0 and sentence[words[begin - 1][0] : words[begin - 1][1]] in ("and", "&"):
        joined = _subject_before(sentence, words[begin - 1][0])
        if joined is not None and _is_someone(_words(sentence[joined[0] : joined[1]])):
            first = joined[0]
    # An apposition: "Igor Sechin, head of Rosneft, said" is Igor Sechin, and "the finance
    # minister, Simon Zerpa, said" is Simon Zerpa: of the two, the one that is a name.
    comma = sentence.rfind(",", 0, first)
    if "," in sentence[end:verb_start] and comma >= 0 and not sentence[comma + 1 : first].strip():
        outer = _subject_before(sentence, comma)
        if outer is not None and sentence[outer[0]].isupper() and not _is_name(sentence[first:end]):
            return outer
    return first, end


def _subject_after(sentence: str, verb_end: int) -> tuple[int, int] | None:
    """'said X': the words after the verb up to a preposition or a clause mark."""
    span: list[tuple[int, int]] = []
    for m in _WORD.finditer(sentence, verb_end):
        gap = sentence[span[-1][1] if span else verb_end : m.start()]
        if any(c in _CLAUSE_MARKS for c in gap) or m[0].lower() in _AFTER_STOPS:
            break
        span.append((m.start(), m.end()))
    if not span:
        return None
    return span[0][0], span[-1][1]


def _author_of(sentence: str, found: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "according to a report by the agency", "according to data compiled by X": the one
    whose document it is speaks, when the phrase after "by"/"from" is someone."""
    words = _words(sentence[found[0] : found[1]]) if found else []
    if words and words[-1].lower() in _COMPILED:
        words = words[:-1]  # "data compiled", then "by"
    if found is None or not words or words[-1].lower() not in _DOCUMENTS:
        return found
    by = _BY_AUTHOR.match(sentence, found[1])
    author = _subject_after(sentence, by.end() - 1) if by else None
    if author is not None:
        author = _whole_name(sentence, *author)
    if author is None or not _is_someone(_words(sentence[slice(*_trimmed(sentence, *author))])):
        return found
    return author


def _whole_name(sentence: str, start: int, end: int) -> tuple[int, int]:
    """`sentence[start:end]` run on through a preposition when both sides are capitalised."""
    words = _words(sentence[start:end])
    if words and words[-1][0].isupper() and (more := _NAME_GOES_ON.match(sentence, end)):
        return start, more.end()
    return start, end


def _after_quote(sentence: str, verb_start: int) -> bool:
    """Whether the verb follows quoted speech directly: '"...," said X'."""
    before = sentence[:verb_start].rstrip()
    return before.endswith((',"', ",”", ",'", ",’", '?"', "?”", '!"', "!”"))


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    text = sentence[start:end]
    stripped = text.rstrip(".,;:")
    return start, start + len(stripped)


def find_speaker(text: str, start: int, end: int) -> SpeakerDraft | None:
    """The speaker the sentence `text[start:end]` attributes its claim to, else None."""
    sentence = text[start:end]
    found: tuple[int, int] | None = None
    according = _ACCORDING.search(sentence)
    for verb in _VERB.finditer(sentence):
        if according is not None and according.start() < verb.start():
            break
        if _after_quote(sentence, verb.start()):
            found = _subject_after(sentence, verb.end())
        else:
            found = _subject_before(sentence, verb.start())
        if found is not None and _is_someone(_words(sentence[found[0] : found[1]])):
            break
        found = None
    if found is None and according is not None:
        found = _subject_after(sentence, according.end() - 1)
        if found is not None and len(_words(sentence[found[0] : found[1]])) > _MAX_WORDS:
            found = None
        found = _author_of(sentence, found)
    if found is None:
        return None
    first, last = _trimmed(sentence, *found)
    # The name as written, but for a line break or a run of spaces inside it (wrapped text).
    return SpeakerDraft(start + first, start + last, " ".join(sentence[first:last].split()))


def resolve_speaker(
    speaker: SpeakerDraft, mentions: Sequence[MentionDraft], previous: str | None = None
) -> str | None:
    """The actor the speaker is: the one its phrase ends on ("Rosneft's Igor Sechin" is Igor
    Sechin when he is known), or the organisation whose spokesperson speaks. "He" or "she" is
    `previous`, the actor who spoke last in the section, if any."""
    if speaker.name.lower() in _SINGULAR_PRONOUNS:
        return previous
    inside = [m for m in mentions if speaker.start <= m.start and m.end <= speaker.end]
    if not inside:
        return None
    head = inside[-1]
    # After a preposition comes where the speaker is from: "Hapag-Lloyd of Germany" is
    # Hapag-Lloyd, "diplomats in Brussels" nobody known; but "analysts at the IMF" is the IMF.
    words = list(_WORD.finditer(speaker.name))
    # A preposition inside a name ("Ministry of Energy and Mines") locates nothing.
    named = [(m.start - speaker.start, m.end - speaker.start) for m in inside]
    prep = next(
        (
            w
            for w in words
            if w[0].lower() in _LOCATING and not any(a <= w.start() < b for a, b in named)
        ),
        None,
    )
    if prep is not None:
        lead = speaker.start + len(speaker.name[: prep.start()].rstrip())
        before = [m for m in inside if m.end <= lead]
        if before:
            return before[-1].actor_id if before[-1].end == lead else None
        people = [w[0].lower() for w in words if w.start() < prep.start()]
        if (
            prep[0].lower() in _INSTITUTIONAL
            and people
            and people[-1] in _SPEAKERS
            and head.end == speaker.end
        ):
            return head.actor_id
        return None
    if head.end == speaker.end:
        return head.actor_id
    if _words(speaker.name)[-1].lower() in _SPOKESPERSON:
        return head.actor_id
    return None
