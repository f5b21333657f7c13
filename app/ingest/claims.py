"""Decide whether a sentence asserts something, and what kind of claim it makes.

`classify_claim` tries the kinds in a fixed order of precedence and returns the first that
matches: prescription, then forecast, then assessment, else fact. The order puts the rarest,
most specific cue first: a sentence that recommends a course of action usually also evaluates
("it is essential to..."), and a forecast often also judges ("will be crucial"). These are
rules, not understanding; curated overrides correct them elsewhere. Spanish sentences have
their own cues, in the same order (app/ingest/claims_es.py).
"""

from __future__ import annotations

import re

from app.ingest.claims_es import classify_claim_es, is_assertive_es
from app.ingest.furniture import furniture_rule
from app.models.vocabulary import ClaimKind

__all__ = ["classify_claim", "is_assertive"]

# Prescription: the author (or those cited) says what someone ought to do.
PRESCRIPTION_CUES: tuple[str, ...] = (
    r"\bshould\b(?!\s+(?:be\s+)?expect)"  # "should be expected to" forecasts
    # "should it be the target", "should the bank raise rates": a condition, not advice.
    r"(?!\s+(?:it|they|he|she|we|you|there|the|this|that|these|those|any|such)\s)",
    r"\bwe\s+need\b",
    r"\bmust\b(?!\s+have\b)",  # "must have been" infers the past, it does not prescribe
    r"\bought\s+to\b",
    r"\bneeds?\s+to\b",
    r"\bargues?\s+for\b",
    r"\bcalls?\s+for\b",
    r"\burges?\b",
    r"\brecommend(?:s|ed|ing)?\b",
    r"\bit\s+is\s+(?:essential|necessary|imperative|vital|crucial)\s+(?:to|that)\b",
)

# A modal inside a clause that reports a past doctrine or statement ("the Monroe Doctrine
# long maintained that powers should refrain...") describes someone's position, so it does
# not make the sentence a prescription.
REPORTED_POSITION_CUES: tuple[str, ...] = (
    r"\b(?:maintained|held|declared|proclaimed|stipulated)\s+that\b[^.;]*"
    r"\b(?:should|must|ought\s+to)\b",
)

# Forecast: a statement about the future or an unfolding trend, which time can confirm.
FORECAST_CUES: tuple[str, ...] = (
    r"(?<!\bthe\s)(?<!\bpolitical\s)\bwill\b",  # not the noun ("the will of", "political will")
    r"\bwon['’]t\b",
    # Lowercase only, so not the month; "may have" looks back, like "could have".
    r"\b(?-i:may)\s+(?!have\b)(?:well\s+)?[a-z]+",
    r"\b(?:could|might)\b(?!\s+have\b)",  # "few could have predicted" looks back, not ahead
    r"\b(?:is|are)\s+(?:likely|expected|set|poised|bound)\s+to\b",
    r"\b(?:is|are)\s+(?:(?:\w+ly|now|once|again|still)\s+){0,2}(?:becoming|emerging|evolving)\b",
    r"\bfuture\s+of\b",
    r"\bdepends?\s+on\s+(?:how|whether)\b",
    # Expectations and projections: "analysts expect", "is projected to", "forecasts".
    r"(?<!\bthan\s)(?<!\bas\s)\b(?-i:expect(?:s|ed|ing)?)\b",
    r"\b(?:is|are|was|were)\s+(?:projected|forecast|predicted|estimated)\s+to\b",
    r"\b(?-i:(?:forecasts?|predicts?|anticipates?))\s+(?:that|an?|the|further|more|higher"
    r"|lower|slower|faster|stronger|weaker)\b",
    r"\b(?:un)?likely\s+to\b",
    r"\bshould\s+(?:be\s+)?expect",
    # The future seen from a past report: "said the department would update", "warned that
    # the strategy would slow investment".
    r"\b(?:said|says|told\s+\w+|warned|warns|predicted|added|argued|insisted|expected)\b"
    r"[^.;!?]{0,80}\bwould\b(?!\s+(?:have|be\s+(?:better|wise|a\s+mistake))\b)",
)

# Assessment: evaluative or interpretive language, a judgement a reader may dispute.
ASSESSMENT_CUES: tuple[str, ...] = (
    r"\b(?:represents?|demonstrates?|illustrates?|signals?|embodies|embody|exemplif(?:y|ies))\b",
    r"\b(?:highlights?|underscores?|reflects?|marks?\s+a\s+turning\s+point)\b",
    r"\b(?:crucial|vital|key|cornerstone|pivotal|essential|immense|lifeline|symbolic)\b",
    r"\bstrategic\s+(?:importance|value|relevance)\b",
    r"\bsignifican(?:ce|t)\b",
    r"\bclear\s+challenge\b",
    r"\bproven\s+(?:less\s+|more\s+|in)?effective\b",
    # Opinion verbs: "critics argue that", "we believe", "he contends".
    r"\b(?:argue[sd]?|believe[sd]?|contend(?:s|ed)?|maintain(?:s|ed)?\s+that|insist(?:s|ed)?)\b",
    r"\bin\s+(?:our|my|his|her|their)\s+(?:view|opinion|assessment)\b",
    r"\b(?:appears?|seems?)\s+to\b",
    # Judgements reported: "analysts concluded that", "he has warned", "analysts estimate".
    r"\bconclud(?:e|es|ed)\s+that\b",
    r"\bwarn(?:s|ed)?\b",
    r"\b(?-i:estimates?)\b",
    # A judgement reported: "X called it a threat", "X described the pipeline as a project".
    r"\b(?-i:called|described)\s+(?:it|the|this|that|them|his|her|their|its)\b",
    r"\b(?-i:described)\s+\w+(?:\s+\w+){0,5}\s+as\b",
)

_PRESCRIPTION = re.compile("|".join(PRESCRIPTION_CUES), re.IGNORECASE)
_REPORTED = re.compile("|".join(REPORTED_POSITION_CUES), re.IGNORECASE)
_FORECAST = re.compile("|".join(FORECAST_CUES), re.IGNORECASE)
_ASSESSMENT = re.compile("|".join(ASSESSMENT_CUES), re.IGNORECASE)

# Words that make even a short unpunctuated line a statement rather than a label.
_VERB_CUES = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|do|does|did|will|would|can|could"
    r"|may|might|must|shall|should)\b",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!;…][\"'”’)\]]*$")
_QUESTION = re.compile(r"\?[\"'”’)\]]*$")
_MAX_LABEL_WORDS = 8


def is_assertive(sentence: str, language: str = "en") -> bool:
    """Whether `sentence` states something that could be checked.

    Questions and empty text are not claims. A line that does not end like a sentence or a
    list item (".", "!", ";") is taken for a label ("Regional implications", "Key points:")
    only when it is short and has no auxiliary verb; anything longer, such as a full sentence
    that introduces a list with ":", counts as a claim. A sentence that is page furniture on its
    own (app/ingest/furniture.py) inside a paragraph is none.
    """
    if furniture_rule(sentence) is not None:
        return False  # "(Click here for …)", "Fuente: Primicias." inside a paragraph
    if language == "es":
        return is_assertive_es(sentence)
    text = sentence.strip()
    if not text or _QUESTION.search(text):
        return False
    if _TERMINAL.search(text):
        return True
    return len(text.split()) > _MAX_LABEL_WORDS or _VERB_CUES.search(text) is not None


def _has_prescription(text: str) -> bool:
    cues = [m.start() for m in _PRESCRIPTION.finditer(text)]
    reported = [(m.start(), m.end()) for m in _REPORTED.finditer(text)]
    return any(not any(start <= cue < end for start, end in reported) for cue in cues)


def classify_claim(sentence: str, language: str = "en") -> ClaimKind:
    """The kind of claim `sentence` makes: the first of prescription, forecast, assessment
    whose cues it contains, else fact; a Spanish sentence by its own cues
    (app/ingest/claims_es.py)."""
    if language == "es":
        return classify_claim_es(sentence)
    if _has_prescription(sentence):
        return ClaimKind.PRESCRIPTION
    if _FORECAST.search(sentence):
        return ClaimKind.FORECAST
    if _ASSESSMENT.search(sentence):
        return ClaimKind.ASSESSMENT
    return ClaimKind.FACT
