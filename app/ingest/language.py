"""An article's language: ISO 639-1, declared or detected.

A language arrives declared (`<html lang="es-ES">`, front matter `language:`, `--language`, the
POST parameter `language`) as a BCP 47 tag, of which the primary subtag is kept (`es-ES` -> `es`),
if it is an ISO 639-1 code (pycountry's table says). When nothing declares one, py3langid reads
it from the text: a naive Bayes model over byte n-grams of 97 languages, 4.6 MB on disk, mapped
from an uncompressed copy (app/ingest/language_model.py: a process holds only the pages it reads;
loaded on first use, and never in a serving process: app/ingest/model_workers.py), a few
milliseconds on an article, no network (bench/language_detectors.py measures it against
langdetect and lingua; docs/ingest.md has the numbers). A text too short or too mixed for a
confident answer is `und` (BCP 47's "undetermined"), never a guess.

English and Spanish are read, each with its own rules (`ReadingLanguage`); `reading_language`
says which rules an article gets: `und` is read as English (a short or mixed text is far more
often English here than anything else, and English rules on it find what they can), and any
other language is refused with `UnsupportedLanguageError` rather than read with rules not
made for it.
"""

from __future__ import annotations

import functools
import re
from typing import Protocol, cast

import pycountry

from app.models.vocabulary import ReadingLanguage

UNDETERMINED = "und"
# Below this probability the detector's answer is a guess; short texts land there.
MIN_CONFIDENCE = 0.3
# Detection reads at most this much text: the first paragraphs decide, and time stays bounded.
MAX_DETECTED_CHARS = 5_000
_TAG = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


class LanguageError(ValueError):
    """A declared language is not a language tag; the message says so."""


class UnsupportedLanguageError(ValueError):
    """The article is in a language this service does not read; the message says which, and
    how to declare another."""

    def __init__(self, code: str) -> None:
        read = " and ".join(f"{_language_name(lang)} ({lang})" for lang in ReadingLanguage)
        super().__init__(
            f"the text is in {_language_name(code)} ({code}): only {read} articles are read; "
            "if the text is in one of them, declare it (--language, or the parameter language)"
        )
        self.code = code


def reading_language(code: str) -> ReadingLanguage:
    """The rules an article whose language is `code` (ISO 639-1, or `und`) is read with:
    its own for English and Spanish, English for `und`; UnsupportedLanguageError for any
    other."""
    if code == UNDETERMINED:
        return ReadingLanguage.EN
    try:
        return ReadingLanguage(code)
    except ValueError:
        raise UnsupportedLanguageError(code) from None


def _language_name(code: str) -> str:
    found = pycountry.languages.get(alpha_2=code)
    return str(found.name) if found is not None else "an unknown language"


class _Identifier(Protocol):
    def classify(self, text: str) -> tuple[str, float]: ...


def language_code(tag: str | None) -> str | None:
    """The ISO 639-1 code of a declared BCP 47 tag (`en-GB` -> `en`), `und` for one naming no
    ISO 639-1 language (`haw`), None when nothing is declared; LanguageError for what is not a
    tag at all."""
    if tag is None or not tag.strip():
        return None
    tag = tag.strip()
    if not _TAG.fullmatch(tag):
        raise LanguageError(f"language: a language tag such as en or es-ES, not {tag[:40]!r}")
    primary = tag.replace("_", "-").split("-")[0].lower()
    if primary == UNDETERMINED:
        return UNDETERMINED
    return primary if pycountry.languages.get(alpha_2=primary) is not None else UNDETERMINED


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language `text` is written in, or `und` when unsure."""
    sample = text[:MAX_DETECTED_CHARS]
    if not any(c.isalpha() for c in sample):
        return UNDETERMINED
    code, confidence = _identifier().classify(sample)
    if confidence < MIN_CONFIDENCE or pycountry.languages.get(alpha_2=code) is None:
        return UNDETERMINED
    return code


@functools.cache
def _identifier() -> _Identifier:
    from app.ingest.language_model import load_identifier

    return cast(_Identifier, load_identifier())
