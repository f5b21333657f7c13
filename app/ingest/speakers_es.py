"""Who said it, in Spanish: the speaker a sentence attributes its claim to.

The forms of Spanish news copy, read as app/ingest/speakers.py reads the English ones:

- "X dijo que ...", "X afirmó ...", "Analistas del sector consideran que ...": the subject
  just before a reporting verb, back to the start of its clause; an apposition is skipped
  ("Igor Sechin, jefe de Rosneft, dijo" is Igor Sechin);
- "«...», afirmó X en ..." and "..., dijo el presidente X tras ...": after quoted speech or a
  comma the subject follows the verb, up to a preposition or a clause mark;
- '"...", añadió.': Spanish drops the pronoun, so a verb after quoted speech with no subject
  is the one who spoke last in the section (an empty name; the pipeline resolves it);
- "según X", "de acuerdo con X", and "Para X, ..." opening a sentence: the phrase after them.

The speaker's actor is the one a preposition's phrase starts with when a mention ends right
before it ("Hapag-Lloyd de Alemania"), else the one the phrase ends on ("dos funcionarios del
Departamento del Tesoro", "un comunicado del gobierno venezolano", "el Servicio Geológico de
Estados Unidos"): Spanish names hold "de", so a preposition alone does not end one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from app.ingest.actors import MentionDraft
from app.ingest.speakers import SpeakerDraft

__all__ = ["find_speaker_es", "resolve_speaker_es"]

# Reporting verbs, lowercase only: the preterite, the present and its plural.
_VERBS = (
    r"dijo|dijeron|dice|dicen|afirmó|afirmaron|afirma|afirman|declaró|declararon|declara"
    r"|explicó|explicaron|explica|aseguró|aseguraron|asegura|aseguran|señaló|señalaron|señala"
    r"|añadió|añadieron|agregó|agregaron|indicó|indicaron|indica|sostiene|sostienen|sostuvo"
    r"|advirtió|advirtieron|advierte|advierten|considera|consideran|consideró|argumenta"
    r"|argumentan|argumentó|estima|estiman|estimó|opina|opinan|opinó|cree|creen|escribió"
    r"|prevé|prevén|previó|concluyó|concluye|reconoció|admitió|subrayó|destacó|insistió"
    r"|precisó|apuntó|comentó|anunció|informó|alertó|reveló|manifestó|aclaró|recordó"
    r"|alegó|alega|alegan|destacó|aseveró|sentenció|puntualizó|reiteró|reiteraron|reitera"
)
_VERB = re.compile(rf"(?<![\w-])(?:{_VERBS})(?![\w-])")
_ACCORDING = re.compile(r"(?<![\w-])(?:[Ss]egún|[Dd]e\s+acuerdo\s+con)\s+")
_TOLD_FROM = re.compile(rf"(?:{_VERBS})\s+(?:desde\s+)?(?=\w)")
_FOR = re.compile(r"^\s*Para\s+(?=[A-ZÁÉÍÓÚÑ])")
_CLAUSE_MARKS = ',;:("“”«»—–'
_QUOTE_ENDS = ('",', "”,", "»,", "',", "’,", '?"', "?»", "?”", '!"', "!»", "!”")
_CLAUSE_WORDS = frozenset({
    "que", "y", "e", "pero", "mientras", "porque", "aunque", "cuando", "donde", "si", "o",
    "u", "ni", "como", "pues", "tras",
})  # fmt: skip
_RELATIVES = frozenset({"que", "quien", "quienes", "cual", "cuales", "donde"})
_BETWEEN = frozenset({"también", "ya", "además", "hoy", "ayer", "luego", "no", "se", "le", "les"})
_DETERMINERS = frozenset({
    "el", "la", "los", "las", "un", "una", "unos", "unas", "este", "esta", "su", "sus",
})  # fmt: skip
_PRONOUNS = frozenset({"él", "ella", "ellos", "ellas", "nosotros", "yo"})
_SINGULAR = frozenset({"él", "ella"})
_SPEAKERS = frozenset({
    "analista", "analistas", "experto", "expertos", "experta", "funcionario", "funcionarios",
    "fuente", "fuentes", "portavoz", "vocero", "vocera", "ministro", "ministra", "ministerio",
    "presidente", "presidenta", "gobierno", "empresa", "compañía", "comunicado", "informe",
    "estudio", "cifras", "datos", "estimaciones", "diplomático", "diplomáticos", "economista",
    "economistas", "críticos", "observadores", "inversores", "director", "directora", "jefe",
    "jefa", "embajador", "embajadora", "autoridades", "agencia", "banco", "fondo",
    "investigador", "investigadora", "consultora", "aduanas", "general", "canciller",
    "portavoces", "representante", "representantes", "dirigentes", "líder", "líderes",
    # Bodies named by what they are: "dijo la autoridad", "el organismo reiteró".
    "autoridad", "entidad", "organismo", "institución", "instituto", "consejo", "junta",
    "comisión", "emisor",
})  # fmt: skip
_AFTER_STOPS = frozenset({
    "en", "durante", "tras", "después", "antes", "ante", "a", "al", "con", "desde", "que",
    "este", "esta", "el", "ayer", "hoy", "mientras", "cuando", "para", "por", "sobre",
})  # fmt: skip
_PREPOSITIONS = frozenset({"de", "del", "en", "desde"})
_MAX_WORDS = 12
_ACRONYM_BEFORE = re.compile(r"(?<=\w)\s*\([A-Z][A-Za-z&-]{1,9}\)\s*,?\s*$")
_SET_OFF_NAME = re.compile(
    r",\s+(?P<name>[A-ZÁÉÍÓÚÑ][\wáéíóúñü'’-]+(?:\s+(?:de\s+|del\s+)?[A-ZÁÉÍÓÚÑ][\wáéíóúñü'’-]+){1,3})"
    r"\s*(?=[,.;]|$)"
)
_LEADING_ADVERBIAL = re.compile(
    r"\s*(?:(?:desde|en|ante|tras)\s+[A-ZÁÉÍÓÚÑ][\wáéíóúñü'’-]+|ayer|hoy|anoche|este\s+\w+"
    r"|el\s+(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo))(?=\s)"
)
_TIME_BEFORE = re.compile(
    r"(?i:(?:el|este|esta)\s+(?:pasado\s+)?(?:lunes|martes|miércoles|jueves|viernes|sábado"
    r"|domingo)|ayer|hoy|anoche)\s+"
)
_WORD = re.compile(r"[\w'’.&-]+")


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _is_someone(words: list[str]) -> bool:
    if not words or len(words) > _MAX_WORDS:
        return False
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        return True
    if words[-1].lower() in _CLAUSE_WORDS:
        return False
    if any(w.lower().rstrip(".") in _SPEAKERS for w in words):  # "…, dijo la autoridad."
        return True
    named = [w for w in words if w.lower() not in _DETERMINERS]
    return bool(named) and named[-1][0].isupper()


def _is_name(phrase: str) -> bool:
    """Every word capitalised, past a determiner and a title: "Simón Zerpa", "la general
    Laura Richardson", but not "jefe de Rosneft"."""
    words = _words(phrase)
    while words and (words[0].lower() in _DETERMINERS or words[0].lower() in _SPEAKERS):
        words = words[1:]
    return bool(words) and all(w[0].isupper() for w in words)


def _subject_before(sentence: str, verb_start: int) -> tuple[int, int] | None:
    # "el Partido Socialista Unido de Venezuela (PSUV), sostuvo": the acronym is no clause mark.
    verb = verb_start
    if acronym := _ACRONYM_BEFORE.search(sentence, 0, verb_start):
        verb_start = acronym.start()
    words = [(m.start(), m.end()) for m in _WORD.finditer(sentence, 0, verb_start)]
    while words and sentence[words[-1][0] : words[-1][1]].lower() in _BETWEEN:
        words.pop()
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
    # "Igor Sechin, jefe de Rosneft, dijo": of the apposition and the name, the name.
    comma = sentence.rfind(",", 0, first)
    if "," in sentence[end:verb] and comma >= 0 and not sentence[comma + 1 : first].strip():
        outer = _subject_before(sentence, comma)
        if outer is not None and sentence[outer[0]].isupper() and not _is_name(sentence[first:end]):
            return outer
    return first, end


def _phrase_after(sentence: str, at: int, stops: frozenset[str]) -> tuple[int, int] | None:
    # "anunció desde Moscú el presidente …", "dijo ayer el ministro …": where and when come
    # between the verb and its subject.
    while lead := _LEADING_ADVERBIAL.match(sentence, at):
        at = lead.end()
    span: list[tuple[int, int]] = []
    for m in _WORD.finditer(sentence, at):
        gap = sentence[span[-1][1] if span else at : m.start()]
        if any(c in _CLAUSE_MARKS for c in gap) or (span and m[0].lower() in stops):
            break
        span.append((m.start(), m.end()))
    if not span:
        return None
    return span[0][0], span[-1][1]


def _named_after(sentence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "dijo el portavoz del Kremlin, Dmitry Peskov.": the name set off after an office."""
    if span is None:
        return None
    named = _SET_OFF_NAME.match(sentence, span[1])
    if named is None or _is_name(sentence[span[0] : span[1]]):
        return span
    return named.start("name"), named.end("name")


def _without_time(sentence: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """ "El miércoles el presidente Donald Trump": the day is no part of the speaker."""
    if span is None:
        return None
    time = _TIME_BEFORE.match(sentence, span[0], span[1])
    return (time.end(), span[1]) if time is not None and time.end() < span[1] else span


def _is_subject(sentence: str, span: tuple[int, int] | None) -> bool:
    if span is None:
        return False
    words = _words(sentence[span[0] : span[1]])
    return bool(words) and words[0].lower() not in _CLAUSE_WORDS and _is_someone(words)


def _after_verb(sentence: str, verb_start: int) -> bool:
    """Whether the verb comes after quoted speech or a clause: "«…», afirmó X", "…, dijo X"."""
    before = sentence[:verb_start].rstrip()
    return before.endswith(_QUOTE_ENDS) or before.endswith(",")


def _trimmed(sentence: str, start: int, end: int) -> tuple[int, int]:
    stripped = sentence[start:end].rstrip(".,;:")
    return start, start + len(stripped)


def find_speaker_es(text: str, start: int, end: int) -> SpeakerDraft | None:
    """The speaker the Spanish sentence `text[start:end]` attributes its claim to, else None;
    an empty name for a verb after quoted speech with no subject (the last speaker)."""
    sentence = text[start:end]
    found: tuple[int, int] | None = None
    according = _ACCORDING.search(sentence)
    for verb in _VERB.finditer(sentence):
        if according is not None and according.start() < verb.start():
            break
        quoted = sentence[: verb.start()].rstrip().endswith(_QUOTE_ENDS)
        if _after_verb(sentence, verb.start()):
            found = _named_after(sentence, _phrase_after(sentence, verb.end(), _AFTER_STOPS))
            if _is_subject(sentence, found):
                break
            if quoted:
                return SpeakerDraft(start + verb.start(), start + verb.start(), "")
        # "El Sr. Pérez, ministro de Petróleo, afirmó que": the subject is before the verb.
        found = _without_time(sentence, _subject_before(sentence, verb.start()))
        if _is_subject(sentence, found):
            break
        found = None
    if found is None and according is not None:
        # "según explica desde el banco": the verb, and where it speaks from, come first.
        at = according.end()
        if told := _TOLD_FROM.match(sentence, at):
            at = told.end()
        found = _phrase_after(sentence, at, frozenset({"que", "quien", "quienes"}))
    if found is None and (opening := _FOR.match(sentence)) and "," in sentence:
        found = _phrase_after(sentence, opening.end(), _AFTER_STOPS)
        if found is not None and not _is_name(sentence[found[0] : found[1]]):
            found = None
    if found is None or len(_words(sentence[found[0] : found[1]])) > _MAX_WORDS:
        return None
    first, last = _trimmed(sentence, *found)
    return SpeakerDraft(start + first, start + last, " ".join(sentence[first:last].split()))


def resolve_speaker_es(
    speaker: SpeakerDraft, mentions: Sequence[MentionDraft], previous: str | None = None
) -> str | None:
    """The actor the Spanish speaker phrase is (see the module's docstring); "él", "ella" and
    the empty name of a dropped pronoun are `previous`."""
    if not speaker.name or speaker.name.lower() in _SINGULAR:
        return previous
    inside = [m for m in mentions if speaker.start <= m.start and m.end <= speaker.end]
    if not inside:
        return None
    for word in _WORD.finditer(speaker.name):
        if word[0].lower() in _PREPOSITIONS:
            lead = speaker.start + len(speaker.name[: word.start()].rstrip())
            before = [m for m in inside if m.end == lead]
            if before:
                return before[-1].actor_id
            break
    head = inside[-1]
    return head.actor_id if head.end == speaker.end else None
