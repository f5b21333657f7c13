"""The kind of claim a Spanish sentence makes, by the cues of app/ingest/claims.py in Spanish.

The same precedence as in English (prescription, forecast, assessment, else fact) and the same
kind of cue, each a word or phrase and never the meaning:

- prescription: "debería", "debe" (not "debe de", a guess), "tendría que", "tiene que", "hay
  que", "habría que", "es necesario", "recomienda", "insta", "urge";
- forecast: the future tense ("será", "aprobará", "tendrán"), the conditional of the verbs
  that forecast ("podría", "costaría", "estaría"; the nouns in "-ería" and "-oría", such as
  "refinería" or "mayoría", are not verbs), "prevé", "se espera", "espera que", "va a",
  "probablemente", "es probable que";
- assessment: opinion verbs ("considera", "sostiene", "argumenta", "cree", "opina",
  "advirtió", "concluyó que", "estima"), "a juicio de", "en su opinión", "parece", and a
  judgement stated with "es" ("es clave", "es grave").
"""

from __future__ import annotations

import re

from app.models.vocabulary import ClaimKind

__all__ = ["classify_claim_es", "is_assertive_es"]

PRESCRIPTION_CUES_ES: tuple[str, ...] = (
    r"\bdeber(?:ía|ían|íamos|á|án)\b",
    r"\bdeben?\b(?!\s+de\b)",
    r"\bdebemos\b",
    r"\b(?:tendría|tendrían|tendríamos|tiene|tienen|tenemos)\s+que\b",
    r"\b(?:hay|habría|habrá)\s+que\b",
    r"\bes\s+(?:necesario|imprescindible|urgente|preciso|indispensable)\b",
    r"\bhace\s+falta\b",
    r"\brecomend(?:amos|ó|aron|ar)\b",
    r"\brecomiendan?\b",
    r"\b(?:insta|instan|instó|instaron|urge|urgen|exhorta|exhortó)\b",
    r"\bconviene\b",
)

# The conditional of verbs that forecast, written out: a suffix rule would take the nouns in
# "-ería" ("refinería", "batería", "Cancillería") for verbs.
_CONDITIONAL = (
    r"podría|sería|estaría|tendría|habría|haría|costaría|reduciría|aumentaría|permitiría"
    r"|llegaría|afectaría|crecería|caería|subiría|bajaría|necesitaría|supondría|implicaría"
    r"|alcanzaría|obligaría|quedaría|daría|iría|vendría|saldría|pondría|valdría|duraría"
    r"|transportaría|exportaría|produciría|dejaría|perdería|ganaría|superaría|cambiaría"
)

FORECAST_CUES_ES: tuple[str, ...] = (
    # The future tense: "será", "aprobará", "tendrán", "seremos".
    r"\b\w+r(?:á|án)\b",
    r"\b\w+(?:aremos|eremos|iremos|dremos|bremos)\b",
    rf"\b(?:{_CONDITIONAL})n?\b",
    r"\bprev(?:é|én|ía|ían|eía|ió|ieron|isto|ista|istos|istas)\b",
    r"\bse\s+(?:espera|esperan|prevé|prevén|proyecta|estima\s+que)\b",
    r"\bespera(?:n|mos)?\s+(?:que|\w+(?:ar|er|ir))\b",
    r"\b(?:va|van|vamos)\s+a\s+\w+(?:ar|er|ir)\b",
    r"\b(?:probablemente|previsiblemente|posiblemente)\b",
    r"\bes\s+(?:probable|posible|previsible)\s+que\b",
    r"\bpuede\s+que\b",
    r"\bpronostic(?:a|an|ó|aron)\b",
)

ASSESSMENT_CUES_ES: tuple[str, ...] = (
    r"\b(?:considera|consideran|consideró|consideraron|consideramos)\b",
    r"\b(?:sostiene|sostienen|sostuvo|sostuvieron|sostenemos)\b",
    r"\b(?:argumenta|argumentan|argumentó|argumentaron|argumentamos)\b",
    r"\b(?:cree|creen|creyó|creemos|opina|opinan|opinó)\b",
    r"\b(?:advierte|advierten|advirtió|advirtieron|alerta|alertó)\b",
    r"\bconclu(?:ye|yen|yó|yeron)\s+que\b",
    r"\b(?:estima|estiman|estimó|estimaron|estimaciones)\b",
    r"\ba\s+(?:juicio|criterio)\s+de\b",
    r"\ben\s+(?:mi|su|nuestra)\s+opinión\b",
    r"\bparecen?\b",
    r"\bes\s+(?:muy\s+)?(?:grande|enorme|grave|evidente|clave|crucial|importante|decisiv[oa]"
    r"|fundamental|esencial|vital|insuficiente|poco\s+realista)\b",
    r"\b(?:calificó|describió|definió)\s+\w+(?:\s+\w+){0,5}\s+como\b",
    r"\bsignificativ[oa]s?\b",
)

_PRESCRIPTION = re.compile("|".join(PRESCRIPTION_CUES_ES), re.IGNORECASE)
_FORECAST = re.compile("|".join(FORECAST_CUES_ES), re.IGNORECASE)
_ASSESSMENT = re.compile("|".join(ASSESSMENT_CUES_ES), re.IGNORECASE)

_VERB_CUES = re.compile(
    r"\b(?:es|son|fue|fueron|era|eran|está|están|ha|han|había|será|serán|puede|pueden|podría"
    r"|debe|deben|debería|tiene|tienen|hay)\b",
    re.IGNORECASE,
)
_TERMINAL = re.compile(r"[.!;…][\"'”’»)\]]*$")
_QUESTION = re.compile(r"\?[\"'”’»)\]]*$")
_MAX_LABEL_WORDS = 8


def is_assertive_es(sentence: str) -> bool:
    """As `is_assertive` (app/ingest/claims.py), with Spanish auxiliaries for the labels."""
    text = sentence.strip()
    if not text or _QUESTION.search(text):
        return False
    if _TERMINAL.search(text):
        return True
    return len(text.split()) > _MAX_LABEL_WORDS or _VERB_CUES.search(text) is not None


def classify_claim_es(sentence: str) -> ClaimKind:
    """The first of prescription, forecast, assessment whose Spanish cues `sentence` holds,
    else fact."""
    if _PRESCRIPTION.search(sentence):
        return ClaimKind.PRESCRIPTION
    if _FORECAST.search(sentence):
        return ClaimKind.FORECAST
    if _ASSESSMENT.search(sentence):
        return ClaimKind.ASSESSMENT
    return ClaimKind.FACT
